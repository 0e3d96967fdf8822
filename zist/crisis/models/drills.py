"""Drills and exercises: planned and held, measured against the processes' target
times, scored on the four criteria, with findings that become actions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.crisis.models.processes import CriteriaScores


class DrillStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Drill(CriteriaScores, ZistModel):
    """A drill or exercise on a hazard scenario."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="crisis_drills", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    hazard = models.ForeignKey(
        "crisis.Hazard",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="drills",
        verbose_name=_("hazard"),
    )
    process = models.ForeignKey(
        "crisis.Process",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="drills",
        verbose_name=_("process exercised"),
    )
    scenario = models.TextField(_("scenario"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DrillStatus.choices, default=DrillStatus.PLANNED
    )
    planned_on = models.DateField(_("planned on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    participants = models.TextField(_("participants"), blank=True)
    participant_count = models.PositiveIntegerField(_("number of participants"), default=0)

    class Meta:
        ordering = ["-planned_on", "pk"]
        verbose_name = _("drill")
        verbose_name_plural = _("drills")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.status == DrillStatus.HELD and not self.held_on:
            raise ValidationError({"held_on": _("A drill that was held has a date.")})
        if self.status == DrillStatus.PLANNED and self.held_on:
            raise ValidationError({"status": _("A drill with a date held is not just planned.")})


class DrillTiming(ZistModel):
    """The time a step of the exercised process actually took in a drill."""

    str_select_related = ("drill", "step")

    scope_field = "drill__unit"

    drill = models.ForeignKey(
        Drill, models.CASCADE, related_name="timings", verbose_name=_("drill")
    )
    step = models.ForeignKey(
        "crisis.ProcessStep", models.PROTECT, related_name="timings", verbose_name=_("step")
    )
    measured_minutes = models.DecimalField(
        _("measured time (minutes)"), max_digits=9, decimal_places=1
    )

    class Meta:
        ordering = ["drill", "step__order", "pk"]
        verbose_name = _("drill timing")
        verbose_name_plural = _("drill timings")
        constraints = [
            models.UniqueConstraint(
                fields=["drill", "step"],
                name="crisis_timing_unique",
                violation_error_message=_("This step is already timed in this drill."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.drill} · {self.step.name}"

    def clean(self) -> None:
        if self.drill_id and self.step_id and self.drill.process_id:
            if self.step.process_id != self.drill.process_id:
                raise ValidationError(
                    {"step": _("Pick a step of the process this drill exercises.")}
                )

    @property
    def overrun(self):
        """Minutes over the target (negative: faster), or None without a target."""
        if self.step.target_minutes is None:
            return None
        return self.measured_minutes - self.step.target_minutes


class DrillFinding(ZistModel):
    """Something a drill showed; its remedy becomes a tracked action."""

    scope_field = "drill__unit"

    drill = models.ForeignKey(
        Drill, models.CASCADE, related_name="findings", verbose_name=_("drill")
    )
    description = models.TextField(_("finding"))
    remedy = models.CharField(_("remedy"), max_length=300, blank=True)
    remedy_due = models.DateField(_("remedy due"), null=True, blank=True)

    class Meta:
        ordering = ["drill", "pk"]
        verbose_name = _("drill finding")
        verbose_name_plural = _("drill findings")

    def __str__(self) -> str:
        return self.description[:80]
