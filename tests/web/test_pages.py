"""The coach's pages through Django's test client against a real SQLite database."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from hingecoach.core import default_catalog
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete, HingeTest, TrainingSession, TskScore
from hingecoach.web.teams.models import ApiToken
from hingecoach.web.teams.selectors import user_for_token

from .conftest import PASSWORD, born

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]
TODAY = dt.date.today().isoformat()
HTMX = {"HTTP_HX_REQUEST": "true"}


def page(client: Client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def detail(client: Client, athlete: Athlete) -> str:
    return page(client, reverse("athletes:detail", args=[athlete.pk]))


def profile(**changes) -> dict:
    data = {
        "name": "Ava Novak",
        "date_of_birth": born(29).isoformat(),
        "goal": "technique",
        "notes": "",
    }
    return {**data, **changes}


# --- signing in -------------------------------------------------------------------------


def test_a_visitor_is_sent_to_sign_in(db):
    response = Client().get(reverse("athletes:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_signing_in_shows_the_teams_athlete_list(coach, athlete):
    client = Client()
    login = client.get(reverse("login")).content.decode()
    assert 'name="csrfmiddlewaretoken"' in login
    response = client.post(
        reverse("login"), {"username": "cole", "password": PASSWORD}, follow=True
    )
    html = response.content.decode()
    assert "Riverside Barbell" in html
    assert "Maya Ortiz" in html


def test_a_wrong_password_is_refused_on_the_sign_in_page(coach):
    response = Client().post(reverse("login"), {"username": "cole", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


# --- list, search and filters -----------------------------------------------------------


@pytest.fixture
def squad(team, athlete):
    failed = athletes.athlete_create(team=team, name="Finn Failed", date_of_birth=born(30))
    athletes.test_record(athlete=failed, date=dt.date.today(), faults=["lumbar-flexion"])
    passed = athletes.athlete_create(team=team, name="Pia Passed", date_of_birth=born(30))
    athletes.test_record(athlete=passed, date=dt.date.today(), faults=[])
    old = athletes.athlete_create(team=team, name="Olga Oldtest", date_of_birth=born(30))
    athletes.test_record(athlete=old, date=dt.date.today() - dt.timedelta(weeks=6), faults=[])
    sore = athletes.athlete_create(
        team=team, name="Sam Sore", date_of_birth=born(50), conditions=["low-back-pain"]
    )
    athletes.pain_record(athlete=sore, date=dt.date.today(), nrs=4)
    gone = athletes.athlete_create(team=team, name="Gus Gone", date_of_birth=born(30))
    athletes.athlete_archive(athlete=gone)
    return {"failed": failed, "passed": passed, "old": old, "sore": sore, "gone": gone}


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({}, ["Maya Ortiz", "Finn Failed", "Pia Passed", "Sam Sore"], ["Gus Gone"]),
        ({"q": "pia"}, ["Pia Passed"], ["Maya Ortiz", "Finn Failed"]),
        ({"tested": "failed"}, ["Finn Failed"], ["Pia Passed", "Maya Ortiz"]),
        ({"tested": "passed"}, ["Pia Passed", "Olga Oldtest"], ["Finn Failed"]),
        ({"tested": "none"}, ["Maya Ortiz", "Sam Sore"], ["Pia Passed"]),
        ({"tested": "stale"}, ["Olga Oldtest"], ["Pia Passed"]),
        ({"pain": "on"}, ["Sam Sore"], ["Maya Ortiz"]),
        ({"stage": "pain-aware"}, ["Sam Sore"], ["Pia Passed"]),
        ({"stage": "fundamental"}, ["Pia Passed"], ["Finn Failed"]),
        ({"archived": "on"}, ["Gus Gone"], ["Maya Ortiz"]),
    ],
)
def test_the_list_searches_and_filters(coach_client, squad, params, shown, hidden):
    html = page(coach_client, reverse("athletes:list"), **params)
    for name in shown:
        assert name in html
    for name in hidden:
        assert name not in html


def test_filtering_with_htmx_answers_only_the_results(coach_client, squad):
    response = coach_client.get(reverse("athletes:list"), {"tested": "failed"}, **HTMX)
    html = response.content.decode()
    assert "<html" not in html
    assert "Finn Failed" in html and "Pia Passed" not in html
    assert "HX-Request" in response["Vary"]


def test_another_teams_athletes_never_appear_in_the_list(coach_client, athlete, stranger):
    assert "Zed Outsider" not in page(coach_client, reverse("athletes:list"), q="Zed")


# --- create and edit --------------------------------------------------------------------


def test_creating_an_athlete_saves_the_profile(coach_client, team):
    data = profile(
        conditions=["spinal-fusion"], medical_clearance="on", clearance_by="Dr. Lee", red_flags=[]
    )
    response = coach_client.post(reverse("athletes:create"), data)
    ava = Athlete.objects.get(name="Ava Novak")
    assert response.status_code == 302
    assert response["Location"] == reverse("athletes:detail", args=[ava.pk])
    assert ava.team == team
    assert ava.conditions == ["spinal-fusion"]
    assert ava.medical_clearance and ava.clearance_date == dt.date.today()
    html = detail(coach_client, ava)
    assert "Spinal fusion" in html and "Dr. Lee" in html


@pytest.mark.parametrize(
    ("born_on", "message"),
    [
        ("1800-01-01", "expected 5 to 110 years"),
        ("not-a-date", "&#x27;not-a-date&#x27; is not a date written YYYY-MM-DD"),
        ("", "This field is required."),
    ],
)
def test_a_bad_date_of_birth_shows_the_field_error_and_saves_nothing(
    coach_client, team, born_on, message
):
    response = coach_client.post(reverse("athletes:create"), profile(date_of_birth=born_on))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_date_of_birth_error"' in html
    assert message in html
    assert not Athlete.objects.exists()


def test_the_profile_form_offers_catalog_conditions_and_red_flags_by_name(coach_client):
    html = page(coach_client, reverse("athletes:create"))
    catalog = default_catalog()
    for item in [*catalog.conditions.values(), *catalog.red_flags.values()]:
        assert f'value="{item.id}"' in html
        assert item.name in html


def test_editing_changes_the_profile(coach_client, athlete):
    url = reverse("athletes:edit", args=[athlete.pk])
    assert "Maya Ortiz" in page(coach_client, url)
    data = profile(name="Maya Ortiz-Reyes", goal="max-strength", notes="Prefers mornings")
    response = coach_client.post(url, data)
    athlete.refresh_from_db()
    assert response.status_code == 302
    assert athlete.name == "Maya Ortiz-Reyes" and athlete.goal == "max-strength"
    assert "Prefers mornings" in detail(coach_client, athlete)


def test_a_rejected_edit_changes_nothing(coach_client, athlete):
    url = reverse("athletes:edit", args=[athlete.pk])
    response = coach_client.post(url, profile(name="New Name", date_of_birth="2200-01-01"))
    athlete.refresh_from_db()
    assert 'id="id_date_of_birth_error"' in response.content.decode()
    assert athlete.name == "Maya Ortiz"


def test_archiving_and_unarchiving(coach_client, athlete):
    url = reverse("athletes:archive", args=[athlete.pk])
    coach_client.post(url, {"archived": "1"}, follow=True)
    athlete.refresh_from_db()
    assert athlete.archived
    assert "Maya Ortiz" not in page(coach_client, reverse("athletes:list"))
    assert "Unarchive" in detail(coach_client, athlete)
    coach_client.post(url, {"archived": "0"})
    athlete.refresh_from_db()
    assert not athlete.archived


# --- erase ------------------------------------------------------------------------------


def test_only_a_head_coach_may_erase(coach_client, athlete):
    url = reverse("athletes:erase", args=[athlete.pk])
    assert coach_client.get(url).status_code == 403
    assert coach_client.post(url, {"confirm": "Maya Ortiz"}).status_code == 403
    assert Athlete.objects.filter(pk=athlete.pk).exists()


def test_a_head_coach_erases_an_athlete_with_every_record(head_client, athlete):
    athletes.test_record(athlete=athlete, date=dt.date.today(), faults=[])
    url = reverse("athletes:erase", args=[athlete.pk])
    assert "tests: 1" in page(head_client, url)
    wrong = head_client.post(url, {"confirm": "Someone Else"})
    assert "is not &#x27;Maya Ortiz&#x27;" in wrong.content.decode()
    assert Athlete.objects.filter(pk=athlete.pk).exists()
    response = head_client.post(url, {"confirm": "maya ortiz"})
    assert response.status_code == 302
    assert not Athlete.objects.filter(pk=athlete.pk).exists()
    assert not HingeTest.objects.exists()


# --- tests, stage and recommendation -----------------------------------------------------


def record_test(client: Client, athlete: Athlete, faults: list[str], day: str = TODAY):
    answer = {"faults": faults} if faults else {"no_fault": "on"}  # a pass is ticked as one
    return client.post(
        reverse("athletes:test", args=[athlete.pk]), {"date": day, **answer, "notes": ""}
    )


def test_the_test_form_lists_the_catalogs_faults_by_name(coach_client, athlete):
    html = page(coach_client, reverse("athletes:test", args=[athlete.pk]))
    for fault in default_catalog().faults.values():
        assert f'value="{fault.id}"' in html and fault.name in html


def test_a_failed_then_a_passed_test_changes_the_stage_and_the_recommendation(
    coach_client, athlete
):
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    assert record_test(coach_client, athlete, ["lumbar-flexion"], yesterday).status_code == 302
    failed = detail(coach_client, athlete)
    assert 'class="badge stage-corrective"' in failed
    assert "Romanian Deadlift</a></h3>" not in failed
    assert "Back rounds" in failed  # the fault, by its plain name, in the test history

    assert record_test(coach_client, athlete, []).status_code == 302
    passed = detail(coach_client, athlete)
    assert 'class="badge stage-fundamental"' in passed
    assert "Romanian Deadlift</a></h3>" in passed


def test_a_retest_on_the_same_day_counts(coach_client, athlete):
    record_test(coach_client, athlete, ["lumbar-flexion"])
    record_test(coach_client, athlete, [])
    assert 'class="badge stage-fundamental"' in detail(coach_client, athlete)


def test_a_test_dated_in_the_future_is_refused_and_not_saved(coach_client, athlete):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = coach_client.post(
        reverse("athletes:test", args=[athlete.pk]), {"date": tomorrow, "no_fault": "on"}
    )
    assert "is in the future" in response.content.decode()
    assert 'id="id_date_error"' in response.content.decode()
    assert not HingeTest.objects.exists()


def test_ticking_faults_previews_the_recommendation_without_saving(coach_client, athlete):
    url = reverse("athletes:test-preview", args=[athlete.pk])
    passed = coach_client.get(url, {"date": TODAY}, **HTMX).content.decode()
    failed = coach_client.get(
        url, {"date": TODAY, "faults": ["toes-lift"]}, **HTMX
    ).content.decode()
    assert "stage-fundamental" in passed and "stage-corrective" in failed
    assert "<html" not in failed
    assert not HingeTest.objects.exists()


# --- pain, TSK-11, mastered --------------------------------------------------------------


def test_pain_7_shows_the_red_referral_banner_and_offers_nothing(coach_client, athlete):
    response = coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]), {"date": TODAY, "nrs": "7"}
    )
    assert response.status_code == 302
    html = detail(coach_client, athlete)
    assert 'class="banner refer"' in html
    assert "Refer to a clinician" in html
    assert 'class="badge stage-refer"' in html
    assert 'class="option ' not in html
    assert reverse("athletes:log", args=[athlete.pk]) not in html


def test_recording_pain_with_htmx_updates_the_recommendation_panel(coach_client, athlete):
    response = coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]), {"date": TODAY, "nrs": "8"}, **HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="advice"') or 'id="advice"' in html
    assert "<html" not in html
    assert 'class="banner refer"' in html
    assert 'hx-swap-oob="true"' in html and "stage-refer" in html


def test_a_missing_pain_value_with_htmx_is_shown_in_the_panel(coach_client, athlete):
    response = coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]), {"date": TODAY}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_nrs_error"' in html and "This field is required." in html
    assert not athlete.pain_reports.exists()


def test_a_preview_with_an_unknown_fault_names_the_fields_not_a_server_error(coach_client, athlete):
    url = reverse("athletes:test-preview", args=[athlete.pk])
    response = coach_client.get(
        url, {"date": "garbage", "faults": ["kneeling-squat-dance"]}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Date:</strong>" in html and "<strong>Faults:</strong>" in html


def test_a_pain_value_out_of_range_is_refused_next_to_the_field(coach_client, athlete):
    response = coach_client.post(
        reverse("athletes:pain", args=[athlete.pk]), {"date": TODAY, "nrs": "11"}
    )
    assert 'id="id_nrs_error"' in response.content.decode()
    assert not athlete.pain_reports.exists()


def test_tsk11_item_scores_are_labelled_by_number_and_summed(coach_client, athlete):
    url = reverse("athletes:tsk", args=[athlete.pk])
    html = page(coach_client, url)
    assert "Item 1" in html and "Item 11" in html
    items = {f"item_{n}": "3" for n in range(1, 12)}
    assert coach_client.post(url, {"date": TODAY, **items}).status_code == 302
    assert TskScore.objects.get().total == 33
    assert "moderate" not in html  # nothing but numbers and labels on the form itself


def test_tsk11_with_some_items_missing_is_refused(coach_client, athlete):
    url = reverse("athletes:tsk", args=[athlete.pk])
    response = coach_client.post(url, {"date": TODAY, "item_1": "2", "item_2": "4"})
    assert 'id="id_item_3_error"' in response.content.decode()
    assert not TskScore.objects.exists()


def test_tsk11_total_alone_is_accepted(coach_client, athlete):
    url = reverse("athletes:tsk", args=[athlete.pk])
    assert coach_client.post(url, {"date": TODAY, "total": "38"}).status_code == 302
    assert "stage-pain-aware" in detail(coach_client, athlete)


def test_mastered_exercises_are_grouped_by_ladder_column(coach_client, athlete):
    url = reverse("athletes:mastered", args=[athlete.pk])
    html = page(coach_client, url)
    for sub in default_catalog().programme.subcategories:
        assert f"<legend>{sub.name}</legend>" in html
    assert re.search(r'value="good-morning"[^>]*checked', html)
    assert not re.search(r'value="hip-bridge"[^>]*checked', html)
    coach_client.post(url, {"exercises": ["kneeling-hip-hinge", "hip-bridge"]})
    assert sorted(athlete.masteries.values_list("exercise", flat=True)) == [
        "hip-bridge",
        "kneeling-hip-hinge",
    ]


# --- sessions ---------------------------------------------------------------------------


def session_rows(*rows: dict) -> dict:
    data = {
        "date": TODAY,
        "pain_during": "1",
        "notes": "",
        "ex-TOTAL_FORMS": str(len(rows)),
        "ex-INITIAL_FORMS": "0",
        "ex-MIN_NUM_FORMS": "0",
        "ex-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"ex-{index}-{key}": value for key, value in row.items()})
    return data


GOOD_MORNING = {
    "done": "on",
    "exercise": "good-morning",
    "sets": "3",
    "reps": "10/8/6",
    "load": "30",
}


def test_the_session_form_is_filled_in_from_todays_plan(coach_client, athlete):
    athletes.test_record(athlete=athlete, date=dt.date.today(), faults=[])
    html = page(coach_client, reverse("athletes:log", args=[athlete.pk]))
    plan = athlete_plan_ids(athlete)
    assert plan[0] == "bodyweight-hip-hinge"
    for index, exercise in enumerate(plan[1:]):
        assert f'<option value="{exercise}" selected>' in html, (index, exercise)


def athlete_plan_ids(athlete: Athlete) -> list[str]:
    from hingecoach.web.athletes.selectors import athlete_plan

    return [item.exercise for item in athlete_plan(athlete=athlete).session]


def test_logging_a_session_saves_what_was_done(coach_client, athlete):
    url = reverse("athletes:log", args=[athlete.pk])
    skipped = {**GOOD_MORNING, "done": "", "exercise": "hip-bridge"}
    response = coach_client.post(url, session_rows(GOOD_MORNING, skipped))
    assert response.status_code == 302
    session = TrainingSession.objects.get()
    rows = list(session.exercises.all())
    assert [(r.exercise, r.sets, r.reps, r.load_kg) for r in rows] == [
        ("good-morning", 3, [10, 8, 6], Decimal("30.00"))
    ]
    assert session.pain_during == 1
    html = detail(coach_client, athlete)
    assert "Good Morning: 10/8/6 @ 30 kg" in html
    charts = coach_client.get(reverse("athletes:charts", args=[athlete.pk])).content.decode()
    assert charts.count("<svg") >= 2  # the loads and pain charts


def test_a_rejected_session_row_shows_the_reason_and_saves_nothing(coach_client, athlete):
    url = reverse("athletes:log", args=[athlete.pk])
    response = coach_client.post(url, session_rows({**GOOD_MORNING, "reps": "10/8"}))
    html = response.content.decode()
    assert "2 rep counts given for 3 sets" in html
    assert 'id="id_ex-0-reps_error"' in html
    assert not TrainingSession.objects.exists()


def test_the_pain_next_morning_is_added_to_a_recent_session(coach_client, athlete):
    coach_client.post(reverse("athletes:log", args=[athlete.pk]), session_rows(GOOD_MORNING))
    session = TrainingSession.objects.get()
    assert "Pain next morning" in detail(coach_client, athlete)
    url = reverse("athletes:next-morning", args=[athlete.pk, session.pk])
    assert coach_client.post(url, {"nrs": "4"}).status_code == 302
    session.refresh_from_db()
    assert session.pain_next_morning == 4
    html = detail(coach_client, athlete)
    assert 'class="banner warn"' in html  # a flare: the next recommendation says so


# --- units ------------------------------------------------------------------------------


def test_switching_the_team_to_pounds_shows_pounds(head_client, team, athlete):
    athletes.test_record(athlete=athlete, date=dt.date.today(), faults=[])
    assert "20–40 kg" in detail(head_client, athlete)
    response = head_client.post(reverse("teams:unit"), {"unit": "lb"})
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.unit == "lb"
    html = detail(head_client, athlete)
    assert "45–85 lb" in html
    assert "20–40 kg" not in html and "20-40 kg" not in html
    catalog_page = page(head_client, reverse("catalog:exercise", args=["good-morning"]))
    assert "45–85 lb" in catalog_page


def test_a_session_logged_in_pounds_is_stored_in_kilograms(head_client, team, athlete):
    head_client.post(reverse("teams:unit"), {"unit": "lb"})
    url = reverse("athletes:log", args=[athlete.pk])
    head_client.post(url, session_rows({**GOOD_MORNING, "load": "100"}))
    row = TrainingSession.objects.get().exercises.get()
    assert row.load_kg == Decimal("45.36")
    assert "10/8/6 @ 100 lb" in detail(head_client, athlete)


def test_only_a_head_coach_may_change_the_unit(coach_client, team):
    assert coach_client.post(reverse("teams:unit"), {"unit": "lb"}).status_code == 403
    team.refresh_from_db()
    assert team.unit == "kg"
    assert "Invite a coach" not in page(coach_client, reverse("teams:settings"))


# --- settings: coaches and tokens --------------------------------------------------------


def test_a_new_api_token_is_shown_once(coach_client, coach):
    response = coach_client.post(reverse("teams:token-create"), {"name": "sheets"})
    html = response.content.decode()
    token = ApiToken.objects.get(user=coach)
    raw = html.split('aria-label="New API token"')[0].rsplit('value="', 1)[1].split('"')[0]
    assert raw.startswith("hc_") and user_for_token(raw) == coach
    assert "no-store" in response["Cache-Control"]
    again = page(coach_client, reverse("teams:settings"))
    assert raw not in again
    assert token.prefix in again and "sheets" in again


def test_revoking_a_token(coach_client, coach, head):
    coach_client.post(reverse("teams:token-create"), {"name": "old"})
    token = ApiToken.objects.get(user=coach)
    theirs = ApiToken.objects.create(user=head, name="theirs", digest="x" * 64, prefix="hc_x")
    assert coach_client.post(reverse("teams:token-revoke", args=[theirs.pk])).status_code == 404
    coach_client.post(reverse("teams:token-revoke", args=[token.pk]))
    assert list(ApiToken.objects.all()) == [theirs]


# --- another team's athlete --------------------------------------------------------------

ATHLETE_PAGES = [
    "detail",
    "edit",
    "archive",
    "erase",
    "test",
    "test-preview",
    "pain",
    "tsk",
    "mastered",
    "log",
]


@pytest.mark.parametrize("name", ATHLETE_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_teams_athlete_is_not_found_on_every_page(head_client, stranger, name, method):
    url = reverse(f"athletes:{name}", args=[stranger.pk])
    data = {
        "date": TODAY,
        "nrs": "1",
        "archived": "1",
        "confirm": stranger.name,
        "faults": [],
        "name": "Hijacked",
        "date_of_birth": born(30).isoformat(),
    }
    response = getattr(head_client, method)(url, data)
    assert response.status_code == 404
    assert "Not found" in response.content.decode()
    stranger.refresh_from_db()
    assert stranger.name == "Zed Outsider" and not stranger.archived


def test_another_teams_session_is_not_found(head_client, athlete, stranger):
    """The session's id under one's own athlete, or under theirs: not found either way."""
    athletes.session_log(
        athlete=stranger,
        date=dt.date.today(),
        exercises=[{"exercise": "hip-bridge", "sets": 3, "reps": [10, 10, 10], "load_kg": None}],
    )
    theirs = stranger.sessions.get()
    for owner in (stranger, athlete):
        url = reverse("athletes:next-morning", args=[owner.pk, theirs.pk])
        assert head_client.post(url, {"nrs": "3"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.pain_next_morning is None


# --- catalog ----------------------------------------------------------------------------


def test_the_ladder_page_lists_every_exercise(coach_client):
    html = page(coach_client, reverse("catalog:ladder"))
    for exercise in default_catalog():
        assert reverse("catalog:exercise", args=[exercise.id]) in html
        assert exercise.name in html


@pytest.mark.parametrize("exercise", list(default_catalog().exercises))
def test_every_exercise_has_a_page(coach_client, exercise):
    catalog = default_catalog()
    item = catalog.exercises[exercise]
    html = page(coach_client, reverse("catalog:exercise", args=[exercise]))
    assert item.name in html
    for fault in item.faults_to_watch:
        assert catalog.faults[fault].name in html
    for other in [*item.step_up, *item.step_down]:
        assert reverse("catalog:exercise", args=[other]) in html


def test_the_error_page_needs_no_request_context():
    html = render_to_string("500.html")
    assert "Something went wrong" in html and "Traceback" not in html


def test_an_unknown_exercise_is_not_found(coach_client):
    assert (
        coach_client.get(reverse("catalog:exercise", args=["kneeling-squat-dance"])).status_code
        == 404
    )


def test_history_charts_write_dates_as_a_coach_does(coach_client, athlete):
    url = reverse("athletes:log", args=[athlete.pk])
    today = dt.date.today()
    for days_ago in (20, 10, 0):
        day = today - dt.timedelta(days=days_ago)
        rows = session_rows(GOOD_MORNING)
        coach_client.post(url, {**rows, "date": day.isoformat()})
    charts = coach_client.get(reverse("athletes:charts", args=[athlete.pk])).content.decode()
    assert f"{today:%Y}-{today:%b}" not in charts  # matplotlib's concise corner label
    day_ticks = re.findall(r">(\d{1,2} [A-Z][a-z]{2})<", charts)
    assert day_ticks, "three weeks of sessions are labelled by day and month"


def test_a_refused_session_says_so_at_the_top_with_a_link_to_the_field(coach_client, athlete):
    url = reverse("athletes:log", args=[athlete.pk])
    response = coach_client.post(url, session_rows({**GOOD_MORNING, "reps": "10/8"}))
    html = response.content.decode()
    summary = html[html.index('role="alert"') : html.index("</div>", html.index('role="alert"'))]
    assert "The session was not saved" in summary
    assert 'href="#id_ex-0-reps"' in summary  # straight to the field
    assert "2 rep counts given for 3 sets" in summary
    assert 'id="row-1"' in html
