from django.utils.translation import gettext_lazy as _

from zist.core.filters import IntegerNumberFilter, ZistFilterSet
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
    """The submission is given by its number, not chosen from a list: a regulator sees
    thousands of submissions. Its organisation is found by the search."""

    search_fields = (
        "kpi__name",
        "submission__unit__name",
        "source",
        "change_comment",
        "outlier_reason",
    )
    submission = IntegerNumberFilter(field_name="submission", label=_("Submission number"))

    class Meta:
        model = Figure
        fields = ["submission", "kpi"]
