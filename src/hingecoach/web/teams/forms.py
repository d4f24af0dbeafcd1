"""Forms of the settings page: API tokens, and for a head coach coaches and the unit."""

from __future__ import annotations

from django import forms

from hingecoach.web.teams.models import Membership, Team


class TokenForm(forms.Form):
    name = forms.CharField(max_length=60, initial="API token", label="Token name",
                           help_text="What it is for, e.g. 'spreadsheet import'.")


class CoachForm(forms.Form):
    """A new coach account in the head coach's team (``services.coach_create``)."""

    username = forms.CharField(max_length=150)
    first_name = forms.CharField(max_length=150, required=False, label="First name")
    email = forms.EmailField(required=False)
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text="At least 8 characters, not a common password.")
    role = forms.ChoiceField(choices=Membership.Role.choices, initial=Membership.Role.COACH,
                             widget=forms.RadioSelect)


class UnitForm(forms.Form):
    unit = forms.ChoiceField(choices=Team.Unit.choices, widget=forms.RadioSelect,
                             label="Loads are shown in",
                             help_text="Loads are stored in kilograms; pounds are rounded to "
                                       "whole numbers.")
