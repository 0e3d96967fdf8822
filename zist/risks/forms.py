from zist.core.forms import ZistModelForm
from zist.risks.models import Risk, RiskBand, RiskMatrix


class RiskMatrixForm(ZistModelForm):
    class Meta:
        model = RiskMatrix
        fields = [
            "unit",
            "name",
            "likelihood_levels",
            "consequence_levels",
            "likelihood_labels",
            "consequence_labels",
        ]


class RiskBandForm(ZistModelForm):
    class Meta:
        model = RiskBand
        fields = ["matrix", "level", "name", "minimum", "colour"]


class RiskForm(ZistModelForm):
    class Meta:
        model = Risk
        fields = [
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
            "residual_likelihood",
            "residual_consequence",
            "owner",
            "status",
            "review_on",
        ]
