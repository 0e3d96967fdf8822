from zist.core.tables import Table
from zist.publication.models import Statement, Theme


class StatementTable(Table):
    model = Statement
    columns = ["unit", "year", "title", "version", "status", "validated_on", "published_at"]


class ThemeTable(Table):
    model = Theme
    columns = ["name", "key", "order", "headline", "manual_status", "unit"]
