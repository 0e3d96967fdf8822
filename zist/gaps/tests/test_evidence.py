"""Evidence suggested from the registers and shown only to those who may see it."""

import datetime as dt

from zist.actions.models import Action
from zist.clauses.services import iso14001
from zist.gaps import services
from zist.gaps.models import Assessment, EvidenceLink
from zist.reviews.testing import review_held


def review(unit, day):
    return review_held(unit, day)


def test_it_suggests_the_last_management_review_of_the_subtree_only(cast, make_user):
    older = review(cast.inside, dt.date(2026, 1, 10))
    newer = review(cast.inside, dt.date(2026, 3, 10))
    review(cast.outside, dt.date(2026, 4, 10))
    assessment = Assessment.objects.create(
        unit=cast.region, library=iso14001(), title="Region", assessed_on=dt.date(2026, 5, 1)
    )
    manager = make_user("environmental_manager", cast.inside)
    # The region's assessment, read by a manager of district 3: the newest review they
    # may see, never district 4's.
    assert services.suggestions(assessment, manager)["urn:zist:iso14001:9.3"] == [newer]
    assert older not in services.suggestions(assessment, cast.superuser)["urn:zist:iso14001:9.3"]


def test_it_shows_linked_evidence_only_to_those_who_may_see_it(cast, make_user):
    assessment = Assessment.objects.create(
        unit=cast.region, library=iso14001(), title="Region", assessed_on=dt.date(2026, 5, 1)
    )
    services.ensure_answers(assessment)
    row = assessment.answers.get(requirement__number="10.3")
    mine = Action.objects.create(unit=cast.inside, title="Ours")
    theirs = Action.objects.create(unit=cast.outside, title="Theirs")
    for record in (mine, theirs):
        services.link(row, record, cast.superuser)
    manager = make_user("environmental_manager", cast.inside)
    shown = services.visible_evidence(EvidenceLink.objects.filter(answer=row), manager)
    assert [record for _link, record in shown] == [mine]
