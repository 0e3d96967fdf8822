"""Objectives linked to an indicator read their current value from it: the figure of
the objective's subtree for the last complete reporting year, in the objective's unit."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from zist.indicators.models import IndicatorValue
from zist.indicators.testing import make_indicator
from zist.objectives import services
from zist.objectives.models import CurrentSource, Objective
from zist.users.roles import Role

# Tehran's year 1403 runs 20 March 2024 – 20 March 2025; 1 June 2025 lies in 1404.
TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def waste(cast):
    """Waste collected: 3 t in District 3 and 1 t in District 4 during 1403, 9 t in
    District 3 in 1404 (not complete yet on TODAY)."""
    indicator = make_indicator(cast.region, code="WASTE", measure_unit="t")
    for unit, start, amount in (
        (cast.inside, dt.date(2024, 4, 1), 3),
        (cast.outside, dt.date(2024, 9, 1), 1),
        (cast.inside, dt.date(2025, 4, 1), 9),
    ):
        IndicatorValue.objects.create(
            indicator=indicator,
            unit=unit,
            period_start=start,
            period_end=start,
            value=Decimal(amount),
        )
    return indicator


def objective(cast, indicator, **fields):
    return Objective.objects.create(
        **{
            "unit": cast.region,
            "code": "W1",
            "statement": "Less waste",
            "indicator": indicator,
            "measure_unit": "kg",
            "baseline_value": 5000,
            "target_value": 3000,
            "deadline": dt.date(2027, 3, 20),
            **fields,
        }
    )


def test_the_last_complete_iranian_year_is_1403_in_the_summer_of_1404(cast):
    year = services.last_complete_year(cast.tehran, TODAY)
    assert (year.label, year.start, year.end) == (1403, dt.date(2024, 3, 20), dt.date(2025, 3, 21))


def test_it_reads_the_subtrees_figure_for_the_last_complete_year_in_its_unit(cast, waste):
    goal = objective(cast, waste)
    assert services.refresh([goal], TODAY) == 1
    goal.refresh_from_db()
    assert goal.current_value == Decimal(4000)  # 3 t + 1 t, in kg; 1404's 9 t not yet
    assert goal.current_on == dt.date(2025, 3, 20)
    assert goal.current_source == CurrentSource.INDICATOR
    assert goal.progress == Decimal(50)
    assert services.refresh([goal], TODAY) == 0  # nothing new: no save, no history row
    assert goal.history.count() == 2
    district = objective(cast, waste, unit=cast.inside, code="W3")
    services.refresh([district], TODAY)
    assert district.current_value == Decimal(3000)


def test_it_keeps_the_entered_value_while_the_indicator_has_no_figure(cast, waste):
    goal = objective(cast, waste, current_value=4500)
    assert services.refresh([goal], dt.date(2024, 6, 1)) == 0  # 1402 has no data
    goal.refresh_from_db()
    assert (goal.current_value, goal.current_source) == (Decimal(4500), CurrentSource.ENTERED)


def test_saving_the_form_reads_the_indicator_and_unlinking_makes_it_entered(
    cast, make_user, client
):
    energy = make_indicator(cast.region, code="EN", measure_unit="MWh")
    year = services.last_complete_year(cast.tehran, timezone.localdate())
    IndicatorValue.objects.create(
        indicator=energy,
        unit=cast.inside,
        period_start=year.start,
        period_end=year.start,
        value=Decimal(7),
    )
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    data = {
        "unit": cast.region.pk,
        "code": "E1",
        "statement": "Less energy",
        "scope": "common",
        "indicator": energy.pk,
        "measure_unit": "kWh",
        "baseline_value": "9000",
        "target_value": "6000",
        "current_value": "99",
        "deadline": "2030-01-01",
    }
    response = client.post(reverse("objectives:objective_add"), data)
    assert response.status_code == 302, response.content
    goal = Objective.objects.get()
    assert (goal.current_value, goal.current_source) == (Decimal(7000), CurrentSource.INDICATOR)
    assert goal.current_on == year.end - dt.timedelta(days=1)
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "The current value is the figure of the indicator EN" in page
    data.update(indicator="", current_value="4.5")
    response = client.post(reverse("objectives:objective_edit", args=[goal.pk]), data)
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.current_value, goal.current_source) == (Decimal("4.5"), CurrentSource.ENTERED)


def test_it_refuses_a_unit_the_indicator_cannot_be_converted_to(cast, waste, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = client.post(
        reverse("objectives:objective_add"),
        {
            "unit": cast.region.pk,
            "code": "W1",
            "statement": "Less waste",
            "scope": "common",
            "indicator": waste.pk,
            "measure_unit": "MWh",
            "deadline": "2030-01-01",
        },
    )
    assert response.status_code == 400
    assert "The indicator counts in t" in response.content.decode()
    assert not Objective.objects.exists()


def test_the_api_reads_the_indicator_and_will_not_take_the_source(cast, waste, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = client.post(
        "/api/objectives/objectives/",
        {
            "unit": cast.region.pk,
            "code": "W1",
            "statement": "Less waste",
            "indicator": waste.pk,
            "measure_unit": "t",
            "deadline": "2030-01-01",
            "current_source": "entered",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["current_source"] == CurrentSource.INDICATOR
    assert Objective.objects.get().current_source == CurrentSource.INDICATOR


def test_the_command_refreshes_every_linked_objective(cast, waste, capsys):
    objective(cast, waste)
    objective(cast, None, code="W2")
    call_command("refresh-objectives", "--date", TODAY.isoformat())
    assert "1 objectives linked to an indicator, 1 changed." in capsys.readouterr().out
    assert Objective.objects.get(code="W1").current_value == Decimal(4000)
