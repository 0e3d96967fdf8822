from django import forms
from django.utils.translation import gettext_lazy as _

from zist.core.forms import ZistModelForm
from zist.documents.models import ApprovalRoute, Document, DocumentVersion, ReviewOutcome


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = getattr(self.user, "organisation", None)
        if not self.instance.pk and organisation is not None:
            # Documents are written in the organisation's language unless said otherwise.
            self.fields["language"].initial = organisation.language


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


class ReviewForm(forms.Form):
    """A reviewer's opinion of a version under review."""

    outcome = forms.ChoiceField(label=_("Opinion"), choices=ReviewOutcome.choices)
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea, required=False)
