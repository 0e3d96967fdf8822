import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core.filters import ZistFilterSet
from zist.documents.models import ApprovalRoute, Document, DocumentVersion
from zist.documents.search import readable_versions, search_documents


class DocumentFilterSet(ZistFilterSet):
    """`q` searches numbers, titles, descriptions and the text of the versions the user
    may read (typed or read from their file): ranked full-text search plus "contains"
    on PostgreSQL, "contains" alone on SQLite (zist.documents.search)."""

    search_fields = ("code", "title", "description")
    review_due = django_filters.BooleanFilter(method="filter_review_due", label=_("Review due"))

    class Meta:
        model = Document
        fields = ["unit", "doc_type", "owner", "language", "public", "next_review"]

    def search(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        return search_documents(queryset, value, readable_versions(user), fields=self.search_fields)

    def filter_review_due(self, queryset, name, value):
        if value is None:
            return queryset
        due = Q(next_review__lte=timezone.localdate())
        return queryset.filter(due) if value else queryset.exclude(due)


class DocumentVersionFilterSet(ZistFilterSet):
    search_fields = ("document__code", "document__title", "content", "change_summary")

    class Meta:
        model = DocumentVersion
        fields = ["document", "status", "approved_by"]


class ApprovalRouteFilterSet(ZistFilterSet):
    search_fields = ("unit__name",)

    class Meta:
        model = ApprovalRoute
        fields = ["unit", "doc_type", "approver"]
