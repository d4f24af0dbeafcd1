"""After a flare in a session of body-weight work: the unloaded hinge that flared takes
its step down, and its log caps no loaded exercise."""

from __future__ import annotations

from hingecoach.core import default_catalog, plan, recommend
from hingecoach.core.present import why_text
from unit.builders import avoided, case, options, passed

CATALOG = default_catalog()
MASTERED = ["kneeling-hip-hinge", "kneeling-good-morning", "good-morning", "nordic-hip-hinge"]


def _nordic_flared(*also: dict) -> dict:
    nordic = {"exercise": "nordic-hip-hinge", "sets": 3, "reps": [6, 6, 6]}
    last = {"pain_during": 7, "exercises": [nordic, *also]}
    return case(35, mastered=MASTERED, tests=[passed()], last_session=last)


def _texts(item) -> list[str]:
    return [why_text(CATALOG, w) for w in item.why]


def test_a_nordic_that_flared_steps_down_to_the_kneeling_hip_hinge():
    rec = recommend(_nordic_flared(), CATALOG)
    assert "nordic-hip-hinge" not in options(rec)
    assert "kneeling-hip-hinge" in options(rec)
    (nordic,) = [a for a in rec.avoid if a.exercise == "nordic-hip-hinge"]
    assert _texts(nordic) == [
        "Nordic Hip Hinge was already at the bottom of its range (body weight) in the "
        "session that flared, so step down"
    ]
    session = {i.exercise: i for i in plan(_nordic_flared(), CATALOG).session}
    assert "nordic-hip-hinge" not in session
    assert any("so step down" in t for t in _texts(session["kneeling-hip-hinge"]))


def test_a_body_weight_log_caps_no_loaded_exercise_so_each_starts_at_its_bottom():
    rec = recommend(_nordic_flared(), CATALOG)
    assert "good-morning" not in avoided(rec)
    gm = next(o for o in rec.options if o.exercise == "good-morning")
    assert gm.prescription.load_kg.max == 20  # the bottom of the adult range
    step_up = next(o for o in rec.options if o.exercise == "step-up")
    assert step_up.prescription.load_kg.max == 4
    every = [t for item in [*rec.options, *rec.avoid] for t in _texts(item)]
    assert not any("heavier than Nordic" in t or "body weight of Nordic" in t for t in every)


def test_a_loaded_lift_in_the_same_session_still_caps_the_others():
    rdl = {"exercise": "romanian-deadlift", "load_kg": 10, "sets": 2, "reps": [6, 6]}
    rec = recommend(_nordic_flared(rdl), CATALOG)
    gm = next(a for a in rec.avoid if a.exercise == "good-morning")
    assert any("Good Morning starts at 20 kg" in t and "Romanian Deadlift" in t for t in _texts(gm))
