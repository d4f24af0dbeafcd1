"""The upload form (a size limit, a known extension and a file that starts like a video),
the form that analyses a clip again as another exercise, and the form that saves a clip
as a test.

The size limit is first held while the body arrives (``uploads.SizeLimit``); a file it
refused reaches the form as ``refusal``, shown on the file field.

Whether the video decodes, how long it is and whether a person is in it is found out by
the worker (the analysis never runs in a web request); its message shows on the clip's
page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings

from hingecoach.core.kinematics import DEFAULT_EXERCISE
from hingecoach.web.catalog import web_catalog
from hingecoach.web.clips.evidence import FaultEvidence, unanswered
from hingecoach.web.clips.uploads import size_text, too_big
from hingecoach.web.common.forms import date_field

EXTENSIONS = ("mp4", "mov", "m4v", "webm", "mkv", "avi")
EXTENSIONS_TEXT = ", ".join(EXTENSIONS)  # the one list the help and the refusals give
ISO_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")  # mp4, mov, m4v
MATROSKA = b"\x1a\x45\xdf\xa3"  # webm, mkv
TOO_BIG, NOT_VIDEO = "too_big", "not_video"  # error codes of a refused file


def looks_like_video(head: bytes) -> bool:
    """The file's first bytes are those of an MP4/QuickTime, Matroska/WebM or AVI file."""
    return (
        head[4:8] in ISO_BOXES
        or head.startswith(MATROSKA)
        or (head.startswith(b"RIFF") and head[8:12] == b"AVI ")
    )


def _exercise_choices() -> list[tuple[str, str]]:
    exercises = web_catalog().exercises.values()
    return [
        (e.id, e.name)
        for e in sorted(exercises, key=lambda e: e.name)
        if e.hinge or e.id == DEFAULT_EXERCISE
    ]


class ClipExerciseForm(forms.Form):
    """The exercise a finished clip is analysed as again."""

    exercise = forms.ChoiceField(label="Exercise in the clip", choices=_exercise_choices)


class ClipUploadForm(forms.Form):
    file = forms.FileField(
        label="Clip",
        widget=forms.ClearableFileInput(attrs={"accept": "video/*"}),
        help_text=f"A side-view video ({EXTENSIONS_TEXT}), the whole body in frame, a few "
        "seconds to a minute long.",
    )
    exercise = forms.ChoiceField(
        label="Exercise filmed",
        initial=DEFAULT_EXERCISE,
        choices=_exercise_choices,
        required=False,
        help_text="Only the bodyweight hip hinge test's faults can be saved as a test.",
    )

    def __init__(self, *args: Any, refusal: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = size_text(settings.CLIP_MAX_BYTES)
        self.fields["file"].help_text += f" At most {limit}."
        if refusal:  # the file was refused while it arrived, so none reached the form
            self.fields["file"].error_messages["required"] = refusal

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.CLIP_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(too_big(limit, upload.size), code=TOO_BIG)
        if self.extension(upload) not in EXTENSIONS:
            raise forms.ValidationError(
                f"'{upload.name}' is not a video file this app reads ({EXTENSIONS_TEXT})",
                code=NOT_VIDEO,
            )
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not looks_like_video(head):
            raise forms.ValidationError(
                f"'{upload.name}' does not look like a video (its content is not that of "
                "an MP4, MOV, WebM or AVI file)",
                code=NOT_VIDEO,
            )
        return upload

    def clean_exercise(self) -> str:
        return self.cleaned_data.get("exercise") or DEFAULT_EXERCISE

    @staticmethod
    def extension(upload: Any) -> str:
        return Path(upload.name or "").suffix.lower().lstrip(".")


SEEN, NOT_SEEN = "seen", "not-seen"
VERDICTS = [(SEEN, "Seen"), (NOT_SEEN, "Not seen")]


class ClipTestForm(forms.Form):
    """The coach's verdict on each of the test's faults, one field per fault named by
    its id. A fault the clip judged starts at the clip's verdict; one it could not judge
    starts with neither choice made. Every fault needs a verdict."""

    date = date_field()
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, evidence: list[FaultEvidence], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.evidence = evidence
        for item in evidence:
            self.fields[item.fault] = _verdict_field(item)
        self.order_fields(["date", *(item.fault for item in evidence), "notes"])

    def verdicts(self) -> dict[str, bool]:
        """Fault id to seen, once the form is valid."""
        return {item.fault: self.cleaned_data[item.fault] == SEEN for item in self.evidence}

    def by_eye(self) -> list[tuple[forms.BoundField, FaultEvidence]]:
        """The faults the clip could not judge, each with its field."""
        return [(self[item.fault], item) for item in self.evidence if not item.judged]

    def from_clip(self) -> list[tuple[forms.BoundField, FaultEvidence]]:
        """The faults the clip judged, each with its field."""
        return [(self[item.fault], item) for item in self.evidence if item.judged]


def _verdict_field(item: FaultEvidence) -> forms.ChoiceField:
    initial = None if item.seen is None else (SEEN if item.seen else NOT_SEEN)
    return forms.ChoiceField(
        label=item.name,
        choices=VERDICTS,
        initial=initial,
        widget=forms.RadioSelect,
        error_messages={"required": unanswered(item)},
    )
