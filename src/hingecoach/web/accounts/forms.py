"""Forms of the coach-account pages (passwords use Django's own forms)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError

from hingecoach.web.teams.models import Membership


class InviteForm(forms.Form):
    """A new coach in the head coach's team, who then sets their own password."""

    username = forms.CharField(
        max_length=150,
        # the rule of every account here (Django's own): letters, digits and @ . + - _
        validators=[UnicodeUsernameValidator()],
        help_text="What they sign in with: letters, digits and @ . + - _ only, no spaces.",
    )
    first_name = forms.CharField(max_length=150, required=False, label="First name")
    email = forms.EmailField(required=False)
    role = forms.ChoiceField(
        choices=Membership.Role.choices, initial=Membership.Role.COACH, widget=forms.RadioSelect
    )


class SignInForm(AuthenticationForm):
    """Django's sign-in form, which also tells a deactivated coach why they cannot sign in,
    but only when their password was right: a wrong one reads the same for every name."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "inactive": "This account is deactivated. Ask your head coach to reactivate it.",
    }

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except ValidationError:
            if self._deactivated_with_right_password():
                raise ValidationError(self.error_messages["inactive"], code="inactive") from None
            raise

    def _deactivated_with_right_password(self) -> bool:
        if self.request is not None and getattr(self.request, "axes_locked_out", False):
            return False  # a locked-out name learns nothing more from its guesses
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return False
        user = get_user_model()._default_manager.filter(username=username).first()
        return user is not None and not user.is_active and user.check_password(password)
