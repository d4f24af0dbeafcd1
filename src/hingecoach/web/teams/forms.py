"""Forms of the settings page: API tokens, and for a head coach the unit."""

from __future__ import annotations

from django import forms

from hingecoach.web.teams.models import Team


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=60,
        initial="API token",
        label="Token name",
        help_text="What it is for, e.g. 'spreadsheet import'.",
    )


class UnitForm(forms.Form):
    unit = forms.ChoiceField(
        choices=Team.Unit.choices,
        widget=forms.RadioSelect,
        label="Loads are shown in",
        help_text="Loads are stored in kilograms; pounds are rounded to whole numbers.",
    )
