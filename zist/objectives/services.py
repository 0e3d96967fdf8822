"""Objectives that read their current value from a monitoring indicator.

The current value of an objective linked to an indicator is the indicator's figure for
the objective's unit and its subunits over the last complete reporting year of the
organisation (1403 for a Tehran objective on any day of 1404), converted to the
objective's unit of measure. It is stored on the objective, so that lists, the API,
exports and reminders show the same number and its history is kept: it is refreshed
when the objective is saved and by `zist refresh-objectives` (daily, from cron).
The figure is the organisation's own, read whatever the role of whoever saves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone

from zist.core import calendars
from zist.indicators import quantities
from zist.indicators.rollups import Figures
from zist.objectives.models import CurrentSource, Objective

PLACES = Decimal("0.001")


def last_complete_year(organisation, today: dt.date) -> calendars.ReportingYear:
    """The reporting year before the one `today` falls in."""
    current = organisation.reporting_year(today)
    return organisation.reporting_year(current.start - dt.timedelta(days=1))


def indicator_figure(objective: Objective, period) -> Decimal | None:
    """The linked indicator's figure for the objective's subtree over `period`, in the
    objective's unit of measure (the indicator's when the objective names none)."""
    indicator = objective.indicator
    value = Figures(None, objective.unit, period.start, period.end, restricted=False).at(indicator)
    if value is None:
        return None
    target = objective.measure_unit or indicator.measure_unit
    if target != indicator.measure_unit:
        value = quantities.convert(Decimal(value), indicator.measure_unit, target)
    return Decimal(value).quantize(PLACES)


def current_fields(objective: Objective, today: dt.date | None = None) -> dict:
    """What the objective's current value should be: read from its indicator when it
    has one with a figure for the last complete reporting year, else as entered."""
    if objective.indicator_id is not None:
        period = last_complete_year(objective.unit.organisation, today or timezone.localdate())
        value = indicator_figure(objective, period)
        if value is not None:
            return {
                "current_value": value,
                "current_on": period.end - dt.timedelta(days=1),
                "current_source": CurrentSource.INDICATOR,
            }
    if objective.current_source == CurrentSource.INDICATOR and objective.indicator_id is None:
        # Unlinked: the last figure read stays, now as an entered value.
        return {"current_source": CurrentSource.ENTERED}
    return {}


def refresh(objectives: Iterable[Objective], today: dt.date | None = None) -> int:
    """Read again the current value of each objective linked to an indicator and save
    those that changed (a history row each); returns how many changed. Without a
    figure for the year (no data yet) the value stays as it was."""
    changed = 0
    for objective in objectives:
        if objective.indicator_id is None:
            continue
        fields = current_fields(objective, today)
        if objective.assign(fields):
            objective.save(update_fields=[*fields, "last_updated"])
            changed += 1
    return changed


def linked_objectives():
    """Every objective linked to an indicator, with what `refresh` reads."""
    return Objective.objects.filter(indicator__isnull=False).select_related(
        "indicator", "unit__organisation"
    )
