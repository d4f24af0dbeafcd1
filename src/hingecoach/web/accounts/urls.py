from django.urls import path

from hingecoach.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("password/", views.PasswordChange.as_view(), name="password-change"),
    path("set-password/<uidb64>/<token>/", views.SetPassword.as_view(), name="set-password"),
    path("coaches/invite/", views.coach_invite, name="invite"),
    path("coaches/<int:pk>/reset/", views.coach_reset, name="reset"),
    path("coaches/<int:pk>/active/", views.coach_active, name="active"),
]
