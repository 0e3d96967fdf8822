from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync(sender, **kwargs) -> None:
    from django.db import connections

    from zist.clauses.models import Clause
    from zist.clauses.services import sync_builtin_libraries

    using = kwargs.get("using", "default")
    # After `migrate clauses zero` the tables are gone: nothing to sync.
    if Clause._meta.db_table in connections[using].introspection.table_names():
        sync_builtin_libraries(using=using)


class ClausesConfig(AppConfig):
    name = "zist.clauses"
    label = "clauses"
    verbose_name = _("Requirement libraries")

    def ready(self) -> None:
        from zist.clauses import registers  # noqa: F401

        # The built-in libraries are data shipped with the code: bring the database in
        # step after every migrate (idempotent).
        post_migrate.connect(_sync, sender=self, dispatch_uid="zist.clauses.sync")
