"""Continual improvement (ISO 14001 clause 10.3): improvement ideas, and resource-wisdom
(Lean) reviews of a service or process.

A review maps the service as a simple value stream (its steps, each with processing and
waiting time and the resources it uses) and records findings per step, typed by the
eight Lean wastes or by an environmental waste (energy, water, materials, emissions).
A finding names the resource lost and how much, its root cause, the improvement
proposed and the estimated saving. An accepted finding or idea becomes an Action
(`zist.actions`, `source=` the finding or idea); after the action, the verified saving
is measured from an indicator over a before and an after period (services.verify).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.improvement import lanes
from zist.indicators import quantities

ZERO = Decimal(0)


class IdeaSource(models.TextChoices):
    STAFF = "staff", _("Staff")
    CITIZEN = "citizen", _("Citizen")
    REVIEW = "review", _("Lean review")
    AUDIT = "audit", _("Audit")
    OTHER = "other", _("Other")


class IdeaStatus(models.TextChoices):
    NEW = "new", _("New")
    REVIEW = "review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    DONE = "done", _("Done")


class Idea(ZistModel):
    """An improvement idea from anyone: a member of staff, or a citizen (the portal will
    create these through services.submit_idea with source "citizen")."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="ideas", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=IdeaSource.choices, default=IdeaSource.STAFF
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="improvement_ideas",
        verbose_name=_("submitted by"),
    )
    # Who proposed it when that is no user of Zist (a citizen through the portal).
    submitter_name = models.CharField(_("submitter's name"), max_length=200, blank=True)
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    action = models.OneToOneField(
        "actions.Action",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="improvement_idea",
        verbose_name=_("action"),
        editable=False,
    )

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        # The list's default order, read from an index at any size (issue 18).
        indexes = [models.Index(fields=["-submitted_on", "-id"], name="idea_list_order")]
        verbose_name = _("improvement idea")
        verbose_name_plural = _("improvement ideas")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.status == IdeaStatus.REJECTED and not self.rejection_reason.strip():
            raise ValidationError({"rejection_reason": _("Say why the idea is rejected.")})
        if self.status != IdeaStatus.REJECTED and self.rejection_reason:
            raise ValidationError(
                {"rejection_reason": _("Only a rejected idea has a reason for rejection.")}
            )


