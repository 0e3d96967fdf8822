from zist.core.tables import Column, Table
from zist.organisations.models import Organisation, Unit


class OrganisationTable(Table):
    model = Organisation
    columns = ["name", "kind", "language", "calendar", "time_zone"]


class UnitTable(Table):
    model = Unit
    columns = [
        Column("name", link=True, indent="level"),
        "code",
        "kind",
        "organisation",
        "leader",
        "representative",
        "archived",
    ]
    default_ordering = "path"
