from zist.context.models import InterestedParty, Issue, Need, ScopeStatement
from zist.core.filters import ZistFilterSet


class IssueFilterSet(ZistFilterSet):
    search_fields = ("title", "description", "effect_description")

    class Meta:
        model = Issue
        fields = ["unit", "origin", "category", "effect"]


class InterestedPartyFilterSet(ZistFilterSet):
    search_fields = ("name", "description")

    class Meta:
        model = InterestedParty
        fields = ["unit", "origin"]


class NeedFilterSet(ZistFilterSet):
    search_fields = ("description", "party__name")

    class Meta:
        model = Need
        fields = ["party", "relevant", "becomes_obligation", "obligation"]


class ScopeStatementFilterSet(ZistFilterSet):
    search_fields = ("boundaries", "activities", "sites")

    class Meta:
        model = ScopeStatement
        fields = ["unit", "status", "public"]
