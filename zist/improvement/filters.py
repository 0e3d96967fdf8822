from zist.core.filters import ZistFilterSet
from zist.improvement.models import Finding, Idea, Review, Step


class IdeaFilterSet(ZistFilterSet):
    search_fields = ("title", "description", "submitter_name")

    class Meta:
        model = Idea
        fields = ["unit", "source", "status", "submitted_by", "submitted_on"]


class ReviewFilterSet(ZistFilterSet):
    search_fields = ("title", "team", "description")

    class Meta:
        model = Review
        fields = ["unit", "held_on", "facilitator"]


class StepFilterSet(ZistFilterSet):
    search_fields = ("name", "resources")

    class Meta:
        model = Step
        fields = ["review"]


class FindingFilterSet(ZistFilterSet):
    search_fields = ("title", "resource", "root_cause", "improvement")

    class Meta:
        model = Finding
        fields = ["review", "step", "waste", "lane", "status", "indicator"]
