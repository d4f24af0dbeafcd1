"""The one presentation module: units, labels, names, rounding and reasons in words.

The engine writes each reason once, as a rule id and the facts that fired it (ids, dates,
numbers, loads in both units). This module turns those into words in two voices:

- ``log``: the ``reasons`` strings of the contract (ids, ISO dates, kilograms, and the
  rule's id in a ``(rule: ...)`` tag), kept for existing callers;
- ``person``: ``why[].text`` and everything a screen, a printout or the CLI shows
  (exercise names, plain dates, the caller's units, no rule id).

The CLI, the web app and the printouts take every unit factor, label and load wording
from here; none of them takes a reason string apart.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, TypeVar

from hingecoach.core.catalog import Catalog
from hingecoach.core.results import Avoid, Block, Option, Plan, Recommendation, SessionItem, Why

Units = Literal["kg", "lb"]
Voice = Literal["log", "person"]
UNITS: tuple[Units, ...] = ("kg", "lb")
LB_PER_KG = 2.2046226218
UNIT_WORDS: dict[str, str] = {"kg": "kilograms", "lb": "pounds"}
NO_LOAD = "body weight"
DASH = "–"

STAGE_LABELS = {
    "corrective": "Corrective",
    "fundamental": "Fundamental",
    "challenge": "Challenge",
    "mastery": "Mastery",
    "pain-aware": "Pain-aware",
    "refer": "Refer",
}
# On paper a stage heads a page, so a referral says what to do.
STAGE_HEADINGS = {**STAGE_LABELS, "refer": "Refer to a clinician"}
ROLE_LABELS = {"drill": "Drill", "exercise": "Exercise", "test": "Test"}
PART_LABELS = {"warm-up": "Warm-up re-test", "drill": "Drill", "main": "Main work"}
GOAL_WORDS = {
    "technique": "technique",
    "hamstring-load": "hamstring load",
    "max-strength": "maximal strength",
}
TRACK_WORDS = {
    "stay": "strength work on good mornings",
    "stretch": "a harder hinge skill",
    "hamstring": "heel-anchored hamstring work",
}
RECHECK_WORDS = {"pain-now": "pain now (0-10)", "tsk11": "fear of movement (TSK-11)"}
# What a pain-aware block's re-check must not show rising, in a sentence.
RECHECKED_WORDS = {"pain-now": "pain", "tsk11": "fear of movement (TSK-11)"}
CAUSE_WORDS = {"retest-failed": "a failed re-test", "pain-flare": "a pain flare"}
IMPLEMENT_WORDS = {
    "barbell": "barbell",
    "kettlebell": "kettlebell",
    "dumbbell": "dumbbells",
    "machine": "machine stack",
    "dowel": "dowel or lightest bar",
}


# --- numbers and units -------------------------------------------------------------------


def kg_to_lb(kg: float) -> float:
    return float(kg) * LB_PER_KG


def lb_to_kg(lb: float) -> float:
    return float(lb) / LB_PER_KG


def number(value: float) -> str:
    """``20``, ``22.5``: no trailing zeros."""
    return f"{float(value):g}"


def logged_amount(kg: float, units: Units) -> float:
    """A load someone wrote down (stored in kg) in ``units``: pounds to the nearest pound."""
    return float(round(kg_to_lb(kg))) if units == "lb" else float(kg)


def logged_text(kg: float | None, units: Units) -> str:
    """``25 kg``, ``55 lb``, or ``body weight`` for a load written down."""
    if kg is None:
        return NO_LOAD
    return f"{number(logged_amount(kg, units))} {units}"


def logged_text_lb(lb: float) -> str:
    """A logged load as a pound gym had it (already on the pound grid)."""
    return f"{number(lb)} lb" if lb else NO_LOAD


def span(low: float, high: float, units: Units, dash: str = DASH) -> str:
    """``20–40 kg``, or one number when both ends agree; zero reads as body weight."""
    if high <= 0:
        return NO_LOAD
    a, b = number(low), number(high)
    return f"{a} {units}" if a == b else f"{a}{dash}{b} {units}"


def load_text(prescription: Any, units: Units, dash: str = DASH) -> str:
    """A prescription's load in ``units`` (the pound figures the core rounded for a gym)."""
    load = getattr(prescription, "load_kg" if units == "kg" else "load_lb", None)
    if load is None:
        return NO_LOAD
    text = span(load.min, load.max, units, dash)
    if getattr(prescription, "implement", None) == "dowel":
        return f"dowel, or a bar up to {number(load.max)} {units}" if load.max else "dowel"
    return text


