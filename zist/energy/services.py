"""Energy performance (ISO 50001 / ISO 50006): degree days, normalisation, regression
baselines, savings and CUSUM. Pure functions on numbers, tested on worked examples."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


def hdd(mean_temperatures: Sequence[Decimal | float], base: Decimal | float = Decimal("18")):
    """Heating degree days: Σ max(0, T_base − T_mean) over daily mean temperatures."""
    base = Decimal(str(base))
    return sum((max(Decimal(0), base - Decimal(str(t))) for t in mean_temperatures), Decimal(0))


def normalise(energy, hdd_reference, hdd_actual):
    """Energy as if the weather had been the reference's: E × HDD_ref / HDD_actual."""
    if not hdd_actual:
        return None
    return Decimal(str(energy)) * Decimal(str(hdd_reference)) / Decimal(str(hdd_actual))


@dataclass(frozen=True)
class Regression:
    """E = base_load + slope × x, fitted by least squares, with R²."""

    base_load: Decimal
    slope: Decimal
    r2: Decimal | None
    n: int

    def predict(self, x) -> Decimal:
        return self.base_load + self.slope * Decimal(str(x))


def fit(xs: Sequence, ys: Sequence) -> Regression:
    """Least-squares line through (x, y); ValueError with fewer than 2 distinct x."""
    if len(xs) != len(ys):
        raise ValueError("xs and ys differ in length")
    x = [Decimal(str(v)) for v in xs]
    y = [Decimal(str(v)) for v in ys]
    n = len(x)
    if n < 2:
        raise ValueError("at least two periods are needed")
    mean_x, mean_y = sum(x) / n, sum(y) / n
    sxx = sum((a - mean_x) ** 2 for a in x)
    if sxx == 0:
        raise ValueError("the periods all have the same driver value")
    sxy = sum((a - mean_x) * (b - mean_y) for a, b in zip(x, y, strict=True))
    slope = sxy / sxx
    base = mean_y - slope * mean_x
    sst = sum((b - mean_y) ** 2 for b in y)
    sse = sum((b - (base + slope * a)) ** 2 for a, b in zip(x, y, strict=True))
    r2 = None if sst == 0 else 1 - sse / sst
    return Regression(base, slope, r2, n)


def savings(predicted: Sequence, actual: Sequence) -> list[Decimal]:
    """Savings per period: predicted (baseline) − actual; positive means saved."""
    return [Decimal(str(p)) - Decimal(str(a)) for p, a in zip(predicted, actual, strict=True)]


def cusum(predicted: Sequence, actual: Sequence) -> list[Decimal]:
    """Cumulative sum of (actual − predicted) per period: a falling line means the
    site keeps using less than its baseline predicts."""
    total, result = Decimal(0), []
    for p, a in zip(predicted, actual, strict=True):
        total += Decimal(str(a)) - Decimal(str(p))
        result.append(total)
    return result


def ratio(energy, driver):
    """A ratio EnPI (kWh/m², MWh/employee); None when the driver is 0 or missing."""
    if energy is None or not driver:
        return None
    return Decimal(str(energy)) / Decimal(str(driver))
