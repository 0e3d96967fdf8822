from zist.certification.models import Certificate, CertificationBody
from zist.core.forms import ZistModelForm


class CertificationBodyForm(ZistModelForm):
    class Meta:
        model = CertificationBody
        fields = ["unit", "name", "accreditation", "contact"]


class CertificateForm(ZistModelForm):
    class Meta:
        model = Certificate
        fields = [
            "unit",
            "body",
            "standard",
            "number",
            "scope",
            "first_certified",
            "decision_date",
            "issue_date",
            "expiry_date",
            "status",
        ]
