"""Figures uploaded as a spreadsheet (CSV or XLSX): one row per KPI with its code, the
value and, optionally, the unit it is given in and a comment on the change.

    kpi,value,unit,comment
    ENERGY,950000000,kWh,
    WATER,۱۲۵۰۰۰۰,L,Kiln 2 stopped in Dey.

Each value goes through `services.set_figure`, the same path as a typed figure: it is
converted to the KPI's unit with the units machinery (`zist.indicators.quantities`,
exact factors) and stored beside the value and unit as given, with the file's name and
row as its source. Numbers are read as the person writes them (any digits, their
language's marks; `zist.core.numbers`). The file is all or nothing: any bad row and no
figure changes, every problem reported with its row number (the header is row 1).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zist.core import numbers
from zist.core.imports import ImportFileError, read_rows
from zist.reporting import services
from zist.reporting.models import Figure, Submission

COLUMNS = ("kpi", "value", "unit", "comment")


def _number(cell) -> Decimal:
    if isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
        return Decimal(str(cell))
    return numbers.parse_number(str(cell))


@transaction.atomic
def upload_figures(submission: Submission, upload) -> list[Figure]:
    """Set the submission's figures from `upload`; ValidationError with every problem
    (and nothing stored) when a row is wrong."""
    try:
        rows = read_rows(upload)
    except ImportFileError as error:
        raise ValidationError(str(error)) from None
    header = [str(cell).strip().lower() for cell in rows[0]]
    if header[:2] != ["kpi", "value"]:
        raise ValidationError(
            _("The first row must name the columns: %(columns)s.") % {"columns": ", ".join(COLUMNS)}
        )
    kpis = {kpi.code.upper(): kpi for kpi in submission.programme.kpis.all()}
    problems, figures = [], []
    for number, row in enumerate(rows[1:], start=2):
        cells = dict(zip(header, row, strict=False))
        code = str(cells.get("kpi", "")).strip()
        kpi = kpis.get(code.upper())
        if kpi is None:
            problems.append(
                _("Row %(row)s: no KPI %(code)s in this programme.") % {"row": number, "code": code}
            )
            continue
        try:
            value = _number(cells.get("value", ""))
        except numbers.NumberError:
            problems.append(
                _("Row %(row)s: %(value)s is not a number.")
                % {"row": number, "value": cells.get("value", "")}
            )
            continue
        comment = str(cells.get("comment") or "").strip()
        try:
            with transaction.atomic():
                figures.append(
                    services.set_figure(
                        submission,
                        kpi,
                        value,
                        str(cells.get("unit") or "").strip(),
                        source=(
                            _("File %(name)s, row %(row)s") % {"name": upload.name, "row": number}
                        )[:300],
                        change_comment=comment or None,
                    )
                )
        except ValidationError as error:
            for message in error.messages:
                problems.append(_("Row %(row)s: %(problem)s") % {"row": number, "problem": message})
    if problems:
        raise ValidationError(problems)
    return figures
