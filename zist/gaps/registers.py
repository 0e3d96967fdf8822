from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.gaps import services
from zist.gaps.filters import AnswerFilterSet, AssessmentFilterSet, EvidenceLinkFilterSet
from zist.gaps.forms import AnswerForm, AssessmentForm, EvidenceLinkForm
from zist.gaps.models import Answer, Assessment, EvidenceLink
from zist.gaps.serializers import AnswerSerializer, AssessmentSerializer, EvidenceLinkSerializer
from zist.gaps.tables import AnswerTable, AssessmentTable, EvidenceLinkTable


@register
class AssessmentRegister(Register):
    model = Assessment
    form = AssessmentForm
    filterset = AssessmentFilterSet
    table = AssessmentTable
    serializer = AssessmentSerializer
    menu_group = "check"
    detail_template = "gaps/assessment_extra.html"
    related = [Related("answers", columns=("requirement", "status", "maturity"), limit=10)]
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
