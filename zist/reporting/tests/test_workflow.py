"""Programmes, submissions and benchmarks against the demo's hand-worked figures."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from zist.core import calendars
from zist.reporting import benchmark, demo, services
from zist.reporting.models import Figure, Programme, Submission, SubmissionStatus
from zist.users.models import User

pytestmark = pytest.mark.usefixtures("regulator_demo")

DOE = "سازمان حفاظت محیط زیست"


def programme(year: int) -> Programme:
    return Programme.objects.get(unit__organisation__name=DOE, year=year)


def submission(org: str, year: int = 1404) -> Submission:
    return Submission.objects.get(programme=programme(year), unit__organisation__name=org)


@pytest.mark.django_db
class TestDemo:
    def test_it_loads_the_regulator_demo_once(self, regulator_demo):
        assert regulator_demo["submissions"] == 24
        assert demo.load() == {"organisations": 0, "programmes": 0, "submissions": 0, "users": 0}

    def test_it_takes_the_period_from_the_regulators_calendar(self):
        p = programme(1404)
        # 1 Farvardin 1404 = 21 March 2025; the year ends before 1 Farvardin 1405.
        assert (p.period_start.isoformat(), p.period_end.isoformat()) == (
            "2025-03-21",
            "2026-03-21",
        )

    def test_it_holds_one_returned_submission_with_its_comment(self):
        statuses = list(
            Submission.objects.filter(programme=programme(1404)).values_list("status", flat=True)
        )
        assert statuses.count(SubmissionStatus.ACCEPTED) == 11
        returned = Submission.objects.get(programme=programme(1404), status="returned")
        assert returned.unit.organisation.name == "سیمان قزوین"
        assert "قبض" in returned.review_comment
        assert returned.reviewer.username == "doe.reviewer"
        # Every state change is in the history: invited → submitted → returned.
        assert [h.status for h in returned.history.order_by("history_date", "history_id")][-2:] == [
            "submitted",
            "returned",
        ]

    def test_it_flags_the_outlier_with_its_reason(self):
        flagged = Figure.objects.filter(submission__programme=programme(1404)).exclude(
            outlier_reason=""
        )
        assert [(f.submission.unit.organisation.name, f.kpi.code) for f in flagged] == [
            ("کربن ایران", "ENERGY")
        ]
        # Chemicals: 3.0, 3.1, 3.2, 9.0 MWh/t → P25 3.075, P75 4.65, IQR 1.575, fence 7.0125.
        assert "7.013" in flagged[0].outlier_reason and "4.650" in flagged[0].outlier_reason

    def test_it_ranks_the_cement_sector_against_hand_worked_figures(self):
        p = programme(1404)
        reviewer = User.objects.get(username="doe.reviewer")
        result = benchmark.result(
            reviewer, p, p.kpis.get(code="ENERGY"), p.sectors.get(code="C2394")
        )
        # Accepted: Tehran 950 000 MWh / 1 000 000 t = 0.95; Shahrud 1.05; Fars 1.10
        # (Qazvin was returned). P25: h = 2·0.25 = 0.5 → 0.95 + 0.5·0.10 = 1.00;
        # median 1.05; P75: h = 1.5 → 1.05 + 0.5·0.05 = 1.075.
        s = result.summary
        assert (s.count, s.p25, s.median, s.p75) == (3, D("1.00"), D("1.05"), D("1.075"))
        assert [(r.organisation, r.normalised, r.rank, r.band) for r in result.rows] == [
            ("سیمان تهران", D("0.95"), 1, 1),
            ("سیمان شاهرود", D("1.05"), 2, 2),
            ("سیمان فارس", D("1.1"), 3, 4),
        ]
        # Tehran 1403: 947 625 MWh / 950 000 t = 0.9975 → 0.95: (0.9975 − 0.95) / 0.9975 = 4.7619 %.
        assert round(result.rows[0].improvement, 4) == D("4.7619")


@pytest.mark.django_db
class TestEntryChecks:
    def _open(self, org="سیمان قزوین"):
        s = submission(org)
        assert s.status == SubmissionStatus.RETURNED
        return s

    def test_it_converts_units_and_keeps_what_was_typed(self):
        s = self._open()
        figure = services.set_figure(s, s.programme.kpis.get(code="ENERGY"), D("3600000"), "GJ")
        assert figure.value == D("1000000")
        assert (figure.entered_value, figure.entered_unit) == (D("3600000"), "GJ")
        with pytest.raises(ValidationError):
            services.set_figure(s, s.programme.kpis.get(code="ENERGY"), D("5"), "m³")
        assert Figure.objects.get(pk=figure.pk).value == D("1000000")

    def test_it_asks_for_a_comment_when_a_figure_changes_more_than_the_threshold(self):
        s = self._open()
        water = s.programme.kpis.get(code="WATER")
        # 1403: 0.60 · 1.02 · 1 050 000 = 642 600 m³; 1404 typed 900 000 m³ is +40 %.
        services.set_figure(s, water, D("900000"))
        with pytest.raises(ValidationError) as refused:
            services.submit(s, None)
        assert "WATER" in refused.value.message_dict
        assert Submission.objects.get(pk=s.pk).status == SubmissionStatus.RETURNED
        services.set_figure(s, water, D("900000"), change_comment="New washing line.")
        services.submit(s, None)
        assert Submission.objects.get(pk=s.pk).status == SubmissionStatus.SUBMITTED

    def test_it_refuses_missing_and_out_of_range_figures(self):
        s = self._open()
        energy = s.programme.kpis.get(code="ENERGY")
        services.set_figure(s, energy, D("-5"))
        s.figures.filter(kpi__code="CO2").delete()
        problems = services.entry_problems(s)
        assert set(problems) == {"ENERGY", "CO2"}

    def test_it_refuses_changes_once_submitted_or_accepted(self):
        s = submission("سیمان تهران")
        with pytest.raises(ValidationError):
            services.set_figure(s, s.programme.kpis.get(code="ENERGY"), D("1"))
        with pytest.raises(ValidationError):
            services.review(s, None, accept=False, comment="again")

    def test_a_return_needs_a_comment(self):
        s = self._open()
        services.submit(s, None)
        with pytest.raises(ValidationError):
            services.review(s, None, accept=False, comment="  ")
        assert Submission.objects.get(pk=s.pk).status == SubmissionStatus.SUBMITTED

    def test_it_stores_figures_typed_in_persian_digits_exactly(self, client):
        s = self._open()
        client.force_login(User.objects.get(username="cement.manager"))
        # cement.manager is Tehran Cement's: Qazvin's submission is not theirs.
        assert client.get(reverse("reporting:figures", args=[s.pk])).status_code == 404
        own = submission("سیمان تهران")
        own.status = SubmissionStatus.RETURNED
        own.save()
        kpis = {k.code: k.pk for k in own.programme.kpis.all()}
        calendars.activate(calendars.JALALI, calendars.PERSIAN_DIGITS)
        response = client.post(
            reverse("reporting:figures", args=[own.pk]),
            {
                "reference_value": "۱٬۰۰۰٬۰۰۰",
                f"value_{kpis['ENERGY']}": "۹۴۹٬۹۹۹٫۵",
                f"unit_{kpis['ENERGY']}": "MWh",
                f"value_{kpis['WATER']}": "۵۵۰۰۰۰",
                f"unit_{kpis['WATER']}": "m³",
                f"value_{kpis['CO2']}": "abc",
                f"unit_{kpis['CO2']}": "t",
            },
            HTTP_ACCEPT_LANGUAGE="fa",
        )
        assert response.status_code == 200  # the unreadable CO2 figure is refused
        assert Figure.objects.get(submission=own, kpi__code="ENERGY").value == D("950000")
        response = client.post(
            reverse("reporting:figures", args=[own.pk]),
            {
                "reference_value": "۱٬۰۰۰٬۰۰۰",
                f"value_{kpis['ENERGY']}": "۹۴۹٬۹۹۹٫۵",
                f"unit_{kpis['ENERGY']}": "MWh",
                f"value_{kpis['WATER']}": "۵۵۰۰۰۰",
                f"unit_{kpis['WATER']}": "m³",
                f"value_{kpis['CO2']}": "۸۰۰۰۰۰",
                f"unit_{kpis['CO2']}": "t",
            },
        )
        assert response.status_code == 302
        assert Figure.objects.get(submission=own, kpi__code="ENERGY").value == D("949999.5")
        assert Figure.objects.get(submission=own, kpi__code="WATER").value == D("550000")


@pytest.mark.django_db
def test_it_fills_figures_from_the_organisations_own_indicators_traceably(regulator_demo):
    import datetime as dt

    from zist.indicators.models import Indicator, IndicatorValue

    user = User.objects.get(username="cement.manager")
    own = submission("سیمان تهران")
    Submission.objects.filter(pk=own.pk).update(status="returned")
    own.refresh_from_db()
    root = own.unit
    energy = Indicator.objects.create(
        unit=root, code="ENERGY", name="Energy use", measure_unit="GJ", source="entered"
    )
    # Two entries inside 1404 (21 March 2025 – 20 March 2026), one before it.
    for start, value in (
        ("2025-04-01", "1800000"),
        ("2025-10-01", "1620000"),
        ("2025-03-01", "99"),
    ):
        day = dt.date.fromisoformat(start)
        IndicatorValue.objects.create(
            indicator=energy,
            unit=root,
            period_start=day,
            period_end=day,
            value=D(value),
            value_unit="GJ",
        )
    filled = services.fill_from_indicators(own, user)
    assert [f.kpi.code for f in filled] == ["ENERGY"]
    figure = Figure.objects.get(submission=own, kpi__code="ENERGY")
    # 3 420 000 GJ / 3.6 = 950 000 MWh.
    assert figure.value == D("950000")
    assert figure.source_indicator == energy
    assert "ENERGY" in figure.source and "2025-03-21" in figure.source
    # Another organisation's user cannot fill it.
    reviewer = User.objects.get(username="doe.reviewer")
    assert not Submission.objects.restrict(reviewer, "change").filter(pk=own.pk).exists()