def band_text(catalog: Catalog, exercise_id: str, band: str, units: Units) -> str:
    """An exercise's whole range for an age band, as the loads a gym has, in ``units``."""
    from hingecoach.core.engine.loads import band_windows  # the engine uses this module

    windows = band_windows(catalog[exercise_id], band, catalog.thresholds.loads)
    if windows is None:
        return NO_LOAD
    return span(windows[units].min, windows[units].max, units)


def rest_text(seconds: int, space: str = " ") -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds // 60}{space}min"
    if seconds > 60:
        return f"{seconds // 60}{space}min{space}{seconds % 60}{space}s"
    return f"{seconds}{space}s"


def scheme_text(reps: Sequence[int], per_side: bool = False, times: str = "x") -> str:
    """``3x10``, or ``10/8/6`` when the sets differ; ``each side`` when per side."""
    if not reps:
        return DASH
    text = f"{len(reps)}{times}{reps[0]}" if len(set(reps)) == 1 else "/".join(map(str, reps))
    return f"{text} each side" if per_side else text


@functools.lru_cache(maxsize=1024)  # a few hundred dates; strftime is slow to call
def date_text(value: str | dt.date) -> str:
    """``1 Nov 2026``."""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day.day} {day:%b %Y}"


# --- names ---------------------------------------------------------------------------------


def exercise_name(catalog: Catalog, exercise_id: str) -> str:
    exercise = catalog.exercises.get(exercise_id)
    return exercise.name if exercise else exercise_id


def fault_name(catalog: Catalog, fault_id: str) -> str:
    fault = catalog.faults.get(fault_id)
    return fault.name if fault else fault_id


def fault_noun(catalog: Catalog, fault_id: str) -> str:
    """The fault as a noun phrase that reads inside a sentence."""
    fault = catalog.faults.get(fault_id)
    if fault is None:
        return fault_id
    return fault.noun or fault.name.lower()


def red_flag_name(catalog: Catalog, flag_id: str) -> str:
    flag = catalog.red_flags.get(flag_id)
    return flag.name if flag else flag_id


def condition_name(catalog: Catalog, condition_id: str) -> str:
    condition = catalog.conditions.get(condition_id)
    return condition.name if condition else condition_id


def stage_label(stage: str) -> str:
    return STAGE_LABELS.get(stage, stage.replace("-", " ").capitalize() or "Not assessed")


def joined(words: Sequence[str], last: str = "and") -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


# --- reasons -------------------------------------------------------------------------------


