"""Planning a programme's internal audits from each unit's risk-based interval."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from zist.audits import services
from zist.audits.models import Audit, AuditKind, AuditProgramme, AuditStatus, Finding
from zist.organisations import services as tree
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User

# A calendar-year programme for 2031, planned on 1 December 2030.
START, END = dt.date(2031, 1, 1), dt.date(2032, 1, 1)
TODAY = dt.date(2030, 12, 1)


def risk(pk, interval, last=None, findings=0, aspects=0) -> dict:
    """A `unit_risk` row for a unit that needs no database."""
    return {
        "unit": SimpleNamespace(pk=pk, name=f"unit {pk}"),
        "significant_aspects": aspects,
        "findings": findings,
        "interval": interval,
        "last_audit": last,
        "next_due": services.add_months(last, interval) if last else None,
    }


def test_it_plans_each_unit_when_its_interval_makes_it_due():
    plan = services.plan_by_risk(
        [
            # Three majors at the audit of 1 August 2030: every 6 months, due 1 Feb 2031.
            risk(1, 6, last=dt.date(2030, 8, 1), findings=3),
            # Never audited: due now, at the programme's start.
            risk(2, 24),
            # Audited 1 June 2030, nothing significant: next due 1 June 2032, after 2031.
            risk(3, 24, last=dt.date(2030, 6, 1)),
            # Audited 15 March 2029 with a significant aspect: due 15 March 2030, overdue.
            risk(4, 12, last=dt.date(2029, 3, 15), aspects=1),
            # Due on the last day of the programme, and on the day after it.
            risk(5, 12, last=dt.date(2030, 12, 31), aspects=2),
            risk(6, 12, last=dt.date(2031, 1, 1), aspects=2),
            # Due in the year but already has a planned audit in it.
            risk(7, 12, last=dt.date(2030, 5, 1), findings=1),
        ],
        START,
        END,
        busy={7},
        today=TODAY,
    )
    assert [(p.unit.pk, p.start_date, p.interval, p.overdue) for p in plan.planned] == [
        (2, dt.date(2031, 1, 1), 24, True),
        (4, dt.date(2031, 1, 1), 12, True),
        (1, dt.date(2031, 2, 1), 6, False),
        (5, dt.date(2031, 12, 31), 12, False),
    ]
    assert [(row.unit.pk, row.code, row.next_due) for row in plan.left_out] == [
        (3, services.AFTER_PERIOD, dt.date(2032, 6, 1)),
        (6, services.AFTER_PERIOD, dt.date(2032, 1, 1)),
        (7, services.ALREADY_PLANNED, dt.date(2031, 5, 1)),
    ]
    assert plan.last_day == dt.date(2031, 12, 31)
    first = plan.planned[2]
    assert first.reason == "Every 6 months: 3 nonconformities found in the last three years."


def test_it_never_plans_an_overdue_audit_in_the_past():
    # The programme has run since January: an overdue unit is planned today, a unit due
    # in April (already past) too, a unit due in October on its day.
    today = dt.date(2031, 6, 10)
    plan = services.plan_by_risk(
        [
            risk(1, 24),
            risk(2, 12, last=dt.date(2030, 4, 20), findings=1),
            risk(3, 12, last=dt.date(2030, 10, 5), findings=1),
        ],
        START,
        END,
        busy=set(),
        today=today,
    )
    assert [(p.unit.pk, p.start_date) for p in plan.planned] == [
        (1, today),
        (2, today),
        (3, dt.date(2031, 10, 5)),
    ]
    # A programme whose year is over plans nothing.
    over = services.plan_by_risk([risk(1, 24)], START, END, set(), today=dt.date(2032, 1, 1))
    assert over.planned == [] and [r.code for r in over.left_out] == [services.AFTER_PERIOD]


@pytest.mark.parametrize(
    ("aspects", "findings", "months", "basis"),
    [
        (0, 0, 24, "no significant aspects and no nonconformities in the last three years"),
        (1, 0, 12, "1 significant aspect"),
        (4, 0, 12, "4 significant aspects"),
        (0, 1, 12, "1 nonconformity found in the last three years"),
        (2, 2, 12, "2 significant aspects and 2 nonconformities found in the last three years"),
        (5, 3, 6, "3 nonconformities found in the last three years"),
    ],
)
def test_it_says_why_the_interval_is_what_it_is(aspects, findings, months, basis):
    assert services.recommended_interval_months(aspects, findings) == months
    assert services.interval_basis(aspects, findings) == basis


# The worked example in the database: Albertslund counts calendar years. Teknik og Miljø
# holds three workplaces; its programme for 2031 is planned on 1 December 2030.


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(services.timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


@pytest.fixture
def world(cast, today):
    root = Unit.objects.get(organisation=cast.albertslund, depth=1)
    department = tree.create_unit(root, name="Teknik og Miljø", code="tm", kind="department")
    recycling = tree.create_unit(
        department, name="Genbrugsstationen", code="genbrug", kind="workplace"
    )
    town_hall = tree.create_unit(department, name="Rådhuset", code="raadhus", kind="workplace")
    pool = tree.create_unit(department, name="Svømmehallen", code="svom", kind="workplace")
    recycling, town_hall, pool, department = (
        Unit.objects.get(pk=u.pk) for u in (recycling, town_hall, pool, department)
    )
    audit = Audit.objects.create(
        unit=recycling,
        title="Genbrugsstationen 2030",
        start_date=dt.date(2030, 8, 1),
        status=AuditStatus.COMPLETED,
    )
    for statement in ("No permit for the oil tank", "Leaking bund", "No spill kit"):
        Finding.objects.create(audit=audit, unit=recycling, grade="major", statement=statement)
    Audit.objects.create(
        unit=town_hall,
        title="Rådhuset 2030",
        start_date=dt.date(2030, 6, 1),
        status=AuditStatus.COMPLETED,
    )
    programme = AuditProgramme.objects.create(unit=department, year=2031, title="Audits 2031")
    # The department itself (its subtree's three majors: every 6 months) already has
    # its audit planned in September.
    Audit.objects.create(
        programme=programme,
        unit=department,
        title="Teknik og Miljø 2031",
        start_date=dt.date(2031, 9, 15),
    )
    return SimpleNamespace(
        programme=programme,
        department=department,
        recycling=recycling,
        town_hall=town_hall,
        pool=pool,
    )


@pytest.fixture
def manager(world, make_user):
    return make_user("environmental_manager", world.department, username="mette")


def planned_audits(world):
    return Audit.objects.filter(programme=world.programme, status=AuditStatus.PLANNED).exclude(
        unit=world.department
    )


def test_it_plans_the_worked_example(world, manager):
    plan = services.risk_plan(world.programme, manager)
    assert (plan.start, plan.end) == (START, END)
    assert [(p.unit, p.start_date, p.interval) for p in plan.planned] == [
        (world.pool, dt.date(2031, 1, 1), 24),
        (world.recycling, dt.date(2031, 2, 1), 6),
    ]
    assert [(r.unit, r.code) for r in plan.left_out] == [
        (world.department, services.ALREADY_PLANNED),
        (world.town_hall, services.AFTER_PERIOD),
    ]


def test_it_shows_the_plan_then_creates_it_once(world, manager, client):
    client.force_login(manager)
    url = reverse("audits:programme_plan", args=[world.programme.pk])
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Svømmehallen" in text and "Genbrugsstationen" in text and "Plan 2 audits" in text
    assert "Every 6 months: 3 nonconformities found in the last three years." in text
    assert not Audit.objects.filter(title__startswith="Internal audit").exists()

    response = client.post(url)
    assert response.status_code == 302
    audits = {a.unit: a for a in planned_audits(world)}
    assert {unit: a.start_date for unit, a in audits.items()} == {
        world.pool: dt.date(2031, 1, 1),
        world.recycling: dt.date(2031, 2, 1),
    }
    audit = audits[world.recycling]
    assert audit.title == "Internal audit: Genbrugsstationen, 2031"
    assert (audit.kind, audit.status, audit.lead_auditor) == (
        AuditKind.INTERNAL,
        AuditStatus.PLANNED,
        None,
    )
    assert not audit.team.exists() and not audit.scope_units.exists()
    assert audit.clauses.filter(number="6.1.2").exists()
    assert audit.checklist.filter(clause__number="6.1.2").exists()
    for audit in audits.values():
        [row] = audit.history.all()
        assert (row.history_type, row.history_user, row.status) == ("+", manager, "planned")

    # Again: every unit now has its audit in 2031.
    assert client.post(url).status_code == 302
    assert planned_audits(world).count() == 2
    again = client.get(url)
    assert again.context["plan"].planned == []
    assert "No new audits to plan." in again.content.decode()


def test_it_plans_only_where_the_user_may_add_audits(world, make_user, client):
    # Reads the whole department, represents the pool only.
    user = make_user("viewer", world.department, username="lars")
    RoleAssignment.objects.create(user=user, role="environmental_representative", unit=world.pool)
    user = User.objects.get(pk=user.pk)
    plan = services.risk_plan(world.programme, user)
    assert [p.unit for p in plan.planned] == [world.pool]
    assert {r.unit: r.code for r in plan.left_out} == {
        world.department: services.NOT_PERMITTED,
        world.recycling: services.NOT_PERMITTED,
        world.town_hall: services.NOT_PERMITTED,
    }
    client.force_login(user)
    url = reverse("audits:programme_plan", args=[world.programme.pk])
    assert client.post(url).status_code == 302
    assert [a.unit for a in planned_audits(world)] == [world.pool]


def test_it_refuses_a_user_who_may_add_audits_nowhere_in_the_programme(world, make_user, client):
    viewer = make_user("viewer", world.department, username="vera")
    client.force_login(viewer)
    url = reverse("audits:programme_plan", args=[world.programme.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert not planned_audits(world).exists()
    detail = client.get(world.programme.get_absolute_url()).content.decode()
    assert url not in detail
    # Someone else's programme is not found at all.
    outsider = make_user("environmental_manager", world.pool, username="pool")
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_it_offers_the_plan_on_the_programme_page(world, manager, client):
    client.force_login(manager)
    url = reverse("audits:programme_plan", args=[world.programme.pk])
    assert url in client.get(world.programme.get_absolute_url()).content.decode()
    overview = reverse("audits:programme_overview", args=[world.programme.pk])
    assert url in client.get(overview).content.decode()


def test_it_plans_through_the_api(world, manager, make_user):
    api = APIClient()
    api.force_authenticate(manager)
    url = f"/api/audits/programmes/{world.programme.pk}/risk-plan/"
    plan = api.get(url)
    assert plan.status_code == 200, plan.content
    body = plan.json()
    assert (body["period_start"], body["period_end"]) == ("2031-01-01", "2031-12-31")
    assert [(p["unit"], p["start_date"], p["interval_months"]) for p in body["planned"]] == [
        (world.pool.pk, "2031-01-01", 24),
        (world.recycling.pk, "2031-02-01", 6),
    ]
    recycling = body["planned"][1]
    assert (recycling["last_audit"], recycling["next_due"], recycling["nonconformities"]) == (
        "2030-08-01",
        "2031-02-01",
        3,
    )
    assert [(r["unit"], r["code"]) for r in body["left_out"]] == [
        (world.department.pk, "already_planned"),
        (world.town_hall.pk, "after_period"),
    ]
    assert not planned_audits(world).exists()

    created = api.post(url)
    assert created.status_code == 201, created.content
    assert sorted(a["unit"] for a in created.json()["created"]) == [
        world.recycling.pk,
        world.pool.pk,
    ]
    for audit in planned_audits(world):
        assert audit.history.get().history_user == manager
    again = api.post(url)
    assert (again.status_code, again.json()) == (200, {"created": []})
    assert planned_audits(world).count() == 2

    viewer = make_user("viewer", world.department, username="vera")
    api.force_authenticate(viewer)
    assert api.get(url).status_code == 403
    assert api.post(url).status_code == 403


def test_it_counts_only_planned_and_ongoing_audits_in_the_period_as_busy(world):
    units = [world.department, world.recycling, world.town_hall, world.pool]
    for unit, start, status in [
        (world.recycling, dt.date(2030, 12, 20), AuditStatus.PLANNED),  # before the year
        (world.recycling, dt.date(2031, 3, 1), AuditStatus.CANCELLED),
        (world.town_hall, dt.date(2030, 12, 28), AuditStatus.IN_PROGRESS),  # still going
        (world.pool, dt.date(2032, 1, 1), AuditStatus.PLANNED),  # the year after
    ]:
        Audit.objects.create(unit=unit, title="x", start_date=start, status=status)
    busy = services.units_with_open_audits(units, START, END)
    assert busy == {world.department.pk, world.town_hall.pk}
    # A region-wide audit covers the units in its scope.
    wide = Audit.objects.create(unit=world.department, title="wide", start_date=START)
    wide.scope_units.set([world.pool])
    assert services.units_with_open_audits(units, START, END) == {
        world.department.pk,
        world.town_hall.pk,
        world.pool.pk,
    }
