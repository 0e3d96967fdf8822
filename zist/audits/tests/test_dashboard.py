import datetime as dt

import pytest
from django.urls import reverse

from zist.actions.models import Action
from zist.audits import dashboard
from zist.audits.models import AuditProgramme, AuditStatus, Finding
from zist.audits.testing import make_audit
from zist.certification.models import Certificate
from zist.nonconformities.models import Status

TODAY = dt.date(2030, 12, 1)


@pytest.mark.parametrize(
    ("days", "band"), [(0, "0-30"), (30, "0-30"), (31, "31-90"), (180, "91-180"), (181, "180+")]
)
def test_it_puts_findings_in_age_bands(days, band):
    assert dashboard.age_band(days) == band


def fresh(unit):
    return type(unit).objects.get(pk=unit.pk)


def test_it_summarises_a_subtree(cast, make_user):
    region, inside, outside = fresh(cast.region), fresh(cast.inside), fresh(cast.outside)
    manager = make_user("environmental_manager", region)
    audit = make_audit(inside, status=AuditStatus.COMPLETED)  # 1 May 2030: 214 days
    open_minor = Finding.objects.create(audit=audit, unit=inside, grade="minor", statement="a")
    closed = Finding.objects.create(audit=audit, unit=inside, grade="major", statement="b")
    Finding.objects.create(audit=audit, unit=inside, grade="observation", statement="c")
    from zist.audits.services import raise_nonconformity

    raise_nonconformity(open_minor)
    nc = raise_nonconformity(closed)
    type(nc).objects.filter(pk=nc.pk).update(status=Status.CLOSED)
    Action.objects.create(unit=outside, title="Late", due_date=dt.date(2030, 11, 1))
    Action.objects.create(unit=inside, title="Not yet", due_date=dt.date(2031, 1, 1))
    Certificate.objects.create(unit=inside, number="C3", decision_date=dt.date(2029, 1, 21))
    programme = AuditProgramme.objects.create(unit=region, year=1409, title="P")
    make_audit(inside, programme=programme, status=AuditStatus.COMPLETED)

    data = dashboard.dashboard(manager, region, TODAY)
    rows = dict(data["finding_rows"])
    assert rows["Minor nonconformity"] == [0, 0, 0, 1]
    assert rows["Major nonconformity"] == [0, 0, 0, 0]  # its nonconformity is closed
    assert rows["Observation"] == [0, 0, 0, 1]
    assert data["overdue_count"] == 1
    [certificate] = data["certificates"]
    # Decision 21 January 2029: surveillance 1 was due by 21 January 2030.
    assert certificate["milestone"].deadline == dt.date(2030, 1, 21) and certificate["late"]
    assert data["programmes"][0][1]["percent"] == 100

    district = dashboard.dashboard(manager, inside, TODAY)
    assert district["overdue_count"] == 0


def test_it_shows_the_dashboard_page(cast, make_user, client):
    client.force_login(make_user("viewer", cast.inside))
    response = client.get(reverse("audits:dashboard"))
    assert response.status_code == 200
    assert response.context["unit"] == cast.inside
    other = client.get(reverse("audits:dashboard"), {"unit": cast.outside.pk})
    assert other.context["unit"] == cast.inside  # a unit out of reach is not shown
