from drf_spectacular.utils import extend_schema_serializer

from zist.core.api import ZistModelSerializer
from zist.risks.models import Risk, RiskMatrix

COMMON = ["id", "display", "created", "last_updated"]


# The crisis plan has its own RiskMatrix; keep the two apart in the OpenAPI schema.
@extend_schema_serializer(component_name="EnvironmentalRiskMatrix")
class RiskMatrixSerializer(ZistModelSerializer):
    class Meta:
        model = RiskMatrix
        fields = [
            *COMMON,
            "unit",
            "name",
            "likelihood_levels",
            "consequence_levels",
            "likelihood_labels",
            "consequence_labels",
        ]


class RiskSerializer(ZistModelSerializer):
    class Meta:
        model = Risk
        fields = [
            *COMMON,
            "unit",
            "title",
            "kind",
            "description",
            "issue",
            "party",
            "aspect",
            "obligation",
            "matrix",
            "likelihood",
            "consequence",
            "rating",
            "band",
            "residual_likelihood",
            "residual_consequence",
            "residual_rating",
            "residual_band",
            "owner",
            "status",
            "review_on",
        ]
