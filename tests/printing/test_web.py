"""The printout pages and PDFs in the web app, signed in as a coach (the web tests'
team, coach and athletes: ``tests/web/conftest.py``)."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from hingecoach.core import default_catalog, plan
from hingecoach.core.present import why_text
from hingecoach.web.athletes.case import athlete_case
from hingecoach.web.teams import services as teams

from .conftest import Pdf, card_of, heading, squeeze

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def test_every_printout_needs_a_signed_in_coach(client):
    for url in (
        reverse("printouts:cards"),
        reverse("printouts:cards-pdf"),
        reverse("printouts:poster"),
        reverse("printouts:athlete-sheet", args=[1]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_cards_page_is_html_with_print_css_and_a_download_button(coach_client):
    response = coach_client.get(reverse("printouts:cards"), {"layout": "four"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "@media print" in page and "Download PDF" in page
    assert f"{reverse('printouts:cards-pdf')}?size=a4&amp;layout=four" in page
    for exercise in default_catalog():
        assert f'data-id="{exercise.id}"' in page
    assert "file://" not in page  # the browser gets no local paths


def test_the_cards_page_holds_its_sheets_in_main_and_prints_from_a_script_file(coach_client):
    page = coach_client.get(reverse("printouts:card", args=["good-morning"])).content.decode()
    assert page.count("<main>") == 1 and page.index("</nav>") < page.index("<main>")
    assert "onclick" not in page and "/static/hingecoach/print.js" in page


def test_one_card_page_and_an_unknown_card_is_404(coach_client):
    assert coach_client.get(reverse("printouts:card", args=["good-morning"])).status_code == 200
    assert coach_client.get(reverse("printouts:card", args=["moonwalk"])).status_code == 404
    assert coach_client.get(reverse("printouts:card-pdf", args=["moonwalk"])).status_code == 404


def test_the_cards_pdf_downloads_the_cards_asked_for(coach_client):
    response = coach_client.get(
        reverse("printouts:cards-pdf"), {"ids": "hip-bridge,step-up", "size": "letter"}
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    pdf = Pdf(response.content)
    assert len(pdf.reader.pages) == 2 and set(pdf.sizes()) == {(612, 792)}


def test_a_paper_size_not_offered_is_a_400_naming_it(coach_client):
    response = coach_client.get(reverse("printouts:cards-pdf"), {"size": "a3"})
    assert response.status_code == 400
    assert "size: 'a3' is not one of 'a4', 'letter'" in response.content.decode()


def test_the_athletes_session_sheet_is_todays_plan_with_their_name(coach_client, athlete):
    response = coach_client.get(reverse("printouts:athlete-sheet", args=[athlete.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = Pdf(response.content).texts()
    assert len(text) == 1 and "Maya Ortiz" in text[0]
    assert "Bodyweight Standing Hip Hinge" in text[0]


def test_the_athletes_session_sheet_says_why_each_item_is_there_in_the_teams_unit(
    coach_client, team, athlete
):
    teams.team_set_unit(team=team, unit="lb")
    response = coach_client.get(reverse("printouts:athlete-sheet", args=[athlete.pk]))
    (text,) = Pdf(response.content).texts()
    catalog = default_catalog()
    session = plan(athlete_case(athlete), catalog).session
    said = [squeeze(why_text(catalog, w, "lb")) for item in session for w in item.why]
    assert said and all(line in text for line in said), said
    assert any(" lb" in line for line in said) and " kg" not in text


def test_a_block_sheet_from_the_web_has_a_page_a_week(coach_client, athlete):
    response = coach_client.get(reverse("printouts:athlete-sheet", args=[athlete.pk]), {"weeks": 3})
    assert response.status_code == 200 and len(Pdf(response.content).reader.pages) == 3
    bad = coach_client.get(reverse("printouts:athlete-sheet", args=[athlete.pk]), {"weeks": 99})
    assert bad.status_code == 400


def test_todays_cards_are_the_cards_of_the_session(coach_client, athlete):
    response = coach_client.get(reverse("printouts:athlete-cards", args=[athlete.pk]))
    assert response.status_code == 200
    texts = Pdf(response.content).texts()
    assert texts and texts[0].startswith(heading(card_of("bodyweight-hip-hinge")))


def test_another_teams_athlete_is_not_found(coach_client, stranger):
    for name in ("printouts:athlete-sheet", "printouts:athlete-cards"):
        assert coach_client.get(reverse(name, args=[stranger.pk])).status_code == 404
    poster = coach_client.get(reverse("printouts:poster"), {"athlete": stranger.pk})
    assert poster.status_code == 404


def test_the_poster_pdf_and_svg(coach_client, athlete):
    pdf = coach_client.get(reverse("printouts:poster"), {"athlete": athlete.pk})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    svg = coach_client.get(reverse("printouts:poster-svg"))
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"


def test_the_athlete_buttons_partial_links_both_pdfs(athlete):
    html = render_to_string("printouts/_athlete_buttons.html", {"athlete": athlete})
    assert "Session sheet (PDF)" in html and "Cards for today (PDF)" in html
    assert reverse("printouts:athlete-sheet", args=[athlete.pk]) in html
    assert reverse("printouts:athlete-cards", args=[athlete.pk]) in html
