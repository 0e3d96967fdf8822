"""Meters, their readings, import sources and import batches.

A reading of a cumulative meter is the register's value at a moment; its consumption
(kept on the reading, computed by `zist.meters.services`) is the difference from the
previous reading, attributed to the interval that starts at the previous reading. A
reading of an interval meter is the consumption of the interval that starts at its
timestamp. Roll-ups therefore sum `consumption` by `interval_start`: one indexed range
scan, whatever the meter kind.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import format_datetime
from zist.core.models import ZistModel
from zist.indicators import quantities


class Carrier(models.TextChoices):
    ELECTRICITY = "electricity", _("Electricity")
    NATURAL_GAS = "natural_gas", _("Natural gas")
    DISTRICT_HEAT = "district_heat", _("District heat")
    DISTRICT_COOLING = "district_cooling", _("District cooling")
    WATER = "water", _("Water")
    DIESEL = "diesel", _("Diesel (gas/diesel oil)")
    PETROL = "petrol", _("Petrol (motor gasoline)")
    LPG = "lpg", _("Liquefied petroleum gas")
    HEATING_OIL = "heating_oil", _("Heating oil")
    SOLAR_GENERATION = "solar_generation", _("Solar generation")


# The unit a new meter of each carrier usually counts in.
DEFAULT_UNITS = {
    Carrier.ELECTRICITY: "kWh",
    Carrier.NATURAL_GAS: "m³",
    Carrier.DISTRICT_HEAT: "MWh",
    Carrier.DISTRICT_COOLING: "MWh",
    Carrier.WATER: "m³",
    Carrier.DIESEL: "L",
    Carrier.PETROL: "L",
    Carrier.LPG: "kg",
    Carrier.HEATING_OIL: "L",
    Carrier.SOLAR_GENERATION: "kWh",
}


class MeterKind(models.TextChoices):
    CUMULATIVE = "cumulative", _("Cumulative register")
    INTERVAL = "interval", _("Consumption per interval")


class ReadingInterval(models.TextChoices):
    HOURLY = "hourly", _("Hourly")
    DAILY = "daily", _("Daily")
    MONTHLY = "monthly", _("Monthly")
    IRREGULAR = "irregular", _("Irregular")


class Meter(ZistModel):
    """A meter on a unit: what it measures (carrier), how (cumulative register or
    interval consumption), in which unit, and which indicator its consumption feeds."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="meters", verbose_name=_("unit")
    )
    code = models.CharField(_("meter code"), max_length=60)
    name = models.CharField(_("name"), max_length=200, blank=True)
    carrier = models.CharField(_("carrier"), max_length=20, choices=Carrier.choices)
    kind = models.CharField(
        _("kind"), max_length=12, choices=MeterKind.choices, default=MeterKind.CUMULATIVE
    )
    measure_unit = models.CharField(
        _("unit of measure"),
        max_length=40,
        validators=[quantities.validate_unit],
        help_text=_("e.g. kWh, MWh, m³, L, kg"),
    )
    interval = models.CharField(
        _("expected reading interval"),
        max_length=10,
        choices=ReadingInterval.choices,
        default=ReadingInterval.MONTHLY,
        help_text=_("Longer pauses between readings are flagged as gaps."),
    )
    rollover = models.FloatField(
        _("register rolls over at"),
        null=True,
        blank=True,
        help_text=_("For a cumulative register that restarts at 0, e.g. 100000 for 5 digits."),
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="meters",
        verbose_name=_("indicator fed"),
    )
    active = models.BooleanField(_("active"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["unit", "code"]
        verbose_name = _("meter")
        verbose_name_plural = _("meters")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "code"],
                name="meters_meter_unique_code",
                violation_error_message=_("This unit already has a meter with this code."),
            )
        ]
        # Roll-ups ask the smallest and largest unit of measure of an indicator's
        # meters: two probes of this index, however many meters (decision 0027).
        indexes = [
            models.Index(fields=["indicator", "measure_unit"], name="meters_meter_indicator_unit")
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}" if self.name else self.code

    def clean(self) -> None:
        if self.indicator_id:
            from zist.indicators.models import Source

            errors = []
            if self.indicator.source != Source.METERS:
                errors.append(_("The indicator does not take its figures from meters."))
            if self.measure_unit and not quantities.compatible(
                self.measure_unit, self.indicator.measure_unit
            ):
                errors.append(
                    _("%(unit)s cannot be converted to the indicator's unit %(target)s.")
                    % {"unit": self.measure_unit, "target": self.indicator.measure_unit}
                )
            if self.unit_id and not self.unit.path.startswith(self.indicator.unit.path):
                errors.append(_("The indicator is not defined for this unit."))
            if errors:
                raise ValidationError({"indicator": errors})


class Quality(models.TextChoices):
    MEASURED = "measured", _("Measured")
    ESTIMATED = "estimated", _("Estimated")
    CORRECTED = "corrected", _("Corrected")


class Flag(models.TextChoices):
    OK = "", _("No remark")
    FIRST = "first", _("First reading (no consumption yet)")
    GAP = "gap", _("Gap before this reading")
    OUTLIER = "outlier", _("Outlier")
    ROLLOVER = "rollover", _("Register rolled over")
    RESTART = "restart", _("New register (meter replaced)")
    NEGATIVE = "negative", _("Register went backwards")