class _Say:
    """Words for the facts of one reason, in one voice and one unit."""

    def __init__(self, catalog: Catalog, voice: Voice, units: Units) -> None:
        self.catalog, self.voice, self.units = catalog, voice, units

    @property
    def log(self) -> bool:
        return self.voice == "log"

    def exercise(self, value: str) -> str:
        return value if self.log else exercise_name(self.catalog, value)

    def exercises(self, ids: Sequence[str]) -> str:
        return ", ".join(ids) if self.log else joined([self.exercise(i) for i in ids])

    def fault(self, value: str) -> str:
        return value if self.log else fault_noun(self.catalog, value)

    def date(self, value: str) -> str:
        return value if self.log else date_text(value)

    def test(self, test: Mapping[str, Any] | None) -> str:
        if test is None:
            return (
                "no bodyweight hip hinge test on record"
                if self.log
                else "no hip hinge test is on record yet"
            )
        when, faults = self.date(test["date"]), test.get("faults") or []
        if "week" in test:
            return self.projected(test["week"], faults)
        if not faults:
            return f"test on {when} passed" if self.log else f"the hip hinge test on {when} passed"
        shown = ", ".join(faults) if self.log else joined([self.fault(f) for f in faults])
        return (
            f"test on {when} showed {shown}"
            if self.log
            else f"the hip hinge test on {when} showed {shown}"
        )

    def projected(self, week: int, faults: Sequence[str]) -> str:
        """A re-test the block projects: a condition, never a date that has passed."""
        if not faults:
            return f"if the week-{week} re-test passes"
        shown = ", ".join(faults) if self.log else joined([self.fault(f) for f in faults])
        return f"if the week-{week} re-test shows {shown}"

    def finding(self, facts: Mapping[str, Any]) -> str:
        """What a test found, for a rule about one fault."""
        if "week" in facts:
            return self.projected(facts["week"], [facts["fault"]])
        when, fault = self.date(facts["date"]), self.fault(facts["fault"])
        return (
            f"test on {when} showed {fault}"
            if self.log
            else f"the hip hinge test on {when} showed {fault}"
        )

    def mastered(self, ids: Sequence[str]) -> str:
        if not ids:
            return ""
        return (
            f"; {self.exercises(ids)} mastered"
            if self.log
            else f", with {self.exercises(ids)} mastered"
        )

    def mastered_by_then(self, facts: Mapping[str, Any], after_test: bool = False) -> str:
        """The mastered exercises, those a block only assumes (``by_then``) worded as a
        condition: "if Good Morning is mastered by then", never as a fact. ``after_test``
        words it to follow the test's clause: right after a projected re-test the two
        conditions join ("If the week-7 re-test passes and Good Morning is mastered by
        then")."""
        assumed = [i for i in facts.get("by_then") or [] if i in facts["mastered"]]
        have = self.mastered([i for i in facts["mastered"] if i not in assumed])
        if not assumed:
            return have
        if self.log:
            return f"{have}; if {self.exercises(assumed)} mastered by then"
        verb = "is" if len(assumed) == 1 else "are"
        condition = f"{self.exercises(assumed)} {verb} mastered by then"
        if not after_test:
            return f"{have}, if {condition}"
        if self.projected_test(facts):
            return f"{have}, and if {condition}" if have else f" and {condition}"
        return f"{have}; if {condition}"

    def missing(self, groups: Sequence[Sequence[str]]) -> str:
        if self.log:
            return " and ".join(" or ".join(group) for group in groups)
        return joined([joined([self.exercise(i) for i in g], "or") for g in groups])

    def flare(self, flare: Mapping[str, Any]) -> str:
        when = (
            "during the last session"
            if flare["when"] == "during"
            else "the morning after the last session"
        )
        limit = f"above {flare['limit']}/10" if self.log else f"above the {flare['limit']}/10 limit"
        return f"pain {when} was {flare['pain']}/10, {limit}"

    def cause(self, cause: Mapping[str, Any]) -> str:
        if "condition" in cause:
            cid = cause["condition"]
            return (
                f"condition {cid}"
                if self.log
                else f"{condition_name(self.catalog, cid).lower()} is recorded"
            )
        if "tsk11" in cause:
            return (
                f"TSK-11 total {cause['tsk11']} is in the {cause['band']} band"
                if self.log
                else f"fear of movement is {cause['band']} (TSK-11 {cause['tsk11']})"
            )
        return f"pain now {cause['pain']}/10 is above the safe zone (0-{cause['safe_max']}/10)"

    def causes(self, causes: Sequence[Mapping[str, Any]]) -> str:
        words = [self.cause(c) for c in causes]
        return "; ".join(words) if self.log else joined(words)

    def load(self, facts: Mapping[str, Any]) -> str:
        units = "kg" if self.log else self.units
        load = facts.get(f"load_{units}")
        if load is None:
            return NO_LOAD
        dash = "-" if self.log else DASH
        if facts.get("implement") == "dowel" and not self.log:
            if not load["max"]:
                return "a dowel"
            return f"a dowel, or a bar up to {number(load['max'])} {units}"
        return span(load["min"], load["max"], units, dash)

    def logged(self, kg: float) -> str:
        kg = round(float(kg), 2)  # as the web app stores a logged load
        if not kg:
            return "body weight"
        return f"{number(kg)} kg" if self.log else logged_text(kg, self.units)

    def heavier(self, facts: Mapping[str, Any]) -> str:
        """The words for a load over a logged one, naming the other unit where it is over
        only there (a kilogram and a pound gym round the two apart)."""
        units = "kg" if self.log else self.units
        over = facts.get("over_in") or [units]
        if units in over:
            return "heavier than"
        return f"heavier, in {UNIT_WORDS[over[0]]}, than"

    def instead(self, facts: Mapping[str, Any]) -> str:
        sub = facts.get("substitute")
        if not sub:
            return ""
        return f"; {self.exercise(sub)} stands in for {self.exercise(facts['exercise'])}"

    def words(self, facts: Mapping[str, Any]) -> dict[str, str]:
        """Each placeholder a rule's sentence may use, in words."""
        table = _WORDS
        out = {
            key: (table[key](self, value) if key in table else str(value))
            for key, value in facts.items()
        }
        out["load"] = self.load(facts)
        out["instead"] = self.instead(facts)
        if "track" in facts:
            out["track"] = self.track(facts)
        if "fault" in facts and "date" in facts:
            out["finding"] = self.finding(facts)
        if "flag" in facts:
            out["why"] = self.catalog.red_flags[facts["flag"]].why
        if "logged_kg" in facts:
            out["logged"] = out["logged_kg"]
            out["heavier"] = self.heavier(facts)
        if "logged_lb" in facts and not self.log and self.units == "lb":
            out["logged"] = logged_text_lb(facts["logged_lb"])
        if "start" in facts:
            out["start"] = self.start(facts)
        if "cause" in facts:
            out["cause"] = CAUSE_WORDS.get(facts["cause"], str(facts["cause"]))
        if "mastered" in facts:
            out["mastered"] = self.mastered_by_then(facts)
            out["test_mastered"] = out.get("test", "") + self.mastered_by_then(facts, True)
            out["series_done"] = (
                "if the corrective series is mastered by then, "
                if facts.get("by_then")
                else "the corrective series is done, so "
            )
        out["so"] = ", " if self.conditional(facts) else ", so "
        # A failed test on record is said once, in the test-failed warning.
        out["given"] = (
            "" if _failed_on_record(facts.get("test")) else out.get("test", "") + out["so"]
        )
        if "fault" in facts and "date" in facts:
            out["given_finding"] = "" if "week" not in facts else out["finding"] + out["so"]
        if "assumed" in facts:
            out["are"] = "is" if len(facts["assumed"]) == 1 else "are"
        if "change" in facts:
            out["change"] = self.change(facts, out)
            out["rechecked"] = joined([RECHECKED_WORDS.get(r, r) for r in facts["rechecks"]])
        return out

    def flag(self, value: str) -> str:
        return value if self.log else red_flag_name(self.catalog, value)

    def condition(self, value: str) -> str:
        return value if self.log else condition_name(self.catalog, value)

    def goal(self, value: str) -> str:
        return value if self.log else GOAL_WORDS.get(value, value)

    def change(self, facts: Mapping[str, Any], out: Mapping[str, str]) -> str:
        """What a block's gated step adds, in words."""
        if facts["change"] == "range":
            return f"move on to {facts['range']}"
        if facts["change"] == "exercise":
            return f"add {out['exercise']}"
        return f"move up to {out['load']}"

    @staticmethod
    def projected_test(facts: Mapping[str, Any]) -> bool:
        """Whether the reason rests on a re-test a block only projects."""
        test = facts.get("test")
        return "week" in facts or (isinstance(test, Mapping) and "week" in test)

    @classmethod
    def conditional(cls, facts: Mapping[str, Any]) -> bool:
        """Whether the reason rests on what a block only projects (an "if" clause): a
        re-test, or mastery assumed by then."""
        return cls.projected_test(facts) or bool(facts.get("by_then"))

    def track(self, facts: Mapping[str, Any]) -> str:
        """A track of the passed options, named for the exercise it is on."""
        track: str = facts["track"]
        if self.log:
            return str(track)
        if track == "stay" and facts.get("exercise"):
            return f"strength work on {self.exercise(facts['exercise'])}"
        return TRACK_WORDS.get(track, track)

    def start(self, facts: Mapping[str, Any]) -> str:
        why = facts["start"]
        if why == "older-adult":
            return f"age {facts.get('age')} is in the older-adult band"
        if why == "pain-aware":
            return "on the pain-aware path"
        return f"first session of {self.exercise(facts['exercise'])}"


