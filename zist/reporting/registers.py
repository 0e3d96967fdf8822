from zist.core.registry import Register, register
from zist.core.related import Related
from zist.reporting import api
from zist.reporting.filters import (
    FigureFilterSet,
    KpiFilterSet,
    ProgrammeFilterSet,
    SectorFilterSet,
    SubmissionFilterSet,
)
from zist.reporting.forms import FigureForm, KpiForm, ProgrammeForm, SectorForm, SubmissionForm
from zist.reporting.models import Figure, Kpi, Programme, Sector, Submission
from zist.reporting.serializers import (
    FigureSerializer,
    ProgrammeSerializer,
    SubmissionSerializer,
)
from zist.reporting.tables import (
    FigureTable,
    KpiTable,
    ProgrammeTable,
    SectorTable,
    SubmissionTable,
)


@register
class ProgrammeRegister(Register):
    model = Programme
    form = ProgrammeForm
    filterset = ProgrammeFilterSet
    table = ProgrammeTable
    serializer = ProgrammeSerializer
    viewset = api.ProgrammeViewSet
    menu_group = "monitoring"
    detail_template = "reporting/programme_extra.html"
    detail_fields = [
        "name",
        "code",
        "unit",
        "year",
        "period_start",
        "period_end",
        "due_date",
        "reference_name",
        "reference_unit",
        "change_threshold",
        "previous",
        "status",
        "description",
    ]
    related = [
        Related(
            "kpis", columns=("code", "name", "measure_unit", "required", "normalised"), add=True
        ),
        Related("sectors", columns=("code", "name"), add=True),
        Related("submissions", columns=("unit", "sector", "status", "submitted_at")),
    ]
    natural_key = ("unit", "code__iexact")


@register
class SectorRegister(Register):
    model = Sector
    form = SectorForm
    filterset = SectorFilterSet
    table = SectorTable
    menu_group = "monitoring"
    natural_key = ("programme", "code__iexact")


@register
class KpiRegister(Register):
    model = Kpi
    form = KpiForm
    filterset = KpiFilterSet
    table = KpiTable
    menu_group = "monitoring"
    natural_key = ("programme", "code__iexact")


@register
class SubmissionRegister(Register):
    model = Submission
    form = SubmissionForm
    filterset = SubmissionFilterSet
    table = SubmissionTable
    serializer = SubmissionSerializer
    viewset = api.SubmissionViewSet
    menu_group = "monitoring"
    detail_template = "reporting/submission_extra.html"
    detail_fields = [
        "programme",
        "unit",
        "sector",
        "status",
        "reference_value",
        "comment",
        "submitted_at",
        "review_comment",
        "reviewer",
        "reviewed_at",
    ]
    related = [
        Related(
            "figures",
            columns=("kpi", "value", "source", "change_comment", "outlier_reason"),
            limit=100,
        )
    ]


@register
class FigureRegister(Register):
    model = Figure
    form = FigureForm
    filterset = FigureFilterSet
    table = FigureTable
    serializer = FigureSerializer
    menu_group = "monitoring"
    detail_fields = [
        "submission",
        "kpi",
        "value",
        "entered_value",
        "entered_unit",
        "source",
        "change_comment",
        "outlier_reason",
    ]
    natural_key = ("submission", "kpi")
