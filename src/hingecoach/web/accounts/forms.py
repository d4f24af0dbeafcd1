"""Forms of the coach-account pages (passwords use Django's own forms)."""

from __future__ import annotations

from django import forms

from hingecoach.web.teams.models import Membership


class InviteForm(forms.Form):
    """A new coach in the head coach's team, who then sets their own password."""

    username = forms.CharField(max_length=150, help_text="What they sign in with.")
    first_name = forms.CharField(max_length=150, required=False, label="First name")
    email = forms.EmailField(required=False)
    role = forms.ChoiceField(
        choices=Membership.Role.choices, initial=Membership.Role.COACH, widget=forms.RadioSelect
    )
