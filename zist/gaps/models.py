"""Gap assessments: a unit (with its subtree) assessed against a requirement library
at a date, one answer per requirement, each answer with links to its evidence."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core import calendars
from zist.core.models import ZistModel


class Status(models.TextChoices):
    NOT_ASSESSED = "", _("Not assessed")
    CONFORMS = "conforms", _("Conforms")
    PARTLY = "partly", _("Partly")
    GAP = "gap", _("Gap")
    NOT_APPLICABLE = "na", _("Not applicable")


class Assessment(ZistModel):
    """A unit and its subtree assessed against one version of a requirement library."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="gap_assessments", verbose_name=_("unit")
    )
    library = models.ForeignKey(
        "clauses.Library",
        models.PROTECT,
        related_name="assessments",
        verbose_name=_("requirement library"),
    )
    title = models.CharField(_("title"), max_length=200)
    assessed_on = models.DateField(_("assessed on"))
    period_start = models.DateField(
        _("evidence period from"),
        null=True,
        blank=True,
        help_text=_("Records dated from here to the assessment date are suggested as evidence."),
    )
    based_on = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("starts from"),
        help_text=_("An earlier assessment whose answers of unchanged requirements are kept."),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-assessed_on", "title"]
        verbose_name = _("gap assessment")
        verbose_name_plural = _("gap assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "title"],
                name="assessment_title_unique_in_unit",
                violation_error_message=_("This unit already has an assessment with this title."),
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_start__lte=models.F("assessed_on")),
                name="assessment_period_before_date",
                violation_error_message=_("The evidence period must start before the assessment."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Answer(ZistModel):
    """The assessment of one requirement: its status, maturity, notes and evidence."""

    scope_field = "assessment__unit"
    str_select_related = ("requirement__library",)

    assessment = models.ForeignKey(
        Assessment, models.CASCADE, related_name="answers", verbose_name=_("assessment")
    )
    requirement = models.ForeignKey(
        "clauses.Clause", models.PROTECT, related_name="gap_answers", verbose_name=_("requirement")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default="", blank=True
    )
    maturity = models.PositiveSmallIntegerField(_("maturity"), null=True, blank=True)
    reason = models.TextField(_("reason it does not apply"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["assessment", "requirement__sort_key"]
        verbose_name = _("assessment answer")
        verbose_name_plural = _("assessment answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "requirement"],
                name="answer_unique_per_requirement",
                violation_error_message=_("This requirement is already answered here."),
            )
        ]

    def __str__(self) -> str:
        return str(self.requirement)

    def clean(self) -> None:
        errors = {}
        if self.status == Status.NOT_APPLICABLE and not self.reason.strip():
            errors["reason"] = _("Say why the requirement does not apply.")
        if self.requirement_id and self.assessment_id:
            if self.requirement.library_id != self.assessment.library_id:
                errors["requirement"] = _("The requirement is not in the assessment's library.")
            levels = self.assessment.library.maturity_levels
            if self.maturity is not None and not 1 <= self.maturity <= max(levels, 0):
                errors["maturity"] = (
                    _("Maturity goes from 1 to %(levels)s.") % {"levels": levels}
                    if levels
                    else _("This library scores no maturity.")
                )
        if errors:
            raise ValidationError(errors)


class EvidenceLink(ZistModel):
    """An answer's evidence: any record of any register. Shown only to readers who may
    see the record itself (services.visible_evidence)."""

    scope_field = "answer__assessment__unit"
    str_select_related = ("answer__requirement__library",)

    answer = models.ForeignKey(
        Answer, models.CASCADE, related_name="evidence", verbose_name=_("answer")
    )
    target_type = models.ForeignKey(
        ContentType, models.PROTECT, related_name="+", verbose_name=_("record type")
    )
    target_id = models.PositiveBigIntegerField(_("record"))
    target = GenericForeignKey("target_type", "target_id")
    suggested = models.BooleanField(
        _("found automatically"), default=False, help_text=_("Linked from a suggestion.")
    )

    class Meta:
        ordering = ["answer", "target_type", "target_id"]
        verbose_name = _("evidence link")
        verbose_name_plural = _("evidence links")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "target_type", "target_id"],
                name="evidence_link_unique",
                violation_error_message=_("This record is already linked as evidence."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.answer} ← {self.target_type.name} {calendars.localize_digits(str(self.target_id))}"


class PackPurpose(models.TextChoices):
    SURVEILLANCE = "surveillance", _("Surveillance audit")
    RECERTIFICATION = "recertification", _("Recertification audit")


class PackState(models.TextChoices):
    BUILDING = "building", _("Being built")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


def pack_upload_to(instance, filename: str) -> str:
    # The stored name is random: a pack's file is reached through its record only.
    return f"gaps/packs/{uuid.uuid4().hex}.zip"


class Pack(ZistModel):
    """The evidence pack of an assessment for a certification audit: an index (HTML and
    PDF) of every requirement with its status and evidence, and a ZIP of the evidence
    files and exports of the linked records, each with its SHA-256. Built in the
    background with the permissions of the person who asked (zist/gaps/pack.py,
    decision 0025) and kept as it was built."""

    scope_field = "assessment__unit"
    str_select_related = ("assessment",)
    # The stored name is random and says nothing to a reader; the SHA-256 names the file.
    # `held` lists what the ZIP holds, for the download check; the counts say it in words.
    history_excluded_fields = ("file", "held")

    assessment = models.ForeignKey(
        Assessment, models.PROTECT, related_name="packs", verbose_name=_("assessment")
    )
    audit = models.ForeignKey(
        "audits.Audit",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind__in": ["surveillance", "recertification"]},
        verbose_name=_("for the audit"),
        help_text=_("The certification body's audit the pack is prepared for."),
    )
    purpose = models.CharField(
        _("kind of audit"),
        max_length=20,
        choices=PackPurpose.choices,
        default=PackPurpose.SURVEILLANCE,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("asked for by"),
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=PackState.choices,
        default=PackState.BUILDING,
        editable=False,
    )
    built_at = models.DateTimeField(_("built at"), null=True, blank=True, editable=False)
    file = models.FileField(
        _("ZIP file"), upload_to=pack_upload_to, max_length=300, blank=True, editable=False
    )
    sha256 = models.CharField(_("SHA-256 of the ZIP"), max_length=64, blank=True, editable=False)
    requirements = models.PositiveIntegerField(_("requirements"), default=0, editable=False)
    records = models.PositiveIntegerField(_("records"), default=0, editable=False)
    files = models.PositiveIntegerField(_("evidence files"), default=0, editable=False)
    error = models.TextField(_("error"), blank=True, editable=False)
    notes = models.TextField(_("notes"), blank=True)
    # {"app.model": [pk, …]} of every record and evidence file in the ZIP: someone other
    # than the person who asked may download it only while they may see all of them.
    held = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("evidence pack")
        verbose_name_plural = _("evidence packs")

    def __str__(self) -> str:
        return _("Evidence pack %(number)s: %(assessment)s") % {
            "number": calendars.localize_digits(str(self.pk or "")),
            "assessment": self.assessment,
        }

    def clean(self) -> None:
        if self.audit_id and self.audit.kind in PackPurpose.values:
            self.purpose = self.audit.kind
