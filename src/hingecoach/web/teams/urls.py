from django.urls import path

from hingecoach.web.teams import views

app_name = "teams"
urlpatterns = [
    path("settings/", views.settings_page, name="settings"),
]
