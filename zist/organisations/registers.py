from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zist.core.registry import DeleteRefused, Register, register
from zist.core.related import Related
from zist.organisations import services
from zist.organisations.api import UnitViewSet
from zist.organisations.filters import OrganisationFilterSet, UnitFilterSet
from zist.organisations.forms import OrganisationForm, UnitForm
from zist.organisations.models import Organisation, Unit
from zist.organisations.serializers import UnitSerializer
from zist.organisations.tables import OrganisationTable, UnitTable


@register
class OrganisationRegister(Register):
    model = Organisation
    form = OrganisationForm
    filterset = OrganisationFilterSet
    table = OrganisationTable
    detail_template = "organisations/organisation_extra.html"

    @classmethod
    def saved(cls, obj, before, request):
        # A new organisation starts as its root unit (the whole organisation).
        if before is None:
            services.add_root_unit(obj)
        return obj


@register
class UnitRegister(Register):
    model = Unit
    form = UnitForm
    filterset = UnitFilterSet
    table = UnitTable
    serializer = UnitSerializer
    detail_fields = [
        "organisation",
        "parent",
        "name",
        "code",
        "kind",
        "leader",
        "representative",
        "description",
        "archived",
    ]
    detail_template = "organisations/unit_extra.html"
    related = [
        Related(
            "children",
            model="organisations.Unit",
            query=lambda unit: type(unit).objects.filter(
                path__startswith=unit.path, depth=unit.depth + 1
            ),
            label=_("Subunits"),
            columns=("name", "code", "kind", "archived"),
            limit=50,
        )
    ]
    viewset = UnitViewSet

    @classmethod
    def write(cls, obj, before, request, many):
        # A new unit is a node of its organisation's tree: treebeard places it.
        if before is None:
            return services.create_unit(obj.parent, instance=obj)
        return super().write(obj, before, request, many)

    @classmethod
    def delete(cls, obj, request) -> None:
        try:
            services.delete_unit(obj)
        except ValidationError as exc:
            raise DeleteRefused(" ".join(exc.messages)) from None
