"""Public training needs and the versioned master plan document."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    MEDIUM = 2, _("Medium")
    LOW = 3, _("Low")


class PublicTrainingNeed(ZistModel):
    """What the public needs to learn about one hazard, and who should learn it."""

    scope_field = "hazard__unit"

    hazard = models.ForeignKey(
        "crisis.Hazard", models.PROTECT, related_name="public_training", verbose_name=_("hazard")
    )
    topic = models.CharField(_("topic"), max_length=300)
    audience = models.CharField(_("audience"), max_length=200)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    channel = models.CharField(_("channel"), max_length=200, blank=True)

    class Meta:
        ordering = ["priority", "hazard", "topic"]
        verbose_name = _("public training need")
        verbose_name_plural = _("public training needs")

    def __str__(self) -> str:
        return self.topic


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class MasterPlan(ZistModel):
    """A version of the crisis management master plan. The document assembles the
    registers live while a draft; approval freezes a copy of it."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="master_plans", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    version = models.CharField(_("version"), max_length=20)
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, help_text=_("For indicators per 100 000 people.")
    )
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PlanStatus.choices,
        default=PlanStatus.DRAFT,
        editable=False,
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True, editable=False)
    document = models.TextField(_("approved document"), blank=True, editable=False)

    history_excluded_fields = ("document",)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("master plan")
        verbose_name_plural = _("master plans")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "version"],
                name="crisis_masterplan_unique_version",
                violation_error_message=_("This version already exists."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    def clean(self) -> None:
        if self.pk and self.status == PlanStatus.APPROVED:
            raise ValidationError(
                _("An approved version cannot be changed: start a new version instead.")
            )
