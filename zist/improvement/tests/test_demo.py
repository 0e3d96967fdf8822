"""Kemi's demo: two Lean reviews with findings, one accepted into a done action, and
its saving verified from the food-waste indicator (4450 kg in Sep–Nov 2024, 3450 kg in
Sep–Nov 2025: 1000 kg saved)."""

from decimal import Decimal

import pytest

from zist.actions.models import ActionStatus
from zist.improvement import demo
from zist.improvement.models import Finding, Idea, Review


@pytest.mark.django_db
class TestKemiDemo:
    def test_it_loads_two_reviews_and_a_verified_saving_once(self, demo_platform):
        first = demo.load()
        assert first["resource-wisdom reviews"] == 2 and first["Lean findings"] == 7
        reviews = Review.objects.filter(unit__organisation__name="Kemin kaupunki")
        assert sorted(r.title for r in reviews) == [
            "Päiväkotien ruokapalvelu",
            "Varikon ajoneuvokalusto",
        ]
        accepted = Finding.objects.get(title=demo.ACCEPTED)
        assert accepted.action.status == ActionStatus.DONE and accepted.status == "done"
        assert accepted.verified_before == Decimal("4450")
        assert accepted.verified_after == Decimal("3450")
        assert accepted.verified_saving == Decimal("1000")
        assert Idea.objects.filter(unit__organisation__name="Kemin kaupunki").count() == 3
        assert not any(demo.load().values())  # a second load changes nothing
