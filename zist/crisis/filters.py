from zist.core.filters import ZistFilterSet
from zist.crisis import models as m


class HazardFilterSet(ZistFilterSet):
    search_fields = ("name", "area", "description")

    class Meta:
        model = m.Hazard
        fields = ["unit", "category", "kind"]


class HazardEventFilterSet(ZistFilterSet):
    search_fields = ("title", "location", "source")

    class Meta:
        model = m.HazardEvent
        fields = ["hazard", "date", "severity"]


class RiskMatrixFilterSet(ZistFilterSet):
    search_fields = ("name",)

    class Meta:
        model = m.RiskMatrix
        fields = ["unit"]


class AssessmentSessionFilterSet(ZistFilterSet):
    search_fields = ("title", "notes")

    class Meta:
        model = m.AssessmentSession
        fields = ["unit", "method", "held_on", "hazards"]


class ParticipantFilterSet(ZistFilterSet):
    search_fields = ("name", "affiliation")

    class Meta:
        model = m.Participant
        fields = ["session"]


class CriterionScoreFilterSet(ZistFilterSet):
    search_fields = ()

    class Meta:
        model = m.CriterionScore
        fields = ["participant__session", "participant", "hazard", "criterion"]


class PairwiseComparisonFilterSet(ZistFilterSet):
    search_fields = ()

    class Meta:
        model = m.PairwiseComparison
        fields = ["session", "participant", "first", "second"]


class DelphiRoundFilterSet(ZistFilterSet):
    search_fields = ("notes",)

    class Meta:
        model = m.DelphiRound
        fields = ["session", "number"]


class DelphiScoreFilterSet(ZistFilterSet):
    search_fields = ()

    class Meta:
        model = m.DelphiScore
        fields = ["round__session", "round", "hazard"]


class HazardScenarioFilterSet(ZistFilterSet):
    search_fields = ("title", "description", "root_causes")

    class Meta:
        model = m.HazardScenario
        fields = ["unit", "hazard", "is_tree"]


class ConsequenceNodeFilterSet(ZistFilterSet):
    search_fields = ("label",)

    class Meta:
        model = m.ConsequenceNode
        fields = ["scenario", "kind"]


class ConsequenceLinkFilterSet(ZistFilterSet):
    search_fields = ("note",)

    class Meta:
        model = m.ConsequenceLink
        fields = ["scenario"]


class AgencyFilterSet(ZistFilterSet):
    search_fields = ("name", "contact")

    class Meta:
        model = m.Agency
        fields = ["unit", "is_municipal"]


class CapabilityGapFilterSet(ZistFilterSet):
    search_fields = ("description", "remedy")

    class Meta:
        model = m.CapabilityGap
        fields = ["scenario", "agency", "category", "kind"]


class PostFilterSet(ZistFilterSet):
    search_fields = ("title", "job_description", "trainings")

    class Meta:
        model = m.Post
        fields = ["unit", "reports_to", "education"]


class PostHolderFilterSet(ZistFilterSet):
    search_fields = ("name", "trainings")

    class Meta:
        model = m.PostHolder
        fields = ["post", "education"]


class CrisisFunctionFilterSet(ZistFilterSet):
    search_fields = ("name",)

    class Meta:
        model = m.CrisisFunction
        fields = ["unit", "lead_post"]


class FunctionAssignmentFilterSet(ZistFilterSet):
    search_fields = ()

    class Meta:
        model = m.FunctionAssignment
        fields = ["function", "agency", "responsibility"]


class ProcessFilterSet(ZistFilterSet):
    search_fields = ("name", "purpose")

    class Meta:
        model = m.Process
        fields = ["unit", "phase", "hazard", "owner_post"]


class ProcessStepFilterSet(ZistFilterSet):
    search_fields = ("name", "inputs", "outputs", "resources")

    class Meta:
        model = m.ProcessStep
        fields = ["process", "post"]


class DrillFilterSet(ZistFilterSet):
    search_fields = ("title", "scenario", "participants")

    class Meta:
        model = m.Drill
        fields = ["unit", "hazard", "status", "planned_on"]


class DrillTimingFilterSet(ZistFilterSet):
    search_fields = ()

    class Meta:
        model = m.DrillTiming
        fields = ["drill", "step"]


class DrillFindingFilterSet(ZistFilterSet):
    search_fields = ("description", "remedy")

    class Meta:
        model = m.DrillFinding
        fields = ["drill"]


class PublicTrainingNeedFilterSet(ZistFilterSet):
    search_fields = ("topic", "audience", "channel")

    class Meta:
        model = m.PublicTrainingNeed
        fields = ["hazard", "priority"]


class MasterPlanFilterSet(ZistFilterSet):
    search_fields = ("title", "version", "summary")

    class Meta:
        model = m.MasterPlan
        fields = ["unit"]
