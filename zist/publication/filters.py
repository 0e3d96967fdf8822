from zist.core.filters import ZistFilterSet
from zist.publication.models import Statement, Theme


class StatementFilterSet(ZistFilterSet):
    search_fields = ("title", "activities", "verifier_name")

    class Meta:
        model = Statement
        fields = ["unit", "year", "status"]


class ThemeFilterSet(ZistFilterSet):
    search_fields = ("name", "key", "goal")

    class Meta:
        model = Theme
        fields = ["unit"]
