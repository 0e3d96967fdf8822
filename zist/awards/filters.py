from zist.awards.models import Application, Criterion, Round, Scheme, Score
from zist.core.filters import ZistFilterSet


class SchemeFilterSet(ZistFilterSet):
    search_fields = ("name", "code")

    class Meta:
        model = Scheme
        fields = ["unit"]


class CriterionFilterSet(ZistFilterSet):
    search_fields = ("code", "name")

    class Meta:
        model = Criterion
        fields = ["scheme", "kind"]


class RoundFilterSet(ZistFilterSet):
    search_fields = ("name",)

    class Meta:
        model = Round
        fields = ["scheme", "status"]


class ApplicationFilterSet(ZistFilterSet):
    search_fields = ("unit__name", "category", "evidence")

    class Meta:
        model = Application
        fields = ["round", "level"]


class ScoreFilterSet(ZistFilterSet):
    search_fields = ("note",)

    class Meta:
        model = Score
        fields = ["application", "criterion", "assessor", "consensus"]
