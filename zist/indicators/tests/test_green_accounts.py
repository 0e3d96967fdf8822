import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from zist.indicators.models import IndicatorValue
from zist.indicators.rollups import current_year_label
from zist.indicators.testing import make_indicator


@pytest.fixture
def waste(cast):
    """Waste of both districts of Region 2 in the last complete Iranian year."""
    indicator = make_indicator(
        cast.region, code="WASTE", name="Waste", measure_unit="t", category="waste"
    )
    year = current_year_label(cast.tehran, timezone.localdate()) - 1
    start = year_period_start(cast, year)
    for unit, amount in ((cast.inside, "33.5"), (cast.outside, "71.5")):
        IndicatorValue.objects.create(
            indicator=indicator, unit=unit, period_start=start, period_end=start, value=amount
        )
    return indicator, year


def year_period_start(cast, year) -> dt.date:
    from zist.indicators.rollups import year_period

    return year_period(cast.tehran, year).start + dt.timedelta(days=40)


def test_it_shows_the_region_its_theme_totals_breakdown_and_chart(cast, make_user, client, waste):
    manager = make_user("environmental_manager", cast.region)
    client.force_login(manager)
    response = client.get(reverse("indicators:green_accounts"), {"unit": cast.region.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<svg" in page and "105.0" in page.replace(",", "")
    assert "District 3" in page and "District 4" in page


def test_it_shows_a_district_representative_only_her_district(cast, make_user, client, waste):
    indicator, year = waste
    rep = make_user("environmental_representative", cast.inside)
    client.force_login(rep)
    url = reverse("indicators:green_accounts")
    # The region is not hers to choose; her own district shows only her figures.
    assert client.get(url, {"unit": cast.region.pk}).status_code == 404
    assert client.get(url, {"unit": cast.outside.pk}).status_code == 404
    page = client.get(url, {"unit": cast.inside.pk}).content.decode()
    assert "33.5" in page and "71.5" not in page
    exported = b"".join(
        client.get(url, {"unit": cast.inside.pk, "export": "csv"}).streaming_content
    ).decode()
    assert "33.5" in exported and "71.5" not in exported
    api = APIClient()
    api.force_authenticate(rep)
    data = api.get("/api/indicators/indicators/accounts/", {"unit": cast.inside.pk}).json()
    [theme] = data["themes"]
    assert theme["indicators"][0]["value"] == 33.5
    assert (
        api.get("/api/indicators/indicators/accounts/", {"unit": cast.region.pk}).status_code == 404
    )


def test_it_gives_the_chart_data_through_the_api(cast, make_user, waste):
    indicator, year = waste
    api = APIClient()
    api.force_authenticate(make_user("viewer", cast.region))
    data = api.get(
        "/api/indicators/indicators/accounts/", {"unit": cast.region.pk, "year": year}
    ).json()
    row = data["themes"][0]["indicators"][0]
    assert row["value"] == 105
    assert [t["year"] for t in row["trend"]] == [year - 2, year - 1, year]
    assert {b["name"]: b["value"] for b in row["breakdown"]} == {
        "District 3": 33.5,
        "District 4": 71.5,
    }
    assert Decimal(str(row["value"])) == Decimal("105")


def test_it_mirrors_the_charts_in_persian():
    from zist.indicators.charts import bar_chart

    ltr = bar_chart([("a", Decimal(1))], "t")
    rtl = bar_chart([("a", Decimal(1))], "t", rtl=True)
    assert 'x="0.0"' in ltr and 'text-anchor="start"' in ltr
    assert 'x="560.0"' in rtl and 'text-anchor="end"' in rtl


def test_it_lists_the_objectives_measured_by_each_indicator_that_the_user_may_see(
    cast, make_user, client, waste
):
    from zist.objectives import services
    from zist.objectives.models import Objective

    indicator, year = waste
    for unit, code in (
        (cast.region, "R-WASTE"),
        (cast.outside, "D4-WASTE"),
        (cast.inside, "D3-WASTE"),
    ):
        goal = Objective.objects.create(
            unit=unit,
            code=code,
            statement="Less waste",
            indicator=indicator,
            measure_unit="t",
            baseline_value=210,
            target_value=0,
            deadline=dt.date(2099, 1, 1),
        )
        services.refresh([goal])
    # Region: 105 t of a baseline 210 → target 0: half-way.
    assert Objective.objects.get(code="R-WASTE").progress == Decimal(50)
    Objective.objects.filter(code="D3-WASTE").update(baseline_value=None, target_value=None)
    client.force_login(make_user("environmental_manager", cast.region))
    page = client.get(
        reverse("indicators:green_accounts"), {"unit": cast.region.pk, "year": year}
    ).content.decode()
    assert all(code in page for code in ("R-WASTE", "D4-WASTE", "D3-WASTE"))
    assert "50%" in page  # no trailing zeros
    client.force_login(make_user("environmental_manager", cast.outside))
    page = client.get(
        reverse("indicators:green_accounts"), {"unit": cast.outside.pk, "year": year}
    ).content.decode()
    assert "D4-WASTE" in page and "R-WASTE" not in page
    assert "D3-WASTE" not in page
    api = APIClient()
    api.force_authenticate(make_user("environmental_representative", cast.inside))
    data = api.get(
        "/api/indicators/indicators/accounts/", {"unit": cast.inside.pk, "year": year}
    ).json()
    objectives = data["themes"][0]["indicators"][0]["objectives"]
    assert [(o["code"], o["current"], o["progress_percent"]) for o in objectives] == [
        ("D3-WASTE", 33.5, None)
    ]
