from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "zist.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        # The job kinds other apps and the schedule refer to by name.
        from zist.core import exports, imports, pdf
        from zist.jobs import exports as export_jobs
        from zist.jobs import kinds
        from zist.jobs import pdf as pdf_jobs

        # Core imports no app: large imports, long PDF renders (pdf_later) and large
        # exports become jobs of this app (decisions 0011, 0020, 0026).
        imports.background = kinds.import_in_background
        pdf.set_background(pdf_jobs.queue)
        exports.set_background(export_jobs.queue)
