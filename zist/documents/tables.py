from zist.core.tables import Table
from zist.documents.models import ApprovalRoute, Document, DocumentVersion


class DocumentTable(Table):
    model = Document
    columns = ["code", "title", "doc_type", "unit", "owner", "language", "public", "next_review"]


class DocumentVersionTable(Table):
    model = DocumentVersion
    columns = [
        "document",
        "number",
        "status",
        "change_summary",
        "approved_by",
        "approved_at",
        "published_at",
    ]


class ApprovalRouteTable(Table):
    model = ApprovalRoute
    columns = ["unit", "doc_type", "reviewers", "approver"]
