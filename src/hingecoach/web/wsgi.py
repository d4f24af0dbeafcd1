"""WSGI entry point, used by gunicorn (`hingecoach serve`)."""

import os

from django.core.wsgi import get_wsgi_application

from hingecoach.web.chunked import with_chunked_bodies

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hingecoach.web.settings")
application = with_chunked_bodies(get_wsgi_application())
