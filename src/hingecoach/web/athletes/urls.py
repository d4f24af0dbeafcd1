from django.urls import path

from hingecoach.web.athletes import views
from hingecoach.web.changes.services import remembering_changes

app_name = "athletes"
urlpatterns = [
    path("", views.athlete_list, name="list"),
    path("new/", views.athlete_create, name="create"),
    path("<int:pk>/", views.athlete_detail, name="detail"),
    path("<int:pk>/charts/", views.athlete_charts, name="charts"),
    path("<int:pk>/edit/", remembering_changes("profile")(views.athlete_edit), name="edit"),
    path("<int:pk>/archive/", views.athlete_archive, name="archive"),
    path("<int:pk>/test/", remembering_changes("test")(views.test_record), name="test"),
    path("<int:pk>/test/preview/", views.test_preview, name="test-preview"),
    path("<int:pk>/pain/", remembering_changes("pain report")(views.pain_record), name="pain"),
    path("<int:pk>/tsk/", remembering_changes("TSK-11 score")(views.tsk_record), name="tsk"),
    path(
        "<int:pk>/mastered/",
        remembering_changes("mastered list")(views.mastery_edit),
        name="mastered",
    ),
    path("<int:pk>/log/", remembering_changes("session")(views.session_log), name="log"),
    path("<int:pk>/export.<str:fmt>", views.athlete_export, name="export"),
    path("<int:pk>/checkin-links/", views.checkin_link_create, name="checkin-link-create"),
    path(
        "<int:pk>/checkin-links/<int:link_pk>/revoke/",
        views.checkin_link_revoke,
        name="checkin-link-revoke",
    ),
    path(
        "<int:pk>/sessions/<int:session_pk>/morning/",
        views.session_next_morning,
        name="next-morning",
    ),
]
