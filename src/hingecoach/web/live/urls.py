from django.urls import path

from hingecoach.web.live import views

app_name = "live"
urlpatterns = [
    path("", views.live_page, name="page"),
    path("film/", views.film_page, name="film"),
    path("sessions/", views.session_start, name="start"),
    path("sessions/<uuid:key>/pictures/", views.picture_add, name="picture"),
    path("sessions/<uuid:key>/end/", views.session_end, name="end"),
    path("sessions/<uuid:key>/summary/", views.session_summary, name="summary"),
]
