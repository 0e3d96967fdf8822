"""Emission factors and contractual instruments, both kept as data with their source."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zist.core import calendars
from zist.core.display import display
from zist.core.models import ZistModel
from zist.core.querysets import subtree_q
from zist.indicators import quantities
from zist.indicators.models import ancestors_or_subtree_q
from zist.meters.models import Carrier


class Gas(models.TextChoices):
    CO2 = "co2", "CO₂"
    CH4 = "ch4", "CH₄"
    CH4_FOSSIL = "ch4_fossil", _("CH₄ (fossil)")
    N2O = "n2o", "N₂O"
    CO2E = "co2e", _("CO₂ equivalent")


class EmissionFactor(ZistModel):
    """Mass of a gas emitted per quantity of a carrier, with its source, region,
    first year of validity and units. Factors without a unit are the shipped defaults
    (IPCC 2006) that everyone sees; an organisation adds its own (grid electricity per
    country and year, its supplier's gas) on its units."""

    bulk_rows = True  # "as of" from `created` (zist.core.history.as_of)

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="emission_factors",
        verbose_name=_("defined for"),
        help_text=_("Empty for the defaults shipped with Zist."),
    )
    carrier = models.CharField(_("carrier"), max_length=20, choices=Carrier.choices)
    gas = models.CharField(_("gas"), max_length=10, choices=Gas.choices, default=Gas.CO2)
    value = models.DecimalField(_("factor"), max_digits=20, decimal_places=8)
    factor_unit = models.CharField(
        _("unit of the factor"),
        max_length=40,
        validators=[quantities.validate_unit],
        help_text=_("Mass per quantity, e.g. kg/TJ, kg/kWh, g/kWh, kg/m³"),
    )
    conversion = models.CharField(
        _("calorific value or density"),
        max_length=100,
        blank=True,
        validators=[quantities.validate_quantity],
        help_text=_(
            "Turns the meter's quantity into the factor's, e.g. 36 MJ/m³ for natural gas "
            "or 0.84 kg/L * 43 MJ/kg for diesel."
        ),
    )
    region = models.CharField(
        _("region"),
        max_length=20,
        blank=True,
        help_text=_("Country or grid code (IR, DK, FI); empty means anywhere."),
    )
    valid_from = models.PositiveSmallIntegerField(_("valid from year"))
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["carrier", "gas", "region", "-valid_from"]
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")
        indexes = [models.Index(fields=["carrier", "valid_from"])]

    def __str__(self) -> str:
        region = f" {self.region}" if self.region else ""
        # The year is a label (no grouping), the factor a number: both in the reader's
        # digits, through the one display path.
        year = calendars.localize_digits(str(self.valid_from))
        value = display(self.value.normalize())
        return (
            f"{self.get_carrier_display()} {self.get_gas_display()}{region} "
            f"{year}: {value} {self.factor_unit}"
        )

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        if action == "view":
            return Q(unit__isnull=True) | ancestors_or_subtree_q("unit", paths)
        return subtree_q("unit", paths)

    def clean(self) -> None:
        try:
            unit = quantities.parse_unit(self.factor_unit)
        except ValueError:
            return
        mass = quantities.parse_unit("kg").dimensionality
        # A factor is mass per something: its unit times that something is a mass.
        if not any(
            (unit * quantities.parse_unit(base)).dimensionality == mass
            for base in ("kWh", "m**3", "kg", "km")
        ):
            raise ValidationError({"factor_unit": _("A factor is a mass per quantity.")})


class InstrumentKind(models.TextChoices):
    GUARANTEE = "guarantee_of_origin", _("Guarantee of origin / certificate")
    PPA = "ppa", _("Power purchase agreement")
    SUPPLIER = "supplier", _("Supplier-specific factor")


class Instrument(ZistModel):
    """A contractual instrument for market-based scope 2: a quantity of electricity (or
    heat) bought with its own emission factor, for a unit and reporting year."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="instruments", verbose_name=_("unit")
    )
    year = models.PositiveSmallIntegerField(_("reporting year"))
    kind = models.CharField(_("kind"), max_length=20, choices=InstrumentKind.choices)
    carrier = models.CharField(
        _("carrier"), max_length=20, choices=Carrier.choices, default=Carrier.ELECTRICITY
    )
    quantity = models.DecimalField(_("quantity covered"), max_digits=20, decimal_places=4)
    quantity_unit = models.CharField(
        _("unit of the quantity"),
        max_length=20,
        default="kWh",
        validators=[quantities.validate_unit],
    )
    factor = models.DecimalField(_("factor"), max_digits=20, decimal_places=8, default=0)
    factor_unit = models.CharField(
        _("unit of the factor"),
        max_length=20,
        default="kg/kWh",
        validators=[quantities.validate_unit],
    )
    reference = models.CharField(_("supplier and reference"), max_length=300)

    class Meta:
        ordering = ["unit", "-year"]
        verbose_name = _("contractual instrument")
        verbose_name_plural = _("contractual instruments")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} · {self.reference}"

    def clean(self) -> None:
        errors = {}
        if self.quantity_unit and not quantities.compatible(self.quantity_unit, "kWh"):
            errors["quantity_unit"] = _("An instrument covers energy (kWh, MWh…).")
        if self.factor_unit and not quantities.compatible(self.factor_unit, "kg/kWh"):
            errors["factor_unit"] = _("The factor is a mass per energy (kg/kWh…).")
        if errors:
            raise ValidationError(errors)


# A year, shown as a label (2006, never 2,006).
EmissionFactor._meta.get_field("valid_from").is_year = True
