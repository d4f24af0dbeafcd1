from django.urls import path

from hingecoach.web.clips import views

app_name = "clips"
urlpatterns = [
    path("athlete/<int:pk>/new/", views.clip_upload, name="upload"),
    path("<int:pk>/", views.clip_detail, name="detail"),
    path("<int:pk>/progress/", views.clip_progress, name="progress"),
    path("<int:pk>/frames/<int:n>.jpg", views.clip_frame, name="frame"),
    path("<int:pk>/video.webm", views.clip_video, name="video"),
    path("<int:pk>/retry/", views.clip_retry, name="retry"),
    path("<int:pk>/reanalyse/", views.clip_reanalyse, name="reanalyse"),
    path("<int:pk>/test/", views.clip_save_test, name="save-test"),
    path("<int:pk>/reviewed/", views.clip_reviewed, name="reviewed"),
]
