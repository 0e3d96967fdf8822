"""Nonconformities and their corrective-action workflow (ISO 14001 clause 10.2).

A nonconformity is reported, corrected, analysed for its root cause (five whys and a
cause category), followed up with corrective actions (`zist.actions.Action` with
`source=` the nonconformity), checked for effectiveness and closed — or reopened when
the check finds the actions ineffective. The rules live in `clean()` so that the web
pages and the API obey them alike.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet


class Grade(models.TextChoices):
    MAJOR = "major", _("Major nonconformity")
    MINOR = "minor", _("Minor nonconformity")


class SourceKind(models.TextChoices):
    AUDIT_FINDING = "audit_finding", _("Audit finding")
    COMPLIANCE_EVALUATION = "compliance_evaluation", _("Compliance evaluation")
    INCIDENT = "incident", _("Incident")
    COMPLAINT = "complaint", _("Complaint")
    MANAGEMENT_REVIEW = "management_review", _("Management review")
    OTHER = "other", _("Other")


# The registers a nonconformity may be raised from (its `source`): an audit finding, a
# compliance evaluation, a citizen inquiry or complaint, a management review, a crisis
# event or drill finding. Any other record (a history row, a token) is refused.
SOURCE_MODELS = (
    "audits.finding",
    "obligations.complianceevaluation",
    "communication.inquiry",
    "reviews.managementreview",
    "crisis.hazardevent",
    "crisis.drillfinding",
)


class Status(models.TextChoices):
    REPORTED = "reported", _("Reported")
    CORRECTION = "correction", _("Correction")
    ANALYSIS = "analysis", _("Root-cause analysis")
    ACTION = "action", _("Corrective actions")
    VERIFICATION = "verification", _("Effectiveness check")
    CLOSED = "closed", _("Closed")


# The workflow in order; a step may only be entered once the earlier ones are done.
STATUS_ORDER = [s.value for s in Status]


class CauseCategory(models.TextChoices):
    PEOPLE = "people", _("People (competence, awareness)")
    METHOD = "method", _("Method (procedure, instruction)")
    EQUIPMENT = "equipment", _("Equipment and infrastructure")
    MATERIAL = "material", _("Materials and suppliers")
    ENVIRONMENT = "environment", _("Surroundings and external conditions")
    MEASUREMENT = "measurement", _("Measurement and monitoring")
    MANAGEMENT = "management", _("Management and planning")


class Effectiveness(models.TextChoices):
    EFFECTIVE = "effective", _("Effective")
    INEFFECTIVE = "ineffective", _("Not effective")


class NonconformityQuerySet(RestrictedQuerySet):
    def open(self):
        return self.exclude(status=Status.CLOSED)


class Nonconformity(ZistModel):
    """A failure to meet a requirement, found by an audit, an evaluation, an incident,
    a complaint or a review, and followed to a verified close."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="nonconformities",
        verbose_name=_("unit"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices, blank=True)
    source_kind = models.CharField(
        _("source"), max_length=30, choices=SourceKind.choices, default=SourceKind.OTHER
    )
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
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_nonconformities",
        verbose_name=_("reported by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REPORTED
    )
    correction = models.TextField(
        _("correction"),
        blank=True,
        help_text=_("What was done at once to contain the problem and its consequences."),
    )
    why_1 = models.CharField(_("why? (1)"), max_length=300, blank=True)
    why_2 = models.CharField(_("why? (2)"), max_length=300, blank=True)
    why_3 = models.CharField(_("why? (3)"), max_length=300, blank=True)
    why_4 = models.CharField(_("why? (4)"), max_length=300, blank=True)
    why_5 = models.CharField(_("why? (5)"), max_length=300, blank=True)
    cause_category = models.CharField(
        _("cause category"), max_length=20, choices=CauseCategory.choices, blank=True
    )
    root_cause = models.TextField(_("root cause"), blank=True)
    check_due = models.DateField(_("effectiveness check due"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="checked_nonconformities",
        verbose_name=_("effectiveness checked by"),
    )
    checked_on = models.DateField(_("effectiveness checked on"), null=True, blank=True)
    effectiveness = models.CharField(
        _("effectiveness result"), max_length=20, choices=Effectiveness.choices, blank=True
    )
    effectiveness_notes = models.TextField(_("effectiveness notes"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = NonconformityQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("nonconformity")
        verbose_name_plural = _("nonconformities")
        indexes = [
            models.Index(fields=["-reported_on", "-id"], name="nonconformity_list_order"),
            models.Index(fields=["source_type", "source_id"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def whys(self) -> list[str]:
        return [w for w in (self.why_1, self.why_2, self.why_3, self.why_4, self.why_5) if w]

    def actions(self):
        """Corrections and corrective actions raised for this nonconformity."""
        from zist.actions.models import Action

        if not self.pk:
            return Action.objects.none()
        return Action.objects.for_source(self)

    def steps(self) -> list[tuple[str, str, bool]]:
        """The workflow steps as (value, label, is-current) for the detail page."""
        return [(s.value, s.label, s.value == self.status) for s in Status]

    def step(self) -> int:
        return STATUS_ORDER.index(self.status)

    def clean(self) -> None:
        errors = {}
        step = self.step()
        if step >= STATUS_ORDER.index(Status.ANALYSIS) and not self.correction:
            errors["correction"] = _(
                "Record the correction (or why none was needed) before the root-cause analysis."
            )
        if step >= STATUS_ORDER.index(Status.ACTION) and not (self.root_cause or self.whys):
            errors["root_cause"] = _("Record the root cause before planning corrective actions.")
        if step >= STATUS_ORDER.index(Status.ACTION) and not self.cause_category:
            errors["cause_category"] = _("Choose a cause category.")
        if step >= STATUS_ORDER.index(Status.VERIFICATION) and not self.actions().exists():
            errors["status"] = _("Plan at least one action before checking effectiveness.")
        if self.checked_on and self.checked_on < self.reported_on:
            errors["checked_on"] = _("The check cannot come before the report.")
        if self.status == Status.CLOSED and "status" not in errors:
            if self.effectiveness != Effectiveness.EFFECTIVE or not (
                self.checked_by_id and self.checked_on
            ):
                errors["status"] = _(
                    "A nonconformity is closed only after an effectiveness check (who, when) "
                    "found the actions effective."
                )
            elif self.actions().open().exists():
                errors["status"] = _("A nonconformity with open actions cannot be closed.")
            elif not self.closed_on:
                self.closed_on = timezone.localdate()
        elif self.closed_on:
            # Reopened: the close date no longer applies.
            self.closed_on = None
        if errors:
            raise ValidationError(errors)
