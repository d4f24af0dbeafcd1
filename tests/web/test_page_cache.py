"""The athlete's page keeps what it works out from the records (the recommendation, the
plan, the pain line, tests, ladder and profile) in the shared page cache, and a write
shows on the very next view: every test here first views the page, so its parts are
cached, then writes through a real entry point and views it again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.web.conftest import born

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete, TrainingSession
from hingecoach.web.common import pagecache
from hingecoach.web.erasure.services import athlete_erase

pytestmark = pytest.mark.django_db(transaction=True)  # erasure forgets on commit
TODAY = dt.date.today().isoformat()


def detail(client: Client, athlete: Athlete) -> str:
    response = client.get(reverse("athletes:detail", args=[athlete.pk]))
    assert response.status_code == 200
    return response.content.decode()


def part(html: str, marker: str, end: str = "</section>") -> str:
    start = html.index(marker)
    return html[start : html.index(end, start)]


def session_rows(pain_during: int, load: str = "30") -> dict[str, str]:
    return {
        "date": TODAY,
        "pain_during": str(pain_during),
        "notes": "",
        "ex-TOTAL_FORMS": "1",
        "ex-INITIAL_FORMS": "0",
        "ex-MIN_NUM_FORMS": "0",
        "ex-MAX_NUM_FORMS": "1000",
        "ex-0-done": "on",
        "ex-0-exercise": "good-morning",
        "ex-0-sets": "3",
        "ex-0-reps": "10/8/6",
        "ex-0-load": load,
    }


def queries(client: Client, athlete: Athlete) -> int:
    with CaptureQueriesContext(connection) as captured:
        detail(client, athlete)
    return len(captured.captured_queries)


def test_a_second_view_reads_the_kept_parts_instead_of_working_them_out(coach_client, athlete):
    pagecache.forget(f"athlete:{athlete.pk}:advice", f"athlete:{athlete.pk}:page")
    first = queries(coach_client, athlete)
    again = queries(coach_client, athlete)
    assert again <= first - 8  # the case's 5 reads, pain, TSK-11, tests, mastered
    _stamp, parts = pagecache.held(f"athlete:{athlete.pk}:page")
    assert "Recommendation" in parts["advice"]
    assert detail(coach_client, athlete).count("Good Morning") >= 1


def test_a_passed_test_shows_in_the_tests_stage_and_ladder_at_once(coach_client, athlete):
    before = detail(coach_client, athlete)
    assert "No test yet." in before
    coach_client.post(
        reverse("athletes:test", args=[athlete.pk]), {"date": TODAY, "no_fault": "on"}
    )
    html = detail(coach_client, athlete)
    assert "No test yet." not in html
    assert 'chip ok">passed' in part(html, "<h3>Tests</h3>")
    assert "stage-fundamental" in part(html, 'id="stage-badge"', "</p>")
    assert "Romanian Deadlift" in part(html, "<h2>Recommendation</h2>")


def test_a_failed_test_names_its_fault_on_the_next_view(coach_client, athlete):
    detail(coach_client, athlete)
    coach_client.post(
        reverse("athletes:test", args=[athlete.pk]), {"date": TODAY, "faults": ["toes-lift"]}
    )
    assert "failed" in part(detail(coach_client, athlete), "<h3>Tests</h3>")


def test_a_session_that_flared_warns_on_the_next_view(coach_client, athlete):
    assert 'class="banner warn"' not in detail(coach_client, athlete)
    response = coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(8))
    assert response.status_code == 302
    assert 'class="banner warn"' in detail(coach_client, athlete)


def test_pain_the_next_morning_warns_on_the_next_view(coach_client, athlete):
    coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(1))
    assert 'class="banner warn"' not in detail(coach_client, athlete)
    session = TrainingSession.objects.get()
    url = reverse("athletes:next-morning", args=[athlete.pk, session.pk])
    assert coach_client.post(url, {"nrs": "5"}).status_code == 302
    assert 'class="banner warn"' in detail(coach_client, athlete)


def test_an_athletes_own_check_in_warns_on_the_coachs_next_view(coach_client, athlete):
    athletes.session_log(
        athlete=athlete,
        date=dt.date.today(),
        pain_during=1,
        exercises=[{"exercise": "good-morning", "sets": 3, "reps": [10], "load_kg": 30}],
    )
    assert 'class="banner warn"' not in detail(coach_client, athlete)
    link = reverse("checkin", args=[athletes.checkin_link_create(athlete=athlete)])
    Client().post(link, {"pain_next_morning": "6", "felt": "hard", "note": ""})
    assert 'class="banner warn"' in detail(coach_client, athlete)


def test_pain_now_shows_in_the_pain_line_and_the_advice(coach_client, athlete):
    assert "Pain now: not recorded" in detail(coach_client, athlete)
    coach_client.post(reverse("athletes:pain", args=[athlete.pk]), {"date": TODAY, "nrs": "7"})
    html = detail(coach_client, athlete)
    assert "<strong>7/10</strong>" in html
    assert "Refer to a clinician" in html


def test_pain_now_sent_by_htmx_answers_with_the_new_advice(coach_client, athlete):
    detail(coach_client, athlete)
    response = coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]),
        {"date": TODAY, "nrs": "7"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "<strong>7/10</strong>" in html and "Refer to a clinician" in html


def test_a_tsk11_total_shows_on_the_next_view(coach_client, athlete):
    assert "TSK-11: not recorded" in detail(coach_client, athlete)
    coach_client.post(reverse("athletes:tsk", args=[athlete.pk]), {"date": TODAY, "total": "40"})
    html = detail(coach_client, athlete)
    assert "<strong>40</strong>" in part(html, "<h2>Pain now and TSK-11</h2>")
    assert "stage-pain-aware" in part(html, 'id="stage-badge"', "</p>")


def test_a_new_mastery_shows_on_the_ladder(coach_client, athlete):
    ladder = part(detail(coach_client, athlete), "<h2>On the hinge ladder</h2>")
    assert ladder.count('aria-label="mastered"') == 3
    everything = ["kneeling-hip-hinge", "kneeling-good-morning", "good-morning", "hip-bridge"]
    coach_client.post(reverse("athletes:mastered", args=[athlete.pk]), {"exercises": everything})
    ladder = part(detail(coach_client, athlete), "<h2>On the hinge ladder</h2>")
    assert ladder.count('aria-label="mastered"') == 4


def test_an_edited_profile_shows_on_the_next_view(coach_client, athlete):
    assert "none ticked" in part(detail(coach_client, athlete), '<section class="card profile">')
    data = {
        "name": "Maya Ortiz-Lind",
        "date_of_birth": born(34).isoformat(),
        "goal": "max-strength",
        "notes": "Prefers mornings",
        "red_flags": ["fever"],
    }
    assert coach_client.post(reverse("athletes:edit", args=[athlete.pk]), data).status_code == 302
    html = detail(coach_client, athlete)
    profile = part(html, '<section class="card profile">')
    assert "Prefers mornings" in profile and "Maya Ortiz-Lind" in profile
    assert "none ticked" not in profile
    assert "Refer to a clinician" in html  # a red flag refers


def test_a_record_sent_through_the_api_shows_on_the_next_view(coach, coach_client, athlete):
    from hingecoach.web.teams.services import api_token_create

    detail(coach_client, athlete)
    token = api_token_create(user=coach)
    response = Client().post(
        f"/api/athletes/{athlete.pk}/tests",
        json.dumps({"date": TODAY, "faults": []}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code in (200, 201), response.content
    assert 'chip ok">passed' in part(detail(coach_client, athlete), "<h3>Tests</h3>")


def test_switching_the_team_to_pounds_changes_the_kept_loads(head_client, athlete):
    athletes.test_record(athlete=athlete, date=dt.date.today(), faults=[])
    assert "20–40 kg" in detail(head_client, athlete)
    head_client.post(reverse("teams:unit"), {"unit": "lb"})
    html = detail(head_client, athlete)
    assert "45–85 lb" in html and "20–40 kg" not in html


def test_a_coachs_edited_catalog_shows_on_the_next_view(
    coach_client, athlete, settings, catalog_copy
):
    path = Path(catalog_copy) / "exercises" / "good-morning.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Good Morning", "name: Bar Good Morning", 1),
        encoding="utf-8",
    )
    assert "Bar Good Morning" not in detail(coach_client, athlete)
    settings.HINGECOACH_CATALOG = str(catalog_copy)
    assert "Bar Good Morning" in part(detail(coach_client, athlete), "<h2>On the hinge ladder</h2>")


def test_a_new_day_works_the_parts_out_again(coach_client, athlete, monkeypatch):
    detail(coach_client, athlete)
    stamp, _ = pagecache.held(f"athlete:{athlete.pk}:page")

    tomorrow = dt.date.today() + dt.timedelta(days=1)

    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return tomorrow

    monkeypatch.setattr("hingecoach.web.athletes.selectors.dt.date", Tomorrow)
    detail(coach_client, athlete)
    assert pagecache.held(f"athlete:{athlete.pk}:page")[0] != stamp


def test_an_unreadable_slot_is_worked_out_again(coach_client, athlete):
    detail(coach_client, athlete)
    cache = caches[pagecache.ALIAS]
    for kind in ("advice", "page"):
        Path(cache._key_to_file(f"athlete:{athlete.pk}:{kind}")).write_bytes(b"not a pickle")
    assert "<h2>Recommendation</h2>" in detail(coach_client, athlete)
    assert pagecache.held(f"athlete:{athlete.pk}:page") is not None


def test_erasing_an_athlete_deletes_their_kept_parts(head_client, head, athlete):
    detail(head_client, athlete)
    head_client.get(reverse("athletes:charts", args=[athlete.pk]))
    names = [f"athlete:{athlete.pk}:{kind}" for kind in ("advice", "page", "charts")]
    assert all(pagecache.held(name) is not None for name in names)
    athlete_erase(athlete=athlete, by=head)
    assert all(pagecache.held(name) is None for name in names)


def test_another_athlete_with_the_same_records_version_gets_their_own_parts(
    coach_client, team, athlete
):
    detail(coach_client, athlete)
    twin = athletes.athlete_create(team=team, name="Zoe Twin", date_of_birth=born(20))
    Athlete.objects.filter(pk=twin.pk).update(data_version=athlete.data_version)
    html = detail(coach_client, Athlete.objects.get(pk=twin.pk))
    assert "Zoe Twin" in part(html, '<section class="card profile">')


def test_an_athlete_object_from_before_a_write_gets_the_answer_after_it(coach_client, athlete):
    from hingecoach.web.athletes import selectors

    held = Athlete.objects.get(pk=athlete.pk)
    assert not selectors.athlete_recommendation(athlete=held).warnings
    coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(8))
    assert selectors.athlete_recommendation(athlete=held).warnings  # held is not refreshed


def test_a_write_keeps_the_advice_it_worked_out_for_the_next_view(coach_client, athlete):
    from hingecoach.web.athletes import selectors

    coach_client.post(
        reverse("athletes:test", args=[athlete.pk]), {"date": TODAY, "no_fault": "on"}
    )
    stamp, (rec, _plan) = pagecache.held(f"athlete:{athlete.pk}:advice")
    assert stamp == selectors.athlete_stamp(athlete=athlete)
    assert rec.stage == "fundamental"


def test_a_logged_session_shows_on_the_charts_at_once(coach_client, athlete):
    url = reverse("athletes:charts", args=[athlete.pk])
    assert "No loaded session yet." in coach_client.get(url).content.decode()
    coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(1))
    html = coach_client.get(url).content.decode()
    assert "No loaded session yet." not in html and "<svg" in html
