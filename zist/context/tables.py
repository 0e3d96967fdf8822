from zist.context.models import InterestedParty, Issue, Need, ScopeStatement
from zist.core.tables import Column, Table


class IssueTable(Table):
    model = Issue
    columns = ["title", "origin", "category", "effect", "unit", "reviewed_on"]


class InterestedPartyTable(Table):
    model = InterestedParty
    columns = ["name", "origin", "unit"]


class NeedTable(Table):
    model = Need
    columns = [
        Column("description", link=True),
        "party",
        "relevant",
        "becomes_obligation",
        "obligation",
    ]


class ScopeStatementTable(Table):
    model = ScopeStatement
    columns = [Column("unit", link=True), "version", "status", "effective_from", "public"]
