from django.utils.translation import gettext_lazy as _

from zist.certification.filters import CertificateFilterSet, CertificationBodyFilterSet
from zist.certification.forms import CertificateForm, CertificationBodyForm
from zist.certification.models import Certificate, CertificationBody
from zist.certification.serializers import CertificateSerializer
from zist.certification.tables import CertificateTable, CertificationBodyTable
from zist.core.registry import Register, register
from zist.core.related import Related


@register
class CertificationBodyRegister(Register):
    model = CertificationBody
    form = CertificationBodyForm
    filterset = CertificationBodyFilterSet
    table = CertificationBodyTable
    menu_group = "check"
    slug = "bodies"
    natural_key = ("unit", "name")


@register
class CertificateRegister(Register):
    model = Certificate
    form = CertificateForm
    filterset = CertificateFilterSet
    table = CertificateTable
    serializer = CertificateSerializer
    menu_group = "check"
    detail_template = "certification/certificate_extra.html"
    related = [
        Related(
            "external_audits",
            model="audits.Audit",
            query=lambda certificate: certificate.external_audits(),
            label=_("External audits of this unit since the decision"),
            columns=("title", "kind", "start_date", "status"),
        )
    ]
    natural_key = ("body", "number")

    @classmethod
    def find_existing(cls, data: dict, user):
        # A certificate may have no body, and a row without one updates the body-less
        # certificate with its number; a natural key needs every field filled.
        number = str(data.get("number") or "").strip()
        if data.get("body") in (None, "") and number:
            queryset = Certificate.objects.restrict(user, "change")
            return queryset.filter(body__isnull=True, number=number).first()
        return super().find_existing(data, user)
