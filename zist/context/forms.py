from zist.context.models import InterestedParty, Issue, Need, ScopeStatement
from zist.core.forms import ZistModelForm


class IssueForm(ZistModelForm):
    class Meta:
        model = Issue
        fields = [
            "unit",
            "title",
            "origin",
            "category",
            "description",
            "effect",
            "effect_description",
            "reviewed_on",
        ]


class InterestedPartyForm(ZistModelForm):
    class Meta:
        model = InterestedParty
        fields = ["unit", "name", "origin", "description"]


class NeedForm(ZistModelForm):
    class Meta:
        model = Need
        fields = ["party", "description", "relevant", "becomes_obligation", "obligation"]


class ScopeStatementForm(ZistModelForm):
    class Meta:
        model = ScopeStatement
        fields = [
            "unit",
            "version",
            "status",
            "boundaries",
            "activities",
            "sites",
            "exclusions",
            "exclusion_justification",
            "effective_from",
            "public",
        ]
