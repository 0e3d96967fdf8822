import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core.filters import ZistFilterSet
from zist.documents.models import ApprovalRoute, Document, DocumentVersion


class DocumentFilterSet(ZistFilterSet):
    """`q` searches numbers, titles and the text of every version (icontains: the same
    on SQLite and PostgreSQL, in Persian script as in Latin)."""

    search_fields = ("code", "title", "description", "versions__content", "versions__file_name")
    review_due = django_filters.BooleanFilter(method="filter_review_due", label=_("Review due"))

    class Meta:
        model = Document
        fields = ["unit", "doc_type", "owner", "language", "public", "next_review"]

    def search(self, queryset, name, value):
        # A document matches once even if several of its versions do.
        return super().search(queryset, name, value).distinct()

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