class Review(ZistModel):
    """A resource-wisdom review of one service or process at a unit, through Lean
    thinking: how the service is produced, and where resources are wasted."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="lean_reviews", verbose_name=_("unit")
    )
    title = models.CharField(_("service or process"), max_length=300)
    held_on = models.DateField(_("held on"), default=timezone.localdate)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="lean_reviews",
        verbose_name=_("facilitator"),
    )
    team = models.CharField(_("team"), max_length=500, blank=True)
    description = models.TextField(_("scope and notes"), blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("resource-wisdom review")
        verbose_name_plural = _("resource-wisdom reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "title", "held_on"],
                name="improvement_review_unique_title",
                violation_error_message=_(
                    "This unit already has a review of this service on this day."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.title


class Step(ZistModel):
    """One step of the reviewed service's value stream, in order."""

    scope_field = "review__unit"
    str_select_related = ("review",)

    review = models.ForeignKey(
        Review, models.CASCADE, related_name="steps", verbose_name=_("resource-wisdom review")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("step"), max_length=200)
    processing_minutes = models.DecimalField(
        _("processing time (min)"),
        max_digits=12,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    waiting_minutes = models.DecimalField(
        _("waiting time (min)"),
        max_digits=12,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    resources = models.CharField(_("resources used"), max_length=500, blank=True)

    class Meta:
        ordering = ["review", "order", "pk"]
        verbose_name = _("value-stream step")
        verbose_name_plural = _("value-stream steps")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "order"],
                name="improvement_step_unique_order",
                violation_error_message=_("This review already has a step in this place."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.review} · {self.order}. {self.name}"


class Waste(models.TextChoices):
    """The eight Lean wastes, and the environmental wastes Lean & Environment adds."""

    TRANSPORT = "transport", _("Transport")
    INVENTORY = "inventory", _("Inventory")
    MOTION = "motion", _("Motion")
    WAITING = "waiting", _("Waiting")
    OVERPRODUCTION = "overproduction", _("Over-production")
    OVERPROCESSING = "overprocessing", _("Over-processing")
    DEFECTS = "defects", _("Defects")
    SKILLS = "skills", _("Unused skills")
    ENERGY = "energy", _("Energy (environmental waste)")
    WATER = "water", _("Water (environmental waste)")
    MATERIALS = "materials", _("Materials (environmental waste)")
    EMISSIONS = "emissions", _("Emissions (environmental waste)")


class FindingStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    DONE = "done", _("Done")


def saving_field(label):
    return models.DecimalField(label, max_digits=18, decimal_places=4, null=True, blank=True)


class Finding(ZistModel):
    """Waste found at a step of a review: what is lost and how much, why, the improvement
    proposed, its estimated saving and, after the action, the saving measured."""

    scope_field = "review__unit"
    str_select_related = ("review",)

    review = models.ForeignKey(
        Review, models.CASCADE, related_name="findings", verbose_name=_("resource-wisdom review")
    )
    step = models.ForeignKey(
        Step,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name=_("step"),
    )
    title = models.CharField(_("finding"), max_length=300)
    waste = models.CharField(_("type of waste"), max_length=20, choices=Waste.choices)
    lane = models.CharField(_("roadmap lane"), max_length=30, choices=lanes.choices)
    resource = models.CharField(_("resource lost"), max_length=200, blank=True)
    lost_quantity = models.DecimalField(
        _("quantity lost"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    lost_unit = models.CharField(
        _("unit of the quantity lost"),
        max_length=40,
        blank=True,
        validators=[quantities.validate_unit],
        help_text=_("Per year, e.g. kg/a, kWh/a, L/a, h/a"),
    )
    root_cause = models.TextField(_("root cause"), blank=True)
    improvement = models.TextField(_("improvement proposed"), blank=True)
    saving_money = saving_field(_("estimated saving (€ or local currency a year)"))
    saving_kwh = saving_field(_("estimated saving (kWh a year)"))
    saving_m3 = saving_field(_("estimated saving (m³ a year)"))
    saving_tco2e = saving_field(_("estimated saving (t CO₂e a year)"))
    status = models.CharField(
        _("status"), max_length=20, choices=FindingStatus.choices, default=FindingStatus.PROPOSED
    )
    action = models.OneToOneField(
        "actions.Action",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="lean_finding",
        verbose_name=_("action"),
        editable=False,
    )
    # The verified saving: the indicator over the subtree of the review's unit, before
    # minus after (services.verify computes it; nobody types it).
    indicator = models.ForeignKey(
        "indicators.Indicator",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="lean_findings",
        verbose_name=_("indicator measuring the saving"),
    )
    before_start = models.DateField(_("before: first day"), null=True, blank=True)
    before_end = models.DateField(_("before: last day"), null=True, blank=True)
    after_start = models.DateField(_("after: first day"), null=True, blank=True)
    after_end = models.DateField(_("after: last day"), null=True, blank=True)
    verified_before = models.DecimalField(
        _("indicator before"), max_digits=24, decimal_places=6, null=True, editable=False
    )
    verified_after = models.DecimalField(
        _("indicator after"), max_digits=24, decimal_places=6, null=True, editable=False
    )
    verified_saving = models.DecimalField(
        _("verified saving"), max_digits=24, decimal_places=6, null=True, editable=False
    )

    class Meta:
        ordering = ["review", "step__order", "pk"]
        verbose_name = _("Lean finding")
        verbose_name_plural = _("Lean findings")

    def __str__(self) -> str:
        return self.title

    @property
    def lane_name(self) -> str:
        return lanes.lane_name(self.lane)

    def clean(self) -> None:
        errors = {}
        if self.step_id and self.review_id and self.step.review_id != self.review_id:
            errors["step"] = _("The step belongs to another review.")
        if self.lost_quantity is not None and not self.lost_unit:
            errors["lost_unit"] = _("Give the unit of the quantity lost.")
        periods = [self.before_start, self.before_end, self.after_start, self.after_end]
        if any(periods) and not (all(periods) and self.indicator_id):
            errors["indicator"] = _(
                "A verified saving needs an indicator and both periods, before and after."
            )
        elif all(periods):
            if self.before_end < self.before_start or self.after_end < self.after_start:
                errors["after_end"] = _("A period ends before it starts.")
            elif self.after_start <= self.before_end:
                errors["after_start"] = _("The after period starts once the before one ends.")
        if self.indicator_id and self.review_id:
            unit_path = self.review.unit.path
            if not (
                unit_path.startswith(self.indicator.unit.path)
                or self.indicator.unit.path.startswith(unit_path)
            ):
                errors["indicator"] = _("The indicator is not defined for this unit.")
        if errors:
            raise ValidationError(errors)
