"""A GET changes nothing in the database: every page a head coach of a seeded team can
reach by following links (and htmx ``hx-get`` fragments), and every GET of the API, runs
no INSERT, UPDATE or DELETE. Clips in every state are there, a stalled one included."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.clips.models import Clip
from hingecoach.web.demo import HEAD, create_demo

LINK = re.compile(r'(?:href|hx-get|src)="(/[^"]*)"')
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
SKIP = ("/static/", "/admin/", "/logout/", "/api/docs")
PER_PAGE_NAME = 2  # pages of one URL name visited (e.g. two athletes' pages)
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


@pytest.fixture
def seeded(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.CLIP_STALL_MINUTES = 5
    create_demo()
    athlete = Athlete.objects.order_by("id").first()
    report = analyze_track(
        generate_clip(ClipSpec(seed=3))[0], catalog=default_catalog()
    ).model_dump(mode="json")
    _clip(athlete, status=Clip.Status.DONE, progress=100, report=report)
    _clip(athlete, status=Clip.Status.RUNNING, progress=35, quiet_minutes=60)  # stalled
    _clip(athlete, status=Clip.Status.QUEUED)
    _clip(athlete, status=Clip.Status.FAILED, error="could not read the video")
    client = Client()
    client.force_login(get_user_model().objects.get(username=HEAD))
    return client, [f"/clips/{clip.pk}/" for clip in Clip.objects.all()] + [
        reverse("checkin", args=[athletes.checkin_link_create(athlete=athlete)])
    ]


def _clip(athlete, *, quiet_minutes: float = 0, **fields) -> Clip:
    clip = Clip.objects.create(
        athlete=athlete,
        extension="mp4",
        original_name="hinge.mp4",
        exercise="bodyweight-hip-hinge",
        **fields,
    )
    clip.video_path.parent.mkdir(parents=True, exist_ok=True)
    clip.video_path.write_bytes(MP4_HEAD)
    Clip.objects.filter(pk=clip.pk).update(
        progress_at=timezone.now() - dt.timedelta(minutes=quiet_minutes)
    )
    return clip


def _writes(client: Client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries.captured_queries if WRITE.match(q["sql"])]


def _links(response) -> list[str]:
    if "html" not in response.get("Content-Type", ""):
        return []
    found = (urldefrag(unescape(link))[0] for link in LINK.findall(response.content.decode()))
    return [link for link in found if not link.startswith(SKIP)]


def _name(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def test_no_page_a_coach_can_reach_writes_to_the_database(seeded):
    client, pages = seeded
    queue, seen, per_name, visited = ["/today/", "/athletes/", *pages], set(), Counter(), []
    while queue:
        url = queue.pop(0)
        name = _name(url)
        if url in seen or name is None or (per_name[name] >= PER_PAGE_NAME and url not in pages):
            continue
        seen.add(url)
        per_name[name] += 1
        response, writes = _writes(client, url)
        assert not writes, f"GET {url} wrote to the database: {writes}"
        visited.append((url, response.status_code))
        queue += _links(response)
    names = set(per_name)
    for expected in (
        "today:page",
        "athletes:list",
        "athletes:detail",
        "athletes:charts",
        "athletes:erase",
        "clips:detail",
        "clips:progress",
        "clips:upload",
        "checkin",
    ):
        assert expected in names, f"the crawl never reached {expected}: {sorted(names)}"
    assert len(visited) > 40


def test_no_get_of_the_api_writes_to_the_database(seeded):
    client, _pages = seeded
    schema = client.get("/api/openapi.json").json()
    ids = {
        "athlete_id": Athlete.objects.order_by("id").first().pk,
        "clip_id": Clip.objects.get(status=Clip.Status.RUNNING).pk,
    }
    checked = 0
    for path, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        url = re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), 1)), path)
        response, writes = _writes(client, url)
        assert not writes, f"GET {url} wrote to the database: {writes}"
        checked += response.status_code == 200
    assert checked >= 5
