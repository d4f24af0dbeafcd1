from django.urls import path

from hingecoach.web.catalog_pages import views

app_name = "catalog"
urlpatterns = [
    path("", views.ladder_page, name="ladder"),
    path("<slug:exercise_id>/", views.exercise_page, name="exercise"),
]
