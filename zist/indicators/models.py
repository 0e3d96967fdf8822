"""Indicators, the values entered for them, and the monitoring settings of a subtree.

An indicator is defined on a unit and applies to that unit's whole subtree (Region 2
defines "water use" once; every district reports against it). Its figures come from
values entered by hand, from the meters linked to it, from a formula over other
indicators, or from the greenhouse-gas inventory.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import format_date
from zist.core.models import ZistModel
from zist.core.querysets import subtree_q
from zist.indicators import formulas, quantities

CODE_VALIDATOR = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9_.\-]*$",
    _("Start with a letter; use letters, digits, _ . and - only."),
)


class Category(models.TextChoices):
    """The EMAS core areas (Annex IV) and a custom bucket."""

    ENERGY = "energy", _("Energy")
    MATERIAL = "material", _("Material")
    WATER = "water", _("Water")
    WASTE = "waste", _("Waste")
    LAND = "land", _("Land use and biodiversity")
    EMISSIONS = "emissions", _("Emissions")
    REFERENCE = "reference", _("Reference (B: employees, inhabitants, area, output)")
    CUSTOM = "custom", _("Custom")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum over the period")
    MEAN = "mean", _("Mean over the period")
    LAST = "last", _("Last value of the period")


class Direction(models.TextChoices):
    LOWER = "lower", _("Lower is better")
    HIGHER = "higher", _("Higher is better")


class Frequency(models.TextChoices):
    HOURLY = "hourly", _("Hourly")
    DAILY = "daily", _("Daily")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")


class Source(models.TextChoices):
    ENTERED = "entered", _("Values entered or imported")
    METERS = "meters", _("Consumption of the meters linked to it")
    FORMULA = "formula", _("Formula over other indicators")
    SCOPE1 = "scope1", _("Greenhouse gases, scope 1")
    SCOPE2_LOCATION = "scope2_location", _("Greenhouse gases, scope 2 (location-based)")
    SCOPE2_MARKET = "scope2_market", _("Greenhouse gases, scope 2 (market-based)")


def ancestors_or_subtree_q(field: str, paths: list[str], steplen: int = 4) -> Q:
    """Objects on a unit inside the subtrees or on one of their ancestors: definitions
    made higher up the tree (an indicator of the region) are seen by the districts."""
    prefix = f"{field}__" if field else ""
    ancestors = {path[:end] for path in paths for end in range(steplen, len(path), steplen)}
    return subtree_q(field, paths) | Q(**{f"{prefix}path__in": sorted(ancestors)})


class Indicator(ZistModel):
    """What is measured: code, name, EMAS area, unit of measure, how values aggregate
    over time, which direction is better, and where its figures come from."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="indicators",
        verbose_name=_("defined for"),
        help_text=_("The indicator applies to this unit and every unit below it."),
    )
    code = models.CharField(_("code"), max_length=40, validators=[CODE_VALIDATOR])
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_fa = models.CharField(_("name in Persian"), max_length=200, blank=True)
    name_da = models.CharField(_("name in Danish"), max_length=200, blank=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.CUSTOM
    )
    measure_unit = models.CharField(
        _("unit of measure"),
        max_length=40,
        validators=[quantities.validate_unit],
        help_text=_("e.g. kWh, MWh, GJ, m³, t, kg, m², person, L/person/d"),
    )
    aggregation = models.CharField(
        _("aggregation"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.LOWER
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    source = models.CharField(
        _("source of figures"), max_length=20, choices=Source.choices, default=Source.ENTERED
    )
    formula = models.CharField(
        _("formula"),
        max_length=500,
        blank=True,
        help_text=_(
            "For derived indicators: other indicators' codes with + - * / and brackets; "
            "DAYS is the number of days of the period. E.g. WATER * 1000 / INHABITANTS / DAYS"
        ),
    )
    emas_core = models.BooleanField(_("EMAS core indicator"), default=False)
    in_green_accounts = models.BooleanField(_("shown in the green accounts"), default=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(
        _("target reporting year"), null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["category", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "code"],
                name="indicators_indicator_unique_code",
                violation_error_message=_("This unit already has an indicator with this code."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.localized_name}"

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        if action == "view":
            return ancestors_or_subtree_q("unit", paths)
        return subtree_q("unit", paths)

    @property
    def localized_name(self) -> str:
        language = (translation.get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name

    def parsed_formula(self):
        return formulas.parse(self.formula)

    def clean(self) -> None:
        if self.source == Source.FORMULA:
            if not self.formula:
                raise ValidationError({"formula": _("A derived indicator needs a formula.")})
            try:
                refs = formulas.references(self.parsed_formula())
            except formulas.FormulaError as exc:
                raise ValidationError(
                    {"formula": _("This formula cannot be read: %(error)s") % {"error": exc}}
                ) from None
            if self.code in refs:
                raise ValidationError({"formula": _("A formula cannot use its own indicator.")})
        elif self.formula:
            raise ValidationError({"formula": _("Only derived indicators have a formula.")})
        if (self.target_value is None) != (self.target_year is None):
            raise ValidationError({"target_year": _("Give a target value and its year together.")})


class IndicatorValue(ZistModel):
    """A value entered (or imported) for an indicator, for one unit and period: waste
    tonnes, land areas, headcount, inhabitants — things without meters."""

    bulk_rows = True  # "as of" from `created` (zist.core.history.as_of)

    scope_field = "unit"

    indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="indicator_values",
        verbose_name=_("unit"),
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"), help_text=_("The last day of the period."))
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=6)
    value_unit = models.CharField(
        _("unit of the value"),
        max_length=40,
        blank=True,
        validators=[quantities.validate_unit],
        help_text=_("Any unit compatible with the indicator's; empty means the indicator's."),
    )
    normalised = models.DecimalField(
        _("value in the indicator's unit"), max_digits=24, decimal_places=6, editable=False
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "unit", "-period_start"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "period_start"],
                name="indicators_value_unique_period",
                violation_error_message=_(
                    "This unit already has a value of this indicator for this period."
                ),
            )
        ]
        indexes = [models.Index(fields=["indicator", "period_start"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} · {self.unit} · {format_date(self.period_start)}"

    def clean(self) -> None:
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period ends before it starts.")
        indicator = self.indicator if self.indicator_id else None
        if indicator is not None:
            if indicator.source != Source.ENTERED:
                errors["indicator"] = _("This indicator's figures are computed, not entered.")
            if self.unit_id and not self.unit.path.startswith(indicator.unit.path):
                errors["unit"] = _("The indicator is not defined for this unit.")
            if self.value_unit and not quantities.compatible(
                self.value_unit, indicator.measure_unit
            ):
                errors["value_unit"] = _(
                    "%(unit)s cannot be converted to the indicator's unit %(target)s."
                ) % {"unit": self.value_unit, "target": indicator.measure_unit}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        unit_text = self.value_unit or self.indicator.measure_unit
        self.normalised = quantities.convert(
            Decimal(self.value), unit_text, self.indicator.measure_unit
        ).quantize(Decimal("0.000001"))
        super().save(*args, **kwargs)


class GwpSet(models.TextChoices):
    AR4 = "AR4", _("IPCC AR4 (2007)")
    AR5 = "AR5", _("IPCC AR5 (2014)")
    AR6 = "AR6", _("IPCC AR6 (2021)")


class MonitoringSettings(ZistModel):
    """How a subtree reports: the global-warming potentials of its inventory, the grid
    region of its electricity, and the EMAS reference value B. Settings on a unit apply
    to its subtree; the nearest unit with settings wins (usually the organisation's
    root)."""

    unit = models.OneToOneField(
        "organisations.Unit",
        models.PROTECT,
        related_name="monitoring_settings",
        verbose_name=_("unit"),
    )
    gwp_set = models.CharField(
        _("global-warming potentials"), max_length=3, choices=GwpSet.choices, default=GwpSet.AR6
    )
    grid_region = models.CharField(
        _("electricity grid region"),
        max_length=20,
        help_text=_("Country or grid code of the electricity factors, e.g. IR, DK, FI."),
    )
    emas_reference = models.ForeignKey(
        Indicator,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("EMAS reference value B"),
        help_text=_("Employees, inhabitants served, floor area or output."),
    )
    population = models.ForeignKey(
        Indicator,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inhabitants indicator"),
        help_text=_("Used for figures per citizen in the green accounts."),
    )

    class Meta:
        ordering = ["unit"]
        verbose_name = _("monitoring settings")
        verbose_name_plural = _("monitoring settings")

    def __str__(self) -> str:
        return str(self.unit)


def settings_for(unit) -> MonitoringSettings | None:
    """The settings that apply to `unit`: its own or its nearest ancestor's."""
    # Read the path from the database: sibling inserts renumber paths (ordered tree).
    unit = type(unit).objects.get(pk=unit.pk)
    steplen = type(unit).steplen
    paths = [unit.path[:end] for end in range(steplen, len(unit.path) + 1, steplen)]
    return (
        MonitoringSettings.objects.filter(unit__path__in=paths)
        .select_related("emas_reference", "population", "unit")
        .order_by("-unit__depth")
        .first()
    )
