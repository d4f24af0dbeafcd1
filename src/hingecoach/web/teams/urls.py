from django.urls import path

from hingecoach.web.teams import views

app_name = "teams"
urlpatterns = [
    path("settings/", views.settings_page, name="settings"),
    path("tokens/new/", views.token_create, name="token-create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("unit/", views.unit_set, name="unit"),
]
