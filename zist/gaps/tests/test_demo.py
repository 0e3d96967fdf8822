"""Kemi's demo assessment: evidence found in the registers, gaps turned into actions."""

from zist.actions.models import Action
from zist.aspects import demo as aspects_demo
from zist.context import demo as context_demo
from zist.demo import platform
from zist.gaps import demo
from zist.gaps.models import Assessment, Status


def test_it_assesses_kemi_against_iso_14001_with_evidence_and_actions(db):
    platform.load()
    aspects_demo.load()
    context_demo.load()
    demo.load()
    assessment = Assessment.objects.get(unit__organisation__name="Kemin kaupunki")
    answers = {a.requirement.number: a for a in assessment.answers.all()}
    aspects = answers["6.1.2"]
    assert aspects.status == Status.CONFORMS
    linked = {link.target_type.model for link in aspects.evidence.all()}
    assert linked == {"criteriaset", "aspect"}
    assert all(link.suggested for link in aspects.evidence.all())
    assert answers["8.2"].status == Status.NOT_APPLICABLE
    gaps = [n for n in ("6.1.3", "9.2.2", "9.3") if Action.objects.for_source(answers[n]).exists()]
    assert gaps == ["6.1.3", "9.2.2", "9.3"]
    action = Action.objects.for_source(answers["9.3"]).get()
    assert action.title == "Korjaa puute: 9.3 Johdon katselmus"
    # A second load changes nothing.
    before = (Action.objects.count(), aspects.evidence.count())
    demo.load()
    assert (Action.objects.count(), aspects.evidence.count()) == before
