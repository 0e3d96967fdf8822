"""Multi-site sampling (IAF MD 1) and the rotation of sampled sites over a
certification cycle. Pure functions: no database."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

INITIAL, SURVEILLANCE, RECERTIFICATION = "initial", "surveillance", "recertification"
FACTORS = {INITIAL: 1.0, SURVEILLANCE: 0.6, RECERTIFICATION: 0.8}
# The audits of one three-year cycle, in order.
CYCLE = (INITIAL, SURVEILLANCE, SURVEILLANCE, RECERTIFICATION)


def sample_size(sites: int, audit: str) -> int:
    """How many of `sites` sites to visit (the central function comes on top).

    √n for the initial audit, 0.6·√n for surveillance, 0.8·√n for recertification,
    each rounded up. n = 9 → 3 / 2 / 3.
    """
    if sites < 0:
        raise ValueError("negative number of sites")
    if sites == 0:
        return 0
    # Round before ceil: 0.6·√25 is 3.0000000000000004 in floating point.
    return min(sites, math.ceil(round(FACTORS[audit] * math.sqrt(sites), 9)))


@dataclass(frozen=True)
class Site:
    key: object
    name: str
    last_audited: dt.date | None = None


def propose_sites(sites: Sequence[Site], audit: str) -> list[Site]:
    """The sites to sample for one audit: those audited longest ago (never first),
    ties broken by name, so that every site comes round in turn."""
    ordered = sorted(sites, key=lambda s: (s.last_audited or dt.date.min, s.name))
    return ordered[: sample_size(len(sites), audit)]


def rotation_plan(
    sites: Sequence[Site], audits: Sequence[str] = CYCLE, dates: Sequence[dt.date] | None = None
) -> list[list[Site]]:
    """The sample of each audit of a cycle, each audit counting as a visit for the
    next one's choice. `dates` (one per audit) stamp the visits; by default the
    audits are taken one after another."""
    current = list(sites)
    plan = []
    for index, audit in enumerate(audits):
        chosen = propose_sites(current, audit)
        plan.append(chosen)
        stamp = dates[index] if dates else dt.date(1, 1, 1) + dt.timedelta(days=index + 1)
        keys = {s.key for s in chosen}
        current = [Site(s.key, s.name, stamp) if s.key in keys else s for s in current]
    return plan
