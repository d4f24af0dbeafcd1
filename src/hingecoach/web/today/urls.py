from django.urls import path

from hingecoach.web.today import views

app_name = "today"
urlpatterns = [
    path("", views.today_page, name="page"),
]
