from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.gaps import services
from zist.gaps.filters import (
    AnswerFilterSet,
    AssessmentFilterSet,
    EvidenceLinkFilterSet,
    PackFilterSet,
)
from zist.gaps.forms import AnswerForm, AssessmentForm, EvidenceLinkForm, PackForm
from zist.gaps.models import Answer, Assessment, EvidenceLink, Pack
from zist.gaps.serializers import (
    AnswerSerializer,
    AssessmentSerializer,
    EvidenceLinkSerializer,
    PackSerializer,
)
from zist.gaps.tables import AnswerTable, AssessmentTable, EvidenceLinkTable, PackTable


@register
class AssessmentRegister(Register):
    model = Assessment
    form = AssessmentForm
    filterset = AssessmentFilterSet
    table = AssessmentTable
    serializer = AssessmentSerializer
    menu_group = "check"
    detail_template = "gaps/assessment_extra.html"
    related = [
        Related("answers", columns=("requirement", "status", "maturity"), limit=10),
        Related("packs", columns=("created", "purpose", "audit", "requested_by", "state")),
    ]
    natural_key = ("unit", "title__iexact")

    @classmethod
    def saved(cls, obj, before, request):
        # Every answerable requirement gets its answer at once, carried over from the
        # assessment it starts from where the requirement did not change.
        services.ensure_answers(obj, request.user)
        return obj


@register
class AnswerRegister(Register):
    model = Answer
    form = AnswerForm
    filterset = AnswerFilterSet
    table = AnswerTable
    serializer = AnswerSerializer
    menu_group = "check"
    natural_key = ("assessment", "requirement")
    related = [Related("evidence", add=True), Related(model="actions.Action", generic="source")]


@register
class EvidenceLinkRegister(Register):
    model = EvidenceLink
    form = EvidenceLinkForm
    filterset = EvidenceLinkFilterSet
    table = EvidenceLinkTable
    serializer = EvidenceLinkSerializer
    menu_group = "check"
    natural_key = ("answer", "target_type", "target_id")

    @classmethod
    def saved(cls, obj, before, request):
        # A link may point at any register: only at a record its author may see.
        target = obj.target
        if target is None or not services.visible(target, request.user):
            raise ValidationError({"target_id": _("No record you can see has this number.")})
        return obj


@register
class PackRegister(Register):
    """Asking for a pack (the assessment page's button, the API) records it and queues
    its build; what a pack holds is fixed once asked for (only its notes change)."""

    model = Pack
    form = PackForm
    filterset = PackFilterSet
    table = PackTable
    serializer = PackSerializer
    menu_group = "check"
    detail_template = "gaps/pack_extra.html"
    detail_fields = [
        "assessment",
        "audit",
        "purpose",
        "requested_by",
        "state",
        "built_at",
        "requirements",
        "records",
        "files",
        "error",
        "notes",
    ]

    @classmethod
    def write(cls, obj, before, request, many):
        if before is None:
            obj.requested_by = request.user if request.user.is_authenticated else None
        elif (obj.assessment_id, obj.audit_id, obj.purpose) != (
            before.assessment_id,
            before.audit_id,
            before.purpose,
        ):
            raise ValidationError(
                _("What a pack holds is fixed once asked for: ask for a new pack instead.")
            )
        obj.save()
        return obj

    @classmethod
    def saved(cls, obj, before, request):
        if before is None:
            from zist.gaps import pack

            pack.queue(obj, request.user)
        return obj
