from django.urls import path

from hingecoach.web.checkins import views

app_name = "checkins"
urlpatterns = [
    path("athlete/<int:pk>/new/", views.checkin_share_create, name="create"),
]
