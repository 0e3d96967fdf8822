"""Environmental objectives and the programmes that achieve them (ISO 14001 6.2).

An objective is measurable: a baseline, a target, a unit of measure and a deadline. It
may be linked to a monitoring indicator: its current value is then the indicator's
figure for the objective's unit in the last complete reporting year
(`zist.objectives.services`); without one it is entered. Its status follows from its
progress (see `zist.objectives.progress`). A programme is a project serving one or more
objectives, with a budget, spending and tasks (Actions with source = programme).
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
from zist.indicators import quantities
from zist.objectives import progress


class ObjectiveScope(models.TextChoices):
    COMMON = "common", _("Common (for the unit and all its subunits)")
    LOCAL = "local", _("Local (this workplace only)")


class ObjectiveStatus(models.TextChoices):
    NOT_STARTED = progress.NOT_STARTED, _("Not started")
    ON_TRACK = progress.ON_TRACK, _("On track")
    BEHIND = progress.BEHIND, _("Behind")
    ACHIEVED = progress.ACHIEVED, _("Achieved")
    MISSED = progress.MISSED, _("Missed")


class CurrentSource(models.TextChoices):
    ENTERED = "entered", _("Entered")
    INDICATOR = "indicator", _("Read from the indicator")


class Objective(ZistModel):
    """A measurable environmental objective of a unit."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="objectives", verbose_name=_("unit")
    )
    code = models.SlugField(
        _("code"),
        max_length=50,
        allow_unicode=True,
        help_text=_("Short identifier, unique in the unit, used by imports."),
    )
    statement = models.TextField(_("objective"))
    scope = models.CharField(
        _("scope"), max_length=10, choices=ObjectiveScope.choices, default=ObjectiveScope.COMMON
    )
    aspects = models.ManyToManyField(
        "aspects.Aspect",
        blank=True,
        related_name="objectives",
        verbose_name=_("environmental aspects addressed"),
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("indicator"),
    )
    measure_unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    current_value = models.DecimalField(
        _("current value"),
        max_digits=16,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_(
            "With an indicator linked, this is read from the indicator's figure for the "
            "last complete reporting year, once there is one."
        ),
    )
    current_on = models.DateField(_("current value measured on"), null=True, blank=True)
    current_source = models.CharField(
        _("current value comes from"),
        max_length=10,
        choices=CurrentSource.choices,
        default=CurrentSource.ENTERED,
        editable=False,
    )
    start = models.DateField(_("start"), null=True, blank=True)
    deadline = models.DateField(_("deadline"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("owner"),
    )

    class Meta:
        ordering = ["unit__path", "code"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "code"],
                name="objective_code_unique_in_unit",
                violation_error_message=_("Another objective of this unit has this code."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.statement[:80]}"

    def clean(self) -> None:
        if self.start and self.deadline and self.deadline < self.start:
            raise ValidationError({"deadline": _("The deadline cannot be before the start.")})
        if (self.baseline_value is None) != (self.target_value is None):
            raise ValidationError(
                _("A measurable objective has both a baseline and a target value.")
            )
        if self.indicator_id and self.unit_id:
            # Same organisation only: the indicator is read for this objective's unit.
            if self.indicator.unit.organisation_id != self.unit.organisation_id:
                raise ValidationError(
                    {"indicator": _("Choose an indicator of the same organisation.")}
                )
            if (
                self.measure_unit
                and self.measure_unit != self.indicator.measure_unit
                and not quantities.compatible(self.indicator.measure_unit, self.measure_unit)
            ):
                raise ValidationError(
                    {
                        "measure_unit": _(
                            "The indicator counts in %(unit)s: use that unit, one it "
                            "converts to, or leave this empty."
                        )
                        % {"unit": self.indicator.measure_unit}
                    }
                )

    @property
    def progress(self):
        return progress.progress_percent(self.baseline_value, self.target_value, self.current_value)

    @property
    def status(self) -> str:
        return progress.status(self.progress, self.start, self.deadline, timezone.localdate())

    @property
    def status_label(self) -> str:
        return str(ObjectiveStatus(self.status).label)


class ProgrammeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Programme(ZistModel):
    """A programme (project) serving one or more objectives, with its tasks."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="programmes", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=300)
    objectives = models.ManyToManyField(
        Objective, related_name="programmes", verbose_name=_("objectives")
    )
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="programmes",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ProgrammeStatus.choices, default=ProgrammeStatus.PLANNED
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In the organisation's currency."),
    )
    spent = models.DecimalField(
        _("spent"),
        max_digits=18,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["unit__path", "name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end cannot be before the start.")})

    def tasks(self):
        from zist.actions.models import Action, ActionStatus

        return Action.objects.for_source(self).exclude(status=ActionStatus.CANCELLED)

    @property
    def progress(self):
        """Mean progress of the programme's tasks."""
        return progress.mean_progress(list(self.tasks().values_list("progress", flat=True)))

    @property
    def budget_used(self):
        """Share of the budget spent, in percent (above 100 when overspent)."""
        if not self.budget:
            return None
        return (Decimal(self.spent) / Decimal(self.budget) * 100).quantize(Decimal("0.1"))


# Amounts in the organisation's currency: shown with its decimals (zist.core.display).
for _name in ("budget", "spent"):
    Programme._meta.get_field(_name).currency_of = "unit__organisation__currency"
