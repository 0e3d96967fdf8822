from zist.core.tables import Table
from zist.crisis import models as m


class HazardTable(Table):
    model = m.Hazard
    columns = ["name", "category", "kind", "unit", "area"]


class HazardEventTable(Table):
    model = m.HazardEvent
    columns = ["title", "hazard", "date", "location", "severity", "deaths", "injured", "displaced"]


class RiskMatrixTable(Table):
    model = m.RiskMatrix
    columns = ["name", "unit", "likelihood_levels", "impact_levels", "medium_from", "high_from"]


class AssessmentSessionTable(Table):
    model = m.AssessmentSession
    columns = ["title", "method", "held_on", "unit"]


class ParticipantTable(Table):
    model = m.Participant
    columns = ["name", "session", "affiliation", "user"]


class CriterionScoreTable(Table):
    model = m.CriterionScore
    columns = ["hazard", "participant", "criterion", "value"]


class PairwiseComparisonTable(Table):
    model = m.PairwiseComparison
    columns = ["first", "second", "favours", "intensity", "participant", "session"]


class DelphiRoundTable(Table):
    model = m.DelphiRound
    columns = ["session", "number", "held_on"]


# Delphi answers are anonymous: lists and exports show no names.
class DelphiScoreTable(Table):
    model = m.DelphiScore
    columns = ["hazard", "round__session", "round__number", "likelihood", "impact"]


class HazardScenarioTable(Table):
    model = m.HazardScenario
    columns = ["title", "hazard", "unit", "is_tree"]


class ConsequenceNodeTable(Table):
    model = m.ConsequenceNode
    columns = ["label", "scenario", "kind", "likelihood", "severity"]


class ConsequenceLinkTable(Table):
    model = m.ConsequenceLink
    columns = ["source", "target", "scenario", "note"]


class AgencyTable(Table):
    model = m.Agency
    columns = ["name", "is_municipal", "unit", "contact"]


class CapabilityGapTable(Table):
    model = m.CapabilityGap
    columns = ["description", "agency", "category", "kind", "scenario", "remedy_due"]


class PostTable(Table):
    model = m.Post
    columns = ["title", "reports_to", "education", "experience_years", "unit"]


class PostHolderTable(Table):
    model = m.PostHolder
    columns = ["name", "post", "education", "experience_years"]


class CrisisFunctionTable(Table):
    model = m.CrisisFunction
    columns = ["name", "lead_post", "unit"]


class FunctionAssignmentTable(Table):
    model = m.FunctionAssignment
    columns = ["function", "agency", "responsibility"]


class ProcessTable(Table):
    model = m.Process
    columns = ["name", "phase", "hazard", "owner_post", "unit"]


class ProcessStepTable(Table):
    model = m.ProcessStep
    columns = ["name", "process", "order", "post", "target_minutes"]


class DrillTable(Table):
    model = m.Drill
    columns = ["title", "hazard", "status", "planned_on", "held_on", "unit"]


class DrillTimingTable(Table):
    model = m.DrillTiming
    columns = ["step__name", "drill", "step__target_minutes", "measured_minutes"]


class DrillFindingTable(Table):
    model = m.DrillFinding
    columns = ["description", "drill", "remedy", "remedy_due"]


class PublicTrainingNeedTable(Table):
    model = m.PublicTrainingNeed
    columns = ["topic", "hazard", "audience", "priority", "channel"]


class MasterPlanTable(Table):
    model = m.MasterPlan
    columns = ["title", "version", "status", "approved_on", "unit"]
