from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zist.core.registry import DeleteRefused, Register, register
from zist.core.related import Related
from zist.organisations import services
from zist.organisations.api import UnitViewSet
from zist.organisations.filters import OrganisationFilterSet, UnitFilterSet
from zist.organisations.forms import OrganisationForm, UnitForm
from zist.organisations.models import Organisation, Unit
from zist.organisations.serializers import OrganisationSerializer, UnitSerializer
from zist.organisations.tables import OrganisationTable, UnitTable


@register
class OrganisationRegister(Register):
    model = Organisation
    form = OrganisationForm
    filterset = OrganisationFilterSet
    table = OrganisationTable
    serializer = OrganisationSerializer
    detail_template = "organisations/organisation_extra.html"

    @classmethod
    def save(cls, form, request):
        if form.instance.pk:
            return form.save()
        return services.create_organisation(**form.cleaned_data)

    @classmethod
    def api_save(cls, serializer, request):
        if serializer.instance is not None:
            return serializer.save()
        serializer.instance = services.create_organisation(**serializer.validated_data)
        return serializer.instance


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
    def save(cls, form, request):
        if form.instance.pk:
            return form.save()
        data = dict(form.cleaned_data)
        return services.create_unit(data.pop("parent"), **data)

    @classmethod
    def api_save(cls, serializer, request):
        if serializer.instance is not None:
            return serializer.save()
        data = dict(serializer.validated_data)
        data.pop("organisation", None)
        serializer.instance = services.create_unit(data.pop("parent"), **data)
        return serializer.instance

    @classmethod
    def delete(cls, obj, request) -> None:
        try:
            services.delete_unit(obj)
        except ValidationError as exc:
            raise DeleteRefused(" ".join(exc.messages)) from None
