from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "zist.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        # The job kinds other apps and the schedule refer to by name.
        from zist.core import pdf
        from zist.jobs import kinds  # noqa: F401
        from zist.jobs import pdf as pdf_jobs

        # Long PDF renders (pdf_later) become jobs of this app (decision 0020).
        pdf.set_background(pdf_jobs.queue)