# How each fact a rule's sentence may use is worded (any other fact: as ``str`` gives it).
_WORDS: dict[str, Callable[[_Say, Any], str]] = {
    "exercise": _Say.exercise,
    "previous": _Say.exercise,
    "original": _Say.exercise,
    "exercises": _Say.exercises,
    "assumed": _Say.exercises,
    "fault": _Say.fault,
    "date": _Say.date,
    "test": _Say.test,
    "mastered": _Say.mastered,
    "missing": _Say.missing,
    "flare": _Say.flare,
    "causes": _Say.causes,
    "logged_kg": _Say.logged,
    "flag": _Say.flag,
    "condition": _Say.condition,
    "goal": _Say.goal,
}


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def reason_log(catalog: Catalog, rule: str, facts: Mapping[str, Any]) -> str:
    """The contract's ``reasons`` string: the rule's log sentence and its id."""
    key = ("log", rule, frozen(facts))
    said = catalog.memo.get(key)
    if said is None:
        said = catalog.remember(key, log_sentence(catalog, rule, facts))
    return said


def log_sentence(catalog: Catalog, rule: str, facts: Mapping[str, Any]) -> str:
    """``reason_log`` worded afresh (no memo)."""
    says = catalog.rules[rule].says
    words = _Say(catalog, "log", "kg").words(facts)
    return f"{says.format(**words)} (rule: {rule})"


