"""Lean reviews and improvement ideas: totals worked by hand, a verified saving worked
from indicator values, accepting into Actions, the value-stream summary, and what a
district's user may not see."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from zist.actions.models import Action, ActionKind
from zist.improvement import services
from zist.improvement.models import Finding, Idea, IdeaStatus, Review, Step
from zist.improvement.valuestream import value_stream_svg
from zist.indicators.models import Indicator, IndicatorValue

D = Decimal


def review(unit, title="Day-care lunches", **fields) -> Review:
    return Review.objects.create(unit=unit, title=title, held_on=dt.date(2030, 3, 1), **fields)


def finding(rev, title, waste, lane, **savings) -> Finding:
    return Finding.objects.create(
        review=rev, title=title, waste=waste, lane=lane, **{k: D(v) for k, v in savings.items()}
    )


@pytest.fixture
def four_findings(cast):
    """Two findings in District 3, one on Region 2 itself, one in District 4."""
    d3 = review(cast.inside)
    finding(d3, "Plate waste", "energy", "energy", saving_money="1200.50", saving_kwh="8000")
    finding(d3, "Half-empty vans", "transport", "mobility", saving_money="300", saving_tco2e="1.25")
    finding(
        review(cast.region), "Idle ovens", "energy", "energy", saving_money="100", saving_kwh="500"
    )
    finding(review(cast.outside), "Queue at the counter", "waiting", "food", saving_money="50")


def rows(table):
    return {
        row.label: (row.findings, row.saving_money, row.saving_kwh, row.saving_tco2e)
        for row in table
    }


def test_it_adds_up_savings_per_unit_subtree_waste_and_lane(cast, four_findings):
    totals = services.totals(Finding.objects.restrict(cast.superuser, "view"))
    assert rows(totals["unit"]) == {
        # Region 2 holds its own finding and both districts': 1200.50 + 300 + 100 + 50.
        "Region 2": (4, D("1650.50"), D("8500"), D("1.25")),
        "District 3": (2, D("1500.50"), D("8000"), D("1.25")),
        "District 4": (1, D("50"), D("0"), D("0")),
    }
    assert rows(totals["waste"]) == {
        "Transport": (1, D("300"), D("0"), D("1.25")),
        "Waiting": (1, D("50"), D("0"), D("0")),
        "Energy (environmental waste)": (2, D("1300.50"), D("8500"), D("0")),
    }
    assert rows(totals["lane"]) == {
        "Energy": (2, D("1300.50"), D("8500"), D("0")),
        "Mobility and urban structure": (1, D("300"), D("0"), D("1.25")),
        "Food": (1, D("50"), D("0"), D("0")),
    }


def test_it_adds_up_only_what_a_district_user_may_see(cast, make_user, four_findings, client):
    user = make_user("environmental_representative", cast.inside)
    totals = services.totals(Finding.objects.restrict(user, "view"))
    assert rows(totals["unit"]) == {"District 3": (2, D("1500.50"), D("8000"), D("1.25"))}
    client.force_login(user)
    page = client.get(reverse("improvement:totals")).content.decode()
    assert "District 3" in page and "District 4" not in page and "Region 2" not in page


@pytest.fixture
def food_waste(cast):
    """Food waste (kg) defined on Region 2: District 3 before and after, District 4 noise."""
    indicator = Indicator.objects.create(
        unit=cast.region, code="FW", name="Food waste", category="waste", measure_unit="kg"
    )

    def value(unit, start, amount, value_unit=""):
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        IndicatorValue.objects.create(
            indicator=indicator,
            unit=unit,
            period_start=start,
            period_end=end,
            value=D(amount),
            value_unit=value_unit,
        )

    value(cast.inside, dt.date(2030, 9, 1), "100")
    value(cast.inside, dt.date(2030, 10, 1), "120")
    value(cast.inside, dt.date(2030, 11, 1), "999")  # after the before period: not counted
    value(cast.inside, dt.date(2031, 9, 1), "80")
    value(cast.inside, dt.date(2031, 10, 1), "0.09", "t")  # 90 kg
    value(cast.outside, dt.date(2031, 9, 1), "1000")  # another district: not counted
    return indicator


def test_it_verifies_a_saving_from_the_indicator(cast, food_waste):
    # Before: Sep + Oct 2030 = 100 + 120 = 220 kg. After: Sep + Oct 2031 = 80 + 0.09 t
    # (90 kg) = 170 kg. Saved 220 − 170 = 50 kg; District 4's 1000 kg is not the review's.
    item = finding(review(cast.inside), "Plate waste", "overproduction", "food")
    item.indicator = food_waste
    item.before_start, item.before_end = dt.date(2030, 9, 1), dt.date(2030, 10, 31)
    item.after_start, item.after_end = dt.date(2031, 9, 1), dt.date(2031, 10, 31)
    item.full_clean()
    services.verify(item)
    assert (item.verified_before, item.verified_after) == (D("220"), D("170"))
    assert item.verified_saving == D("50")


def test_it_verifies_through_the_api_save(cast, food_waste):
    api = APIClient()
    api.force_authenticate(cast.superuser)
    rev = review(cast.inside)
    answer = api.post(
        "/api/improvement/findings/",
        {
            "review": rev.pk,
            "title": "Plate waste",
            "waste": "overproduction",
            "lane": "food",
            "indicator": food_waste.pk,
            "before_start": "2030-09-01",
            "before_end": "2030-10-31",
            "after_start": "2031-09-01",
            "after_end": "2031-10-31",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.content
    assert Finding.objects.get(pk=answer.json()["id"]).verified_saving == D("50")


def test_it_refuses_half_a_verification(cast, food_waste):
    item = Finding(review=review(cast.inside), title="x", waste="energy", lane="energy")
    item.before_start = dt.date(2030, 9, 1)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "indicator" in error.value.message_dict
    item.indicator = food_waste
    item.before_end = dt.date(2030, 10, 31)
    item.after_start, item.after_end = dt.date(2030, 10, 1), dt.date(2030, 11, 30)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "after_start" in error.value.message_dict


def test_it_accepts_a_finding_into_one_linked_action(cast):
    item = finding(review(cast.inside), "Idle ovens", "energy", "energy")
    item.improvement = "Timer on the warming cabinets\nStagger cooking by route."
    item.save()
    action = services.accept_finding(item)
    item.refresh_from_db()
    assert item.action == action and item.status == "accepted"
    assert action.source == item and action.kind == ActionKind.IMPROVEMENT
    assert action.unit == cast.inside and action.title == "Timer on the warming cabinets"
    assert services.accept_finding(item) == action  # a second click makes no second action
    assert Action.objects.for_source(item).count() == 1


def test_it_accepts_an_idea_and_asks_why_one_is_rejected(cast, client, make_user):
    idea = services.submit_idea(
        cast.inside, "Sell surplus lunches", source="citizen", submitter_name="A resident"
    )
    user = make_user("environmental_representative", cast.inside)
    client.force_login(user)
    answer = client.post(
        reverse("improvement:idea_accept", args=[idea.pk]), {"owner": "", "due_date": ""}
    )
    assert answer.status_code == 302
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ACCEPTED and idea.action.source == idea
    other = Idea(unit=cast.inside, title="Lights off", status=IdeaStatus.REJECTED)
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "rejection_reason" in error.value.message_dict


def test_it_refuses_to_accept_another_districts_finding(cast, client, make_user):
    item = finding(review(cast.outside), "Idle ovens", "energy", "energy")
    client.force_login(make_user("environmental_representative", cast.inside))
    assert client.post(reverse("improvement:finding_accept", args=[item.pk])).status_code == 404
    assert not Action.objects.exists()


def test_it_hides_another_districts_reviews_everywhere(cast, client, make_user, four_findings):
    user = make_user("environmental_manager", cast.inside)
    client.force_login(user)
    listed = client.get(reverse("improvement:review_list")).content.decode()
    assert listed.count("Day-care lunches") == 1
    exported = b"".join(
        client.get(reverse("improvement:finding_list"), {"export": "csv"}).streaming_content
    ).decode()
    assert "Plate waste" in exported and "Queue at the counter" not in exported
    assert "Idle ovens" not in exported
    api = APIClient()
    api.force_authenticate(user)
    titles = {f["title"] for f in api.get("/api/improvement/findings/").json()["results"]}
    assert titles == {"Plate waste", "Half-empty vans"}
    hidden = Review.objects.get(unit=cast.outside)
    assert client.get(reverse("improvement:review_detail", args=[hidden.pk])).status_code == 404
    # The related list of findings on District 3's review names District 3's only.
    own = Review.objects.get(unit=cast.inside)
    page = client.get(reverse("improvement:review_detail", args=[own.pk])).content.decode()
    assert "Plate waste" in page and "Queue at the counter" not in page


def test_it_sums_the_value_stream(cast):
    rev = review(cast.inside)
    Step.objects.create(
        review=rev, order=1, name="Cook", processing_minutes=D("150"), waiting_minutes=D("30")
    )
    Step.objects.create(
        review=rev, order=2, name="Hold warm", processing_minutes=D("30"), waiting_minutes=D("60")
    )
    Step.objects.create(
        review=rev, order=3, name="Drive", processing_minutes=D("50"), waiting_minutes=D("25")
    )
    stream = services.value_stream(rev)
    # Lead time 230 + 115 = 345 min; processing 230/345 = 66.7 %, waiting 33.3 %.
    assert (stream.processing, stream.waiting, stream.lead_time) == (D("230"), D("115"), D("345"))
    assert (stream.processing_share, stream.waiting_share) == (D("66.7"), D("33.3"))
    ltr, rtl = value_stream_svg(stream, rtl=False), value_stream_svg(stream, rtl=True)
    # The longest bar (Cook, 180 min) starts after the labels (130) in LTR, ends before them in RTL.
    assert '<rect x="130.0"' in ltr and 'direction="rtl"' in rtl and '<rect x="130.0"' not in rtl
