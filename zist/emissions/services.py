"""Greenhouse-gas inventory: scope 1 and 2 per unit and period, each line traceable to
the factors used. `emissions_kg` and `pick_factors` are pure functions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from zist.indicators import quantities
from zist.meters.models import Carrier

# GWP100 by assessment report (DOMAIN.md). One inventory uses one report.
GWP = {
    "AR4": {"co2": Decimal(1), "ch4": Decimal(25), "ch4_fossil": Decimal(25), "n2o": Decimal(298)},
    "AR5": {"co2": Decimal(1), "ch4": Decimal(28), "ch4_fossil": Decimal(28), "n2o": Decimal(265)},
    "AR6": {
        "co2": Decimal(1),
        "ch4": Decimal("27.9"),
        "ch4_fossil": Decimal("29.8"),
        "n2o": Decimal(273),
    },
}

SCOPE1 = {Carrier.NATURAL_GAS, Carrier.DIESEL, Carrier.PETROL, Carrier.LPG, Carrier.HEATING_OIL}
SCOPE2 = {Carrier.ELECTRICITY, Carrier.DISTRICT_HEAT, Carrier.DISTRICT_COOLING}


class FactorError(ValueError):
    """A factor cannot be applied to a quantity (units do not meet)."""


def emissions_kg(
    activity: Decimal, activity_unit: str, value: Decimal, factor_unit: str, conversion: str = ""
) -> Decimal:
    """kg of gas from `activity` (in `activity_unit`) with a factor `value factor_unit`,
    passing through `conversion` (a calorific value or density) when the units need it.

    1 TJ natural gas × 56 100 kg/TJ = 56 100 kg; 1 000 m³ × 56 100 kg/TJ through
    36 MJ/m³ = 2 019.6 kg.
    """
    product = quantities.ureg.Quantity(Decimal(activity), quantities.parse_unit(activity_unit))
    product = product * quantities.ureg.Quantity(Decimal(value), quantities.parse_unit(factor_unit))
    kg = quantities.parse_unit("kg")
    if product.dimensionality != kg.dimensionality and conversion:
        product = product * quantities.quantity(conversion)
    if product.dimensionality != kg.dimensionality:
        raise FactorError(f"{activity_unit} × {factor_unit} {conversion}")
    return Decimal(product.to(kg).magnitude)


def pick_factors(factors: Iterable, carrier: str, region: str, year: int) -> dict[str, object]:
    """The factor to use for each gas: valid in `year`, of the grid region if one
    exists (else a region-free one), an organisation's own before a shipped default,
    and the latest valid-from year."""
    best: dict[str, tuple] = {}
    for factor in factors:
        if factor.carrier != carrier or factor.valid_from > year:
            continue
        if factor.region and factor.region.lower() != (region or "").lower():
            continue
        rank = (bool(factor.region), factor.unit_id is not None, factor.valid_from)
        if factor.gas not in best or rank > best[factor.gas][0]:
            best[factor.gas] = (rank, factor)
    return {gas: item[1] for gas, item in best.items()}


@dataclass
class Line:
    """One line of the inventory: a unit's use of one carrier and what it emitted."""

    unit_id: int
    carrier: str
    scope: int
    activity: Decimal
    activity_unit: str
    factors: list = field(default_factory=list)
    location_kg: Decimal | None = None
    market_kg: Decimal | None = None
    covered: Decimal = Decimal(0)
    problem: str = ""

    @property
    def location_t(self) -> Decimal | None:
        return None if self.location_kg is None else self.location_kg / 1000

    @property
    def market_t(self) -> Decimal | None:
        return None if self.market_kg is None else self.market_kg / 1000


def co2e_kg(activity, activity_unit, factors: dict, gwp_set: str) -> Decimal:
    total = Decimal(0)
    for gas, factor in factors.items():
        weight = Decimal(1) if gas == "co2e" else GWP[gwp_set][gas]
        total += weight * emissions_kg(
            activity, activity_unit, factor.value, factor.factor_unit, factor.conversion
        )
    return total


