from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.risks import services
from zist.risks.filters import RiskBandFilterSet, RiskFilterSet, RiskMatrixFilterSet
from zist.risks.forms import RiskBandForm, RiskForm, RiskMatrixForm
from zist.risks.models import Risk, RiskBand, RiskMatrix
from zist.risks.serializers import RiskMatrixSerializer, RiskSerializer
from zist.risks.tables import RiskBandTable, RiskMatrixTable, RiskTable


@register
class RiskMatrixRegister(Register):
    model = RiskMatrix
    form = RiskMatrixForm
    filterset = RiskMatrixFilterSet
    table = RiskMatrixTable
    serializer = RiskMatrixSerializer
    menu_group = "planning"
    slug = "matrices"
    detail_template = "risks/riskmatrix_extra.html"
    related = [Related("bands", columns=("level", "name", "minimum", "colour"), add=True)]
    # Importing a matrix again changes it (and re-rates its risks) instead of copying it.
    natural_key = ("unit", "name")

    @classmethod
    def saved(cls, matrix, before, request):
        services.matrix_saved(matrix)
        return matrix


@register
class RiskBandRegister(Register):
    model = RiskBand
    form = RiskBandForm
    filterset = RiskBandFilterSet
    table = RiskBandTable
    menu_group = "planning"
    natural_key = ("matrix", "minimum")

    @classmethod
    def saved(cls, band, before, request):
        services.band_saved(band, before.matrix_id if before else None)
        return band

    @classmethod
    def delete(cls, obj, request) -> None:
        services.delete_band(obj)


@register
class RiskRegister(Register):
    model = Risk
    form = RiskForm
    filterset = RiskFilterSet
    table = RiskTable
    serializer = RiskSerializer
    menu_group = "planning"
    detail_template = "risks/risk_extra.html"
    related = [
        Related(
            model="actions.Action",
            generic="source",
            label=_("Treatment actions"),
            columns=("title", "owner", "due_date", "status", "progress"),
        )
    ]
    detail_fields = [
        "title",
        "kind",
        "unit",
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
