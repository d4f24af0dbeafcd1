"""Every API failure answers JSON ``{"field", "message"}`` with a 4xx status.

The handlers turn each kind of refusal into that shape; ``ApiErrorsMiddleware`` catches
whatever reaches Django outside the API's views (an unknown path under /api/, a method
the path does not take) and answers it the same way.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, cast

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic_core import ErrorDetails

from hingecoach.core import HingecoachError
from hingecoach.core.errors import UnreadableJson
from hingecoach.core.validation import describe
from hingecoach.web.athletes.validators import RecordConflict

log = logging.getLogger("hingecoach.api")
SKIP = ("body", "payload", "case", "path", "query")


def error_body(field: str, message: str, detail: list | None = None) -> dict[str, Any]:
    return {"field": field, "message": message, "detail": detail or []}


def _refused(status: int, request: HttpRequest, field: str, message: str) -> None:
    log.info("refused %s %s: %s %s: %s", request.method, request.path, status, field, message)


def install(api: NinjaAPI) -> None:
    """Register the handlers on ``api``."""

    def answer(
        request: HttpRequest, status: int, field: str, message: str, detail: list | None = None
    ) -> HttpResponse:
        _refused(status, request, field, message)
        return api.create_response(request, error_body(field, message, detail), status=status)

    @api.exception_handler(NinjaValidationError)
    def _invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [dict(e) for e in exc.errors]
        first = errors[0] if errors else {"loc": (), "msg": "invalid input", "type": ""}
        loc = tuple(p for p in first.get("loc", ()) if p not in SKIP)
        # ninja passes pydantic's error details on as plain dicts
        field, message = (
            describe(cast(ErrorDetails, {**first, "loc": loc}))
            if "input" in first
            else (".".join(map(str, loc)), str(first.get("msg", "invalid")).lower())
        )
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in errors]
        return answer(request, 422, field or "body", message, detail)

    @api.exception_handler(HingecoachError)
    def _bad_input(request: HttpRequest, exc: HingecoachError) -> HttpResponse:
        status = 400 if isinstance(exc, UnreadableJson) else 422
        return answer(request, status, exc.field, exc.message)

    @api.exception_handler(DjangoValidationError)
    def _bad_record(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        field, messages = (
            next(iter(exc.message_dict.items()))
            if hasattr(exc, "error_dict")
            else ("body", exc.messages)
        )
        status = 409 if isinstance(exc, RecordConflict) else 422
        return answer(request, status, field, "; ".join(messages))

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        text = (str(exc) or "not found").rstrip(".")
        return answer(request, 404, "id", f"{text[0].lower()}{text[1:]} in your team")

    @api.exception_handler(HttpError)
    def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        cause = exc.__cause__  # ninja's 400 for a body its parser refused: say why
        if isinstance(cause, HingecoachError):
            return _bad_input(request, cause)
        field = "X-CSRFToken" if "CSRF" in str(exc) else "body"
        return answer(request, exc.status_code, field, str(exc))

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return answer(request, 401, "Authorization", "sign in or send a coach's API token")

    @api.exception_handler(RequestDataTooBig)
    def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return answer(request, 413, "body", "the request body is too large")


class ApiErrorsMiddleware:
    """Under /api/, a non-JSON error response becomes the API's JSON error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/api/") or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        status = response.status_code
        field = {404: "path", 405: "method"}.get(response.status_code, "request")
        message = {
            404: f"no such endpoint: {request.path}",
            405: f"{request.method} is not allowed on {request.path}",
        }.get(response.status_code, response.reason_phrase.lower())
        _refused(status, request, field, message)
        replaced = JsonResponse(error_body(field, message), status=status)
        if response.has_header("Allow"):
            replaced["Allow"] = response["Allow"]
        return replaced

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not request.path.startswith("/api/"):
            return None
        if isinstance(exc, RequestDataTooBig):
            _refused(413, request, "body", "too large")
            return JsonResponse(error_body("body", "the request body is too large"), status=413)
        if isinstance(exc, RecursionError | json.JSONDecodeError | UnicodeDecodeError):
            _refused(400, request, "body", type(exc).__name__)
            return JsonResponse(error_body("body", "not readable JSON"), status=400)
        return None
