"""Forms for athletes' pages. They check what a person typed; the services decide the rest.

Choices come from the catalog (conditions, red flags, faults, exercises) and are labelled
with their plain names; the stored values are the catalog's stable ids.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from hingecoach.web.athletes import validators
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.services import CHECKIN_FELT, CHECKIN_NOTE_MAX
from hingecoach.web.athletes.validators import NAME_MAX, NOTES_MAX, REPS_RANGE, TSK_ITEMS
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common.display import kg_to_unit
from hingecoach.web.common.display import number as number_text
from hingecoach.web.common.forms import date_field
from hingecoach.web.common.ladder import exercises_by_column
from hingecoach.web.common.loads import LoggedLoad, start_load

NRS_CHOICES = [(n, str(n)) for n in range(11)]
MAX_LOAD_KG = 500
NO_ANSWER = "tick every fault seen, or “No fault seen” for a pass: nothing is a pass by default"


def _choices(kind: str) -> list[tuple[str, str]]:
    return [(item.id, item.name) for item in getattr(web_catalog(), kind).values()]


def _checkboxes(kind: str, label: str, help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=_choices(kind),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


def _nrs(label: str, *, required: bool = True, help_text: str = "") -> forms.TypedChoiceField:
    blank: list[tuple[int | str, str]] = [] if required else [("", "–")]
    return forms.TypedChoiceField(
        label=label,
        choices=[*blank, *NRS_CHOICES],
        coerce=int,
        empty_value=None,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect(attrs={"class": "scale"}),
    )


def _words(sentence: str, **others: str) -> dict[str, str]:
    """A number field's refusals in the app's words (Django's stock "Ensure this value is
    ..." names no field and reads as code): ``sentence`` for a number out of range or not
    a number at all, ``others`` for any more particular case."""
    return {"invalid": sentence, "min_value": sentence, "max_value": sentence, **others}


class OneValueEach(forms.Form):
    """A field that takes one value refuses it sent twice, as the API refuses a JSON key
    given twice: the page never sends that, and keeping either would be a guess."""

    def clean(self) -> dict[str, Any]:
        super().clean()  # Form.clean gives back cleaned_data, never None
        if not isinstance(self.data, QueryDict):
            return self.cleaned_data
        for name, field in list(self.fields.items()):
            one = not isinstance(field, forms.MultipleChoiceField)
            if one and len(self.data.getlist(self.add_prefix(name))) > 1:
                self.add_error(name, "given twice")
        return self.cleaned_data


class AthleteForm(OneValueEach):
    """The athlete's profile: what ``services.athlete_create`` / ``athlete_update`` take."""

    name = forms.CharField(max_length=NAME_MAX)
    date_of_birth = date_field(
        label="Date of birth",
        today=False,
        help_text="The age is worked out from it (5 to 110 years).",
    )
    goal = forms.ChoiceField(
        choices=Athlete.Goal.choices,
        initial=Athlete.Goal.TECHNIQUE,
        help_text="Orders the options after a passed test.",
    )
    conditions = _checkboxes("conditions", "Conditions")
    medical_clearance = forms.BooleanField(
        required=False,
        label="Medical clearance to train",
        help_text="Needed before someone with a spinal fusion trains.",
    )
    clearance_date = date_field(
        label="Clearance given on", required=False, today=False, help_text="Left empty: today."
    )
    clearance_by = forms.CharField(max_length=NAME_MAX, required=False, label="Clearance given by")
    red_flags = _checkboxes(
        "red_flags",
        "Red flags",
        help_text="Tick any that apply: the athlete is referred and nothing is loaded.",
    )
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_date_of_birth(self) -> Any:
        """The service's age check, here too, so it shows beside the other fields' errors."""
        born = self.cleaned_data["date_of_birth"]
        try:
            validators.birth_date("date_of_birth", born)
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["date_of_birth"]) from None
        return born

    @staticmethod
    def initial_for(athlete: Athlete) -> dict[str, Any]:
        return {name: getattr(athlete, name) for name in AthleteForm.base_fields}


