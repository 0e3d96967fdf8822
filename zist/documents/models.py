"""Controlled documents (ISO 14001 clause 7.5): policy, manual, procedures, work
instructions, forms, local handbooks and plans, each with numbered versions that go
through review, approval and publication, and read acknowledgements.

The workflow itself lives in `zist.documents.services`; the models hold the state and
refuse edits that would change an approved text.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zist.attachments.validation import check_upload
from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet, subtree_q
from zist.documents import extraction


class DocumentType(models.TextChoices):
    POLICY = "policy", _("Policy")
    MANUAL = "manual", _("Manual")
    PROCEDURE = "procedure", _("Procedure")
    WORK_INSTRUCTION = "work_instruction", _("Work instruction")
    FORM = "form", _("Form")
    LOCAL_HANDBOOK = "local_handbook", _("Local handbook")
    PLAN = "plan", _("Plan")
    OTHER = "other", _("Other")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Versions whose text is frozen: once approved, only the workflow moves them on.
FROZEN_STATUSES = (
    VersionStatus.APPROVED,
    VersionStatus.PUBLISHED,
    VersionStatus.SUPERSEDED,
    VersionStatus.WITHDRAWN,
)


def ancestor_paths(paths: list[str], steplen: int = 4) -> list[str]:
    """Every path on the way from the root to each of `paths` (themselves included)."""
    found = set()
    for path in paths:
        for end in range(steplen, len(path) + 1, steplen):
            found.add(path[:end])
    return sorted(found)


def applicable_q(prefix: str, paths: list[str]) -> Q:
    """Documents that apply to a unit in or above the subtrees at `paths`: a document
    applicable to Region 2 applies to each of its districts, and is shown to them."""
    field = f"{prefix}applicable_units"
    return subtree_q(field, paths) | Q(**{f"{field}__path__in": ancestor_paths(paths)})


class Document(ZistModel):
    """A controlled document owned by a unit, applicable to some units."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="documents",
        verbose_name=_("owning unit"),
    )
    code = models.CharField(
        _("number"), max_length=50, help_text=_("Document number or code, e.g. EP-PR-04.")
    )
    title = models.CharField(_("title"), max_length=300)
    doc_type = models.CharField(
        _("document type"),
        max_length=20,
        choices=DocumentType.choices,
        default=DocumentType.PROCEDURE,
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_documents",
        verbose_name=_("owner"),
    )
    applicable_units = models.ManyToManyField(
        "organisations.Unit",
        blank=True,
        related_name="applicable_documents",
        verbose_name=_("applicable units"),
        help_text=_("The document applies to these units and everything under them."),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    public = models.BooleanField(
        _("public"), default=False, help_text=_("Citizens may read the published version.")
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), default=12
    )
    next_review = models.DateField(_("next review"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["code"]
        # The list's default order, read from an index at any size (issue 18).
        indexes = [models.Index(fields=["code"], name="document_list_order")]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "code"],
                name="document_code_unique_in_unit",
                violation_error_message=_("Another document of this unit has this number."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        query = subtree_q("unit", paths)
        if action == "view":
            query |= Q(pk__in=Document.objects.filter(applicable_q("", paths)).values("pk"))
        return query

    @property
    def published_version(self) -> DocumentVersion | None:
        return self.versions.filter(status=VersionStatus.PUBLISHED).first()


class ApprovalRoute(ZistModel):
    """Who reviews and who approves documents of one type owned by a unit's subtree.

    Approving always needs the `approve` permission; when a route names an approver,
    only that person may approve.
    """

    str_select_related = ("unit",)

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="document_routes",
        verbose_name=_("unit"),
    )
    doc_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices)
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="document_reviews",
        verbose_name=_("reviewers"),
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="document_approvals",
        verbose_name=_("approver"),
    )

    class Meta:
        ordering = ["unit__path", "doc_type"]
        verbose_name = _("approval route")
        verbose_name_plural = _("approval routes")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "doc_type"],
                name="approval_route_unique_per_type",
                violation_error_message=_("This unit already has a route for this type."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.get_doc_type_display()}"


def version_upload_to(instance, filename: str) -> str:
    # A random name: the original name is kept in `file_name`, never used as a path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"documents/{uuid.uuid4().hex}.{extension}"


def validate_upload(value) -> None:
    """Check a newly uploaded file by its content (size, type); stored files pass."""
    if value and not getattr(value, "_committed", True):
        check_upload(value)


class VersionQuerySet(RestrictedQuerySet):
    def published(self):
        return self.filter(status=VersionStatus.PUBLISHED)


