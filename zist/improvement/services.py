"""Steps of continual improvement that are more than editing a field: an idea or a
finding accepted becomes an Action; a saving verified from an indicator; totals of
estimated and verified savings per unit, waste type and roadmap lane; the value-stream
summary of a review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from zist.actions.models import Action, ActionKind
from zist.improvement.models import (
    ZERO,
    FindingStatus,
    Idea,
    IdeaSource,
    IdeaStatus,
    Review,
    Waste,
)
from zist.improvement.models import Finding as FindingModel

SAVINGS = ("saving_money", "saving_kwh", "saving_m3", "saving_tco2e")


def submit_idea(unit, title: str, description: str = "", *, source=IdeaSource.STAFF, **fields):
    """An idea as anyone submits it. The hook for the citizens' portal: it calls this with
    source="citizen" and submitter_name, on the unit the citizen chose."""
    idea = Idea(unit=unit, title=title, description=description, source=source, **fields)
    idea.full_clean()
    idea.save()
    return idea


def _action_for(record, unit, title: str, description: str, owner=None, due_date=None):
    action = Action(
        unit=unit,
        title=title[:300],
        description=description,
        kind=ActionKind.IMPROVEMENT,
        owner=owner,
        due_date=due_date,
        source=record,
    )
    action.full_clean()
    action.save()
    return action


def accept_finding(finding: FindingModel, *, owner=None, due_date=None) -> Action:
    """Accept the improvement a finding proposes: one Action on the review's unit, linked
    both ways (Action.source is the finding, the finding's action is the Action)."""
    with transaction.atomic():
        finding = type(finding).objects.select_for_update().get(pk=finding.pk)
        if finding.action_id:
            return finding.action
        action = _action_for(
            finding,
            finding.review.unit,
            finding.improvement.split("\n")[0].strip() or finding.title,
            finding.improvement,
            owner,
            due_date,
        )
        finding.action = action
        finding.status = FindingStatus.ACCEPTED
        finding.full_clean()
        finding.save()
    return action


def accept_idea(idea: Idea, *, owner=None, due_date=None) -> Action:
    """Accept an idea: it becomes an Action on the idea's unit."""
    with transaction.atomic():
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        if idea.action_id:
            return idea.action
        action = _action_for(idea, idea.unit, idea.title, idea.description, owner, due_date)
        idea.action = action
        idea.status = IdeaStatus.ACCEPTED
        idea.full_clean()
        idea.save()
    return action


def indicator_total(indicator, unit, start: dt.date, end: dt.date) -> Decimal | None:
    """The indicator's figure for `unit`'s subtree from `start` to `end` (inclusive),
    through the indicator machinery (entered values, meters, formulas, GHG inventory).
    Read unrestricted: the figure is stored on the record, as an objective's is."""
    from zist.indicators.rollups import Figures

    figures = Figures(None, unit, start, end + dt.timedelta(days=1), restricted=False)
    return figures.at(indicator)


def verify(finding: FindingModel) -> FindingModel:
    """Measure the saving of a finding from its indicator: the figure over the before
    period minus the figure over the after period (both for the review unit's subtree);
    a positive saving means less was used. Periods of the same length compare like with
    like; that is the reviewer's choice, shown on the page."""
    if not (finding.indicator_id and finding.before_start and finding.after_end):
        finding.verified_before = finding.verified_after = finding.verified_saving = None
    else:
        unit = finding.review.unit
        before = indicator_total(finding.indicator, unit, finding.before_start, finding.before_end)
        after = indicator_total(finding.indicator, unit, finding.after_start, finding.after_end)
        finding.verified_before, finding.verified_after = before, after
        finding.verified_saving = None if before is None or after is None else before - after
    return finding


# Totals ---------------------------------------------------------------------------


@dataclass
class Row:
    key: str
    label: str
    findings: int = 0
    saving_money: Decimal = ZERO
    saving_kwh: Decimal = ZERO
    saving_m3: Decimal = ZERO
    saving_tco2e: Decimal = ZERO
    verified: int = 0

    def add(self, finding) -> None:
        self.findings += 1
        for name in SAVINGS:
            value = getattr(finding, name)
            if value is not None:
                setattr(self, name, getattr(self, name) + value)
        if finding.verified_saving is not None:
            self.verified += 1


def totals(findings) -> dict[str, list[Row]]:
    """Estimated savings of `findings` (already restricted to what the reader may see)
    added up per unit subtree, per waste type and per roadmap lane. A finding of a
    district counts for the district and every unit above it that is in the list."""
    from zist.improvement import lanes

    findings = list(findings.select_related("review__unit"))
    by_waste = {w.value: Row(w.value, str(w.label)) for w in Waste}
    by_lane = {
        lane["code"]: Row(lane["code"], lanes.lane_name(lane["code"])) for lane in lanes.lanes()
    }
    units = {}
    for finding in findings:
        by_waste[finding.waste].add(finding)
        if finding.lane in by_lane:
            by_lane[finding.lane].add(finding)
        units.setdefault(finding.review.unit.pk, finding.review.unit)
    # Every unit with findings, and each of its ancestors among them, gets the subtree.
    by_unit = []
    for unit in sorted(units.values(), key=lambda u: u.path):
        row = Row(str(unit.pk), str(unit))
        for finding in findings:
            if finding.review.unit.path.startswith(unit.path):
                row.add(finding)
        by_unit.append(row)
    return {
        "unit": by_unit,
        "waste": [row for row in by_waste.values() if row.findings],
        "lane": [row for row in by_lane.values() if row.findings],
    }


# Value stream ---------------------------------------------------------------------


@dataclass
class ValueStream:
    steps: list
    processing: Decimal
    waiting: Decimal

    @property
    def lead_time(self) -> Decimal:
        return self.processing + self.waiting

    @property
    def processing_share(self) -> Decimal | None:
        """Processing time as a percentage of the lead time (the value-added ratio when
        every processing minute adds value)."""
        if not self.lead_time:
            return None
        return (self.processing * 100 / self.lead_time).quantize(Decimal("0.1"))

    @property
    def waiting_share(self) -> Decimal | None:
        share = self.processing_share
        return None if share is None else Decimal(100) - share


def value_stream(review: Review) -> ValueStream:
    steps = list(review.steps.order_by("order", "pk"))
    return ValueStream(
        steps=steps,
        processing=sum((s.processing_minutes for s in steps), ZERO),
        waiting=sum((s.waiting_minutes for s in steps), ZERO),
    )


def no_saving_message() -> str:
    return _("No figure for one of the periods: the saving cannot be measured yet.")
