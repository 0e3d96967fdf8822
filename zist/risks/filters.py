from zist.core.filters import ZistFilterSet
from zist.risks.models import Risk, RiskBand, RiskMatrix


class RiskMatrixFilterSet(ZistFilterSet):
    search_fields = ("name",)

    class Meta:
        model = RiskMatrix
        fields = ["unit"]


class RiskBandFilterSet(ZistFilterSet):
    class Meta:
        model = RiskBand
        fields = ["matrix", "level"]


class RiskFilterSet(ZistFilterSet):
    search_fields = ("title", "description")

    class Meta:
        model = Risk
        fields = [
            "unit",
            "kind",
            "status",
            "owner",
            "matrix",
            "band",
            "issue",
            "aspect",
            "obligation",
        ]
