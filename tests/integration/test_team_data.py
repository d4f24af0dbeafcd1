"""A head coach downloads the team's data from Settings: one file of the team's records in
the export's format, no other team's, no credentials; it imports into an empty database."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.test import Client

from hingecoach.core import default_catalog
from hingecoach.web import transfer
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete, HingeTest, TrainingSession
from hingecoach.web.audit.selectors import audit_entries
from hingecoach.web.blocks import services as blocks
from hingecoach.web.checkins import services as checkins
from hingecoach.web.clips import services as clips
from hingecoach.web.clips.models import Clip
from hingecoach.web.demo import COACH, HEAD, TEAM_NAME, create_demo
from hingecoach.web.gym import services as gym
from hingecoach.web.gym.forms import GymDone
from hingecoach.web.teams import services as teams
from hingecoach.web.teams.models import ApiToken, Membership, Team

pytestmark = pytest.mark.django_db(transaction=True)
User = get_user_model()
URL = "/team/data.json"
OTHER_PASSWORD = "another-long-passphrase-7"


def _signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _other_team() -> Team:
    """A second team with a head coach, an athlete, a test, a session and a clip."""
    team = teams.team_create(name="Harbour Lifters")
    head = teams.coach_create(
        team=team, username="harbour-head", password=OTHER_PASSWORD, role=Membership.Role.HEAD
    )
    athlete = athletes.athlete_create(
        team=team, name="Olive Outsider", date_of_birth=dt.date(1988, 3, 1)
    )
    athletes.test_record(athlete=athlete, date=dt.date(2026, 11, 2), faults=["toes-lift"], by=head)
    Clip.objects.create(athlete=athlete, uploaded_by=head, extension="mp4", original_name="o.mp4")
    teams.api_token_create(user=head)
    return team


def _demo_work() -> None:
    """A block, a gym run, a check-in link to show again and a clip marked reviewed."""
    head = User.objects.get(username=HEAD)
    athlete = Athlete.objects.filter(team__name=TEAM_NAME).order_by("pk").first()
    blocks.block_assign(
        athlete=athlete, weeks=6, start=dt.date.today(), catalog=default_catalog(), by=head
    )
    done = GymDone(key=uuid.uuid4(), date=dt.date.today(), test_faults=["toes-lift"])
    gym.gym_run_save(athlete=athlete, done=done, by=head)
    checkins.checkin_share_create(athlete=athlete, by=head)
    clip = Clip.objects.create(
        athlete=athlete,
        uploaded_by=head,
        extension="mp4",
        original_name="side view.mp4",
        status=Clip.Status.DONE,
        report={"reps": 5},
    )
    clips.clip_mark_reviewed(clip=clip, by=User.objects.get(username=COACH))
    teams.api_token_create(user=head)


@pytest.fixture
def two_teams() -> Team:
    demo = create_demo()
    _demo_work()
    _other_team()
    return demo


def _download(username: str = HEAD):
    response = _signed_in(username).post(URL)
    assert response.status_code == 200, response.content
    return response, b"".join(response.streaming_content)


def test_the_file_is_the_teams_export_named_with_the_team_and_date(two_teams):
    response, body = _download()
    today = dt.date.today().isoformat()
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == (
        f'attachment; filename="demo-strength-club-hingecoach-{today}.json"'
    )
    data = json.loads(body)
    assert (data["format"], data["version"]) == (transfer.FORMAT, transfer.VERSION)
    assert data["team"] == {"id": two_teams.pk, "name": TEAM_NAME}
    models = {record["model"] for record in data["records"]}
    assert {
        "teams.team",
        "teams.membership",
        "athletes.athlete",
        "athletes.hingetest",
        "athletes.trainingsession",
        "athletes.sessionexercise",
        "athletes.painreport",
        "athletes.checkinlink",
        "checkins.checkinshare",
        "blocks.trainingblock",
        "gym.gymrun",
        "clips.clip",
        "auditlog.logentry",
    } <= models
    athletes_in_file = [r for r in data["records"] if r["model"] == "athletes.athlete"]
    assert len(athletes_in_file) == Athlete.objects.filter(team=two_teams).count() == 13


def test_the_clips_analyses_and_review_marks_are_in_the_file(two_teams):
    data = json.loads(_download()[1])
    (clip,) = [r for r in data["records"] if r["model"] == "clips.clip"]
    assert clip["fields"]["report"] == {"reps": 5}
    assert clip["fields"]["reviewed_by"] == [COACH]
    assert clip["fields"]["reviewed_at"] is not None


def test_no_other_teams_record_is_in_the_file(two_teams):
    _, body = _download()
    data = json.loads(body)
    for words in ("Harbour Lifters", "Olive Outsider", "harbour-head", "o.mp4"):
        assert words.encode() not in body, words
    other = Team.objects.get(name="Harbour Lifters")
    teams_in_file = [r["pk"] for r in data["records"] if r["model"] == "teams.team"]
    assert teams_in_file == [two_teams.pk] and other.pk not in teams_in_file
    tests = {r["pk"] for r in data["records"] if r["model"] == "athletes.hingetest"}
    assert tests == set(
        HingeTest.objects.filter(athlete__team=two_teams).values_list("pk", flat=True)
    )


def test_no_password_hash_api_token_or_sign_in_session_is_in_the_file(two_teams):
    _, body = _download()
    data = json.loads(body)
    models = {record["model"] for record in data["records"]}
    assert "teams.apitoken" not in models and "sessions.session" not in models
    users = [r for r in data["records"] if r["model"] == "auth.user"]
    assert {u["fields"]["username"] for u in users} == {HEAD, COACH}
    assert all(u["fields"]["password"].startswith("!") for u in users)
    for user in User.objects.all():
        assert user.password.encode() not in body
    for token in ApiToken.objects.all():
        assert token.digest.encode() not in body


def test_an_assistant_coach_is_refused(two_teams):
    response = _signed_in(COACH).post(URL)
    assert response.status_code == 403
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_signed_out_the_download_asks_to_sign_in_and_a_get_is_refused(two_teams):
    assert Client().post(URL).status_code == 302
    assert _signed_in(HEAD).get(URL).status_code == 405


def test_the_other_teams_head_coach_gets_only_their_own_team(two_teams):
    data = json.loads(_download("harbour-head")[1])
    assert data["team"]["name"] == "Harbour Lifters"
    names = [r["fields"]["name"] for r in data["records"] if r["model"] == "athletes.athlete"]
    assert names == ["Olive Outsider"]


def test_the_download_is_in_the_teams_audit_trail(two_teams):
    _download()
    entry = audit_entries(team=two_teams).first()
    assert (entry.action, entry.actor.username) == (LogEntry.Action.ACCESS, HEAD)
    page = _signed_in(HEAD).get("/team/audit/").content.decode()
    assert "Read the team&#x27;s data: downloaded as a file" in page
    other = Team.objects.get(name="Harbour Lifters")
    assert not audit_entries(team=other).filter(action=LogEntry.Action.ACCESS).exists()


def test_the_settings_page_offers_the_download_to_the_head_coach_only(two_teams):
    assert f'action="{URL}"'.encode() in _signed_in(HEAD).get("/team/settings/").content
    assert f'action="{URL}"'.encode() not in _signed_in(COACH).get("/team/settings/").content


def _wipe() -> None:
    Team.objects.all().delete()
    User.objects.all().delete()
    LogEntry.objects.all().delete()


def test_the_file_imports_into_an_empty_database_as_the_team_alone(two_teams, tmp_path):
    path = tmp_path / "team.json"
    path.write_bytes(_download()[1])
    records = json.loads(path.read_text())["records"]
    sessions = TrainingSession.objects.filter(athlete__team=two_teams).count()
    _wipe()
    assert transfer.import_from(path) == len(records)
    assert list(Team.objects.values_list("name", flat=True)) == [TEAM_NAME]
    assert Athlete.objects.count() == 13 and TrainingSession.objects.count() == sessions
    assert Clip.objects.get().reviewed_by.username == COACH
    head = User.objects.get(username=HEAD)
    assert head.membership.is_head and not head.has_usable_password()
    again = tmp_path / "again.json"
    transfer.export_to(again)
    assert json.loads(again.read_text())["records"] == records


def test_with_one_team_the_file_holds_what_the_whole_export_holds_but_credentials(tmp_path):
    create_demo()
    _demo_work()
    head = _signed_in(HEAD)  # first: signing in sets the coach's last_login
    whole = tmp_path / "whole.json"
    transfer.export_to(whole)
    expected = [
        r for r in json.loads(whole.read_text())["records"] if r["model"] != "teams.apitoken"
    ]
    for record in expected:
        if record["model"] == "auth.user":
            record["fields"]["password"] = "!"
    response = head.post(URL)
    team = json.loads(b"".join(response.streaming_content))["records"]
    downloaded = [r for r in team if r["model"] != "auditlog.logentry"]
    assert downloaded == [r for r in expected if r["model"] != "auditlog.logentry"]
    # The trail as the team's audit page shows it (an account's entries made before its
    # coach joined the team name no team), and this download at its end.
    trail = [r for r in team if r["model"] == "auditlog.logentry"]
    assert trail[:-1] == [
        r
        for r in expected
        if r["model"] == "auditlog.logentry" and r["fields"]["additional_data"]["team"]
    ]
    assert trail[-1]["fields"]["action"] == LogEntry.Action.ACCESS


def test_every_exported_model_is_in_the_team_file_or_left_out_of_it_for_a_reason():
    chosen_apart = {"auth.user", "auditlog.logentry"}
    placed = set(transfer.TEAM_PATHS) | set(transfer.LEFT_OUT_OF_TEAM) | chosen_apart
    exported = {model._meta.label_lower for model in transfer.exported_models()}
    assert exported - placed == set()
