"""Objectives' progress and status, programmes' tasks, budget and progress, imports."""

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from zist.actions.models import Action
from zist.objectives import progress
from zist.objectives.models import Objective, Programme
from zist.users.roles import Role

START, DEADLINE = dt.date(2024, 1, 1), dt.date(2025, 12, 31)


def test_it_measures_progress_towards_a_lower_target():
    # Cut energy use from 1000 MWh to 800 MWh: at 900 MWh, half-way.
    assert progress.progress_percent(1000, 800, 900) == Decimal(50)
    assert progress.progress_percent(1000, 800, 1100) == 0
    assert progress.progress_percent(1000, 800, 700) == 100
    # Raise recycling from 20 % to 35 %: at 26 %, 40 % of the way.
    assert progress.progress_percent(20, 35, 26) == Decimal(40)
    assert progress.progress_percent(20, 20, 26) is None
    assert progress.progress_percent(20, 35, None) is None


def test_it_computes_status_from_progress_and_time():
    half_time = dt.date(2024, 12, 31)  # 365 of 730 days: 50 % elapsed
    assert progress.elapsed_percent(START, DEADLINE, half_time) == Decimal(36500) / 730
    assert progress.status(Decimal(50), START, DEADLINE, half_time) == progress.ON_TRACK
    assert progress.status(Decimal(41), START, DEADLINE, half_time) == progress.ON_TRACK
    assert progress.status(Decimal(25), START, DEADLINE, half_time) == progress.BEHIND
    assert progress.status(Decimal(100), START, DEADLINE, half_time) == progress.ACHIEVED
    assert progress.status(Decimal(90), START, DEADLINE, dt.date(2026, 1, 1)) == progress.MISSED
    assert progress.status(None, START, DEADLINE, half_time) == progress.NOT_STARTED


def test_it_averages_task_progress():
    assert progress.mean_progress([100, 50, 0]) == Decimal(50)
    assert progress.mean_progress([]) is None


def test_it_shows_status_in_the_list(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    Objective.objects.create(
        unit=cast.region,
        code="E1",
        statement="Cut energy use by 20 %",
        baseline_value=1000,
        target_value=800,
        current_value=800,
        measure_unit="MWh",
        deadline=dt.date(2030, 1, 1),
    )
    response = client.get(reverse("objectives:objective_list"))
    cells = [c["text"] for c in response.context["rows"][0]["cells"]]
    assert cells[-1] == "Achieved" and cells[-2] == "100"  # no trailing zeros


def test_it_requires_baseline_and_target_together(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = client.post(
        reverse("objectives:objective_add"),
        {
            "unit": cast.region.pk,
            "code": "W1",
            "statement": "Less water",
            "scope": "common",
            "baseline_value": "100",
            "deadline": "2030-01-01",
        },
    )
    assert response.status_code == 400
    assert not Objective.objects.exists()


def test_it_runs_a_programme_with_tasks_and_budget(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    objective = Objective.objects.create(
        unit=cast.inside, code="S1", statement="Solar in parks", deadline=dt.date(2030, 1, 1)
    )
    response = client.post(
        reverse("objectives:programme_add"),
        {
            "unit": cast.inside.pk,
            "name": "Solar energy in parks",
            "objectives": [objective.pk],
            "status": "active",
            "budget": "1000",
            "spent": "1200",
        },
    )
    assert response.status_code == 302, response.content
    programme = Programme.objects.get()
    assert programme.budget_used == Decimal(120)
    for title, done in (("Survey parks", 100), ("Install panels", 0)):
        response = client.post(
            reverse("objectives:programme_task_add", args=[programme.pk]),
            {
                "unit": cast.inside.pk,
                "title": title,
                "kind": "task",
                "status": "in_progress",
                "progress": done,
            },
        )
        assert response.status_code == 302, response.content
    assert set(Action.objects.values_list("kind", flat=True)) == {"task"}
    assert programme.progress == Decimal(50)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Install panels" in page and "exceeds the budget" in page
    assert "Solar energy in parks" in client.get(objective.get_absolute_url()).content.decode()


HEADER = "Unit,Code,Objective,Scope,Baseline value,Target value,Unit of measure,Deadline\n"


def _csv(text):
    return SimpleUploadedFile("objectives.csv", text.encode(), content_type="text/csv")


def test_it_imports_objectives_once_and_rejects_a_file_with_a_bad_row(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    rows = HEADER + "region2,E1,Cut energy use,common,1000,800,MWh,2030-12-31\n"
    for _ in range(2):
        assert (
            client.post(reverse("objectives:objective_import"), {"file": _csv(rows)}).status_code
            == 302
        )
    assert Objective.objects.count() == 1
    bad = (
        HEADER + "d3,L1,Local goal,local,5,4,t,2030-12-31\nd3,L2,Bad deadline,local,5,4,t,someday\n"
    )
    response = client.post(reverse("objectives:objective_import"), {"file": _csv(bad)})
    assert response.status_code == 400
    errors = response.context["result"].errors
    assert [e.row for e in errors] == [3] and "Deadline" in " ".join(errors[0].messages)
    assert Objective.objects.count() == 1


def test_it_lists_unachieved_objectives_due_for_the_owner(cast, make_user):
    from zist.objectives import due

    owner = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    common = {"unit": cast.region, "owner": owner, "deadline": dt.date(2026, 3, 20)}
    late = Objective.objects.create(code="A", statement="Open", **common)
    Objective.objects.create(
        code="B", statement="Done", baseline_value=10, target_value=5, current_value=5, **common
    )
    Objective.objects.create(
        code="C", statement="Later", **{**common, "deadline": dt.date(2031, 1, 1)}
    )
    items = list(due.due_items(owner, dt.date(2026, 12, 31)))
    assert [i.url for i in items] == [late.get_absolute_url()]
    assert list(due.due_items(make_user(Role.VIEWER, cast.region), dt.date(2026, 12, 31))) == []


def test_a_programmes_money_reads_with_its_currencys_decimals(cast, make_user, client):
    """DKK has two decimals, IRR none: the same amount reads 1.500,50 and ۱٬۵۰۱."""
    organisation = cast.inside.organisation
    programme = Programme.objects.create(
        unit=cast.inside, name="Bunds", budget=Decimal("1500.5"), spent=Decimal("20")
    )
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    for currency, language in (("DKK", "da"), ("IRR", "fa")):
        organisation.currency = currency
        organisation.save()
        with translation.override(language):
            urls = (programme.get_absolute_url(), reverse("objectives:programme_list"))
        for url in urls:
            page = client.get(url).content.decode()
            if currency == "DKK":
                assert "1.500,50" in page and "20,00" in page, url
            else:
                assert "۱٬۵۰۱" in page and "۱٬۵۰۰٫۵" not in page, url
