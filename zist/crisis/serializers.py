from rest_framework import serializers

from zist.core.api import ZistModelSerializer
from zist.crisis import forms
from zist.crisis import models as m


def _serializer(model_, form, read_only=()):
    """Serializer of a register: the form's fields plus id, display and timestamps."""
    fields = ["id", "display", *form._meta.fields, *read_only, "created", "last_updated"]
    meta = type(
        "Meta", (), {"model": model_, "fields": fields, "read_only_fields": list(read_only)}
    )
    attrs = {"Meta": meta, "__module__": __name__}
    return type(f"{model_.__name__}Serializer", (ZistModelSerializer,), attrs)


HazardSerializer = _serializer(m.Hazard, forms.HazardForm)
HazardEventSerializer = _serializer(m.HazardEvent, forms.HazardEventForm)
RiskMatrixSerializer = _serializer(m.RiskMatrix, forms.RiskMatrixForm)


def _hazard_id(hazard) -> int | None:
    """A result's hazard by id; none for a hazard the reader may not see."""
    return None if getattr(hazard, "hidden", False) else hazard.pk


class AssessmentSessionSerializer(
    _serializer(m.AssessmentSession, forms.AssessmentSessionForm, read_only=("results",))
):
    """A session with its computed result: the ranked hazards and, for AHP, the
    consistency; for Delphi, each round's medians and interquartile ranges."""

    results = serializers.SerializerMethodField()

    def get_results(self, obj) -> dict:
        results = obj.results(getattr(self.context.get("request"), "user", None))
        data = {
            "warnings": [str(w) for w in results.warnings],
            "ranking": [
                {
                    "rank": row.rank,
                    "hazard": _hazard_id(row.hazard),
                    "likelihood": row.likelihood,
                    "impact": row.impact,
                    "score": row.score,
                    "level": row.level,
                }
                for row in results.rows
            ],
        }
        if results.ahp is not None:
            data["ahp"] = {
                "lambda_max": results.ahp.lambda_max,
                "ci": results.ahp.ci,
                "cr": results.ahp.cr,
                "acceptable": results.ahp.acceptable,
            }
        if results.rounds:
            data["consensus"] = results.consensus
            data["rounds"] = [
                {
                    "number": item.round.number,
                    "consensus": item.consensus,
                    "hazards": [
                        {
                            "hazard": _hazard_id(hazard),
                            "likelihood_median": likelihood.median,
                            "likelihood_iqr": likelihood.iqr,
                            "impact_median": impact.median,
                            "impact_iqr": impact.iqr,
                        }
                        for hazard, likelihood, impact in item.rows
                    ],
                }
                for item in results.rounds
            ]
        return data


ParticipantSerializer = _serializer(m.Participant, forms.ParticipantForm)
CriterionScoreSerializer = _serializer(m.CriterionScore, forms.CriterionScoreForm)
PairwiseComparisonSerializer = _serializer(m.PairwiseComparison, forms.PairwiseComparisonForm)
DelphiRoundSerializer = _serializer(m.DelphiRound, forms.DelphiRoundForm)
DelphiScoreSerializer = _serializer(m.DelphiScore, forms.DelphiScoreForm)
HazardScenarioSerializer = _serializer(m.HazardScenario, forms.HazardScenarioForm)
ConsequenceNodeSerializer = _serializer(m.ConsequenceNode, forms.ConsequenceNodeForm)
ConsequenceLinkSerializer = _serializer(m.ConsequenceLink, forms.ConsequenceLinkForm)
AgencySerializer = _serializer(m.Agency, forms.AgencyForm)
CapabilityGapSerializer = _serializer(m.CapabilityGap, forms.CapabilityGapForm)
PostSerializer = _serializer(m.Post, forms.PostForm)
PostHolderSerializer = _serializer(m.PostHolder, forms.PostHolderForm)
CrisisFunctionSerializer = _serializer(m.CrisisFunction, forms.CrisisFunctionForm)
FunctionAssignmentSerializer = _serializer(m.FunctionAssignment, forms.FunctionAssignmentForm)
ProcessSerializer = _serializer(m.Process, forms.ProcessForm)
ProcessStepSerializer = _serializer(m.ProcessStep, forms.ProcessStepForm)
DrillSerializer = _serializer(m.Drill, forms.DrillForm)
DrillTimingSerializer = _serializer(m.DrillTiming, forms.DrillTimingForm)
DrillFindingSerializer = _serializer(m.DrillFinding, forms.DrillFindingForm)
PublicTrainingNeedSerializer = _serializer(m.PublicTrainingNeed, forms.PublicTrainingNeedForm)
MasterPlanSerializer = _serializer(
    m.MasterPlan, forms.MasterPlanForm, read_only=("status", "approved_by", "approved_on")
)
