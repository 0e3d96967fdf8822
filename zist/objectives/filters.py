from zist.core.filters import ZistFilterSet
from zist.objectives.models import Objective, Programme


class ObjectiveFilterSet(ZistFilterSet):
    search_fields = ("code", "statement")

    class Meta:
        model = Objective
        fields = ["unit", "scope", "owner", "indicator", "deadline"]


class ProgrammeFilterSet(ZistFilterSet):
    search_fields = ("name", "description")

    class Meta:
        model = Programme
        fields = ["unit", "status", "owner", "objectives"]
