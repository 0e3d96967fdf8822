"""The regulator's pages take as many queries for fifty organisations as for five: none
reads per organisation (benchmarks/regulator.py times them with 5 000)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from zist.organisations.services import create_organisation
from zist.reporting import views
from zist.reporting.models import Figure, Kpi, Programme, Sector, Submission, SubmissionStatus
from zist.users.models import RoleAssignment, User

SECTORS, KPIS = ("C1", "C2"), ("ENERGY", "WATER", "WASTE")


def _programme(regulator, year: int, previous=None) -> Programme:
    programme = Programme.objects.create(
        unit=regulator.root_unit,
        code=f"kpi-{year}",
        name=f"KPIs {year}",
        year=year,
        due_date=dt.date(year + 1, 6, 30),
        reference_name="product",
        reference_unit="t",
        previous=previous,
    )
    for code in SECTORS:
        Sector.objects.create(programme=programme, code=code, name=code)
    for n, code in enumerate(KPIS):
        Kpi.objects.create(
            programme=programme,
            code=code,
            name=code,
            measure_unit="MWh",
            direction="lower" if n else "higher",
        )
    return programme


def _grow(programmes, to: int) -> None:
    """Organisations up to `to`, each accepted in every programme with every figure."""
    have = Submission.objects.filter(programme=programmes[0]).count()
    for n in range(have, to):
        organisation = create_organisation(name=f"Industry {n:03d}", kind="company")
        for programme in programmes:
            submission = Submission.objects.create(
                programme=programme,
                unit=organisation.root_unit,
                sector=programme.sectors.get(code=SECTORS[n % len(SECTORS)]),
                status=SubmissionStatus.ACCEPTED,
                reference_value=Decimal(1000 + n),
            )
            Figure.objects.bulk_create(
                Figure(
                    submission=submission,
                    kpi=kpi,
                    value=Decimal(50 + (n * 7 + k) % 13),
                    outlier_reason="far out" if n == 3 and k == 0 else "",
                )
                for k, kpi in enumerate(programme.kpis.all())
            )


def _queries(client, urls: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Per page: the queries it took and the choices its forms offer (a list of every
    organisation or submission would grow with them without a query more)."""
    counts = {}
    for label, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            assert response.status_code == 200, (label, response.status_code)
            content = b"".join(response) if response.streaming else response.content
        counts[label] = (len(queries), content.count(b"<option"))
    return counts


@pytest.mark.django_db
def test_the_regulators_pages_read_nothing_per_organisation(client, monkeypatch):
    regulator = create_organisation(name="Regulator", kind="regulator")
    reviewer = User.objects.create_user("reg", home_unit=regulator.root_unit)
    RoleAssignment.objects.create(
        user=reviewer, role="environmental_manager", unit=regulator.root_unit
    )
    last = _programme(regulator, 2024)
    programme = _programme(regulator, 2025, previous=last)
    _grow([last, programme], 5)
    first = Submission.objects.filter(programme=programme).order_by("pk").first()
    manager = User.objects.create_user("own", home_unit=first.unit)
    RoleAssignment.objects.create(user=manager, role="environmental_manager", unit=first.unit)
    sector, kpi = programme.sectors.get(code="C1"), programme.kpis.get(code="ENERGY")
    benchmark = reverse("reporting:benchmark", args=[programme.pk])
    urls = {
        "benchmark": benchmark,
        "benchmark, one sector": f"{benchmark}?sector={sector.pk}",
        "ranking": f"{benchmark}?sector={sector.pk}&kpi={kpi.pk}",
        "submissions": reverse("reporting:submission_list") + f"?programme={programme.pk}",
        "figures": reverse("reporting:figure_list"),
        "programme": reverse("reporting:programme_detail", args=[programme.pk]),
        "submission": reverse("reporting:submission_detail", args=[first.pk]),
        "API submissions": "/api/reporting/submissions/",
        "API figures": "/api/reporting/figures/",
        "API results": f"/api/reporting/programmes/{programme.pk}/results/",
    }
    exports = {"CSV": f"{benchmark}?export=csv", "list CSV": urls["submissions"] + "&export=csv"}
    seen = {}
    for user, pages in ((reviewer, {**urls, **exports}), (manager, urls)):
        client.force_login(user)
        _queries(client, pages)  # warm: sessions, caches
        seen[user.username] = _queries(client, pages)
    _grow([last, programme], 50)
    assert Submission.objects.filter(programme=programme).count() == 50
    for user, pages in ((reviewer, {**urls, **exports}), (manager, urls)):
        client.force_login(user)
        _queries(client, pages)
        assert _queries(client, pages) == seen[user.username], user.username

    # The numbers are still right with fifty: the ranking holds every organisation of
    # the sector, and the organisation's view names no one.
    client.force_login(reviewer)
    ranking = client.get(urls["ranking"]).content.decode()
    assert ranking.count("<td>Industry 0") == 25
    monkeypatch.setattr(views, "RANKING_PAGE", 10)
    third = client.get(urls["ranking"] + "&page=3").content.decode()
    assert third.count("<td>Industry 0") == 5 and "Page 3 of 3" in third
    assert f"sector={sector.pk}&amp;kpi={kpi.pk}&amp;page=2" in third
    client.force_login(manager)
    own = client.get(urls["benchmark"]).content.decode()
    assert "Industry 001" not in own and "Industry 000" not in own.split("<main")[-1]
