"""Whole-database export and import: a lossless round trip on the test database."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth import get_user_model

from hingecoach.core import HingecoachError, default_catalog
from hingecoach.web import transfer
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete, HingeTest, SessionExercise
from hingecoach.web.blocks import services as blocks
from hingecoach.web.blocks.models import TrainingBlock
from hingecoach.web.checkins import services as checkins
from hingecoach.web.checkins.models import CheckinShare
from hingecoach.web.clips.models import Clip
from hingecoach.web.demo import PASSWORD, create_demo
from hingecoach.web.erasure import services as erasure
from hingecoach.web.gym import services as gym
from hingecoach.web.gym.forms import GymDone
from hingecoach.web.gym.models import GymRun
from hingecoach.web.teams.models import Team

pytestmark = pytest.mark.django_db(transaction=True)
User = get_user_model()


def _wipe() -> None:
    """As a fresh database would be: no teams, no coaches, no audit entries."""
    Team.objects.all().delete()
    User.objects.all().delete()
    LogEntry.objects.all().delete()


def test_export_then_import_gives_back_every_record(tmp_path):
    create_demo()
    first = tmp_path / "first.json"
    count = transfer.export_to(first)
    assert count > 100
    _wipe()
    assert transfer.import_from(first) == count
    second = tmp_path / "second.json"
    transfer.export_to(second)
    assert json.loads(second.read_text()) == json.loads(first.read_text())
    assert Athlete.objects.count() == 13
    assert SessionExercise.objects.exists()
    assert User.objects.get(username="headcoach").check_password(PASSWORD)


def _a_coachs_other_work() -> dict[str, int]:
    """A running block, a gym run, a check-in link to show again and an analysed clip,
    on the demo team's first athlete; the count of each kind."""
    head = User.objects.get(username="headcoach")
    athlete = Athlete.objects.order_by("pk").first()
    blocks.block_assign(
        athlete=athlete, weeks=6, start=dt.date.today(), catalog=default_catalog(), by=head
    )
    done = GymDone(key=uuid.uuid4(), date=dt.date.today(), test_faults=["toes-lift"])
    gym.gym_run_save(athlete=athlete, done=done, by=head)
    checkins.checkin_share_create(athlete=athlete, by=head)
    Clip.objects.create(
        athlete=athlete,
        uploaded_by=head,
        extension="mp4",
        original_name="side view.mp4",
        exercise="good-morning",
        status=Clip.Status.DONE,
        report={"reps": 5},
        frames=[{"label": "bottom", "t_s": 1.5}],
    )
    models = (TrainingBlock, GymRun, CheckinShare, Clip)
    return {model.__name__: model.objects.count() for model in models}


def test_blocks_gym_runs_check_in_links_and_clips_come_back(tmp_path):
    create_demo()
    made = _a_coachs_other_work()
    first = tmp_path / "first.json"
    transfer.export_to(first)
    _wipe()
    assert TrainingBlock.objects.count() == GymRun.objects.count() == 0
    transfer.import_from(first)
    models = (TrainingBlock, GymRun, CheckinShare, Clip)
    assert {model.__name__: model.objects.count() for model in models} == made
    assert all(count > 0 for count in made.values())
    assert GymRun.objects.get().test.faults == ["toes-lift"]
    assert Clip.objects.get().report == {"reps": 5}
    second = tmp_path / "second.json"
    transfer.export_to(second)
    assert json.loads(second.read_text()) == json.loads(first.read_text())


def test_every_model_of_the_app_is_exported_or_left_out_for_a_reason():
    exported = set(transfer.MODELS)
    ours = [
        model._meta for model in apps.get_models() if model.__module__.startswith("hingecoach.web.")
    ]
    missing = [
        meta.label_lower
        for meta in ours
        if meta.app_label not in exported
        and meta.label_lower not in exported
        and meta.label_lower not in transfer.LEFT_OUT
    ]
    assert missing == []


def test_the_audit_trail_comes_back_with_who_and_when(tmp_path):
    create_demo()
    head = User.objects.get(username="headcoach")
    athlete = Athlete.objects.order_by("id").first()
    number = athlete.pk
    erasure.athlete_erase(athlete=athlete, by=head)
    before = list(
        LogEntry.objects.order_by("id").values_list(
            "id", "action", "object_pk", "actor__username", "timestamp", "additional_data"
        )
    )
    path = tmp_path / "export.json"
    transfer.export_to(path)
    _wipe()
    transfer.import_from(path)
    after = list(
        LogEntry.objects.order_by("id").values_list(
            "id", "action", "object_pk", "actor__username", "timestamp", "additional_data"
        )
    )
    assert after == before
    assert LogEntry.objects.filter(
        additional_data__erased=number, actor__username="headcoach"
    ).exists()


