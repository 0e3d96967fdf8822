import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.reviews.models import ManagementReview


def review_held(unit, day: dt.date, title: str = "") -> ManagementReview:
    """A management review of `unit` held on `day`, covering the year before it (the
    evidence tests link it to clause 9.3)."""
    return ManagementReview.objects.create(
        unit=unit,
        title=title or f"Review {day}",
        period_start=day - dt.timedelta(days=365),
        period_end=day,
        meeting_date=day,
    )


@scenario
class ManagementReviewScenario(Scenario):
    model = ManagementReview

    @classmethod
    def make(cls, cast: Cast, unit):
        return ManagementReview.objects.create(
            unit=unit,
            title=unique("review"),
            period_start=dt.date(2025, 3, 21),
            period_end=dt.date(2026, 3, 20),
            meeting_date=dt.date(2026, 4, 20),
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "title": unique("new-review"),
            "period_start": "2025-03-21",
            "period_end": "2026-03-20",
            "meeting_date": "2026-04-20",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"conclusions": "The system remains suitable, adequate and effective."}
