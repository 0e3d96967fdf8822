from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zist.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from zist.core import list_indexes

        # Once per migrate (sent for core only), after every app's tables exist.
        post_migrate.connect(
            list_indexes.on_post_migrate, sender=self, dispatch_uid="zist.core.list_indexes"
        )
