"""WSGI entry point: `gunicorn zist.wsgi` (see README, production deployment)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zist.settings")
application = get_wsgi_application()
