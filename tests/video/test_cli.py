"""``hingecoach analyze`` on bad input: exit status 2, one line on standard error, no
traceback, nothing on standard output, and no output file left behind. None of these
reach the pose model, so they are quick."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from .support import run_cli, write_clip

CASES = {
    "text renamed .mp4": (("{dir}/notes.mp4",), "CLIP: '{dir}/notes.mp4' is not a readable video"),
    "text file": (
        ("{dir}/notes.txt",),
        "CLIP: '{dir}/notes.txt' is not a camera video (its picture stream is 'ansi'",
    ),
    "empty file": (("{dir}/empty.mp4",), "CLIP: '{dir}/empty.mp4' is empty (0 bytes)"),
    "missing file": (("{dir}/gone.mp4",), "CLIP: no such file '{dir}/gone.mp4'"),
    "a folder": (("{dir}",), "CLIP: '{dir}' is a folder, not a video file"),
    "unknown exercise": (
        ("{dir}/clip.mp4", "--exercise", "kneeling-squat-dance"),
        "--exercise: unknown exercise 'kneeling-squat-dance'",
    ),
    "annotated not mp4": (
        ("{dir}/clip.mp4", "--annotated", "{dir}/out.avi"),
        "--annotated: '{dir}/out.avi' must be a .mp4 file",
    ),
    "plot not png": (
        ("{dir}/clip.mp4", "--plot", "{dir}/out.jpg"),
        "--plot: '{dir}/out.jpg' must be a .png file",
    ),
    "plot folder missing": (
        ("{dir}/clip.mp4", "--plot", "{dir}/nowhere/out.png"),
        "--plot: no such folder '{dir}/nowhere'",
    ),
    "unknown model": (
        ("{dir}/clip.mp4", "--model", "tiny"),
        "Invalid value for '--model': 'tiny' is not one of 'lite', 'full', 'heavy'.",
    ),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    (folder / "notes.mp4").write_text("shopping list: eggs, milk\n" * 40)
    # FFmpeg opens a text file named .txt as pictures of its text (the "tty" demuxer).
    (folder / "notes.txt").write_text("shopping list: eggs, milk, oats, honey\n" * 300)
    (folder / "empty.mp4").write_bytes(b"")
    write_clip(folder / "clip.mp4", frames=10)
    before = sorted(p.name for p in folder.iterdir())
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = {
            name: pool.submit(run_cli, "analyze", "--json", *(a.format(dir=folder) for a in args))
            for name, (args, _) in CASES.items()
        }
        done = {name: future.result() for name, future in runs.items()}
    return folder, before, done


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_exits_2_with_one_clear_line(results, case):
    folder, _, done = results
    result = done[case]
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(CASES[case][1].format(dir=folder))


def test_bad_input_leaves_no_file_behind(results):
    folder, before, _ = results
    assert sorted(p.name for p in folder.iterdir()) == before


def test_an_exercise_from_the_coachs_own_catalog_is_accepted(tmp_path, catalog_copy):
    """``--catalog`` names the catalog the exercise is checked against, all the way
    into the analysis (a blank clip: not assessable, but reported for that exercise)."""
    shipped = catalog_copy / "exercises" / "good-morning.yaml"
    (catalog_copy / "exercises" / "banded-good-morning.yaml").write_text(
        shipped.read_text()
        .replace("id: good-morning", "id: banded-good-morning")
        .replace("name: Good Morning", "name: Banded Good Morning")
    )
    clip = write_clip(tmp_path / "clip.mp4", frames=10)
    result = run_cli(
        "--catalog",
        str(catalog_copy),
        "analyze",
        str(clip),
        "--json",
        "--exercise",
        "banded-good-morning",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["exercise"] == "banded-good-morning"
    assert report["assessable"] is False
