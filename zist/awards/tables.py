from zist.awards.models import Application, Criterion, Round, Scheme, Score
from zist.core.tables import Table


class SchemeTable(Table):
    model = Scheme
    columns = ["name", "code", "unit", "total_points"]


class CriterionTable(Table):
    model = Criterion
    columns = ["code", "name", "kind", "points", "scheme"]


class RoundTable(Table):
    model = Round
    columns = ["name", "scheme", "status"]


class ApplicationTable(Table):
    model = Application
    columns = ["unit", "round", "category", "total", "level", "rank"]


class ScoreTable(Table):
    model = Score
    columns = ["application", "criterion", "assessor", "consensus", "percent"]
