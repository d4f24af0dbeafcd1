from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from hingecoach.web.accounts.forms import SignInForm
from hingecoach.web.api.views import api
from hingecoach.web.athletes import checkin
from hingecoach.web.athletes import urls as athlete_urls
from hingecoach.web.checkins.clip import checkin_clip
from hingecoach.web.erasure import urls as erasure_urls
from hingecoach.web.teamdata import urls as teamdata_urls
from hingecoach.web.teams import urls as teams_urls


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """What a browser asks for on a page without the icon link (a printout, a PDF): the
    static copy, whose hashed name changes when the icon does."""
    return HttpResponseRedirect(static("hingecoach/favicon.ico"))


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="today:page", permanent=False)),
    path("favicon.ico", favicon),
    path(
        "login/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=SignInForm
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("today/", include("hingecoach.web.today.urls")),
    path("checkins/", include("hingecoach.web.checkins.urls")),
    path("gym/", include("hingecoach.web.gym.urls")),
    path("blocks/", include("hingecoach.web.blocks.urls")),
    path("athletes/<int:pk>/live/", include("hingecoach.web.live.urls")),
    # The erase page lives in the erasure package, above the athletes and clips apps,
    # but keeps its address and its name in the athletes namespace.
    path(
        "athletes/",
        include((athlete_urls.urlpatterns + erasure_urls.urlpatterns, athlete_urls.app_name)),
    ),
    # The team's data download lives above the apps it reads (``web/teamdata``), but sits
    # beside Settings as ``teams:data``.
    path(
        "team/",
        include((teams_urls.urlpatterns + teamdata_urls.urlpatterns, teams_urls.app_name)),
    ),
    path("account/", include("hingecoach.web.accounts.urls")),
    path("team/audit/", include("hingecoach.web.audit.urls")),
    path("catalog/", include("hingecoach.web.catalog_pages.urls")),
    path("print/", include("hingecoach.web.printouts.urls")),
    path("clips/", include("hingecoach.web.clips.urls")),
    # the API page lives at /api/docs; with a slash the API would answer a JSON 404
    path("api/docs/", RedirectView.as_view(url="/api/docs", permanent=False)),
    path("api/", api.urls),
    path("c/<str:token>/", checkin.checkin_page, name="checkin"),  # an athlete's private link
    path("c/<str:token>/clip/", checkin_clip, name="checkin-clip"),
]
