from django.utils.translation import gettext_lazy as _

from zist.context import services
from zist.context.filters import (
    InterestedPartyFilterSet,
    IssueFilterSet,
    NeedFilterSet,
    ScopeStatementFilterSet,
)
from zist.context.forms import InterestedPartyForm, IssueForm, NeedForm, ScopeStatementForm
from zist.context.models import InterestedParty, Issue, Need, ScopeStatement
from zist.context.serializers import (
    ScopeStatementSerializer,
)
from zist.context.tables import InterestedPartyTable, IssueTable, NeedTable, ScopeStatementTable
from zist.core.registry import Register, register
from zist.core.related import Related


@register
class IssueRegister(Register):
    model = Issue
    form = IssueForm
    filterset = IssueFilterSet
    table = IssueTable
    menu_group = "planning"


@register
class InterestedPartyRegister(Register):
    model = InterestedParty
    form = InterestedPartyForm
    filterset = InterestedPartyFilterSet
    table = InterestedPartyTable
    menu_group = "planning"
    slug = "parties"
    related = [
        Related(
            "needs",
            label=_("Needs and expectations"),
            columns=("description", "relevant", "becomes_obligation", "obligation"),
            add=True,
        )
    ]
    natural_key = ("unit", "name__iexact")


@register
class NeedRegister(Register):
    model = Need
    form = NeedForm
    filterset = NeedFilterSet
    table = NeedTable
    menu_group = "planning"


@register
class ScopeStatementRegister(Register):
    model = ScopeStatement
    form = ScopeStatementForm
    filterset = ScopeStatementFilterSet
    table = ScopeStatementTable
    serializer = ScopeStatementSerializer
    menu_group = "planning"

    @classmethod
    def saved(cls, obj, before, request):
        return services.make_current(obj)
