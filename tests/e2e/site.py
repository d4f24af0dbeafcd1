"""Every page a head coach, a coach and an athlete's check-in link reach, by who opens it.

A page's path may name records the demo team does not hold yet (a check-in link, an
invitation, an analysed clip, a running block): ``SETUP`` makes them once on the served
database and prints their ids and paths, which fill the ``{placeholders}``.

A new page goes in ``PAGES``: the axe run and the Content-Security-Policy check open every
page listed, and ``test_accessibility.py`` fails for a URL pattern that no page (nor a step
of its after-a-POST walks) opens and that its ``NOT_PAGES`` does not exclude with a reason.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

from .pages import COACH, HEAD

SETUP = """
import datetime as dt
import json
from hingecoach.web.setup import setup_django
setup_django()
from hingecoach.core import default_catalog
from hingecoach.core.kinematics import analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.web.accounts.services import coach_invite
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.blocks.services import block_assign
from hingecoach.web.checkins.services import checkin_share_create
from hingecoach.web.checkins.tokens import token_for
from hingecoach.web.clips.models import Clip

def athlete(name):
    return Athlete.objects.get(name=name)

isla, omar = athlete("Isla Brown"), athlete("Omar Haddad")
share = checkin_share_create(athlete=omar)  # not Isla: other tests make Isla's first link
_, invite = coach_invite(team=isla.team, username="new-coach-a11y")
spec = ClipSpec(faults=frozenset({"knee-dominant"}), outline="none", noise=0.0,
                drop_rate=0.0, seed=3)
report = analyze_track(generate_clip(spec)[0], catalog=default_catalog()).model_dump(mode="json")
clip = Clip.objects.create(athlete=isla, extension="mp4", exercise="bodyweight-hip-hinge",
                           original_name="hinge.mp4", status=Clip.Status.DONE, progress=100,
                           report=report)
block = block_assign(athlete=athlete("Chloe Martin"), weeks=4, start=dt.date.today(),
                     catalog=default_catalog())
print(json.dumps({
    "isla": isla.pk, "grace": athlete("Grace Lee").pk, "ben": athlete("Ben Carter").pk,
    "chloe": athlete("Chloe Martin").pk, "omar": omar.pk, "clip": clip.pk, "block": block.pk,
    "invite": invite,
    "checkin": f"/c/{token_for(share.salt)}/",
}))
"""

ATHLETE = "athlete"  # nobody signed in: an athlete opening their link, or a new coach


@dataclass(frozen=True)
class SitePage:
    name: str
    who: str
    path: str

    def url(self, records: dict[str, object]) -> str:
        return self.path.format(**records)


PAGES = [
    SitePage("today", COACH, "/today/"),
    SitePage("today-team", COACH, "/today/?who=team"),
    SitePage("athletes", COACH, "/athletes/"),
    SitePage("athlete-new", COACH, "/athletes/new/"),
    SitePage("athlete-records", COACH, "/athletes/{isla}/"),
    SitePage("athlete-refer", COACH, "/athletes/{grace}/"),
    SitePage("athlete-pain-aware", COACH, "/athletes/{ben}/"),
    SitePage("athlete-high-fear", COACH, "/athletes/{chloe}/"),
    SitePage("athlete-link-shared", COACH, "/athletes/{omar}/"),
    SitePage("athlete-charts", COACH, "/athletes/{isla}/charts/"),
    SitePage("athlete-edit", COACH, "/athletes/{isla}/edit/"),
    SitePage("record-test", COACH, "/athletes/{isla}/test/"),
    SitePage("record-pain", COACH, "/athletes/{isla}/pain/"),
    SitePage("record-tsk", COACH, "/athletes/{isla}/tsk/"),
    SitePage("mastered", COACH, "/athletes/{isla}/mastered/"),
    SitePage("log-session", COACH, "/athletes/{isla}/log/"),
    SitePage("gym-mode", COACH, "/gym/athlete/{isla}/"),
    SitePage("block-assign", COACH, "/blocks/athlete/{isla}/new/"),
    SitePage("block-gym", COACH, "/blocks/{block}/week/1/gym/"),
    SitePage("clip-upload", COACH, "/clips/athlete/{isla}/new/"),
    SitePage("clip-report", COACH, "/clips/{clip}/"),
    SitePage("catalog", COACH, "/catalog/"),
    SitePage("exercise", COACH, "/catalog/romanian-deadlift/"),
    SitePage("cards", COACH, "/print/cards/"),
    SitePage("cards-four", COACH, "/print/cards/?layout=four&size=letter"),
    SitePage("card", COACH, "/print/cards/hip-bridge/"),
    SitePage("settings", COACH, "/team/settings/"),
    SitePage("password-change", COACH, "/account/password/"),
    SitePage("api-docs", COACH, "/api/docs"),
    SitePage("not-found", COACH, "/athletes/999999/"),
    SitePage("today-head", HEAD, "/today/"),
    SitePage("settings-head", HEAD, "/team/settings/"),
    SitePage("audit", HEAD, "/team/audit/"),
    SitePage("invite", HEAD, "/account/coaches/invite/"),
    SitePage("erase", HEAD, "/athletes/{ben}/erase/"),
    SitePage("sign-in", ATHLETE, "/login/"),
    SitePage("set-password", ATHLETE, "{invite}"),
    SitePage("checkin", ATHLETE, "{checkin}"),
    SitePage("checkin-unknown", ATHLETE, "/c/no-such-link/"),
]

# Filming, live mode and an athlete's clip (web/live, web/checkins): kept as a block of
# their own so the list above merges cleanly.
PAGES += [
    SitePage("film", COACH, "/athletes/{isla}/live/film/"),
    SitePage("live", COACH, "/athletes/{isla}/live/"),
    SitePage("checkin-clip", ATHLETE, "{checkin}clip/"),
]


# Stand-ins that resolve like the records' real ids and paths (no server needed): what
# the URL coverage check resolves ``PAGES`` with.
SAMPLE_RECORDS = {
    "isla": 1,
    "grace": 2,
    "ben": 3,
    "chloe": 4,
    "omar": 5,
    "clip": 1,
    "block": 1,
    "invite": "/account/set-password/MQ/set-password/",
    "checkin": "/c/abc/",
}


def make_records(environment: dict[str, str]) -> dict[str, object]:
    """Run ``SETUP`` against the served database; the ids and paths it made."""
    return dict(json.loads(run_script(environment, SETUP, timeout=180)))


def run_script(environment: dict[str, str], script: str, *args: str, timeout: int = 120) -> str:
    """Run a Python ``script`` against the served database (``environment``); the last
    line it printed."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]
