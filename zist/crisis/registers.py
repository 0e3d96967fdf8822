from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zist.core.registry import DeleteRefused, Register, register
from zist.core.related import Related
from zist.core.tables import Column
from zist.crisis import filters, forms, serializers, tables
from zist.crisis import models as m
from zist.crisis.services import remedies


def _parts(name: str) -> tuple:
    """The form, filterset, table and serializer declared for model `name` (None: the
    form's default serializer, zist.core.api.serializer_for)."""
    return (
        getattr(forms, f"{name}Form"),
        getattr(filters, f"{name}FilterSet"),
        getattr(tables, f"{name}Table"),
        getattr(serializers, f"{name}Serializer", None),
    )


class CrisisRegister(Register):
    menu_group = "crisis"


def delphi_round_deletable(delphi_round) -> str:
    """Why a round may not be deleted ("" if it may): every round is kept once a
    later one exists, or once it reached consensus."""
    from zist.crisis.services.sessions import delphi_round_results

    if not delphi_round.is_latest:
        return _("Only the latest round can be deleted: earlier rounds are kept.")
    if delphi_round_results(delphi_round).consensus:
        return _("This round reached consensus and is kept.")
    return ""


@register
class HazardRegister(CrisisRegister):
    model = m.Hazard
    form, filterset, table, serializer = _parts("Hazard")
    natural_key = ("unit", "name")
    related = [
        Related(
            "events",
            columns=("date", "title", "severity", "deaths", "injured", "displaced"),
            add=True,
        ),
        Related("sessions", columns=("title", "method", "held_on")),
    ]


@register
class HazardEventRegister(CrisisRegister):
    model = m.HazardEvent
    form, filterset, table, serializer = _parts("HazardEvent")
    natural_key = ("hazard", "title", "date")


@register
class RiskMatrixRegister(CrisisRegister):
    model = m.RiskMatrix
    form, filterset, table, serializer = _parts("RiskMatrix")
    natural_key = ("unit", "name")
    slug = "riskmatrices"


@register
class AssessmentSessionRegister(CrisisRegister):
    model = m.AssessmentSession
    form, filterset, table, serializer = _parts("AssessmentSession")
    detail_template = "crisis/session_extra.html"
    related = [Related("participants", columns=("name", "affiliation", "user"), add=True)]


@register
class ParticipantRegister(CrisisRegister):
    model = m.Participant
    form, filterset, table, serializer = _parts("Participant")
    natural_key = ("session", "name")
    detail_template = "crisis/participant_extra.html"


@register
class CriterionScoreRegister(CrisisRegister):
    model = m.CriterionScore
    form, filterset, table, serializer = _parts("CriterionScore")
    natural_key = ("participant", "hazard", "criterion")


@register
class PairwiseComparisonRegister(CrisisRegister):
    model = m.PairwiseComparison
    form, filterset, table, serializer = _parts("PairwiseComparison")
    natural_key = ("session", "participant", "first", "second")


@register
class DelphiRoundRegister(CrisisRegister):
    model = m.DelphiRound
    form, filterset, table, serializer = _parts("DelphiRound")

    @classmethod
    def delete(cls, obj, request) -> None:
        problem = delphi_round_deletable(obj)
        if problem:
            raise DeleteRefused(problem)
        obj.delete()


@register
class DelphiScoreRegister(CrisisRegister):
    model = m.DelphiScore
    form, filterset, table, serializer = _parts("DelphiScore")
    natural_key = ("round", "participant", "hazard")
    # The facilitator enters who answered (one answer per person and round); pages
    # show the answers without names.
    detail_fields = ["round", "hazard", "likelihood", "impact"]


@register
class HazardScenarioRegister(CrisisRegister):
    model = m.HazardScenario
    form, filterset, table, serializer = _parts("HazardScenario")
    detail_template = "crisis/scenario_extra.html"
    related = [
        Related(
            "gaps",
            label=gettext_lazy("Capability gaps of the responsible organisations"),
            columns=("description", "agency", "category", "kind", "remedy", "remedy_due"),
            add=True,
        )
    ]