class ImportSource(ZistModel):
    """A feed of readings (a utility's portal export, a smart-meter system) and how its
    files name their columns, remembered so the next file imports without questions."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="reading_sources",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("name"), max_length=100)
    meter_column = models.CharField(_("meter column"), max_length=100, default="meter")
    timestamp_column = models.CharField(_("time column"), max_length=100, default="timestamp")
    value_column = models.CharField(_("value column"), max_length=100, default="value")
    quality_column = models.CharField(
        _("quality column"), max_length=100, blank=True, default="quality"
    )
    decimal_comma = models.BooleanField(
        _("decimal comma"), default=False, help_text=_("Values are written like 1234,5")
    )

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("reading source")
        verbose_name_plural = _("reading sources")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="meters_importsource_unique_name",
                violation_error_message=_("This unit already has a source with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def mapping(self) -> dict[str, str]:
        return {
            "meter": self.meter_column,
            "timestamp": self.timestamp_column,
            "value": self.value_column,
            "quality": self.quality_column,
        }


class ImportBatch(ZistModel):
    """One imported file: who imported which file when, into which unit, and how many
    readings it brought (readings themselves are bulk-inserted without a history row
    each; see docs/decisions/0003-readings-bulk-import.md)."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="reading_imports",
        verbose_name=_("unit"),
    )
    source = models.ForeignKey(
        ImportSource,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="batches",
        verbose_name=_("source"),
    )
    file_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    rows = models.PositiveIntegerField(_("rows in the file"), default=0)
    created_readings = models.PositiveIntegerField(_("new readings"), default=0)
    skipped_readings = models.PositiveIntegerField(_("readings already present"), default=0)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("reading import")
        verbose_name_plural = _("reading imports")

    def __str__(self) -> str:
        return self.file_name


class Reading(ZistModel):
    """A meter reading: when, what value, how good (measured, estimated, corrected) and
    from where. `consumption`, `interval_start` and `flag` are derived, never typed."""

    bulk_rows = True  # "as of" from `created` (zist.core.history.as_of)

    scope_field = "meter__unit"

    # No separate index on meter: the unique (meter, timestamp) index serves it, and
    # every index costs time on each imported reading. No database-level foreign keys
    # either: their per-row checks were a third of an import's time on PostgreSQL; the
    # import locks each meter once instead, and Django cascades deletes (decision 0005).
    meter = models.ForeignKey(
        Meter,
        models.CASCADE,
        related_name="readings",
        verbose_name=_("meter"),
        db_index=False,
        db_constraint=False,
    )
    timestamp = models.DateTimeField(_("time"))
    value = models.FloatField(_("value"))
    quality = models.CharField(
        _("quality"), max_length=10, choices=Quality.choices, default=Quality.MEASURED
    )
    restart = models.BooleanField(
        _("new register"),
        default=False,
        help_text=_("The meter was replaced or reset: this value starts a new register."),
    )
    source = models.CharField(_("source"), max_length=100, blank=True)
    batch = models.ForeignKey(
        ImportBatch,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="readings",
        verbose_name=_("import"),
        editable=False,
        db_constraint=False,
    )
    consumption = models.FloatField(_("consumption"), null=True, blank=True, editable=False)
    interval_start = models.DateTimeField(
        _("consumption interval starts"), null=True, blank=True, editable=False
    )
    flag = models.CharField(
        _("flag"), max_length=10, choices=Flag.choices, blank=True, default="", editable=False
    )

    class Meta:
        ordering = ["meter", "-timestamp"]
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        constraints = [
            models.UniqueConstraint(
                fields=["meter", "timestamp"],
                name="meters_reading_unique_time",
                violation_error_message=_("This meter already has a reading at this time."),
            )
        ]
        indexes = [models.Index(fields=["meter", "interval_start"], name="meters_reading_rollup")]

    def __str__(self) -> str:
        return f"{self.meter.code} · {format_datetime(self.timestamp)}"


class MonthlyConsumption(models.Model):
    """The kept sum of a meter's consumption over one month of its organisation's
    calendar (a Jalali month is its own month), from midnight of the month's first day
    in the organisation's time zone: the readings whose interval starts in the month.

    Derived, never typed: every path that changes a reading's consumption refreshes
    the months it touched in the same transaction (`zist.meters.aggregates`), and
    `zist aggregates check` proves the sums equal the readings (decision 0027).
    `consumption` is the exact sum of the readings' consumption, each rounded to
    nine decimals; `readings` counts the readings with a consumption."""

    meter = models.ForeignKey(
        Meter, models.CASCADE, related_name="months", verbose_name=_("meter"), db_index=False
    )
    month_start = models.DateTimeField(_("month starts"))
    consumption = models.DecimalField(_("consumption"), max_digits=30, decimal_places=9)
    readings = models.PositiveIntegerField(_("readings"), default=0)

    class Meta:
        ordering = ["meter", "month_start"]
        verbose_name = _("monthly consumption")
        verbose_name_plural = _("monthly consumption")
        constraints = [
            models.UniqueConstraint(
                fields=["meter", "month_start"], name="meters_monthlyconsumption_unique"
            )
        ]
        indexes = [models.Index(fields=["month_start"], name="meters_month_start")]

    def __str__(self) -> str:
        return f"{self.meter_id} · {self.month_start:%Y-%m-%d}"
