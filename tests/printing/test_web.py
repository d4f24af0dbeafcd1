"""The printout pages and PDFs in the web app, signed in as a coach."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from hingecoach.core import default_catalog
from hingecoach.web.athletes import services as athletes
from hingecoach.web.teams import services as teams

from .conftest import Pdf

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore:No directory at:UserWarning")]


@pytest.fixture
def team(db):
    return teams.team_create(name="Riverside Barbell")


@pytest.fixture
def client_in(team) -> Client:
    coach = teams.coach_create(team=team, username="cole", password="a-long-test-password-26")
    client = Client()
    client.force_login(coach)
    return client


def _born(age: int) -> dt.date:
    return dt.date(dt.date.today().year - age - 1, 1, 1)


@pytest.fixture
def athlete(team):
    person = athletes.athlete_create(team=team, name="Maya Ortiz", date_of_birth=_born(34))
    athletes.mastery_set(athlete=person, exercises=[
        "kneeling-hip-hinge", "kneeling-good-morning", "good-morning"])
    return person


@pytest.fixture
def stranger(db):
    other = teams.team_create(name="Other Gym")
    return athletes.athlete_create(team=other, name="Zed Outsider", date_of_birth=_born(40))


def test_every_printout_needs_a_signed_in_coach(client):
    for url in (reverse("printouts:cards"), reverse("printouts:cards-pdf"),
                reverse("printouts:poster"), reverse("printouts:athlete-sheet", args=[1])):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_cards_page_is_html_with_print_css_and_a_download_button(client_in):
    response = client_in.get(reverse("printouts:cards"), {"layout": "four"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "@media print" in page and "Download PDF" in page
    assert f'{reverse("printouts:cards-pdf")}?size=a4&amp;layout=four' in page
    for exercise in default_catalog():
        assert f'data-id="{exercise.id}"' in page
    assert "file://" not in page  # the browser gets no local paths


def test_one_card_page_and_an_unknown_card_is_404(client_in):
    assert client_in.get(reverse("printouts:card", args=["good-morning"])).status_code == 200
    assert client_in.get(reverse("printouts:card", args=["moonwalk"])).status_code == 404
    assert client_in.get(reverse("printouts:card-pdf", args=["moonwalk"])).status_code == 404


def test_the_cards_pdf_downloads_the_cards_asked_for(client_in):
    response = client_in.get(reverse("printouts:cards-pdf"),
                             {"ids": "hip-bridge,step-up", "size": "letter"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    pdf = Pdf(response.content)
    assert len(pdf.reader.pages) == 2 and set(pdf.sizes()) == {(612, 792)}


def test_a_paper_size_not_offered_is_a_400_naming_it(client_in):
    response = client_in.get(reverse("printouts:cards-pdf"), {"size": "a3"})
    assert response.status_code == 400
    assert "size: 'a3' is not one of 'a4', 'letter'" in response.content.decode()


def test_the_athletes_session_sheet_is_todays_plan_with_their_name(client_in, athlete):
    response = client_in.get(reverse("printouts:athlete-sheet", args=[athlete.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = Pdf(response.content).texts()
    assert len(text) == 1 and "Maya Ortiz" in text[0]
    assert "Bodyweight Standing Hip Hinge" in text[0]


def test_a_block_sheet_from_the_web_has_a_page_a_week(client_in, athlete):
    response = client_in.get(reverse("printouts:athlete-sheet", args=[athlete.pk]), {"weeks": 3})
    assert response.status_code == 200 and len(Pdf(response.content).reader.pages) == 3
    bad = client_in.get(reverse("printouts:athlete-sheet", args=[athlete.pk]), {"weeks": 99})
    assert bad.status_code == 400


def test_todays_cards_are_the_cards_of_the_session(client_in, athlete):
    response = client_in.get(reverse("printouts:athlete-cards", args=[athlete.pk]))
    assert response.status_code == 200
    texts = Pdf(response.content).texts()
    assert texts and "bodyweight-hip-hinge" in texts[0]


def test_another_teams_athlete_is_not_found(client_in, stranger):
    for name in ("printouts:athlete-sheet", "printouts:athlete-cards"):
        assert client_in.get(reverse(name, args=[stranger.pk])).status_code == 404
    assert client_in.get(reverse("printouts:poster"), {"athlete": stranger.pk}).status_code == 404


def test_the_poster_pdf_and_svg(client_in, athlete):
    pdf = client_in.get(reverse("printouts:poster"), {"athlete": athlete.pk})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    svg = client_in.get(reverse("printouts:poster-svg"))
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"


def test_the_athlete_buttons_partial_links_both_pdfs(athlete):
    html = render_to_string("printouts/_athlete_buttons.html", {"athlete": athlete})
    assert "Session sheet (PDF)" in html and "Cards for today (PDF)" in html
    assert reverse("printouts:athlete-sheet", args=[athlete.pk]) in html
    assert reverse("printouts:athlete-cards", args=[athlete.pk]) in html
