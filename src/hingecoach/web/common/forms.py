"""Form helpers every page shares: date inputs, and a service's errors shown on the form.

Services raise ``ValidationError({field: message})``; ``run_service`` calls one with a
valid form's data and, when it refuses, puts each message next to the field it names
(or at the top of the form for a field the form does not have). A refused write saves
nothing: the services are atomic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError

from hingecoach.core.validation import iso_date

T = TypeVar("T")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class IsoDateField(forms.DateField):
    """A date written YYYY-MM-DD, as the date input sends it and as the API and the CLI
    read it; not the locale's other ways (``11/01/2026``, ``2026-11-1``)."""

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return iso_date(str(value).strip())
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None


def date_field(
    *, label: str = "Date", required: bool = True, today: bool = True, help_text: str = ""
) -> forms.DateField:
    return IsoDateField(
        label=label,
        required=required,
        widget=DateInput(),
        initial=dt.date.today if today else None,
        help_text=help_text,
    )


def add_service_errors(
    form: forms.BaseForm, exc: ValidationError, fields: Mapping[str, str] | None = None
) -> None:
    """Show a service's refusal on ``form``; ``fields`` renames service fields to form fields."""
    fields = fields or {}
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    for name, messages in errors.items():
        target: str | None = fields.get(name, name)
        if target not in form.fields:
            messages = [f"{name}: {m}" if name != "__all__" else m for m in messages]
            target = None
        for message in messages:
            form.add_error(target, message)


def run_service(form: forms.BaseForm, service: Callable[..., T], /, **kwargs: Any) -> T | None:
    """``service(**kwargs)``, or None with the refusal shown on ``form``."""
    try:
        return service(**kwargs)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
