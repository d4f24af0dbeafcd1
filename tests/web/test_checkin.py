"""The athlete's private check-in link: made and revoked by a coach, opened without an account."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from hingecoach.core import default_catalog
from hingecoach.core.present import load_text
from hingecoach.web.athletes import selectors
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete, CheckinLink, TrainingSession

from .conftest import born

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

GOOD_MORNING = {"exercise": "good-morning", "sets": 3, "reps": [10, 10, 10], "load_kg": 25}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The rate limit counts in the cache, which outlives a test: start each from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def trained(athlete: Athlete) -> Athlete:
    """The athlete with a passed test and one good-morning session, next morning not told."""
    athletes.test_record(athlete=athlete, date=dt.date.today() - dt.timedelta(days=2), faults=[])
    athletes.session_log(
        athlete=athlete,
        date=dt.date.today() - dt.timedelta(days=1),
        exercises=[GOOD_MORNING],
        pain_during=1,
        notes="Coach-only note",
    )
    return athlete


@pytest.fixture
def teammate(team) -> Athlete:
    other = athletes.athlete_create(
        team=team, name="Theo Teammate", date_of_birth=born(22), notes="Teammate's private note"
    )
    athletes.session_log(
        athlete=other,
        date=dt.date.today(),
        exercises=[{"exercise": "hip-bridge", "sets": 3, "reps": [12, 12, 12], "load_kg": None}],
    )
    return other


def link_for(athlete: Athlete) -> str:
    return reverse("checkin", args=[athletes.checkin_link_create(athlete=athlete)])


def report(client: Client, url: str, *, secure: bool = False, **changes) -> object:
    """Post the morning-after form; ``HTTP_*`` keywords are sent as headers."""
    headers = {k: changes.pop(k) for k in list(changes) if k.startswith("HTTP_")}
    data = {"pain_next_morning": "1", "felt": "about right", "note": "", **changes}
    return client.post(url, data, secure=secure, **headers)


# --- the coach makes, sees and revokes links ----------------------------------------------


def test_a_coach_creates_a_link_shown_once_in_full(coach_client, athlete):
    response = coach_client.post(reverse("athletes:checkin-link-create", args=[athlete.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    url = re.search(
        r'value="(http://testserver/c/[\w-]+/)" aria-label="New check-in link"', html
    ).group(1)
    token = url.rstrip("/").rsplit("/", 1)[1]
    link = CheckinLink.objects.get(athlete=athlete)
    assert token not in link.digest and len(link.digest) == 64
    assert selectors.checkin_athlete_for_token(token=token) == athlete
    again = coach_client.get(reverse("athletes:detail", args=[athlete.pk])).content.decode()
    assert token not in again
    assert "Link made" in again and "Revoke" in again


def test_a_coach_revokes_a_link_and_it_stops_opening(coach_client, trained):
    url = link_for(trained)
    assert Client().get(url).status_code == 200
    link = CheckinLink.objects.get()
    revoke = reverse("athletes:checkin-link-revoke", args=[trained.pk, link.pk])
    assert coach_client.post(revoke).status_code == 302
    link.refresh_from_db()
    assert not link.active
    response = Client().get(url)
    assert response.status_code == 404
    assert "Hi Maya" not in response.content.decode()
    assert (
        "No active link"
        in coach_client.get(reverse("athletes:detail", args=[trained.pk])).content.decode()
    )


def test_another_teams_links_cannot_be_made_or_revoked(head_client, stranger):
    theirs = CheckinLink.objects.create(athlete=stranger, digest="x" * 64)
    made = head_client.post(reverse("athletes:checkin-link-create", args=[stranger.pk]))
    revoked = head_client.post(
        reverse("athletes:checkin-link-revoke", args=[stranger.pk, theirs.pk])
    )
    assert made.status_code == 404 and revoked.status_code == 404
    assert CheckinLink.objects.filter(athlete=stranger).count() == 1
    theirs.refresh_from_db()
    assert theirs.active


def test_a_link_of_one_athlete_cannot_be_revoked_under_another(coach_client, athlete, teammate):
    link_for(teammate)
    link = CheckinLink.objects.get()
    url = reverse("athletes:checkin-link-revoke", args=[athlete.pk, link.pk])
    assert coach_client.post(url).status_code == 404
    link.refresh_from_db()
    assert link.active


# --- the public page shows one athlete's plan and nothing else ---------------------------


def test_the_page_shows_only_that_athletes_plan_with_loads_and_cues(trained, teammate, coach):
    response = Client().get(link_for(trained))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hi Maya" in html and "Ortiz" not in html
    today = selectors.athlete_plan(athlete=trained)
    catalog = default_catalog()
    for item in today.session:
        assert item.name in html
        assert item.prescription.scheme in html
        for cue in catalog.exercises[item.exercise].cues:
            assert escape(cue) in html
        assert load_text(item.prescription, "kg") in html


def test_the_page_leaks_no_other_athlete_team_coach_or_app_link(trained, teammate, coach, stranger):
    html = Client().get(link_for(trained)).content.decode()
    # a random CSRF token or nonce can spell a name
    html = re.sub(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"', "", html)
    for secret in [
        "Theo",
        "Teammate's private note",
        "Zed",
        "Riverside Barbell",
        "cole",
        "Coach-only note",
        "/athletes/",
        "/catalog/",
        "/team/",
        "Sign out",
    ]:
        assert secret not in html, secret


def test_a_signed_in_coach_opening_the_link_sees_no_app_navigation(coach_client, trained):
    html = coach_client.get(link_for(trained)).content.decode()
    assert "Riverside Barbell" not in html and "Sign out" not in html
    assert "/athletes/" not in html


def test_loads_are_in_the_teams_unit(head_client, team, trained):
    head_client.post(reverse("teams:unit"), {"unit": "lb"})
    html = Client().get(link_for(trained)).content.decode()
    assert " lb" in html and " kg" not in html


def test_the_page_is_private_no_index_no_cache_no_referer_to_other_sites(trained):
    response = Client().get(link_for(trained))
    html = response.content.decode()
    assert '<meta name="robots" content="noindex' in html
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_over_https_a_browsers_same_origin_report_passes_the_csrf_check(trained):
    """What a browser sends under the page's same-origin policy: the real Origin."""
    client = Client(enforce_csrf_checks=True)
    url = link_for(trained)
    html = client.get(url, secure=True).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    origin = {"HTTP_ORIGIN": "https://testserver", "HTTP_REFERER": f"https://testserver{url}"}
    response = report(client, url, csrfmiddlewaretoken=token, secure=True, **origin)
    assert response.status_code == 302


