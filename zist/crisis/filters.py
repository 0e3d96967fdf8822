from zist.core.filters import ZistFilterSet
from zist.crisis import models as m


def _filterset(model_, search, field_names):
    meta = type("Meta", (), {"model": model_, "fields": field_names})
    attrs = {"Meta": meta, "search_fields": search, "__module__": __name__}
    return type(f"{model_.__name__}FilterSet", (ZistFilterSet,), attrs)


HazardFilterSet = _filterset(
    m.Hazard, ("name", "area", "description"), ["unit", "category", "kind"]
)
HazardEventFilterSet = _filterset(
    m.HazardEvent, ("title", "location", "source"), ["hazard", "date", "severity"]
)
RiskMatrixFilterSet = _filterset(m.RiskMatrix, ("name",), ["unit"])
AssessmentSessionFilterSet = _filterset(
    m.AssessmentSession, ("title", "notes"), ["unit", "method", "held_on", "hazards"]
)
ParticipantFilterSet = _filterset(m.Participant, ("name", "affiliation"), ["session"])
CriterionScoreFilterSet = _filterset(
    m.CriterionScore, (), ["participant__session", "participant", "hazard", "criterion"]
)
PairwiseComparisonFilterSet = _filterset(
    m.PairwiseComparison, (), ["session", "participant", "first", "second"]
)
DelphiRoundFilterSet = _filterset(m.DelphiRound, ("notes",), ["session", "number"])
DelphiScoreFilterSet = _filterset(m.DelphiScore, (), ["round__session", "round", "hazard"])
HazardScenarioFilterSet = _filterset(
    m.HazardScenario, ("title", "description", "root_causes"), ["unit", "hazard", "is_tree"]
)
ConsequenceNodeFilterSet = _filterset(m.ConsequenceNode, ("label",), ["scenario", "kind"])
ConsequenceLinkFilterSet = _filterset(m.ConsequenceLink, ("note",), ["scenario"])
AgencyFilterSet = _filterset(m.Agency, ("name", "contact"), ["unit", "is_municipal"])
CapabilityGapFilterSet = _filterset(
    m.CapabilityGap, ("description", "remedy"), ["scenario", "agency", "category", "kind"]
)
PostFilterSet = _filterset(
    m.Post, ("title", "job_description", "trainings"), ["unit", "reports_to", "education"]
)
PostHolderFilterSet = _filterset(m.PostHolder, ("name", "trainings"), ["post", "education"])
CrisisFunctionFilterSet = _filterset(m.CrisisFunction, ("name",), ["unit", "lead_post"])
FunctionAssignmentFilterSet = _filterset(
    m.FunctionAssignment, (), ["function", "agency", "responsibility"]
)
ProcessFilterSet = _filterset(
    m.Process, ("name", "purpose"), ["unit", "phase", "hazard", "owner_post"]
)
ProcessStepFilterSet = _filterset(
    m.ProcessStep, ("name", "inputs", "outputs", "resources"), ["process", "post"]
)
DrillFilterSet = _filterset(
    m.Drill, ("title", "scenario", "participants"), ["unit", "hazard", "status", "planned_on"]
)
DrillTimingFilterSet = _filterset(m.DrillTiming, (), ["drill", "step"])
DrillFindingFilterSet = _filterset(m.DrillFinding, ("description", "remedy"), ["drill"])
PublicTrainingNeedFilterSet = _filterset(
    m.PublicTrainingNeed, ("topic", "audience", "channel"), ["hazard", "priority"]
)
MasterPlanFilterSet = _filterset(m.MasterPlan, ("title", "version", "summary"), ["unit"])
