from zist.core.tables import Table
from zist.crisis import models as m


def _table(model_, columns):
    attrs = {"model": model_, "columns": columns, "__module__": __name__}
    return type(f"{model_.__name__}Table", (Table,), attrs)


HazardTable = _table(m.Hazard, ["name", "category", "kind", "unit", "area"])
HazardEventTable = _table(
    m.HazardEvent,
    ["title", "hazard", "date", "location", "severity", "deaths", "injured", "displaced"],
)
RiskMatrixTable = _table(
    m.RiskMatrix,
    ["name", "unit", "likelihood_levels", "impact_levels", "medium_from", "high_from"],
)
AssessmentSessionTable = _table(m.AssessmentSession, ["title", "method", "held_on", "unit"])
ParticipantTable = _table(m.Participant, ["name", "session", "affiliation", "user"])
CriterionScoreTable = _table(m.CriterionScore, ["hazard", "participant", "criterion", "value"])
PairwiseComparisonTable = _table(
    m.PairwiseComparison, ["first", "second", "favours", "intensity", "participant", "session"]
)
DelphiRoundTable = _table(m.DelphiRound, ["session", "number", "held_on"])
# Delphi answers are anonymous: lists and exports show no names.
DelphiScoreTable = _table(
    m.DelphiScore, ["hazard", "round__session", "round__number", "likelihood", "impact"]
)
HazardScenarioTable = _table(m.HazardScenario, ["title", "hazard", "unit", "is_tree"])
ConsequenceNodeTable = _table(
    m.ConsequenceNode, ["label", "scenario", "kind", "likelihood", "severity"]
)
ConsequenceLinkTable = _table(m.ConsequenceLink, ["source", "target", "scenario", "note"])
AgencyTable = _table(m.Agency, ["name", "is_municipal", "unit", "contact"])
CapabilityGapTable = _table(
    m.CapabilityGap, ["description", "agency", "category", "kind", "scenario", "remedy_due"]
)
PostTable = _table(m.Post, ["title", "reports_to", "education", "experience_years", "unit"])
PostHolderTable = _table(m.PostHolder, ["name", "post", "education", "experience_years"])
CrisisFunctionTable = _table(m.CrisisFunction, ["name", "lead_post", "unit"])
FunctionAssignmentTable = _table(m.FunctionAssignment, ["function", "agency", "responsibility"])
ProcessTable = _table(m.Process, ["name", "phase", "hazard", "owner_post", "unit"])
ProcessStepTable = _table(m.ProcessStep, ["name", "process", "order", "post", "target_minutes"])
DrillTable = _table(m.Drill, ["title", "hazard", "status", "planned_on", "held_on", "unit"])
DrillTimingTable = _table(
    m.DrillTiming, ["step__name", "drill", "step__target_minutes", "measured_minutes"]
)
DrillFindingTable = _table(m.DrillFinding, ["description", "drill", "remedy", "remedy_due"])
PublicTrainingNeedTable = _table(
    m.PublicTrainingNeed, ["topic", "hazard", "audience", "priority", "channel"]
)
MasterPlanTable = _table(m.MasterPlan, ["title", "version", "status", "approved_on", "unit"])