class HingeTestForm(OneValueEach):
    """The faults seen, or "no fault seen" ticked for a pass: a form sent with neither
    is refused, since nothing is saved as a pass by default (DOMAIN.md section 5)."""

    date = date_field()
    faults = forms.MultipleChoiceField(
        label="Faults seen",
        choices=_choices("faults"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick every fault seen; none seen: tick “No fault seen” below.",
    )
    no_fault = forms.BooleanField(required=False, label="No fault seen: the test is passed")
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        # The answer is read here; what the service takes is the faults alone.
        no_fault = data.pop("no_fault", False)
        if "faults" in self.errors:
            return data
        if not data.get("faults") and not no_fault:
            self.add_error("faults", NO_ANSWER)
        elif data.get("faults") and no_fault:
            self.add_error("no_fault", "ticked with faults seen: untick one or the other")
        return data

    def fault_details(self) -> list[tuple[Any, str]]:
        """Each fault's checkbox with what it looks like."""
        faults = web_catalog().faults
        return [(box, faults[box.data["value"]].looks_like) for box in self["faults"]]


class TestPreviewForm(OneValueEach):
    """What the test form's preview reads: the date and the faults ticked so far (none
    ticked yet previews a pass; the save asks for the answer)."""

    date = date_field()
    faults = forms.MultipleChoiceField(
        label="Faults",
        choices=_choices("faults"),
        required=False,
        error_messages={"invalid_choice": "%(value)s is not a fault this test looks for"},
    )


class PainForm(OneValueEach):
    date = date_field()
    nrs = _nrs("Pain now (0–10)", help_text="0 no pain, 10 the worst imaginable.")


class TskForm(OneValueEach):
    """A TSK-11 total, or the eleven item scores by number (the wording is not shown)."""

    date = date_field()
    total = forms.IntegerField(
        required=False,
        min_value=11,
        max_value=44,
        label="Total (11–44)",
        help_text="Or score every item below and leave this empty.",
        error_messages=_words("give a whole number from 11 to 44"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, TSK_ITEMS + 1):
            self.fields[f"item_{number}"] = forms.TypedChoiceField(
                label=f"Item {number}",
                required=False,
                coerce=int,
                empty_value=None,
                choices=[(n, str(n)) for n in range(1, 5)],
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                error_messages={"invalid_choice": "score each item 1 to 4"},
            )

    def item_fields(self) -> list[Any]:
        return [self[f"item_{n}"] for n in range(1, TSK_ITEMS + 1)]

    def clean(self) -> dict[str, Any]:
        super().clean()  # Form.clean gives back cleaned_data, never None
        data = self.cleaned_data
        items = [data.get(f"item_{n}") for n in range(1, TSK_ITEMS + 1)]
        given = [i for i in items if i is not None]
        if given and len(given) < TSK_ITEMS:
            for number, item in enumerate(items, start=1):
                if item is None:
                    self.add_error(f"item_{number}", "score every item, or none and give the total")
        elif not given and data.get("total") is None and "total" not in self.errors:
            self.add_error("total", "give the total or score all eleven items")
        data["items"] = given if len(given) == TSK_ITEMS else None
        return data


class MasteryForm(OneValueEach):
    exercises = forms.MultipleChoiceField(
        label="Mastered",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(e.id, e.name) for e in web_catalog()],
    )

    def grouped(self) -> list[tuple[str, list[Any]]]:
        """The checkboxes under their ladder column's name."""
        boxes = {box.data["value"]: box for box in self["exercises"]}
        return [
            (column, [boxes[e.id] for e in items])
            for column, items in exercises_by_column(web_catalog())
        ]


class SessionForm(OneValueEach):
    date = date_field()
    pain_during = _nrs("Pain during (0–10)", required=False)
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class LoadField(forms.DecimalField):
    """A load, whose refusal is said once: a load past the top fails two of Django's
    checks (the value and its whole digits), both worded as the top."""

    def run_validators(self, value: Any) -> None:
        try:
            super().run_validators(value)
        except ValidationError as exc:
            seen: dict[str, ValidationError] = {}
            for error in exc.error_list:
                seen.setdefault(" ".join(error.messages), error)
            raise ValidationError(list(seen.values())) from None


class SessionRowForm(OneValueEach):
    """One exercise done: sets, reps per set and the load in the team's unit."""

    done = forms.BooleanField(required=False, initial=True)
    exercise = forms.ChoiceField(  # not a test: a test is recorded, never trained
        required=False,
        error_messages={"invalid_choice": "%(value)s is not an exercise that is trained"},
        choices=[("", "Add an exercise…")]
        + [(e.id, e.name) for e in web_catalog() if e.role != "test"],
    )
    sets = forms.IntegerField(
        required=False, min_value=1, max_value=20, error_messages=_words("give 1 to 20 sets")
    )
    reps = forms.CharField(
        required=False,
        max_length=60,
        label="Reps",
        help_text="Per set: 10, or 10/8/6",
        error_messages={"max_length": "at most 60 characters: one count a set, e.g. 10/8/6"},
    )
    load = forms.DecimalField(required=False)  # replaced per unit in __init__

    def __init__(self, *args: Any, unit: str = "kg", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit
        top = kg_to_unit(MAX_LOAD_KG, unit)
        self.fields["load"] = LoadField(
            required=False,
            min_value=0,
            max_value=top,
            max_digits=7,
            decimal_places=2,
            label=f"Load ({unit})",
            help_text="Empty for bodyweight work.",
            error_messages=_words(
                f"give a load in {unit}, e.g. 22.5, or leave it empty for bodyweight work",
                min_value="a load is 0 or more",
                max_value=f"at most {number_text(top)} {unit}",
                max_digits=f"at most {number_text(top)} {unit}",
                max_whole_digits=f"at most {number_text(top)} {unit}",
                max_decimal_places="at most two decimals",
            ),
        )

    @property
    def included(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("done") and data.get("exercise"))

    def clean(self) -> dict[str, Any]:
        super().clean()  # Form.clean gives back cleaned_data, never None
        data = self.cleaned_data
        if not (data.get("done") and data.get("exercise")):
            return data
        reps = [int(r) for r in re.findall(r"\d+", data.get("reps") or "")]
        sets = data.get("sets") or len(reps)
        low, high = REPS_RANGE
        if not reps:
            self.add_error("reps", "give the reps done, e.g. 10 or 10/8/6")
        elif not all(low <= r <= high for r in reps):
            self.add_error("reps", f"each set is {low} to {high} reps: a set of 0 was not done")
        elif len(reps) == 1 and sets > 1:
            reps = reps * sets
        elif len(reps) != sets:
            self.add_error("reps", f"{len(reps)} rep counts given for {sets} sets")
        data["sets"], data["reps_list"] = sets, reps
        return data

    def service_row(self) -> dict[str, Any]:
        data = self.cleaned_data
        load = data.get("load")
        return {
            "exercise": data["exercise"],
            "sets": data["sets"],
            "reps": data["reps_list"],
            f"load_{self.unit}": load,  # kept as typed, in the team's unit
        }


SessionRowFormSet = formset_factory(SessionRowForm, extra=1)


def session_errors(form: forms.Form, rows: Any) -> list[tuple[str, str]]:
    """Every refusal of the log form, one a line, as (the field's id or "", a sentence
    naming the field): "Exercise 2 (Good Morning), reps: give the reps done"."""
    lines = [("", str(e)) for e in [*form.non_field_errors(), *rows.non_form_errors()]]
    lines += _field_lines(form, "")
    for number, row in enumerate(rows, start=1):
        exercise = row["exercise"].value()
        known = web_catalog().exercises.get(exercise or "")
        where = f"Exercise {number}" + (f" ({known.name})" if known else "")
        lines += [("", f"{where}: {e}") for e in row.non_field_errors()]
        lines += _field_lines(row, f"{where}, ")
    return lines


def _field_lines(form: forms.Form, where: str) -> list[tuple[str, str]]:
    lines = []
    for field in form:
        label = str(field.label).lower() if where else str(field.label)
        lines += [(field.id_for_label, f"{where}{label}: {e}") for e in field.errors]
    return lines


def plan_rows(
    items: list[Any], unit: str, last: Mapping[str, LoggedLoad] | None = None
) -> list[dict[str, Any]]:
    """Initial rows from today's plan (the re-test is recorded as a test, not logged),
    each load where gym mode starts it too (``loads.start_load``)."""
    rows = []
    for item in items:
        if item.role == "test":
            continue
        rx = item.prescription
        start = start_load(rx, unit, (last or {}).get(item.exercise))
        rows.append(
            {
                "done": True,
                "exercise": item.exercise,
                "sets": rx.sets,
                "reps": "/".join(str(r) for r in rx.reps),
                "load": None if start is None else number_text(start),
            }
        )
    return rows


class NextMorningForm(OneValueEach):
    nrs = forms.TypedChoiceField(label="Pain next morning", choices=NRS_CHOICES, coerce=int)
    felt = forms.CharField(required=False, max_length=200, label="How it felt")


class CheckinForm(OneValueEach):
    """The athlete's own morning-after report on the public check-in page."""

    pain_next_morning = forms.TypedChoiceField(
        label="Pain the morning after",
        choices=NRS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "scale"}),
        help_text="0 no pain, 10 the worst you can imagine.",
        error_messages={
            "required": "tap a number from 0 to 10",
            "invalid_choice": "%(value)s is not in the range 0..10",
        },
    )
    felt = forms.ChoiceField(
        label="How it felt",
        widget=forms.RadioSelect,
        choices=[(f, f.capitalize()) for f in CHECKIN_FELT],
        error_messages={
            "required": "tap the one closest to how it went",
            "invalid_choice": "'%(value)s' is not one of " + ", ".join(CHECKIN_FELT),
        },
    )
    note = forms.CharField(
        required=False,
        max_length=CHECKIN_NOTE_MAX,
        label="Anything else?",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


STAGE_FILTER = [
    ("", "Any stage"),
    ("corrective", "Corrective"),
    ("fundamental", "Fundamental"),
    ("challenge", "Challenge"),
    ("mastery", "Mastery"),
    ("pain-aware", "Pain-aware"),
    ("refer", "Refer"),
]
TEST_FILTER = [
    ("", "Any last test"),
    ("passed", "Last test passed"),
    ("failed", "Last test failed"),
    ("none", "Never tested"),
    ("stale", "Tested over 4 weeks ago"),
]


class AthleteFilterForm(forms.Form):
    """Search and filters of the athlete list (all optional; GET)."""

    q = forms.CharField(
        required=False,
        label="Search",
        widget=forms.SearchInput(attrs={"placeholder": "Name or notes"}),
    )
    stage = forms.ChoiceField(required=False, choices=STAGE_FILTER)
    tested = forms.ChoiceField(required=False, choices=TEST_FILTER, label="Last test")
    pain = forms.BooleanField(required=False, label="Pain flag")
    archived = forms.BooleanField(required=False, label="Archived")

    def selector_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "query": data.get("q", "").strip(),
            "stage": data.get("stage", ""),
            "tested": data.get("tested", ""),
            "pain": "yes" if data.get("pain") else "",
            "archived": bool(data.get("archived")),
        }


def filter_fields(query: QueryDict) -> SafeString:
    """The filter form's fields as HTML, showing the values in ``query`` (the list's GET
    parameters). The same for every coach: rendered once per process per set of values
    (Django's widgets cost about 1 ms a view)."""
    values = tuple((name, tuple(query.getlist(name))) for name in AthleteFilterForm.base_fields)
    return _filter_fields(values)


@functools.lru_cache(maxsize=256)
def _filter_fields(values: tuple[tuple[str, tuple[str, ...]], ...]) -> SafeString:
    data = QueryDict(mutable=True)
    for name, given in values:
        data.setlist(name, list(given))
    return render_to_string("athletes/_filter_fields.html", {"form": AthleteFilterForm(data)})
