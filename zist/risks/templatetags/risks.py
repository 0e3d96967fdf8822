"""The risk matrix drawn as SVG (colours are the organisation's band data, so they go
into SVG attributes: the content security policy forbids inline styles)."""

from collections import Counter

from django import template
from django.utils import translation

from zist.risks import rating
from zist.risks.models import Risk

register = template.Library()

CELL, LABEL_WIDTH, HEADER = 70, 150, 60


@register.simple_tag(takes_context=True)
def rated_on(context, matrix) -> dict:
    """How many risks are rated on `matrix`: those the user may see, and how many more
    lie in units out of the user's reach (they too are re-rated, and they too stop the
    matrix from shrinking below their levels)."""
    on_matrix = Risk.objects.filter(matrix=matrix)
    visible = on_matrix.restrict(context["request"].user, "view").count()
    return {"visible": visible, "hidden": on_matrix.count() - visible}


@register.simple_tag(takes_context=True)
def risk_grid(context, matrix, residual=False) -> dict:
    """Cells of `matrix` with their band colour and the number of risks (visible to the
    user) rated there, before treatment or (residual=True) after."""
    user = context["request"].user
    bands = {str(b.pk): b for b in matrix.bands.all()}
    plain = [rating.Band(key, band.minimum) for key, band in bands.items()]
    risks = Risk.objects.restrict(user, "view").filter(matrix=matrix)
    fields = (
        ("residual_likelihood", "residual_consequence")
        if residual
        else ("likelihood", "consequence")
    )
    counts = Counter(tuple(pair) for pair in risks.values_list(*fields) if None not in pair)
    likelihoods, consequences = matrix.likelihood_names(), matrix.consequence_names()
    width = LABEL_WIDTH + matrix.consequence_levels * CELL + 10
    # Right to left: labels on the right, consequence growing to the left.
    rtl = translation.get_language_bidi()

    def left(offset: int, span: int = 0) -> int:
        return width - offset - span if rtl else offset

    cells, rows = [], rating.grid(matrix.likelihood_levels, matrix.consequence_levels, plain)
    for row_index, row in enumerate(rows):
        for lik, con, value, band in row:
            band_obj = bands.get(band.key) if band else None
            cells.append(
                {
                    "x": left(LABEL_WIDTH + (con - 1) * CELL, CELL),
                    "y": HEADER + row_index * CELL,
                    "rating": value,
                    "count": counts.get((lik, con), 0),
                    "colour": band_obj.colour if band_obj else "#eeeeee",
                    "band": str(band_obj) if band_obj else "",
                }
            )
    return {
        "cells": cells,
        "size": CELL,
        "width": width,
        "rtl": rtl,
        "label_x": left(4),
        "height": HEADER + matrix.likelihood_levels * CELL + 10,
        "row_labels": [
            {
                "y": HEADER + i * CELL + CELL // 2,
                "text": likelihoods[matrix.likelihood_levels - 1 - i],
            }
            for i in range(matrix.likelihood_levels)
        ],
        "column_labels": [
            {"x": left(LABEL_WIDTH + i * CELL + CELL // 2), "text": consequences[i]}
            for i in range(matrix.consequence_levels)
        ],
        "bands": [bands[b.key] for b in sorted(plain, key=lambda b: b.minimum)],
    }