def test_under_no_referrer_a_browsers_report_would_be_refused(trained):
    """Why the form's page is not no-referrer: browsers then send ``Origin: null``."""
    client = Client(enforce_csrf_checks=True)
    url = link_for(trained)
    html = client.get(url, secure=True).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = report(client, url, csrfmiddlewaretoken=token, secure=True, HTTP_ORIGIN="null")
    assert response.status_code == 403
    assert TrainingSession.objects.get(athlete=trained).pain_next_morning is None


def test_a_referred_athlete_is_told_to_see_the_coach_without_the_medical_detail(trained):
    athletes.athlete_update(athlete=trained, red_flags=["night-pain"])
    html = Client().get(link_for(trained)).content.decode()
    assert "No training planned for now" in html
    assert "Today's plan" not in html
    assert "night" not in html.lower() and "clinician" not in html


@pytest.mark.parametrize("token", ["not-a-real-token", "x" * 32])
def test_an_unknown_token_is_a_plain_not_found_page(db, token):
    response = Client().get(reverse("checkin", args=[token]))
    html = response.content.decode()
    assert response.status_code == 404
    assert "This link does not open" in html
    assert "/athletes/" not in html and "Back to the athletes" not in html
    assert response["Referrer-Policy"] == "no-referrer"


def test_an_archived_athletes_link_does_not_open(trained):
    url = link_for(trained)
    athletes.athlete_archive(athlete=trained)
    assert Client().get(url).status_code == 404


# --- the morning-after report ------------------------------------------------------------


def test_a_report_saves_onto_the_last_session(trained):
    url = link_for(trained)
    response = report(Client(), url, pain_next_morning="1", felt="hard", note="Calves tight")
    assert response.status_code == 302 and response["Location"] == f"{url}?sent=1"
    session = TrainingSession.objects.get(athlete=trained)
    assert session.pain_next_morning == 1
    assert session.felt == "hard: Calves tight"
    assert "Thanks, your check-in is saved" in Client().get(f"{url}?sent=1").content.decode()


