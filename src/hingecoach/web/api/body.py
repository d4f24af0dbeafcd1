"""Requests read as the CASE is read: one rule for every endpoint.

Text that is not readable JSON (not UTF-8, not JSON, nested deeper than any request
needs) is a 400 naming ``body``; a key given twice in one object is a 422 naming it
(``nrs: given twice``), as the CLI says of a CASE; so is a query parameter or form
field that takes one value, sent twice (``limit: given twice``).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.parser import Parser

from hingecoach.core.case import read_json
from hingecoach.core.errors import HingecoachError, UnreadableJson
from hingecoach.core.validation import field_path

BODY = "body"


def body_text(request: HttpRequest) -> str:
    """The request's body as text; bytes that are not UTF-8 are UnreadableJson."""
    try:
        return request.body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableJson(BODY, f"not UTF-8 text (byte {exc.start + 1})") from None


class BodyParser(Parser):
    """ninja's JSON parser, reading with the core's ``read_json``. ninja answers any
    failure here as its own 400; ``errors.install`` answers the cause instead."""

    def parse_body(self, request: HttpRequest) -> Any:
        return read_json(body_text(request), BODY, needed_by="request body")

    def parse_querydict(
        self, data: MultiValueDict, list_fields: list[str], request: HttpRequest
    ) -> Any:
        for key in data:
            if key not in list_fields and len(data.getlist(key)) > 1:
                raise HingecoachError(field_path([key]), "given twice")
        return super().parse_querydict(data, list_fields, request)