class DocumentVersion(ZistModel):
    """One numbered version of a document: its text and/or file, why it changed, and
    where it stands in the workflow (who submitted, approved and published it, when)."""

    scope_field = "document__unit"
    str_select_related = ("document",)
    # Derived from the file, which history keeps: a copy in every history row would
    # only repeat it.
    history_excluded_fields = ("file_text",)

    document = models.ForeignKey(
        Document, models.PROTECT, related_name="versions", verbose_name=_("document")
    )
    number = models.PositiveSmallIntegerField(_("version"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    content = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Plain text. A line starting with # is a heading, with - a list item; "
            "**words** are bold; an empty line starts a new paragraph."
        ),
    )
    file = models.FileField(
        _("file"),
        upload_to=version_upload_to,
        max_length=300,
        blank=True,
        validators=[validate_upload],
        help_text=_("Optional, e.g. the signed PDF or the DOCX original."),
    )
    file_name = models.CharField(_("file name"), max_length=200, blank=True, editable=False)
    # Read from the uploaded file when the version has no typed text, only so that the
    # search finds it (zist.documents.extraction); never shown or edited.
    file_text = models.TextField(_("text of the file"), blank=True, editable=False)
    change_summary = models.TextField(_("change summary"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    retired_at = models.DateTimeField(_("superseded or withdrawn at"), null=True, blank=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["document__code", "-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(status="published"),
                name="one_published_version_per_document",
                violation_error_message=_("This document already has a published version."),
            ),
            models.UniqueConstraint(
                fields=["document", "number"],
                name="document_version_number_unique",
                violation_error_message=_("This document already has a version with this number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.code} v{self.number or '?'}"

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        query = subtree_q("document__unit", paths)
        if action == "view":
            # The units a document applies to read its published version.
            applicable = Document.objects.filter(applicable_q("", paths)).values("pk")
            query |= Q(status=VersionStatus.PUBLISHED, document__in=applicable)
        return query

    def clean(self) -> None:
        if self.pk:
            stored = DocumentVersion._base_manager.filter(pk=self.pk).first()
            if stored is not None and stored.status != VersionStatus.DRAFT:
                changed = [
                    name
                    for name in ("document_id", "content", "file", "change_summary", "number")
                    if getattr(stored, name) != getattr(self, name)
                ]
                if changed:
                    raise ValidationError(
                        _("Only a draft can be changed; start a new version instead.")
                    )
        if self.number is None and self.document_id:
            last = (
                DocumentVersion._base_manager.filter(document_id=self.document_id)
                .aggregate(models.Max("number"))
                .get("number__max")
            )
            self.number = (last or 0) + 1

    def save(self, *args, **kwargs):
        if self.number is None and self.document_id:
            self.clean()
        uploaded = bool(self.file) and not getattr(self.file, "_committed", True)
        if uploaded:
            self.file_name = self.file.name.rsplit("/", 1)[-1][:200]
        self._refresh_file_text(uploaded)
        super().save(*args, **kwargs)

    def _refresh_file_text(self, uploaded: bool) -> None:
        """Search reads the file only when nobody typed the text: a typed text is the
        version's own words, the file then usually its signed copy."""
        if self.content.strip() or not self.file:
            self.file_text = ""
        elif uploaded or (not self.file_text and self.status == VersionStatus.DRAFT):
            # A draft whose typed text was cleared: its file is the text again. Only
            # drafts change, so an unreadable file is not read again at every step.
            self.file_text = extraction.extract_text(self.file, self.file_name or self.file.name)

    @property
    def is_frozen(self) -> bool:
        return self.status in FROZEN_STATUSES


class Acknowledgement(ZistModel):
    """A user's confirmation that they have read a published version."""

    scope_field = "version__document__unit"

    version = models.ForeignKey(
        DocumentVersion,
        models.CASCADE,
        related_name="acknowledgements",
        verbose_name=_("document version"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="document_acknowledgements",
        verbose_name=_("user"),
    )
    read_at = models.DateTimeField(_("read at"), auto_now_add=True)

    class Meta:
        ordering = ["-read_at"]
        verbose_name = _("read acknowledgement")
        verbose_name_plural = _("read acknowledgements")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "user"],
                name="acknowledgement_once_per_version",
                violation_error_message=_("You have already confirmed reading this version."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.version}"


class ReviewOutcome(models.TextChoices):
    AGREE = "agree", _("Agree")
    CHANGES = "changes", _("Changes needed")


class Review(ZistModel):
    """A reviewer's opinion of a version under review (one per reviewer and version;
    a later opinion replaces the earlier one)."""

    scope_field = "version__document__unit"

    version = models.ForeignKey(
        DocumentVersion, models.CASCADE, related_name="reviews", verbose_name=_("document version")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="document_reviews_given",
        verbose_name=_("reviewer"),
    )
    outcome = models.CharField(_("opinion"), max_length=10, choices=ReviewOutcome.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "reviewer"],
                name="review_once_per_reviewer",
                violation_error_message=_("This reviewer has already reviewed this version."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.version}"
