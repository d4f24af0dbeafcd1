"""How to film again, for a clip whose reps could judge no fault: read from why each fault
went unjudged, one remedy per kind of reason, and nothing said where a fault was judged."""

from __future__ import annotations

import pytest

from hingecoach.core.kinematics import FAULT_IDS, AnalysisReport
from hingecoach.core.kinematics.analyze import BACK_BEHIND_PLATES, LEGS_LOST, NEEDS
from hingecoach.core.kinematics.filming import ANY, film_again, remedies

REP = {
    "start_s": 0.0,
    "bottom_s": 1.0,
    "end_s": 2.0,
    "hip_rom_deg": 100.0,
    "max_trunk_deg": 80.0,
    "tempo": {"down_s": 1.0, "up_s": 1.0},
    "measures": {},
    "faults": [],
}
SERIES = ("t_s", "hip_deg", "knee_deg", "trunk_deg", "shin_deg", "hip_back_leg", "weight_foot")


def report(whys: dict[str, str], reps: int = 1) -> AnalysisReport:
    return AnalysisReport.model_validate(
        {
            "clip": {"fps": 30.0, "frames": 60, "duration_s": 2.0, "width": 720, "height": 1280},
            "exercise": "bodyweight-hip-hinge",
            "assessable": True,
            "reason": None,
            "side": "left",
            "series": {key: [] for key in SERIES},
            "reps": [REP] * reps,
            "faults": [],
            "not_assessed": [{"fault": f, "why": w} for f, w in whys.items()],
        }
    )


# Each reason as the analysis words it (assess.py and analyze.py).
REASONS = [
    LEGS_LOST,
    BACK_BEHIND_PLATES,
    *NEEDS.values(),
    "feet not clearly visible: the left heel and toe are seen in only 20% of the frames",
    "the left heel and toe points do not follow the foot: the foot reads 30% longer",
    "the person is too small in the picture to read the toes lifting: the smallest lift",
    "back outline not visible: the pose backend gave no outline of the back",
    "back outline visible in only 20% of the frames (50% needed)",
    "back outline too unsteady to judge: the lower back's shape jumps about 9 degrees",
]


@pytest.mark.parametrize("why", REASONS)
def test_every_reason_the_analysis_gives_has_its_own_remedy(why):
    found = remedies(report({fault: why for fault in FAULT_IDS}))
    assert len(found) == 1 and found[0] is not ANY


def test_hidden_legs_and_unseen_feet_each_say_how_to_film_once():
    feet = "feet not clearly visible: the left heel and toe are seen in only 20% of the frames"
    whys = {f: feet if f in ("weight-forward", "toes-lift") else LEGS_LOST for f in FAULT_IDS}
    assert film_again(report(whys)) == (
        "Film it again so it can be: plates or a bar hid the legs and hips, so film a "
        "bodyweight test, or a light set with small plates; the feet were not seen, so keep "
        "both feet in the frame and in good light, with nothing in front of them."
    )


def test_a_reason_worded_elsewhere_gets_the_general_way_to_film():
    said = film_again(report({fault: "hidden by a towel" for fault in FAULT_IDS}))
    assert said is not None and "the whole body in view from head to feet" in said


def test_nothing_is_said_where_a_fault_was_judged_or_no_rep_was_found():
    assert film_again(report({f: LEGS_LOST for f in FAULT_IDS[1:]})) is None
    assert film_again(report({f: LEGS_LOST for f in FAULT_IDS}, reps=0)) is None
