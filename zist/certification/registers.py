from zist.certification.filters import CertificateFilterSet, CertificationBodyFilterSet
from zist.certification.forms import CertificateForm, CertificationBodyForm
from zist.certification.models import Certificate, CertificationBody
from zist.certification.serializers import CertificateSerializer, CertificationBodySerializer
from zist.certification.tables import CertificateTable, CertificationBodyTable
from zist.core.registry import Register, register


@register
class CertificationBodyRegister(Register):
    model = CertificationBody
    form = CertificationBodyForm
    filterset = CertificationBodyFilterSet
    table = CertificationBodyTable
    serializer = CertificationBodySerializer
    menu_group = "check"
    slug = "bodies"

    @classmethod
    def find_existing(cls, data: dict, user):
        if not data.get("unit") or not data.get("name"):
            return None
        queryset = CertificationBody.objects.restrict(user, "change")
        return queryset.filter(unit=data["unit"], name=data["name"]).first()


@register
class CertificateRegister(Register):
    model = Certificate
    form = CertificateForm
    filterset = CertificateFilterSet
    table = CertificateTable
    serializer = CertificateSerializer
    menu_group = "check"
    detail_template = "certification/certificate_extra.html"

    @classmethod
    def find_existing(cls, data: dict, user):
        if not data.get("number"):
            return None
        queryset = Certificate.objects.restrict(user, "change")
        return queryset.filter(body=data.get("body"), number=data["number"]).first()