def test_a_next_morning_pain_of_4_brings_the_pain_flare_warning(coach_client, trained):
    assert not selectors.athlete_recommendation(athlete=trained).warnings
    url = link_for(trained)
    report(Client(), url, pain_next_morning="4", felt="too hard")
    rec = selectors.athlete_recommendation(athlete=trained)
    assert any("pain the morning after the last session was 4/10" in w for w in rec.warnings)
    trained.refresh_from_db()
    assert trained.pain_flag
    assert "Loads are lighter today" in Client().get(url).content.decode()
    coach_page = coach_client.get(reverse("athletes:detail", args=[trained.pk]))
    html = coach_page.content.decode()
    assert 'class="banner warn"' in html and "felt too hard" in html


def test_the_report_goes_onto_the_most_recent_session(trained):
    older = TrainingSession.objects.get(athlete=trained)
    athletes.session_log(athlete=trained, date=dt.date.today(), exercises=[GOOD_MORNING])
    report(Client(), link_for(trained), pain_next_morning="2")
    older.refresh_from_db()
    newest = selectors.athlete_last_session(athlete=trained)
    assert newest.pain_next_morning == 2 and older.pain_next_morning is None


@pytest.mark.parametrize("pain", ["11", "-1", "lots", ""])
def test_a_pain_out_of_range_shows_the_field_error_and_saves_nothing(trained, pain):
    response = report(Client(), link_for(trained), pain_next_morning=pain)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_pain_next_morning_error"' in html
    assert TrainingSession.objects.get(athlete=trained).pain_next_morning is None


def test_an_unknown_feeling_is_refused(trained):
    response = report(Client(), link_for(trained), felt="meh")
    assert 'id="id_felt_error"' in response.content.decode()
    assert TrainingSession.objects.get(athlete=trained).felt == ""


def test_with_no_session_yet_the_page_says_so_and_saves_nothing(athlete):
    url = link_for(athlete)
    assert "No session has been logged for you yet" in Client().get(url).content.decode()
    response = report(Client(), url, pain_next_morning="3")
    assert response.status_code == 200
    assert "No session has been logged for you yet" in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_the_form_needs_the_csrf_token(trained):
    client = Client(enforce_csrf_checks=True)
    url = link_for(trained)
    assert report(client, url).status_code == 403
    html = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert report(client, url, csrfmiddlewaretoken=token).status_code == 302
    assert TrainingSession.objects.get(athlete=trained).pain_next_morning == 1


def test_the_coach_sees_the_latest_checkins(coach_client, trained):
    report(Client(), link_for(trained), pain_next_morning="1", felt="easy")
    html = coach_client.get(reverse("athletes:detail", args=[trained.pk])).content.decode()
    assert "Latest check-ins" in html and "pain 1/10" in html and "felt easy" in html


# --- rate limit --------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _one_fresh_window(monkeypatch):
    """Each test starts with empty counters inside one fixed one-minute window, so a run
    that crosses a minute boundary cannot split the count."""
    from types import SimpleNamespace

    from django.core.cache import cache

    from hingecoach.web.common import ratelimit

    cache.clear()
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    yield
    cache.clear()


def test_31_quick_requests_answer_429(trained):
    url, client = link_for(trained), Client()
    answers = [client.get(url).status_code for _ in range(31)]
    assert answers[:30] == [200] * 30
    assert answers[30] == 429
    over = client.get(url)
    assert over.status_code == 429 and "Wait a minute" in over.content.decode()
    assert over["Retry-After"] == "60"


def test_the_limit_holds_per_address_across_tokens(db):
    client = Client(REMOTE_ADDR="203.0.113.9")
    answers = [client.get(reverse("checkin", args=[f"guess-{n}"])).status_code for n in range(31)]
    assert answers[:30] == [404] * 30 and answers[30] == 429
    other = Client(REMOTE_ADDR="203.0.113.10")
    assert other.get(reverse("checkin", args=["guess-x"])).status_code == 404


def test_the_limit_holds_per_token_across_addresses(trained):
    url = link_for(trained)
    answers = [Client(REMOTE_ADDR=f"198.51.100.{n}").get(url).status_code for n in range(31)]
    assert answers[:30] == [200] * 30 and answers[30] == 429
