"""The form a coach assigns a block with. It reads the values; the service decides."""

from __future__ import annotations

from django import forms

from hingecoach.web.blocks.services import WEEKS_RANGE
from hingecoach.web.common.forms import date_field

DEFAULT_WEEKS = 4


class BlockForm(forms.Form):
    prefix = "block"
    weeks = forms.IntegerField(
        label="Weeks",
        initial=DEFAULT_WEEKS,
        widget=forms.NumberInput(
            attrs={"min": WEEKS_RANGE[0], "max": WEEKS_RANGE[1], "inputmode": "numeric"}
        ),
        help_text=f"{WEEKS_RANGE[0]} to {WEEKS_RANGE[1]} weeks, one session a week.",
    )
    start = date_field(label="First week starts on")
