"""The token of a shareable check-in link, made again from its salt and the secret key."""

from __future__ import annotations

import base64
import hashlib
import hmac

from django.conf import settings

PURPOSE = b"hingecoach-checkin-link:"


def token_for(salt: str) -> str:
    mac = hmac.new(settings.SECRET_KEY.encode(), PURPOSE + salt.encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()).decode().rstrip("=")
