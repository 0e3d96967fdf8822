from zist.awards.filters import (
    ApplicationFilterSet,
    CriterionFilterSet,
    RoundFilterSet,
    SchemeFilterSet,
    ScoreFilterSet,
)
from zist.awards.forms import ApplicationForm, CriterionForm, RoundForm, SchemeForm, ScoreForm
from zist.awards.models import Application, Criterion, Round, Scheme, Score
from zist.awards.serializers import (
    ApplicationSerializer,
    ScoreSerializer,
)
from zist.awards.tables import ApplicationTable, CriterionTable, RoundTable, SchemeTable, ScoreTable
from zist.core.registry import Register, register
from zist.core.related import Related


@register
class SchemeRegister(Register):
    model, form, filterset, table = Scheme, SchemeForm, SchemeFilterSet, SchemeTable
    menu_group = "monitoring"
    related = [Related("criteria", columns=("code", "name", "kind", "points"), limit=50)]
    natural_key = ("unit", "code__iexact")


@register
class CriterionRegister(Register):
    model, form, filterset, table = Criterion, CriterionForm, CriterionFilterSet, CriterionTable
    menu_group = "monitoring"
    natural_key = ("scheme", "code__iexact")


@register
class RoundRegister(Register):
    model, form, filterset, table = Round, RoundForm, RoundFilterSet, RoundTable
    menu_group = "monitoring"
    detail_template = "awards/round_extra.html"
    related = [Related("applications", columns=("rank", "unit", "total", "level"), limit=100)]


@register
class ApplicationRegister(Register):
    model, form, filterset, table, serializer = (
        Application,
        ApplicationForm,
        ApplicationFilterSet,
        ApplicationTable,
        ApplicationSerializer,
    )
    menu_group = "monitoring"
    detail_template = "awards/application_extra.html"
    detail_fields = ["round", "unit", "category", "evidence", "total", "level", "rank"]


@register
class ScoreRegister(Register):
    model, form, filterset, table, serializer = (
        Score,
        ScoreForm,
        ScoreFilterSet,
        ScoreTable,
        ScoreSerializer,
    )
    menu_group = "monitoring"
    detail_fields = ["application", "criterion", "assessor", "consensus", "percent", "note"]
