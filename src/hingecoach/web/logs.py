"""Logging: a refused request is one line, never a traceback."""

from __future__ import annotations

import logging


class RefusalsOnOneLine(logging.Filter):
    """Drops the traceback from records of requests answered below 500 (Django logs a
    suspicious or too large request with its exception)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True
