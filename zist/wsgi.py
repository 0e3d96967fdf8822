"""WSGI entry point: `gunicorn zist.wsgi` (see README, production deployment)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zist.settings")
application = get_wsgi_application()

# Without a broker (the embedded default) this process also ticks the schedule:
# reminders hourly, objectives nightly, each once per period however many processes
# tick (zist.jobs.schedule). With ZIST_BROKER_URL, `celery -A zist beat` does it.
from zist.jobs.schedule import start_embedded  # noqa: E402

start_embedded()
