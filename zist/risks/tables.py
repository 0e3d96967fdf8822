from zist.core.tables import Column, Table
from zist.risks.models import Risk, RiskBand, RiskMatrix


class RiskMatrixTable(Table):
    model = RiskMatrix
    columns = ["name", "unit", "likelihood_levels", "consequence_levels"]


class RiskBandTable(Table):
    model = RiskBand
    columns = [Column("level", link=True), "name", "matrix", "minimum", "colour"]


class RiskTable(Table):
    model = Risk
    columns = [
        "title",
        "kind",
        "unit",
        "rating",
        "band",
        "residual_rating",
        "residual_band",
        "owner",
        "status",
    ]