def inventory(readings, unit, start, end, year: int, months=None) -> list[Line]:
    """Scope 1 and 2 lines for the subtree of `unit`, from the (restricted) readings
    whose interval starts in [start, end) (or, given `months`, the kept monthly sums of
    whole months restricted alike, and the readings of partial ones). Instruments are
    those of reporting year `year` (1403, 2024); factors those valid in the Gregorian
    year the period starts in."""
    from zist.emissions.models import EmissionFactor, Instrument
    from zist.indicators.models import settings_for
    from zist.meters.services import consumption_rows

    unit = type(unit).objects.get(pk=unit.pk)  # the stored path: sibling inserts renumber
    settings = settings_for(unit)
    gwp_set = settings.gwp_set if settings else "AR6"
    region = settings.grid_region if settings else ""
    factors = list(
        EmissionFactor.objects.filter(carrier__in=SCOPE1 | SCOPE2).filter(unit__isnull=True)
    ) + list(
        EmissionFactor.objects.filter(
            carrier__in=SCOPE1 | SCOPE2, unit__organisation=unit.organisation_id
        )
    )
    instruments = defaultdict(list)
    for instrument in Instrument.objects.filter(
        unit__path__startswith=unit.path, year=year
    ).order_by("pk"):
        instruments[(instrument.unit_id, instrument.carrier)].append(instrument)
    sums: dict[tuple, Decimal] = defaultdict(Decimal)
    for row in consumption_rows(readings, start, end, [unit.path], months, unit.organisation):
        if row["meter__carrier"] not in SCOPE1 | SCOPE2 or row["total"] is None:
            continue
        key = (row["meter__unit_id"], row["meter__carrier"], row["meter__measure_unit"])
        sums[key] += Decimal(str(row["total"]))
    lines = []
    for (unit_id, carrier, measure_unit), activity in sorted(sums.items()):
        chosen = pick_factors(factors, carrier, region, start.year)
        line = Line(
            unit_id=unit_id,
            carrier=carrier,
            scope=1 if carrier in SCOPE1 else 2,
            activity=activity,
            activity_unit=measure_unit,
            factors=list(chosen.values()),
        )
        if not chosen:
            line.problem = "no_factor"
            lines.append(line)
            continue
        try:
            line.location_kg = co2e_kg(activity, measure_unit, chosen, gwp_set)
        except (FactorError, ValueError):
            line.problem = "units"
            lines.append(line)
            continue
        line.market_kg = line.location_kg
        if line.scope == 2 and instruments.get((unit_id, carrier)):
            line.market_kg, line.covered = market_kg(
                activity, measure_unit, line.location_kg, instruments[(unit_id, carrier)]
            )
        lines.append(line)
    return lines


def market_kg(activity, activity_unit, location_kg, instruments) -> tuple[Decimal, Decimal]:
    """Market-based kg: the quantity covered by instruments at their factors, the rest
    at the location-based (grid average) rate. Returns (kg, quantity covered in the
    activity's unit)."""
    remaining = Decimal(activity)
    total = Decimal(0)
    covered = Decimal(0)
    for instrument in instruments:
        amount = quantities.convert(
            Decimal(instrument.quantity), instrument.quantity_unit, activity_unit
        )
        amount = min(amount, remaining)
        if amount <= 0:
            break
        total += emissions_kg(amount, activity_unit, instrument.factor, instrument.factor_unit)
        remaining -= amount
        covered += amount
    if activity:
        total += location_kg * remaining / Decimal(activity)
    return total, covered


def scope_totals_t(lines: list[Line]) -> dict[str, Decimal]:
    """t CO₂e of scope 1, scope 2 location-based and scope 2 market-based."""
    totals = {"scope1": Decimal(0), "scope2_location": Decimal(0), "scope2_market": Decimal(0)}
    for line in lines:
        if line.location_kg is None:
            continue
        if line.scope == 1:
            totals["scope1"] += line.location_t
        else:
            totals["scope2_location"] += line.location_t
            totals["scope2_market"] += line.market_t
    return totals
