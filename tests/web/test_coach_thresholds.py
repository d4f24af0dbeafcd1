"""The web app with a coach's catalog copy (the HINGECOACH_CATALOG setting) made before a
release added thresholds: pages and clip analysis load it, the keys it leaves out come
from the shipped files, and a log line says which."""

from __future__ import annotations

import logging
from pathlib import Path

from django.urls import reverse

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import default_video_thresholds
from hingecoach.web.catalog import web_catalog, web_video_thresholds


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_pages_load_a_copy_whose_thresholds_leave_keys_out_and_log_which(
    coach_client, athlete, settings, catalog_copy, caplog
):
    rewrite(catalog_copy / "thresholds.yaml", "  older_adult_from: 65\n", "")
    settings.HINGECOACH_CATALOG = str(catalog_copy)
    with caplog.at_level(logging.WARNING, logger="hingecoach.web.catalog"):
        for _ in range(2):
            response = coach_client.get(reverse("athletes:detail", args=[athlete.pk]))
            assert response.status_code == 200
    assert web_catalog().thresholds == default_catalog().thresholds
    notes = [r.getMessage() for r in caplog.records if r.name == "hingecoach.web.catalog"]
    assert notes == [
        f"{catalog_copy}/thresholds.yaml does not set loads.older_adult_from: "
        "using the shipped values"
    ]


def test_clip_analysis_takes_the_copys_video_thresholds_over_the_shipped_ones(
    settings, catalog_copy, caplog
):
    path = catalog_copy / "video-thresholds.yaml"
    rewrite(path, "  facing_nose_trunk: 0.25", "  # (an older release)")
    settings.HINGECOACH_CATALOG = str(catalog_copy)
    with caplog.at_level(logging.WARNING, logger="hingecoach.web.catalog"):
        assert web_video_thresholds() == default_video_thresholds()
        assert web_video_thresholds() == default_video_thresholds()
    assert [r.getMessage() for r in caplog.records] == [
        f"{catalog_copy}/video-thresholds.yaml does not set tracking.facing_nose_trunk: "
        "using the shipped values"
    ]
    rewrite(path, "max_gap_s: 0.25", "max_gap_s: 0.5")
    assert web_video_thresholds().tracking.max_gap_s == 0.5


def test_without_the_setting_clip_analysis_uses_the_shipped_video_thresholds(settings):
    settings.HINGECOACH_CATALOG = None
    assert web_video_thresholds() is default_video_thresholds()
