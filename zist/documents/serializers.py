from zist.core.api import ZistModelSerializer
from zist.documents.models import DocumentVersion


class DocumentVersionSerializer(ZistModelSerializer):
    """The workflow fields are read-only: they change only through the workflow
    endpoints (`submit`, `approve`, `publish`, `withdraw`, `return`)."""

    class Meta:
        model = DocumentVersion
        fields = [
            "id",
            "display",
            "document",
            "number",
            "status",
            "content",
            "file",
            "file_name",
            "change_summary",
            "submitted_by",
            "submitted_at",
            "approved_by",
            "approved_at",
            "published_by",
            "published_at",
            "retired_at",
            "created",
            "last_updated",
        ]
        read_only_fields = [
            "number",
            "status",
            "file_name",
            "submitted_by",
            "submitted_at",
            "approved_by",
            "approved_at",
            "published_by",
            "published_at",
            "retired_at",
        ]