def _failed_on_record(test: Any) -> bool:
    return isinstance(test, Mapping) and "week" not in test and bool(test.get("faults"))


def reason_text(catalog: Catalog, rule: str, facts: Mapping[str, Any], units: Units = "kg") -> str:
    """One sentence for a person: exercise names, plain dates, loads in ``units``."""
    key = (units, rule, frozen(facts))
    said = catalog.memo.get(key)
    if said is None:
        said = catalog.remember(key, person_sentence(catalog, rule, facts, units))
    return said


def person_sentence(catalog: Catalog, rule: str, facts: Mapping[str, Any], units: Units) -> str:
    """``reason_text`` worded afresh (no memo)."""
    text = catalog.rules[rule].text
    words = _Say(catalog, "person", units).words(facts)
    return _sentence(text.format(**words))


def frozen(facts: Mapping[str, Any]) -> str:
    """A reason's facts as a memo key: the same facts always give the same sentence, so a
    sentence is worded once per catalog. The facts are plain data (ids, numbers, dates as
    text, lists and dicts of them), whose repr tells 1 from 1.0 from True from "1"."""
    return repr(facts)


def why_text(catalog: Catalog, why: Any, units: Units = "kg", explain: bool = False) -> str:
    """A ``why`` entry (an object or its JSON) in words, with its rule id if ``explain``."""
    rule = why["rule"] if isinstance(why, Mapping) else why.rule
    facts = why["facts"] if isinstance(why, Mapping) else why.facts
    text = reason_text(catalog, rule, facts, units)
    return f"{text} [{rule}]" if explain else text


Answer = TypeVar("Answer", Recommendation, Plan, Block)
Entry = TypeVar("Entry", Option, SessionItem, Avoid)


def in_units(catalog: Catalog, answer: Answer, units: Units) -> Answer:
    """``answer`` with each ``why[].text`` worded for a reader of ``units``: what every
    edge hands out. Only those texts change; ``reasons``, the facts and every number stay.
    The engine words the texts in kilograms, so for ``kg`` the answer comes back as it is.
    Nothing is changed in place (answers may be cached)."""
    if units == "kg":
        return answer

    def worded(whys: list[Why]) -> list[Why]:
        return [
            why.model_copy(update={"text": reason_text(catalog, why.rule, why.facts, units)})
            for why in whys
        ]

    def entries(items: list[Entry]) -> list[Entry]:
        return [item.model_copy(update={"why": worded(item.why)}) for item in items]

    update: dict[str, Any] = {"warnings_why": worded(answer.warnings_why)}
    if isinstance(answer, Recommendation):
        update.update(options=entries(answer.options), avoid=entries(answer.avoid))
    elif isinstance(answer, Plan):
        update.update(session=entries(answer.session))
    else:
        update.update(
            weeks=[
                week.model_copy(
                    update={
                        "session": entries(week.session),
                        "if_pain_flare": entries(week.if_pain_flare),
                        "if_retest_fails": (
                            None if week.if_retest_fails is None else entries(week.if_retest_fails)
                        ),
                    }
                )
                for week in answer.weeks
            ]
        )
    return answer.model_copy(update=update)


def units_of(value: str) -> Units:
    """``kg`` or ``lb`` from what a person typed; ValueError otherwise."""
    key = str(value).lower()
    if key not in UNITS:
        raise ValueError(f"'{value}' is not one of 'kg', 'lb'")
    return "lb" if key == "lb" else "kg"
