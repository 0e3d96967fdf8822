"""Demo data files (zist.demo.datafile): the aspects, context and crisis demos, once code and now
JSON under each app's data/, make the same records as the code did. The expected counts
were taken from the code-built demo before it became data (a fresh database, `zist
demo --no-serve`), and the field values below from the same run."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from zist.aspects import demo as aspects_demo
from zist.context import demo as context_demo
from zist.crisis import demo as crisis_demo
from zist.demo import datafile

# Records and history rows per model made by the code-built aspects, context and crisis
# demos, loaded on the platform alone (in the full demo the obligations demo later
# re-evaluates ten aspects and links four needs, which adds history rows to those).
EXPECTED = {
    "aspects.CriteriaSet": 3,
    "aspects.Criterion": 9,
    "aspects.OverrideRule": 5,
    "aspects.Activity": 18,
    "aspects.Aspect": 63,
    "aspects.Impact": 126,
    "context.Issue": 11,
    "context.InterestedParty": 10,
    "context.Need": 11,
    "context.ScopeStatement": 12,
    "crisis.RiskMatrix": 1,
    "crisis.Hazard": 14,
    "crisis.HazardEvent": 14,
    "crisis.AssessmentSession": 3,
    "crisis.Participant": 13,
    "crisis.PairwiseComparison": 50,
    "crisis.CriterionScore": 60,
    "crisis.DelphiRound": 3,
    "crisis.DelphiScore": 90,
    "crisis.Agency": 10,
    "crisis.HazardScenario": 4,
    "crisis.ConsequenceNode": 18,
    "crisis.ConsequenceLink": 16,
    "crisis.CapabilityGap": 6,
    "crisis.Post": 11,
    "crisis.PostHolder": 10,
    "crisis.CrisisFunction": 8,
    "crisis.FunctionAssignment": 16,
    "crisis.Process": 8,
    "crisis.ProcessStep": 20,
    "crisis.Drill": 3,
    "crisis.DrillTiming": 8,
    "crisis.DrillFinding": 3,
    "crisis.PublicTrainingNeed": 6,
    "crisis.MasterPlan": 2,
}
# History rows beyond one per record: the first master plan's approval.
EXTRA_HISTORY = {"crisis.MasterPlan": 1}


@pytest.fixture(scope="class")
def demo_data(demo_platform, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        counts = {
            "aspects": aspects_demo.load(),
            "context": context_demo.load(),
            "crisis": crisis_demo.load(),
        }
        yield counts
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestTheDemoDataFiles:
    def test_they_make_as_many_records_as_the_code_did(self, demo_data):
        made = {label: apps.get_model(label).objects.count() for label in EXPECTED}
        assert made == EXPECTED

    def test_each_record_has_its_history(self, demo_data):
        for label, count in EXPECTED.items():
            model = apps.get_model(label)
            assert model.history.count() == count + EXTRA_HISTORY.get(label, 0), label

    def test_a_second_load_changes_nothing(self, demo_data):
        assert aspects_demo.load() == {} and crisis_demo.load() == {}
        assert context_demo.load() == {}
        assert {label: apps.get_model(label).objects.count() for label in EXPECTED} == EXPECTED

    def test_they_keep_the_values_the_code_made(self, demo_data):
        from zist.actions.models import Action
        from zist.aspects.models import Aspect, CriteriaSet
        from zist.context.models import ScopeStatement
        from zist.crisis import models as m

        assert (
            demo_data["crisis"]["hazards"] == 14
            and demo_data["aspects"]["environmental impacts"] == 126
        )
        # Dates written in the Jalali calendar (1341-06-10 is 1 September 1962).
        event = m.HazardEvent.objects.get(title="زلزلهٔ بوئین‌زهرا")
        assert str(event.date) == "1962-09-01" and event.deaths == 12225
        assert event.hazard.unit.organisation.name == crisis_demo.QAZVIN
        ahp = m.AssessmentSession.objects.get(method="ahp")
        crisis_manager = get_user_model().objects.get(username="qazvin.crisis")
        assert ahp.hazards.count() == 5 and ahp.results(crisis_manager).ahp.acceptable
        assert m.Post.objects.exclude(reports_to=None).count() == 10
        assert m.MasterPlan.objects.filter(status="approved").count() == 1
        assert Action.objects.filter(kind="remedy").count() == 6
        scopes = ScopeStatement.objects.filter(status="current")
        assert str(scopes.get(unit__code="region2-d9").effective_from) == "2009-01-21"
        assert scopes.get(unit__organisation__name=context_demo.ALBERTSLUND).exclusions
        # Significance is computed by the aspects service, not written in the file.
        tehran = CriteriaSet.objects.get(unit__code="region2")
        assert tehran.threshold == Decimal(27) and tehran.rules.count() == 2
        assert Aspect.objects.filter(significant=True).exists()
        assert not Aspect.objects.filter(score=None).exists()


def test_a_record_that_fails_validation_stops_the_load_and_names_it(db, tmp_path):
    path = tmp_path / "demo.json"
    path.write_text(
        '{"keys": {"organisations.Organisation": ["name"]}, "records": ['
        '{"model": "organisations.Organisation", "name": "X", "language": "xx"}]}',
        encoding="utf-8",
    )
    with pytest.raises(datafile.DataFileError, match="record 1"):
        datafile.load(path)
    with pytest.raises(ValidationError):
        from zist.organisations.models import Organisation

        Organisation(name="X", language="xx").full_clean()