def test_times_come_back_to_the_microsecond(tmp_path):
    """Django's own JSON cuts times to milliseconds: 12:00:00.000400 came back as
    12:00:00 and the next export differed from the first."""
    create_demo()
    joined = dt.datetime(2026, 1, 5, 12, 0, 0, 400, tzinfo=dt.UTC)
    User.objects.filter(username="headcoach").update(date_joined=joined)
    first = tmp_path / "first.json"
    transfer.export_to(first)
    _wipe()
    transfer.import_from(first)
    assert User.objects.get(username="headcoach").date_joined == joined
    second = tmp_path / "second.json"
    transfer.export_to(second)
    assert second.read_text() == first.read_text()


def test_import_refuses_a_database_that_already_has_teams(tmp_path):
    create_demo()
    path = tmp_path / "export.json"
    transfer.export_to(path)
    with pytest.raises(transfer.TransferError, match="already holds teams"):
        transfer.import_from(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not a JSON export"),
        ('{"format": "other"}', "format: expected 'hingecoach-export'"),
        ('{"format": "hingecoach-export", "version": 9, "records": []}', "version: 9"),
    ],
)
def test_a_bad_export_file_is_refused_with_a_reason_and_loads_nothing(tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(transfer.TransferError, match=words):
        transfer.import_from(path)
    assert not Team.objects.exists()


def test_a_refused_file_is_a_project_error_that_names_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "other"}')
    with pytest.raises(HingecoachError) as raised:
        transfer.import_from(path)
    assert isinstance(raised.value, transfer.TransferError)
    assert (raised.value.field, raised.value.message) == (
        "bad.json: format",
        "expected 'hingecoach-export'",
    )


def test_a_bug_while_loading_is_not_passed_off_as_a_bad_file(tmp_path, monkeypatch):
    create_demo()
    path = tmp_path / "export.json"
    transfer.export_to(path)
    _wipe()

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(transfer, "call_command", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        transfer.import_from(path)


def test_a_broken_record_loads_nothing_at_all(tmp_path):
    create_demo()
    path = tmp_path / "export.json"
    transfer.export_to(path)
    data = json.loads(path.read_text())
    data["records"][-1]["fields"]["athlete"] = 999_999
    path.write_text(json.dumps(data))
    _wipe()
    with pytest.raises(transfer.TransferError):
        transfer.import_from(path)
    assert not Team.objects.exists()


def _test_from_a_clip() -> HingeTest:
    athlete = Athlete.objects.order_by("pk").first()
    return athletes.test_record(
        athlete=athlete,
        date=dt.date(2026, 11, 2),
        faults=[],
        from_clip=True,
        by_eye=["lumbar-flexion", "toes-lift"],
    )


def test_a_test_from_a_clip_keeps_the_faults_judged_by_eye(tmp_path):
    create_demo()
    saved = _test_from_a_clip()
    path = tmp_path / "export.json"
    transfer.export_to(path)
    _wipe()
    transfer.import_from(path)
    loaded = HingeTest.objects.get(pk=saved.pk)
    assert loaded.from_clip and loaded.by_eye == ["lumbar-flexion", "toes-lift"]
    assert HingeTest.objects.filter(from_clip=False).count() == HingeTest.objects.count() - 1


def test_an_export_made_before_tests_could_come_from_a_clip_still_loads(tmp_path):
    create_demo()
    path = tmp_path / "export.json"
    transfer.export_to(path)
    data = json.loads(path.read_text())
    tests = [r for r in data["records"] if r["model"] == "athletes.hingetest"]
    assert tests and all(r["fields"].pop("from_clip") is False for r in tests)
    for record in tests:
        del record["fields"]["by_eye"]
    path.write_text(json.dumps(data))
    _wipe()
    assert transfer.import_from(path) == len(data["records"])
    assert HingeTest.objects.count() == len(tests)
    assert not HingeTest.objects.filter(from_clip=True).exists()
    assert all(test.by_eye == [] for test in HingeTest.objects.all())


def test_export_names_the_clip_files_it_leaves_out_and_import_counts_them(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "old" / "uploads"
    create_demo()
    _a_coachs_other_work()
    clip = Clip.objects.get()
    clip.video_path.parent.mkdir(parents=True)
    clip.video_path.write_bytes(b"video")
    notes = transfer.left_out_notes()
    assert any(n.startswith("live sessions, live pictures: ") for n in notes), notes
    assert (
        f"the video files of 1 clip (their analyses are in the file): copy the folder "
        f"{tmp_path / 'old' / 'uploads' / 'clips'} into the new data folder's uploads/clips"
    ) in notes
    assert transfer.clips_without_files() == 0
    first = tmp_path / "first.json"
    transfer.export_to(first)
    _wipe()
    settings.MEDIA_ROOT = tmp_path / "new" / "uploads"
    transfer.import_from(first)
    assert transfer.clips_without_files() == 1
