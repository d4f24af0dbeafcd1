from __future__ import annotations

from typing import Any

from django import forms


class EraseForm(forms.Form):
    confirm = forms.CharField(label="Type the athlete's name to confirm", max_length=120)

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expected = name

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        if typed.casefold() != self.expected.strip().casefold():
            raise forms.ValidationError(f"'{typed}' is not '{self.expected}'")
        return typed
