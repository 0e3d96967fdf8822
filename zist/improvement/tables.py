from zist.core.tables import Table
from zist.improvement.models import Finding, Idea, Review, Step


class IdeaTable(Table):
    model = Idea
    columns = ["title", "unit", "source", "submitted_on", "status"]


class ReviewTable(Table):
    model = Review
    columns = ["title", "unit", "held_on", "facilitator"]


class StepTable(Table):
    model = Step
    columns = ["order", "name", "review", "processing_minutes", "waiting_minutes", "resources"]


class FindingTable(Table):
    model = Finding
    columns = [
        "title",
        "review",
        "step",
        "waste",
        "lane",
        "saving_money",
        "saving_kwh",
        "saving_tco2e",
        "status",
        "verified_saving",
    ]
