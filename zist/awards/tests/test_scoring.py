"""Award totals against hand-worked figures; the shipped schemes and the demo round."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from zist.awards import demo, schemes, services
from zist.awards.models import Application, Criterion, Round, Scheme, Score
from zist.organisations.models import Organisation
from zist.users.models import User


@pytest.fixture
def round_(cast):
    scheme = Scheme.objects.create(
        unit=cast.foreign,
        code="mini",
        name="Mini excellence",
        levels=[{"min": 550, "name": "Bronze"}, {"min": 700, "name": "Silver"}],
    )
    e = Criterion.objects.create(
        scheme=scheme, code="E", name="Enablers", kind="enabler", points=500
    )
    Criterion.objects.create(
        scheme=scheme, parent=e, code="E1", name="Leadership", kind="enabler", points=300
    )
    Criterion.objects.create(
        scheme=scheme, parent=e, code="E2", name="Strategy", kind="enabler", points=200
    )
    Criterion.objects.create(scheme=scheme, code="R1", name="Results", kind="result", points=500)
    return Round.objects.create(unit=cast.foreign, scheme=scheme, name="2026")


def _scores(application, code, given, assessors):
    criterion = application.round.scheme.criteria.get(code=code)
    for assessor, percent in zip(assessors, given, strict=True):
        Score.objects.create(
            application=application, criterion=criterion, assessor=assessor, percent=D(percent)
        )


def test_it_aggregates_independent_scores_and_needs_consensus_when_they_differ(
    cast, round_, make_user
):
    assessors = [make_user(username=f"assessor{n}") for n in range(3)]
    application = Application.objects.create(round=round_, unit=cast.inside)
    _scores(application, "E1", (60, 70, 80), assessors)
    _scores(application, "E2", (50, 50, 50), assessors)
    _scores(application, "R1", (40, 80, 90), assessors)
    assessed = services.assess(application)
    lines = {line.criterion.code: line for line in assessed.lines}
    assert [code for code in lines] == ["E1", "E2", "R1"]  # leaves only
    # E1: mean 70 % of 300 = 210; spread 20 (not above 20); σ = √(200/3) = 8.16.
    assert (lines["E1"].mean, lines["E1"].spread, lines["E1"].deviation, lines["E1"].points) == (
        D(70),
        D(20),
        D("8.16"),
        D("210.00"),
    )
    assert lines["E2"].points == D("100.00")
    assert lines["R1"].needs_consensus and lines["R1"].spread == D(50)
    with pytest.raises(ValidationError):
        services.publish(round_)
    assert Application.objects.get(pk=application.pk).total is None
    Score.objects.create(
        application=application,
        criterion=lines["R1"].criterion,
        assessor=assessors[0],
        consensus=True,
        percent=D(70),
    )
    ranking = services.publish(round_)
    stored = Application.objects.get(pk=application.pk)
    # 210 + 100 + 0.70 × 500 = 660 → Bronze (550–699).
    assert (stored.total, stored.level, stored.rank) == (D("660.00"), "Bronze", 1)
    assert ranking == [stored]
    assert Round.objects.get(pk=round_.pk).status == "published"


def test_it_ships_two_schemes_whose_points_add_up(cast):
    for code in schemes.SHIPPED:
        scheme, made = schemes.load_scheme(code, cast.foreign)
        assert made and scheme.total_points == 1000
        assert services.check_tree(scheme) == []
    excellence = Scheme.objects.get(code="excellence")
    top = {c.kind: c.points for c in excellence.criteria.filter(parent=None)}
    assert top == {"enabler": 500, "result": 500}
    assert [lv["min"] for lv in Scheme.objects.get(code="energy").levels] == [550, 700, 850]


@pytest.mark.django_db
@pytest.mark.usefixtures("award_demo")
class TestDemoRound:
    def test_it_scores_four_applicants_by_three_assessors_and_publishes(self, award_demo):
        assert demo.load() == {"schemes": 0, "rounds": 0, "scores": 0}  # idempotent
        assert award_demo == {"schemes": 2, "rounds": 1, "scores": 36}
        round_ = Round.objects.get()
        assert round_.status == "published"
        assert round_.applications.count() == 4
        assert set(
            Score.objects.filter(consensus=False).values_list("assessor__username", flat=True)
        ) == {
            "doe.assessor1",
            "doe.assessor2",
            "doe.assessor3",
        }

    def test_it_computes_the_energy_award_of_tehran_cement_by_hand(self):
        application = Application.objects.get(unit__organisation__name="سیمان تهران")
        lines = {line.criterion.code: line for line in services.assess(application).lines}
        # Technical: 0.95 MWh/t against the cement standard 1.0 → ratio 0.95;
        # (1.2 − 0.95) / (1.2 − 0.8) = 62.5 % of 500 = 312.50.
        assert (lines["T"].computed, lines["T"].points) == (D("62.5"), D("312.50"))
        # Improvement: 4.7619 % less energy per t than 1403; full at 10 % → 47.619 % of 200.
        assert lines["I"].points == D("95.24")
        # Management: M1 80 %, M2 68.33 %, M3 65 % of 100 each.
        assert [lines[c].points for c in ("M1", "M2", "M3")] == [D("80.00"), D("68.33"), D("65.00")]
        assert application.total == D("621.07")
        assert application.level == "برنز"

    def test_it_ranks_the_applicants_and_uses_the_consensus(self):
        ranked = list(
            Application.objects.order_by("rank").values_list("unit__organisation__name", "rank")
        )
        assert ranked[0][1] == 1 and len({r for _n, r in ranked}) == 4
        shahrud = Application.objects.get(unit__organisation__name="سیمان شاهرود")
        line = next(x for x in services.assess(shahrud).lines if x.criterion.code == "M2")
        assert (line.spread, line.consensus, line.points) == (D(40), D(60), D("60.00"))

    def test_applicants_see_their_result_but_no_assessors_scores(self, client):
        user = User.objects.get(username="cement.manager")
        assert Score.objects.restrict(user, "view").count() == 0
        assert list(
            Application.objects.restrict(user, "view").values_list(
                "unit__organisation__name", flat=True
            )
        ) == ["سیمان تهران"]
        client.force_login(user)
        page = client.get(
            Application.objects.get(unit__organisation__name="سیمان تهران").get_absolute_url()
        )
        assert page.status_code == 200
        assert (
            "doe.assessor" not in page.content.decode()
            and 'id="assessment-heading"' not in page.content.decode()
        )
        assert Organisation.objects.restrict(user, "view").count() == 1
