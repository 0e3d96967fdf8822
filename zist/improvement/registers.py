from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.improvement import services
from zist.improvement.filters import FindingFilterSet, IdeaFilterSet, ReviewFilterSet, StepFilterSet
from zist.improvement.forms import FindingForm, IdeaForm, ReviewForm, StepForm
from zist.improvement.models import Finding, Idea, Review, Step
from zist.improvement.serializers import (
    FindingSerializer,
    IdeaSerializer,
)
from zist.improvement.tables import FindingTable, IdeaTable, ReviewTable, StepTable

ACTIONS = Related(
    model="actions.Action",
    generic="source",
    label=_("Improvement actions"),
    columns=("title", "owner", "due_date", "status", "progress"),
)


@register
class IdeaRegister(Register):
    model, form, filterset, table, serializer = (
        Idea,
        IdeaForm,
        IdeaFilterSet,
        IdeaTable,
        IdeaSerializer,
    )
    menu_group = "improvement"
    slug = "ideas"
    grows = True
    natural_key = ("unit", "title__iexact")
    detail_template = "improvement/idea_extra.html"
    related = [ACTIONS]
    detail_fields = [
        "title",
        "unit",
        "source",
        "submitted_by",
        "submitter_name",
        "submitted_on",
        "status",
        "rejection_reason",
        "description",
    ]

    @classmethod
    def write(cls, obj, before, request, many):
        # An idea typed in by staff is theirs unless it names someone else.
        if before is None and not obj.submitted_by_id and not obj.submitter_name:
            obj.submitted_by = request.user
        return super().write(obj, before, request, many)


@register
class ReviewRegister(Register):
    # The API's fields are the form's (core's default serializer).
    model, form, filterset, table = Review, ReviewForm, ReviewFilterSet, ReviewTable
    menu_group = "improvement"
    slug = "reviews"
    natural_key = ("unit", "title__iexact", "held_on")
    detail_template = "improvement/review_extra.html"
    related = [
        Related("steps", add=True),
        Related(
            "findings",
            columns=("title", "step", "waste", "lane", "saving_money", "saving_kwh", "status"),
            add=True,
        ),
    ]


@register
class StepRegister(Register):
    # The API's fields are the form's (core's default serializer).
    model, form, filterset, table = Step, StepForm, StepFilterSet, StepTable
    menu_group = "improvement"
    slug = "steps"
    natural_key = ("review", "order")
    related = [
        Related(
            "findings",
            columns=("title", "waste", "saving_money", "status"),
            add=True,
            add_with=("review",),
        )
    ]


@register
class FindingRegister(Register):
    model, form, filterset, table, serializer = (
        Finding,
        FindingForm,
        FindingFilterSet,
        FindingTable,
        FindingSerializer,
    )
    menu_group = "improvement"
    slug = "findings"
    natural_key = ("review", "title__iexact")
    detail_template = "improvement/finding_extra.html"
    related = [ACTIONS]
    labels = {"lane_name": _("Roadmap lane")}
    detail_fields = [
        "title",
        "review",
        "step",
        "waste",
        "lane",
        "resource",
        "lost_quantity",
        "lost_unit",
        "root_cause",
        "improvement",
        "saving_money",
        "saving_kwh",
        "saving_m3",
        "saving_tco2e",
        "status",
        "action",
        "indicator",
        "before_start",
        "before_end",
        "after_start",
        "after_end",
        "verified_before",
        "verified_after",
        "verified_saving",
    ]

    @classmethod
    def write(cls, obj, before, request, many):
        """The verified saving follows the indicator and periods: measured before the
        one write, whatever the door (decision 0019)."""
        services.verify(obj)
        return super().write(obj, before, request, many)
