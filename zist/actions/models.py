"""Actions: the one model for every tracked piece of work with an owner and a due date.

Programme tasks, risk treatments, corrective actions, management-review decisions and
crisis-plan remedies are all Actions; `source` points at the record that asked for it.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet


class ActionKind(models.TextChoices):
    TASK = "task", _("Task")
    CORRECTIVE = "corrective", _("Corrective action")
    CORRECTION = "correction", _("Correction")
    TREATMENT = "treatment", _("Risk treatment")
    DECISION = "decision", _("Decision follow-up")
    IMPROVEMENT = "improvement", _("Improvement")
    REMEDY = "remedy", _("Capability remedy")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionQuerySet(RestrictedQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def for_source(self, obj):
        return self.filter(source_type=ContentType.objects.get_for_model(obj), source_id=obj.pk)


class Action(ZistModel):
    """A piece of work: who does what by when, for which unit, and why (its source)."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="actions", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=ActionKind.choices, default=ActionKind.TASK
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    source_type = models.ForeignKey(
        ContentType,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source type"),
    )
    source_id = models.PositiveBigIntegerField(_("source record"), null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [
            models.Index(fields=["due_date", "id"], name="action_list_order"),
            models.Index(fields=["source_type", "source_id"]),
            models.Index(fields=["status", "due_date"]),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.status == ActionStatus.DONE and not self.completed_on:
            self.completed_on = timezone.localdate()
        if self.status == ActionStatus.DONE:
            self.progress = 100
        if self.status in OPEN_STATUSES and self.completed_on:
            raise ValidationError({"completed_on": _("An open action has no completion date.")})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()
