"""Reads: the athlete's newest link that can be shown, with its address and QR code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno
from django.http import HttpRequest
from django.urls import reverse

from hingecoach.web.athletes.models import Athlete, CheckinLink
from hingecoach.web.checkins.models import CheckinShare
from hingecoach.web.checkins.tokens import token_for
from hingecoach.web.common.links import loopback
from hingecoach.web.teams.models import ApiToken


@dataclass(frozen=True)
class SharedLink:
    link: CheckinLink
    url: str  # "" when the secret key changed since the link was made
    qr_svg: str
    local_only: bool = False  # the address names this computer: no phone can open it


def checkin_share_latest(*, athlete: Athlete, request: HttpRequest) -> SharedLink | None:
    share = (
        CheckinShare.objects.select_related("link")
        .filter(link__athlete=athlete, link__revoked__isnull=True)
        .order_by("-link__created", "-link__id")
        .first()
    )
    if share is None:
        return None
    token = token_for(share.salt)
    if ApiToken.digest_of(token) != share.link.digest:
        return SharedLink(share.link, url="", qr_svg="")
    url = request.build_absolute_uri(reverse("checkin", args=[token]))
    return SharedLink(share.link, url=url, qr_svg=qr_svg(url), local_only=loopback(url))


@lru_cache(maxsize=512)
def qr_svg(text: str) -> str:
    """``text`` as an inline SVG QR code (medium error correction, a quiet zone of 4).
    Kept per process: the drawing depends on the text alone and costs about 5 ms, on
    every view of an athlete whose link is shown."""
    code = segno.make(text, error="m", micro=False)
    return code.svg_inline(
        scale=5,
        border=4,
        dark="#111",
        light="#fff",
        omitsize=True,
        svgclass="qr-code",
        title="QR code of the check-in link",
    )
