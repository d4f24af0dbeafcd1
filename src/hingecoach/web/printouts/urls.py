from django.urls import path

from hingecoach.web.printouts import views

app_name = "printouts"
urlpatterns = [
    path("cards/", views.cards_page, name="cards"),
    path("cards.pdf", views.cards_pdf, name="cards-pdf"),
    path("cards/<slug:exercise_id>/", views.card_page, name="card"),
    path("cards/<slug:exercise_id>.pdf", views.card_pdf, name="card-pdf"),
    path("athletes/<int:pk>/sheet.pdf", views.athlete_sheet_pdf, name="athlete-sheet"),
    path("athletes/<int:pk>/cards.pdf", views.athlete_cards_pdf, name="athlete-cards"),
    path("poster.pdf", views.poster_pdf, name="poster"),
    path("poster.svg", views.poster_svg, name="poster-svg"),
]
