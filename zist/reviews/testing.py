import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.reviews.models import ManagementReview


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
