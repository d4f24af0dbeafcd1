"""WSGI entry point, used by gunicorn (`hingecoach serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hingecoach.web.settings")
application = get_wsgi_application()
