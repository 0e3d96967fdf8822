from zist.core.forms import ZistModelForm
from zist.documents.models import ApprovalRoute, Document, DocumentVersion


class DocumentForm(ZistModelForm):
    class Meta:
        model = Document
        fields = [
            "unit",
            "code",
            "title",
            "doc_type",
            "owner",
            "applicable_units",
            "language",
            "public",
            "review_interval_months",
            "next_review",
            "description",
        ]


class DocumentVersionForm(ZistModelForm):
    """Only the text of a draft is edited here; the workflow buttons move it on."""

    class Meta:
        model = DocumentVersion
        fields = ["document", "content", "file", "change_summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Readers of a document (its applicable units) do not write its versions.
        self.fields["document"].queryset = Document.objects.restrict(self.user, "change")


class ApprovalRouteForm(ZistModelForm):
    class Meta:
        model = ApprovalRoute
        fields = ["unit", "doc_type", "reviewers", "approver"]
