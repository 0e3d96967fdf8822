"""The check-and-improve dashboard for a unit's subtree: open findings by grade and
age, overdue actions, certificates with their next audit, and audit programme
progress. Certification is another app: it is used only when installed."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db.models import Q

from zist.actions.models import Action
from zist.audits import services
from zist.audits.models import NONCONFORMITY_GRADES, AuditProgramme, Finding, FindingGrade

# Age bands of open findings, in days since the audit: (upper bound, key).
AGE_BANDS = ((30, "0-30"), (90, "31-90"), (180, "91-180"), (None, "180+"))


def age_band(days: int) -> str:
    """The band of a finding `days` old: 0–30, 31–90, 91–180 or over 180 days."""
    for upper, key in AGE_BANDS:
        if upper is None or days <= upper:
            return key
    raise AssertionError("unreachable")


def open_findings(findings, today: dt.date) -> dict:
    """Open findings counted by grade and age band. Nonconformities are open until
    their nonconformity is closed; observations and opportunities count for a year."""
    table = {grade: {key: 0 for _, key in AGE_BANDS} for grade in FindingGrade.values}
    year_ago = today - dt.timedelta(days=365)
    rows = findings.filter(
        Q(grade__in=NONCONFORMITY_GRADES)
        & (Q(nonconformity__isnull=True) | ~Q(nonconformity__status="closed"))
        | Q(~Q(grade__in=NONCONFORMITY_GRADES), audit__start_date__gte=year_ago)
    ).values_list("grade", "audit__start_date", "audit__end_date")
    for grade, start, end in rows:
        day = end or start
        table[grade][age_band(max((today - day).days, 0))] += 1
    return table


def certificates(user, unit, today: dt.date) -> list[dict] | None:
    """Certificates in the subtree with their next audit; None without the app."""
    if not apps.is_installed("zist.certification"):
        return None
    model = apps.get_model("certification", "Certificate")
    rows = []
    queryset = model.objects.restrict(user, "view").filter(unit__path__startswith=unit.path)
    for certificate in queryset.select_related("unit", "body"):
        milestone = certificate.next_milestone()
        rows.append(
            {
                "certificate": certificate,
                "status": certificate.current_status(today),
                "milestone": milestone,
                "late": milestone is not None and milestone.deadline < today,
            }
        )
    return rows


def dashboard(user, unit, today: dt.date) -> dict:
    findings = Finding.objects.restrict(user, "view").filter(unit__path__startswith=unit.path)
    overdue = (
        Action.objects.restrict(user, "view")
        .filter(unit__path__startswith=unit.path)
        .overdue(today)
        .select_related("unit", "owner")
    )
    programmes = (
        AuditProgramme.objects.restrict(user, "view")
        .filter(unit__path__startswith=unit.path)
        .select_related("unit")[:10]
    )
    table = open_findings(findings, today)
    bands = [key for _, key in AGE_BANDS]
    return {
        "finding_rows": [
            (label, [table[grade][band] for band in bands]) for grade, label in FindingGrade.choices
        ],
        "bands": bands,
        "overdue_count": overdue.count(),
        "overdue": overdue.order_by("due_date")[:15],
        "certificates": certificates(user, unit, today),
        "programmes": [(p, services.programme_progress(p)) for p in programmes],
    }
