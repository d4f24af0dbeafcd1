"""Blocks in the app: a coach assigns the engine's block, follows it week by week, runs a
week in gym mode, and sees it step back after a failed re-test or a pain flare."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import uuid

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from pypdf import PdfReader

from hingecoach.core import block, default_catalog
from hingecoach.web.athletes import services as records
from hingecoach.web.athletes.case import athlete_case_data
from hingecoach.web.blocks import selectors, services
from hingecoach.web.blocks.models import TrainingBlock
from hingecoach.web.gym.models import GymRun

from .conftest import born

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def assign(client, athlete, weeks="4", start=None):
    data = {"block-weeks": weeks, "block-start": (start or TODAY).isoformat()}
    return client.post(reverse("blocks:assign", args=[athlete.pk]), data)


def detail(client, athlete) -> str:
    response = client.get(reverse("athletes:detail", args=[athlete.pk]))
    assert response.status_code == 200
    return response.content.decode()


def block_card(html: str) -> str:
    start = html.index('<section class="card block-card"')
    return html[start : html.index('id="clips"', start)]


def names(items) -> list[str]:
    return [item.name for item in items]


def gym_steps(html: str) -> list[str]:
    return re.findall(r'name="s\d+-exercise" value="([\w-]+)"', html)


def engine_block(athlete, weeks: int, start: dt.date):
    return block(athlete_case_data(athlete), weeks, default_catalog(), start=start)


# --- assigning --------------------------------------------------------------------------


def test_a_coach_assigns_the_engines_block_and_sees_week_1(coach_client, athlete, coach):
    response = assign(coach_client, athlete, weeks="4")
    assert response.status_code == 302
    assert response["Location"] == reverse("athletes:detail", args=[athlete.pk]) + "#block"
    stored = TrainingBlock.objects.get()
    assert (stored.weeks, stored.start, stored.ended, stored.by) == (4, TODAY, None, coach)
    assert stored.plan == engine_block(athlete, 4, TODAY).model_dump(mode="json")
    html = block_card(detail(coach_client, athlete))
    assert "Week 1 of 4" in html and "0 of 4 done" in html
    for name in names(engine_block(athlete, 4, TODAY).weeks[0].session):
        assert f">{name}</a></h3>" in html
    assert reverse("blocks:gym", args=[stored.pk, 1]) in html


def test_week_1_shows_loads_in_the_teams_unit(coach_client, athlete, team):
    team.unit = "lb"
    team.save()
    assign(coach_client, athlete)
    html = block_card(detail(coach_client, athlete))
    assert re.search(r"<dd>\d+(–\d+)? lb", html) and " kg" not in html


def test_assigning_another_block_ends_the_running_one_and_keeps_it(coach_client, athlete):
    assign(coach_client, athlete, weeks="4")
    assign(coach_client, athlete, weeks="8")
    old, new = TrainingBlock.objects.order_by("id")
    assert (old.weeks, old.ended) == (4, TODAY)
    assert (new.weeks, new.ended) == (8, None)
    assert selectors.block_running(athlete=athlete) == new
    html = block_card(detail(coach_client, athlete))
    assert "Week 1 of 8" in html and "Earlier blocks (1)" in html


def test_the_database_holds_one_running_block_per_athlete(athlete):
    services.block_assign(athlete=athlete, weeks=2, start=TODAY, catalog=default_catalog())
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingBlock.objects.create(athlete=athlete, weeks=2, start=TODAY, case={}, plan={})


@pytest.mark.parametrize(
    ("weeks", "message"),
    [
        ("17", "17 is not in the range 1..16"),
        ("0", "0 is not in the range 1..16"),
        ("four", "Enter a whole number."),
    ],
)
def test_bad_weeks_are_refused_naming_the_field_and_the_running_block_stays(
    coach_client, athlete, weeks, message
):
    assign(coach_client, athlete, weeks="3")
    response = assign(coach_client, athlete, weeks=weeks)
    html = response.content.decode()
    assert response.status_code == 400
    assert f"<strong>Weeks:</strong> {message}" in html
    running = TrainingBlock.objects.get()
    assert (running.weeks, running.ended) == (3, None)


def test_the_service_names_the_field_it_refuses(athlete):
    with pytest.raises(ValidationError) as refused:
        services.block_assign(athlete=athlete, weeks=True, start=TODAY, catalog=default_catalog())
    assert refused.value.message_dict == {"weeks": ["true is not a whole number of weeks"]}


def test_a_start_too_far_ahead_or_already_over_is_refused(coach_client, athlete):
    ahead = TODAY + dt.timedelta(days=29)
    response = assign(coach_client, athlete, start=ahead)
    assert response.status_code == 400
    assert f"{ahead.isoformat()} is more than 28 days ahead" in response.content.decode()
    over = TODAY - dt.timedelta(weeks=2)
    response = assign(coach_client, athlete, weeks="2", start=over)
    assert (
        "is too early: a 2-week block from then ended on "
        f"{(TODAY - dt.timedelta(days=1)).isoformat()}" in response.content.decode()
    )
    assert not TrainingBlock.objects.exists()


def test_a_referred_athlete_gets_no_block(coach_client, athlete):
    records.athlete_update(athlete=athlete, red_flags=["night-pain"])
    response = assign(coach_client, athlete)
    assert response.status_code == 400
    assert "athlete: Maya Ortiz is to see a clinician first" in response.content.decode()
    assert not TrainingBlock.objects.exists()


def test_the_stored_block_is_kept_as_built_when_the_catalog_changes_later(coach_client, athlete):
    catalog = default_catalog()
    renamed = {
        **catalog.exercises,
        "good-morning": catalog.exercises["good-morning"].model_copy(
            update={"name": "Good Morning (as it was)"}
        ),
    }
    services.block_assign(
        athlete=athlete,
        weeks=2,
        start=TODAY,
        catalog=dataclasses.replace(catalog, exercises=renamed),
    )
    html = block_card(detail(coach_client, athlete))
    assert ">Good Morning (as it was)</a></h3>" in html


def test_assigning_a_block_is_in_the_audit_trail(athlete, coach):
    made = services.block_assign(
        athlete=athlete, weeks=2, start=TODAY, catalog=default_catalog(), by=coach
    )
    entry = LogEntry.objects.get_for_object(made).get()
    assert entry.additional_data == {"team": athlete.team_id, "athlete": athlete.pk}
    assert set(entry.changes) == {"athlete", "weeks", "start", "by"}


# --- this week --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_since_start", "week"), [(-3, 0), (0, 1), (6, 1), (7, 2), (13, 2), (27, 4), (28, 5)]
)
def test_this_week_counts_from_the_start_date(days_since_start, week):
    start = TODAY - dt.timedelta(days=days_since_start)
    assert selectors.block_week_number(start=start, today=TODAY) == week


def test_the_page_shows_this_weeks_session_from_the_start_date(coach_client, athlete):
    start = TODAY - dt.timedelta(days=8)
    assign(coach_client, athlete, weeks="3", start=start)
    html = block_card(detail(coach_client, athlete))
    assert "Week 2 of 3" in html and 'aria-current="step"' in html
    made = TrainingBlock.objects.get()
    assert reverse("blocks:gym", args=[made.pk, 2]) in html
    week_2 = selectors.block_built(block=made).weeks[1]
    assert not week_2.retest and "re-test week" not in html


def test_a_block_that_starts_later_says_when(coach_client, athlete):
    assign(coach_client, athlete, start=TODAY + dt.timedelta(days=3))
    html = block_card(detail(coach_client, athlete))
    assert "Starts " in html and "in gym mode" not in html


def test_a_pain_aware_week_says_what_to_recheck_before_training(coach_client, athlete):
    records.pain_record(athlete=athlete, date=TODAY, nrs=4)
    assign(coach_client, athlete)
    assert selectors.block_built(block=TrainingBlock.objects.get()).stage == "pain-aware"
    html = block_card(detail(coach_client, athlete))
    assert "Re-check before training: pain now (0-10), fear of movement (TSK-11)." in html


# --- logging against the block ----------------------------------------------------------


def run_week(client, made, week: int, data: dict, query: str = ""):
    url = reverse("blocks:gym", args=[made.pk, week]) + query
    shown = client.get(url)
    assert shown.status_code == 200, shown.content
    hidden = dict(re.findall(r'name="(s\d+-exercise)" value="([\w-]+)"', shown.content.decode()))
    body = {"key": str(uuid.uuid4()), "date": TODAY.isoformat(), **hidden, **data}
    return client.post(url, body)


def test_a_week_run_in_gym_mode_is_logged_against_the_block_and_marked_done(coach_client, athlete):
    assign(coach_client, athlete, weeks="4")
    made = TrainingBlock.objects.get()
    page = coach_client.get(reverse("blocks:gym", args=[made.pk, 1])).content.decode()
    week_1 = selectors.block_built(block=made).weeks[0].session
    assert gym_steps(page) == [item.exercise for item in week_1]
    assert "block week 1" in page
    response = run_week(
        coach_client, made, 1, {"s2-1-done": "1", "s2-1-reps": "10", "s2-1-load": "20"}
    )
    assert response.status_code == 302
    run = GymRun.objects.get()
    assert (run.block_id, run.block_week, run.session.exercises.get().exercise) == (
        made.pk,
        1,
        week_1[1].exercise,
    )
    assert selectors.block_weeks_done(block=made) == [1]
    html = block_card(detail(coach_client, athlete))
    assert "1 of 4 done" in html and '<span class="chip ok">done</span>' in html


def test_todays_gym_session_is_not_counted_as_a_block_week(coach_client, athlete):
    assign(coach_client, athlete)
    made = TrainingBlock.objects.get()
    GymRun.objects.create(athlete=athlete)
    assert selectors.block_weeks_done(block=made) == []


@pytest.mark.parametrize(
    ("week", "query", "message"),
    [
        (2, "", "week: week 2 has not started yet"),
        (5, "", "week: 5 is not in the range 1..4"),
        (
            1,
            "?session=easier",
            "session: 'easier' is not one of planned, after-failed-test, after-flare",
        ),
    ],
)
def test_a_week_or_session_not_offered_is_refused_naming_it(
    coach_client, athlete, week, query, message
):
    assign(coach_client, athlete, weeks="4")
    made = TrainingBlock.objects.get()
    response = coach_client.get(reverse("blocks:gym", args=[made.pk, week]) + query)
    assert response.status_code == 400
    assert response.content.decode() == message


def test_an_ended_block_takes_no_more_sessions(coach_client, athlete):
    assign(coach_client, athlete)
    made = TrainingBlock.objects.get()
    assert coach_client.post(reverse("blocks:end", args=[made.pk])).status_code == 302
    made.refresh_from_db()
    assert made.ended == TODAY
    response = coach_client.get(reverse("blocks:gym", args=[made.pk, 1]))
    assert response.status_code == 400
    assert response.content.decode() == f"block: this block ended on {TODAY.isoformat()}"
    html = block_card(detail(coach_client, athlete))
    assert "No block running" in html and "Earlier blocks (1)" in html


def test_another_teams_block_is_not_found(coach_client, stranger):
    made = services.block_assign(athlete=stranger, weeks=2, start=TODAY, catalog=default_catalog())
    for url in (
        reverse("blocks:gym", args=[made.pk, 1]),
        reverse("blocks:sheet", args=[made.pk]),
        reverse("blocks:assign", args=[stranger.pk]),
    ):
        assert coach_client.get(url).status_code == 404
    assert coach_client.post(reverse("blocks:end", args=[made.pk])).status_code == 404
    made.refresh_from_db()
    assert made.ended is None


# --- stepping back ----------------------------------------------------------------------


def test_a_failed_retest_after_the_start_steps_the_block_back(coach_client, athlete):
    assign(coach_client, athlete, weeks="4")
    made = TrainingBlock.objects.get()
    records.test_record(athlete=athlete, date=TODAY, faults=["lumbar-flexion"])
    html = block_card(detail(coach_client, athlete))
    assert f"Stepped back: the test on {TODAY:%-d %b} failed" in html
    assert "Seen: Back rounds." in html
    fallback = selectors.block_built(block=made).weeks[0].if_retest_fails
    url = reverse("blocks:gym", args=[made.pk, 1]) + "?session=after-failed-test"
    assert url in html
    page = coach_client.get(url).content.decode()
    assert gym_steps(page) == [item.exercise for item in fallback]
    assert fallback != selectors.block_built(block=made).weeks[0].session


def test_a_failed_test_the_block_was_built_from_is_no_step_back(coach_client, athlete):
    records.test_record(athlete=athlete, date=TODAY, faults=["lumbar-flexion"])
    assign(coach_client, athlete)
    assert "Stepped back" not in block_card(detail(coach_client, athlete))


def test_a_passed_test_after_a_failed_one_puts_the_block_back_on_plan(coach_client, athlete):
    assign(coach_client, athlete)
    records.test_record(athlete=athlete, date=TODAY, faults=["lumbar-flexion"])
    records.test_record(athlete=athlete, date=TODAY, faults=[])
    assert "Stepped back" not in block_card(detail(coach_client, athlete))


def test_a_block_without_a_retest_says_a_failed_test_needs_a_new_block(coach_client, team):
    novice = records.athlete_create(team=team, name="Nia Novice", date_of_birth=born(28))
    assign(coach_client, novice)
    assert not any(w.retest for w in selectors.block_built(block=TrainingBlock.objects.get()).weeks)
    records.test_record(athlete=novice, date=TODAY, faults=["weight-forward"])
    html = block_card(detail(coach_client, novice))
    assert "Stepped back: the test on" in html
    assert "This block plans no re-test to step back to" in html
    assert "session=after-failed-test" not in html


def flare_session(athlete, pain_during: int):
    return records.session_log(
        athlete=athlete,
        date=TODAY,
        pain_during=pain_during,
        exercises=[{"exercise": "good-morning", "sets": 3, "reps": [10, 10, 10], "load_kg": 20}],
    )


def test_a_pain_flare_after_the_start_steps_the_block_back(coach_client, athlete):
    assign(coach_client, athlete, weeks="4")
    made = TrainingBlock.objects.get()
    flare_session(athlete, pain_during=7)
    html = block_card(detail(coach_client, athlete))
    assert f"Stepped back: pain flared after the session on {TODAY:%-d %b}" in html
    url = reverse("blocks:gym", args=[made.pk, 1]) + "?session=after-flare"
    assert url in html
    flare = selectors.block_built(block=made).weeks[0].if_pain_flare
    assert gym_steps(coach_client.get(url).content.decode()) == [i.exercise for i in flare]


def test_a_calm_session_after_a_flare_puts_the_block_back_on_plan(coach_client, athlete):
    assign(coach_client, athlete)
    flare_session(athlete, pain_during=7)
    flare_session(athlete, pain_during=1)
    assert "Stepped back" not in block_card(detail(coach_client, athlete))


def test_a_flare_before_the_block_started_is_no_step_back(coach_client, athlete):
    records.session_log(
        athlete=athlete,
        date=TODAY - dt.timedelta(days=1),
        pain_during=8,
        exercises=[{"exercise": "good-morning", "sets": 1, "reps": [10]}],
    )
    assign(coach_client, athlete)
    assert "Stepped back" not in block_card(detail(coach_client, athlete))


def test_a_referral_puts_the_running_block_on_hold(coach_client, athlete):
    assign(coach_client, athlete)
    records.athlete_update(athlete=athlete, red_flags=["night-pain"])
    html = block_card(detail(coach_client, athlete))
    assert "is to see a clinician: the block waits, load nothing" in html
    assert "in gym mode" not in html and "Assign the block" not in html


# --- printing ---------------------------------------------------------------------------


def test_the_block_prints_as_the_session_sheet_one_page_a_week(coach_client, athlete):
    assign(coach_client, athlete, weeks="3")
    made = TrainingBlock.objects.get()
    response = coach_client.get(reverse("blocks:sheet", args=[made.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f'filename="block-maya-ortiz-{TODAY.isoformat()}.pdf"' in response["Content-Disposition"]
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert len(pages) == 3
    assert "Week 3 of 3" in pages[2].extract_text()


def test_a_week_with_only_the_test_answered_is_saved_but_not_marked_done(coach_client, athlete):
    """A week is done when its session is logged: the test alone is kept as a test, and
    the week stays to do rather than read as training that never happened."""
    assign(coach_client, athlete, weeks="4")
    made = TrainingBlock.objects.get()
    page = coach_client.get(reverse("blocks:gym", args=[made.pk, 1])).content.decode()
    faults = sorted(set(re.findall(r'name="test-([\w-]+)"', page)))
    assert faults, "week 1 in gym mode asks the test"
    response = run_week(coach_client, made, 1, {f"test-{f}": "clear" for f in faults})
    assert response.status_code == 302
    run = GymRun.objects.get()
    assert run.test is not None and run.session is None
    assert selectors.block_weeks_done(block=made) == []
    html = detail(coach_client, athlete)
    assert "0 of 4 done" in block_card(html)
    assert "Week 1 is not marked done: no set was ticked" in html
