from django.urls import path

from hingecoach.web.athletes import views

app_name = "athletes"
urlpatterns = [
    path("", views.athlete_list, name="list"),
    path("<int:pk>/", views.athlete_detail, name="detail"),
]
