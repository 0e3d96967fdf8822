from zist.context.models import ScopeStatement
from zist.core.api import ZistModelSerializer

COMMON = ["id", "display", "created", "last_updated"]


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
