from zist.certification.models import Certificate, CertificationBody
from zist.core.tables import Table


class CertificationBodyTable(Table):
    model = CertificationBody
    columns = ["name", "accreditation", "unit"]


class CertificateTable(Table):
    model = Certificate
    columns = [
        "number",
        "standard",
        "unit",
        "body",
        "first_certified",
        "decision_date",
        "expiry_date",
        "status",
    ]
