from zist.core.registry import Register, register
from zist.publication.api import StatementViewSet
from zist.publication.filters import StatementFilterSet, ThemeFilterSet
from zist.publication.forms import StatementForm, ThemeForm
from zist.publication.models import Statement, Theme
from zist.publication.serializers import StatementSerializer
from zist.publication.tables import StatementTable, ThemeTable


@register
class StatementRegister(Register):
    model = Statement
    form = StatementForm
    filterset = StatementFilterSet
    table = StatementTable
    serializer = StatementSerializer
    viewset = StatementViewSet
    menu_group = "monitoring"
    detail_fields = [
        "unit",
        "year",
        "version",
        "previous",
        "status",
        "title",
        "activities",
        "parent_organisation",
        "registration",
        "governance",
        "significance_method",
        "planned_actions",
        "omissions",
        "site_notes",
        "compliance_statement",
        "verifier_name",
        "verifier_accreditation",
        "validated_on",
        "validated_by",
        "declaration",
        "published_at",
        "published_by",
        "next_statement_on",
        "change_note",
    ]
    detail_template = "publication/statement_extra.html"


@register
class ThemeRegister(Register):
    model = Theme
    form = ThemeForm
    filterset = ThemeFilterSet
    table = ThemeTable
    menu_group = "monitoring"
