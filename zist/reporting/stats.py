"""The statistics of benchmarking, as plain functions on Decimals (hand-checkable).

Percentiles: linear interpolation between closest ranks (Hyndman & Fan type 7, the
definition of Excel's PERCENTILE.INC, LibreOffice's PERCENTILE and NumPy's default).
For sorted values x[0] ≤ … ≤ x[n-1] and p in [0, 1]: h = (n − 1)·p,
P(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
Example: 2, 4, 6, 8, 10 → P25 = 4, P50 = 6, P75 = 8; 1, 2, 3, 4 → P25 = 1.75.

Bands are quartiles counted from the best side: band 1 holds values at least as good
as the best quarter's boundary (P25 when lower is better, P75 when higher is better).

Outliers: Tukey's fences, below P25 − 1.5·IQR or above P75 + 1.5·IQR, IQR = P75 − P25;
only with at least `MIN_FOR_OUTLIERS` values.

Ranking: 1 is the best; equal values share a rank and the next rank skips (1, 2, 2, 4).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal

MIN_FOR_OUTLIERS = 4
# Fewer peers than this and no anonymised statistics are shown: with two, one's own
# value and the median give the other's away.
MIN_PEERS = 3
FENCE = Decimal("1.5")


def percentile(values: list[Decimal], p: Decimal | float | str) -> Decimal:
    """Percentile `p` (0–1) of `values` by linear interpolation (type 7)."""
    if not values:
        raise ValueError("no values")
    xs = sorted(Decimal(v) for v in values)
    h = (len(xs) - 1) * Decimal(str(p))
    low = int(h)
    if low + 1 >= len(xs):
        return xs[-1]
    return xs[low] + (h - low) * (xs[low + 1] - xs[low])


@dataclass(frozen=True)
class Summary:
    count: int
    minimum: Decimal
    p25: Decimal
    median: Decimal
    p75: Decimal
    maximum: Decimal

    @property
    def iqr(self) -> Decimal:
        return self.p75 - self.p25

    @property
    def lower_fence(self) -> Decimal:
        return self.p25 - FENCE * self.iqr

    @property
    def upper_fence(self) -> Decimal:
        return self.p75 + FENCE * self.iqr


def summary(values: list[Decimal]) -> Summary:
    xs = sorted(Decimal(v) for v in values)
    return Summary(
        len(xs),
        xs[0],
        percentile(xs, "0.25"),
        percentile(xs, "0.5"),
        percentile(xs, "0.75"),
        xs[-1],
    )


def band(value: Decimal, s: Summary, lower_is_better: bool) -> int:
    """Quartile band 1 (best) … 4 (worst)."""
    cuts = (s.p25, s.median, s.p75)
    if lower_is_better:
        return 1 + sum(value > cut for cut in cuts)
    return 1 + sum(value < cut for cut in reversed(cuts))


def ranks(values: list[Decimal], lower_is_better: bool) -> list[int]:
    """The rank of each value (same order as given): 1 best, ties share (1, 2, 2, 4).
    One plus how many values are better, counted by bisecting the sorted values (a
    sector of thousands is ranked in n·log n, not by comparing every pair)."""
    ordered = sorted(values)
    n = len(ordered)
    if lower_is_better:
        return [1 + bisect_left(ordered, v) for v in values]
    return [1 + n - bisect_right(ordered, v) for v in values]


def outlier(value: Decimal, s: Summary) -> str | None:
    """ "high" or "low" when `value` lies beyond Tukey's fences of `s`, else None."""
    if s.count < MIN_FOR_OUTLIERS:
        return None
    if value > s.upper_fence:
        return "high"
    if value < s.lower_fence:
        return "low"
    return None


def improvement(
    previous: Decimal | None, current: Decimal, lower_is_better: bool
) -> Decimal | None:
    """Improvement against the previous period in per cent (positive = better)."""
    if previous is None or previous == 0:
        return None
    change = (current - previous) / abs(previous) * 100
    return -change if lower_is_better else change
