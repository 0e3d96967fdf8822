from zist.certification.models import Certificate, CertificationBody
from zist.core.filters import ZistFilterSet


class CertificationBodyFilterSet(ZistFilterSet):
    search_fields = ("name", "accreditation")

    class Meta:
        model = CertificationBody
        fields = ["unit"]


class CertificateFilterSet(ZistFilterSet):
    search_fields = ("number", "scope")

    class Meta:
        model = Certificate
        fields = ["unit", "body", "standard", "status", "expiry_date"]
