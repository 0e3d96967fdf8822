from zist.context.models import InterestedParty, Issue, Need, ScopeStatement
from zist.core.api import ZistModelSerializer

COMMON = ["id", "display", "created", "last_updated"]


class IssueSerializer(ZistModelSerializer):
    class Meta:
        model = Issue
        fields = [
            *COMMON,
            "unit",
            "title",
            "origin",
            "category",
            "description",
            "effect",
            "effect_description",
            "reviewed_on",
        ]


class InterestedPartySerializer(ZistModelSerializer):
    class Meta:
        model = InterestedParty
        fields = [*COMMON, "unit", "name", "origin", "description"]


class NeedSerializer(ZistModelSerializer):
    class Meta:
        model = Need
        fields = [*COMMON, "party", "description", "relevant", "becomes_obligation", "obligation"]


class ScopeStatementSerializer(ZistModelSerializer):
    class Meta:
        model = ScopeStatement
        fields = [
            *COMMON,
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
        extra_kwargs = {"version": {"required": False}}
        # The model's full_clean (run by ZistModelSerializer) checks unit+version once
        # the next version number is filled in; DRF's own validator would demand it.
        validators = []
