from zist.core.tables import Column, Table
from zist.organisations.models import Organisation, Unit


class OrganisationTable(Table):
    model = Organisation
    columns = ["name", "kind", "language", "calendar", "time_zone"]


class UnitTable(Table):
    model = Unit
    columns = [
        Column("indented_name", verbose_name=None, orderable=False, link=True),
        "code",
        "kind",
        "organisation",
        "leader",
        "representative",
        "archived",
    ]
    default_ordering = "path"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.text import capfirst

        self.columns_[0].verbose_name = capfirst(Unit._meta.get_field("name").verbose_name)