@register
class ConsequenceNodeRegister(CrisisRegister):
    model = m.ConsequenceNode
    form, filterset, table, serializer = _parts("ConsequenceNode")


@register
class ConsequenceLinkRegister(CrisisRegister):
    model = m.ConsequenceLink
    form, filterset, table, serializer = _parts("ConsequenceLink")


@register
class AgencyRegister(CrisisRegister):
    model = m.Agency
    form, filterset, table, serializer = _parts("Agency")
    natural_key = ("unit", "name")
    slug = "agencies"


@register
class CapabilityGapRegister(CrisisRegister):
    model = m.CapabilityGap
    form, filterset, table, serializer = _parts("CapabilityGap")
    detail_template = "crisis/remedy_extra.html"

    @classmethod
    def saved(cls, gap, before, request):
        remedies.track_gap(gap, owner=request.user)
        return gap


@register
class PostRegister(CrisisRegister):
    model = m.Post
    form, filterset, table, serializer = _parts("Post")
    natural_key = ("unit", "title")
    detail_template = "crisis/post_extra.html"
    related = [
        Related("holders", label=gettext_lazy("Holders"), add=True),
        Related("subordinates", label=gettext_lazy("Subordinate posts")),
    ]


@register
class PostHolderRegister(CrisisRegister):
    model = m.PostHolder
    form, filterset, table, serializer = _parts("PostHolder")
    natural_key = ("post", "name")


@register
class CrisisFunctionRegister(CrisisRegister):
    model = m.CrisisFunction
    form, filterset, table, serializer = _parts("CrisisFunction")
    natural_key = ("unit", "name")


@register
class FunctionAssignmentRegister(CrisisRegister):
    model = m.FunctionAssignment
    form, filterset, table, serializer = _parts("FunctionAssignment")
    natural_key = ("function", "agency")


@register
class ProcessRegister(CrisisRegister):
    model = m.Process
    form, filterset, table, serializer = _parts("Process")
    natural_key = ("unit", "name")
    slug = "processes"
    related = [
        Related("steps", columns=("order", "name", "post", "target_minutes"), add=True, limit=50)
    ]


@register
class ProcessStepRegister(CrisisRegister):
    model = m.ProcessStep
    form, filterset, table, serializer = _parts("ProcessStep")
    natural_key = ("process", "order")


@register
class DrillRegister(CrisisRegister):
    model = m.Drill
    form, filterset, table, serializer = _parts("Drill")
    detail_template = "crisis/drill_extra.html"
    related = [
        Related(
            "timings",
            label=gettext_lazy("Measured times against targets"),
            columns=(
                "step__name",
                "step__target_minutes",
                "measured_minutes",
                Column("overrun", verbose_name=gettext_lazy("Over target")),
            ),
            add=True,
        ),
        Related("findings", columns=("description", "remedy", "remedy_due"), add=True),
    ]


@register
class DrillTimingRegister(CrisisRegister):
    model = m.DrillTiming
    form, filterset, table, serializer = _parts("DrillTiming")
    natural_key = ("drill", "step")


@register
class DrillFindingRegister(CrisisRegister):
    model = m.DrillFinding
    form, filterset, table, serializer = _parts("DrillFinding")
    detail_template = "crisis/remedy_extra.html"

    @classmethod
    def saved(cls, finding, before, request):
        remedies.track_finding(finding, owner=request.user)
        return finding


@register
class PublicTrainingNeedRegister(CrisisRegister):
    model = m.PublicTrainingNeed
    form, filterset, table, serializer = _parts("PublicTrainingNeed")
    natural_key = ("hazard", "topic")


@register
class MasterPlanRegister(CrisisRegister):
    model = m.MasterPlan
    form, filterset, table, serializer = _parts("MasterPlan")
    detail_template = "crisis/plan_extra.html"
    detail_fields = [
        "title",
        "version",
        "unit",
        "status",
        "approved_by",
        "approved_on",
        "population",
        "summary",
    ]
