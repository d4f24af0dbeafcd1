from django.urls import path

from hingecoach.web.gym import views

app_name = "gym"
urlpatterns = [
    path("athlete/<int:pk>/", views.gym_page, name="run"),
]
