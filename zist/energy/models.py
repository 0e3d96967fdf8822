"""Weather data (degree days) and energy baselines of sites."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import format_date
from zist.core.models import ZistModel


class DegreeDays(ZistModel):
    """Weather of a site for a day (its mean temperature) or a longer period (heating
    degree days as published by a weather service)."""

    bulk_rows = True  # "as of" from `created` (zist.core.history.as_of)

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="degree_days", verbose_name=_("unit")
    )
    period_start = models.DateField(_("day or period start"))
    period_end = models.DateField(_("period end"), null=True, blank=True)
    mean_temperature = models.DecimalField(
        _("daily mean temperature (°C)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    hdd = models.DecimalField(
        _("heating degree days"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["unit", "-period_start"]
        verbose_name = _("degree days")
        verbose_name_plural = _("degree days")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period_start"],
                name="energy_degreedays_unique_start",
                violation_error_message=_("This unit already has weather data from this day."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {format_date(self.period_start)}"

    def clean(self) -> None:
        if (self.mean_temperature is None) == (self.hdd is None):
            raise ValidationError(
                _("Give either the day's mean temperature or the period's degree days.")
            )
        if self.mean_temperature is not None and self.period_end not in (None, self.period_start):
            raise ValidationError({"period_end": _("A mean temperature is for one day.")})
        if self.period_end and self.period_start and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})


class Baseline(ZistModel):
    """An energy baseline (EnB) of a site and its EnPIs: a regression of monthly energy
    on heating degree days over the baseline period, compared with the report period
    (predicted, actual, savings, CUSUM), and a ratio EnPI when a driver is named."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="energy_baselines",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    energy = models.ForeignKey(
        "indicators.Indicator",
        models.PROTECT,
        related_name="+",
        verbose_name=_("energy indicator"),
    )
    driver = models.ForeignKey(
        "indicators.Indicator",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("driver of the ratio EnPI"),
        help_text=_("e.g. floor area (kWh/m²) or employees"),
    )
    base_temperature = models.DecimalField(
        _("base temperature (°C)"), max_digits=4, decimal_places=1, default=18
    )
    baseline_start = models.DateField(_("baseline from"))
    baseline_end = models.DateField(_("baseline until"), help_text=_("Exclusive."))
    report_start = models.DateField(_("report from"))
    report_end = models.DateField(_("report until"), help_text=_("Exclusive."))

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("energy baseline")
        verbose_name_plural = _("energy baselines")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.baseline_start and self.baseline_end and self.baseline_end <= self.baseline_start:
            errors["baseline_end"] = _("The baseline ends before it starts.")
        if self.report_start and self.report_end and self.report_end <= self.report_start:
            errors["report_end"] = _("The report period ends before it starts.")
        if errors:
            raise ValidationError(errors)
