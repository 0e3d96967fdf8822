from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "zist.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        # The job kinds other apps and the schedule refer to by name.
        from zist.core import imports
        from zist.jobs import kinds

        imports.background = kinds.import_in_background
