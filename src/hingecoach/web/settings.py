"""Django settings, all from the environment.

HINGECOACH_HOME        data folder (SQLite file, uploads); default: the user's data dir
DATABASE_URL           e.g. postgres://user:pass@host/db; default: SQLite in HINGECOACH_HOME
HINGECOACH_SECRET_KEY  secret key; default: one generated once into the data folder
HINGECOACH_DEBUG=1     debug pages (never in production)
HINGECOACH_SECURE=1    HTTPS-only cookies, HSTS and redirects (behind a TLS proxy)
HINGECOACH_ALLOWED_HOSTS  comma-separated; default 127.0.0.1,localhost
HINGECOACH_CATALOG     catalog folder to coach with (a coach's edited copy; `hingecoach --catalog
                       DIR serve` sets it); default: shipped
HINGECOACH_CLIP_MAX_MB    largest clip a coach may upload, in MB; default 200
HINGECOACH_CLIP_KEEP_DAYS uploaded clips are kept this many days; default 90
HINGECOACH_CLIP_STALL_MINUTES  an analysis whose progress has not moved this long is shown
                          failed, to try again (its worker was killed); default 5
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from whitenoise.compress import Compressor

from hingecoach.web.paths import data_home, secret_key


def _flag(name: str) -> bool:
    return os.environ.get(name, "").lower() in {"1", "true", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent
HOME = data_home()
SECRET_KEY = secret_key(HOME)
DEBUG = _flag("HINGECOACH_DEBUG")
ALLOWED_HOSTS = os.environ.get("HINGECOACH_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "hingecoach.web.staticfiles.HingecoachStaticFiles",
    "django_htmx",
    "ninja",  # the API; its docs page is the app's own (web/api/docs.py), no CDN
    "axes",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "hingecoach.web.teams",
    "hingecoach.web.accounts",
    "hingecoach.web.athletes",
    "hingecoach.web.catalog_pages",
    "hingecoach.web.printouts",
    "hingecoach.web.clips",
    "hingecoach.web.audit",
    "hingecoach.web.today",
    "hingecoach.web.changes",
    "hingecoach.web.checkins",
    "hingecoach.web.gym",
    "hingecoach.web.blocks",
    "hingecoach.web.live",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hingecoach.web.headers.ContentSecurityPolicyMiddleware",
    "hingecoach.web.api.errors.ApiErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "hingecoach.web.not_allowed.NotAllowedPageMiddleware",
    "hingecoach.web.audit.middleware.AuditActorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hingecoach.web.urls"
WSGI_APPLICATION = "hingecoach.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hingecoach.web.teams.context.team",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{HOME / 'hingecoach.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Tests run against a real SQLite file, not an in-memory database.
    DATABASES["default"]["TEST"] = {"NAME": str(HOME / "test.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# File caches in the data folder: shared by every gunicorn worker on this host, so the
# check-in rate limit holds across workers without another service. ``pages`` keeps what
# an athlete's page works out from their records, one slot per athlete and kind, each
# stamped with the records' version (``hingecoach.web.common.pagecache``); it culls only
# past MAX_ENTRIES, so that is set well above the slots a large team fills.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(HOME / "cache"),
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(HOME / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Sessions are read from the default file cache and written through to the database, so
# a request reads no session row (Django's cached_db engine; signing out deletes both).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "hingecoach.web.accounts.backends.CoachBackend",  # ModelBackend, the team read with the coach
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today:page"
LOGOUT_REDIRECT_URL = "login"
# One-time links (an invitation, a password reset) work this long, and only once.
PASSWORD_RESET_TIMEOUT = 3 * 86_400

# Login attempts: five failures lock that username from that address for fifteen minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"

# The audit trail (django-auditlog, web/audit): who changed which record and when. No
# address is kept, and an import (a raw save) records nothing new.
AUDITLOG_DISABLE_REMOTE_ADDR = True
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 100
AUDITLOG_DISABLE_ON_RAW_SAVE = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("HINGECOACH_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# The pose models (video/models, 40 MB) are served as static/pose/...; compressing them
# would take collectstatic minutes for a few percent, so they are sent as they are.
STATICFILES_DIRS = [BASE_DIR / "static", ("pose", BASE_DIR.parent / "video" / "models")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Source maps (megabytes, for developers' tools, never sent to a coach's browser) and
# model files (which barely compress) are not compressed: brotli on them turned a
# first start's collectstatic from about a second into half a minute.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map", "tflite")
MEDIA_ROOT = HOME / "uploads"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_TEMP_DIR = HOME / "uploads-tmp"  # big uploads stream here, beside MEDIA_ROOT
FILE_UPLOAD_TEMP_DIR.mkdir(exist_ok=True)

# Clips are analysed by a background worker (`db_worker`, started by `hingecoach serve`),
# never inside a web request; more workers can run against the same PostgreSQL database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# `hingecoach export`: Django's JSON, with times to the microsecond (web/serialization.py).
SERIALIZATION_MODULES = {"export-json": "hingecoach.web.serialization"}
# The catalog every page and the API coach with (hingecoach.web.catalog.web_catalog).
HINGECOACH_CATALOG = os.environ.get("HINGECOACH_CATALOG") or None
CLIP_MAX_BYTES = int(os.environ.get("HINGECOACH_CLIP_MAX_MB", "200")) * 1024 * 1024
CLIP_KEEP_DAYS = int(os.environ.get("HINGECOACH_CLIP_KEEP_DAYS", "90"))
# A worker writes its progress every few seconds, even for the longest clip allowed.
CLIP_STALL_MINUTES = int(os.environ.get("HINGECOACH_CLIP_STALL_MINUTES", "5"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if _flag("HINGECOACH_SECURE"):
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "hingecoach.web.logs.RefusalsOnOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["one_line"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
