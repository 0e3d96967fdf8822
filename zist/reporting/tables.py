from zist.core.tables import Table
from zist.reporting.models import Figure, Kpi, Programme, Sector, Submission


class ProgrammeTable(Table):
    model = Programme
    columns = ["name", "unit", "year", "due_date", "status"]


class SectorTable(Table):
    model = Sector
    columns = ["code", "name", "programme"]


class KpiTable(Table):
    model = Kpi
    columns = ["code", "name", "measure_unit", "required", "normalised", "direction", "programme"]


class SubmissionTable(Table):
    model = Submission
    columns = ["unit", "programme", "sector", "status", "reference_value", "submitted_at"]


class FigureTable(Table):
    model = Figure
    columns = ["kpi", "submission", "value", "source", "outlier_reason"]
