from zist.core.forms import ZistModelForm
from zist.crisis import models as m


def _form(model_, field_names):
    meta = type("Meta", (), {"model": model_, "fields": field_names})
    return type(f"{model_.__name__}Form", (ZistModelForm,), {"Meta": meta, "__module__": __name__})


HazardForm = _form(m.Hazard, ["unit", "name", "category", "kind", "area", "description"])
HazardEventForm = _form(
    m.HazardEvent,
    [
        "hazard",
        "title",
        "date",
        "location",
        "severity",
        "deaths",
        "injured",
        "displaced",
        "economic_loss",
        "source",
        "description",
    ],
)
RiskMatrixForm = _form(
    m.RiskMatrix,
    [
        "unit",
        "name",
        "likelihood_levels",
        "impact_levels",
        "medium_from",
        "high_from",
        "very_high_from",
    ],
)
AssessmentSessionForm = _form(
    m.AssessmentSession,
    [
        "unit",
        "title",
        "held_on",
        "method",
        "aggregation",
        "risk_matrix",
        "hazards",
        "consensus_iqr",
        "max_rounds",
        "notes",
    ],
)
ParticipantForm = _form(m.Participant, ["session", "name", "user", "affiliation"])
CriterionScoreForm = _form(m.CriterionScore, ["participant", "hazard", "criterion", "value"])
PairwiseComparisonForm = _form(
    m.PairwiseComparison, ["session", "participant", "first", "second", "favours", "intensity"]
)
DelphiRoundForm = _form(m.DelphiRound, ["session", "number", "held_on", "notes"])
DelphiScoreForm = _form(m.DelphiScore, ["round", "participant", "hazard", "likelihood", "impact"])
HazardScenarioForm = _form(
    m.HazardScenario, ["unit", "hazard", "title", "description", "root_causes", "is_tree"]
)
ConsequenceNodeForm = _form(
    m.ConsequenceNode, ["scenario", "label", "kind", "likelihood", "severity"]
)
ConsequenceLinkForm = _form(m.ConsequenceLink, ["scenario", "source", "target", "note"])
AgencyForm = _form(m.Agency, ["unit", "name", "is_municipal", "contact"])
CapabilityGapForm = _form(
    m.CapabilityGap,
    ["scenario", "agency", "category", "kind", "description", "remedy", "remedy_due"],
)
PostForm = _form(
    m.Post,
    [
        "unit",
        "title",
        "reports_to",
        "job_description",
        "education",
        "field_of_study",
        "experience_years",
        "trainings",
    ],
)
PostHolderForm = _form(
    m.PostHolder, ["post", "name", "user", "education", "experience_years", "trainings"]
)
CrisisFunctionForm = _form(m.CrisisFunction, ["unit", "name", "lead_post"])
FunctionAssignmentForm = _form(m.FunctionAssignment, ["function", "agency", "responsibility"])
ProcessForm = _form(
    m.Process,
    [
        "unit",
        "name",
        "phase",
        "hazard",
        "owner_post",
        "purpose",
        "speed",
        "flexibility",
        "quality",
        "efficiency",
    ],
)
ProcessStepForm = _form(
    m.ProcessStep,
    ["process", "order", "name", "post", "inputs", "outputs", "target_minutes", "resources"],
)
DrillForm = _form(
    m.Drill,
    [
        "unit",
        "title",
        "hazard",
        "process",
        "scenario",
        "status",
        "planned_on",
        "held_on",
        "participants",
        "participant_count",
        "speed",
        "flexibility",
        "quality",
        "efficiency",
    ],
)
DrillTimingForm = _form(m.DrillTiming, ["drill", "step", "measured_minutes"])
DrillFindingForm = _form(m.DrillFinding, ["drill", "description", "remedy", "remedy_due"])
PublicTrainingNeedForm = _form(
    m.PublicTrainingNeed, ["hazard", "topic", "audience", "priority", "channel"]
)
MasterPlanForm = _form(m.MasterPlan, ["unit", "title", "version", "population", "summary"])
