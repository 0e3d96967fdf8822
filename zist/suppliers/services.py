"""Supplier evaluations: what a score means and when the next evaluation is due."""

from __future__ import annotations

from zist.core.calendars import add_months
from zist.suppliers.models import Evaluation, Supplier, SupplierStatus

# Score bands: at least APPROVED_FROM approves, at least CONDITIONAL_FROM approves with
# conditions, anything lower suspends until the supplier improves.
APPROVED_FROM = 70
CONDITIONAL_FROM = 50


def status_for(score: int) -> str:
    """The status an evaluation score leads to."""
    if score >= APPROVED_FROM:
        return SupplierStatus.APPROVED
    if score >= CONDITIONAL_FROM:
        return SupplierStatus.CONDITIONAL
    return SupplierStatus.SUSPENDED


def apply_latest_evaluation(supplier: Supplier) -> Supplier:
    """Set the supplier's status and next evaluation date from its latest evaluation."""
    latest = Evaluation.objects.filter(supplier=supplier).order_by("-date", "-pk").first()
    if latest is None:
        return supplier
    supplier.status = status_for(latest.score)
    supplier.next_evaluation = add_months(latest.date, supplier.evaluation_interval_months)
    supplier.save(update_fields=["status", "next_evaluation", "last_updated"])
    return supplier
