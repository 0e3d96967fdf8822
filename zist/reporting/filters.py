from zist.core.filters import ZistFilterSet
from zist.reporting.models import Figure, Kpi, Programme, Sector, Submission


class ProgrammeFilterSet(ZistFilterSet):
    search_fields = ("name", "code", "description")

    class Meta:
        model = Programme
        fields = ["unit", "year", "status", "due_date"]


class SectorFilterSet(ZistFilterSet):
    search_fields = ("code", "name")

    class Meta:
        model = Sector
        fields = ["programme"]


class KpiFilterSet(ZistFilterSet):
    search_fields = ("code", "name")

    class Meta:
        model = Kpi
        fields = ["programme", "required", "normalised", "direction"]


class SubmissionFilterSet(ZistFilterSet):
    search_fields = ("unit__name", "comment", "review_comment")

    class Meta:
        model = Submission
        fields = ["programme", "sector", "status"]


class FigureFilterSet(ZistFilterSet):
    search_fields = ("kpi__name", "source", "change_comment", "outlier_reason")

    class Meta:
        model = Figure
        fields = ["submission", "kpi"]
