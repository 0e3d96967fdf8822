"""Abstract bases every Zist model stands on."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zist.core.querysets import RestrictedManager, subtree_q


class DeleteRefused(Exception):
    """A record that may not be deleted (still used, a rule of its register). Raised by
    `Register.delete` or by `delete_record` for records still used; its message is
    translated and shown as it is: on the delete page, and as the API's 400 detail."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ZistHistoricalRecords(HistoricalRecords):
    """History that lets each model leave out fields (`history_excluded_fields`) and
    skips saves that touch only those (a login updating `last_login`)."""

    always_excluded = ("last_updated",)

    def _excluded(self, model) -> set[str]:
        return {*self.always_excluded, *getattr(model, "history_excluded_fields", ())}

    def fields_included(self, model):
        excluded = self._excluded(model)
        return [field for field in super().fields_included(model) if field.name not in excluded]

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if not created and update_fields and set(update_fields) <= self._excluded(instance):
            return
        super().post_save(instance, created, using=using, **kwargs)


class ScopedModel(models.Model):
    """A model whose objects hang on the unit tree.

    `scope_field` is the ORM path from the model to its Unit ("unit",
    "activity__unit"…); the empty string means the object is a unit itself. Models
    scoped differently override `scope_q`.
    """

    scope_field = "unit"
    # Relations that __str__ reads ("session__course"): every list, choice list and
    # API display joins them, so showing N objects never costs N more queries.
    str_select_related: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        return subtree_q(cls.scope_field, paths)

    @classmethod
    def person_q(cls, user, action: str) -> Q | None:
        """A narrowing by who the user is, on top of what their grants reach, or None.
        For records that people on the same units must not see of each other (an
        assessor's score before the panel compares them). Superusers are not
        narrowed."""
        return None

    def scope_units(self):
        """Units that decide who may see this object (for attachments, notifications)."""
        # By name: core imports no domain app (the organisations app owns the unit tree).
        Unit = apps.get_model("organisations", "Unit")
        if self.scope_field == "":
            return Unit.objects.filter(pk=self.pk)
        return Unit.objects.filter(
            pk__in=type(self).objects.filter(pk=self.pk).values(self.scope_field)
        )


class ZistModel(ScopedModel):
    """Base of every domain model: role-restricted manager, timestamps and full history
    (who, when, before/after) of every create, change and delete."""

    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_updated = models.DateTimeField(_("last updated"), auto_now=True)

    history = ZistHistoricalRecords(inherit=True)
    objects = RestrictedManager()

    # True for bulk tables whose rows mostly arrive without history rows (COPY,
    # bulk_create): their "as of" list is read from the rows' `created` (see
    # zist.core.history.as_of).
    bulk_rows = False

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        meta = self._meta
        try:
            return reverse(f"{meta.app_label}:{meta.model_name}_detail", args=[self.pk])
        except NoReverseMatch:
            return ""

    def assign(self, values: dict) -> bool:
        """Set the fields whose value differs (not saved); whether any did. Services
        that derive fields save only then, so history gets no row for no change."""
        changed = False
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        return changed
