"""Audit programmes, audits, their checklists and findings (ISO 14001 clause 9.2 and
the certification body's audits).

An audit hangs on a unit (`unit`) and covers scope units inside it; its checklist is
generated from the clauses in its scope; findings graded major or minor become
`Nonconformity` records followed through `zist.nonconformities`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet


class AuditProgramme(ZistModel):
    """The year's plan of audits over a unit's subtree (usually the organisation or a
    region), with its objectives."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="audit_programmes",
        verbose_name=_("unit"),
    )
    year = models.PositiveSmallIntegerField(
        _("reporting year"), help_text=_("As the organisation counts it, e.g. 1404 or 2025.")
    )
    title = models.CharField(_("title"), max_length=200)
    objectives = models.TextField(_("objectives"), blank=True)

    class Meta:
        ordering = ["-year", "unit__path"]
        verbose_name = _("audit programme")
        verbose_name_plural = _("audit programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"],
                name="audit_programme_unique_per_year",
                violation_error_message=_("This unit already has a programme for this year."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class AuditKind(models.TextChoices):
    INTERNAL = "internal", _("Internal audit")
    STAGE1 = "stage1", _("External: stage 1")
    STAGE2 = "stage2", _("External: stage 2")
    SURVEILLANCE = "surveillance", _("External: surveillance")
    RECERTIFICATION = "recertification", _("External: recertification")
    EMAS = "emas", _("EMAS verification")


EXTERNAL_KINDS = frozenset(k for k in AuditKind if k != AuditKind.INTERNAL)


class AuditStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class AuditQuerySet(RestrictedQuerySet):
    def done(self):
        return self.filter(status=AuditStatus.COMPLETED)


class Audit(ZistModel):
    """One audit: scope (units and clauses), criteria, team, dates and its outcome."""

    programme = models.ForeignKey(
        AuditProgramme,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="audits",
        verbose_name=_("programme"),
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="audits",
        verbose_name=_("audited unit"),
        help_text=_("The unit whose subtree the audit covers; scope units lie inside it."),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("type"), max_length=20, choices=AuditKind.choices, default=AuditKind.INTERNAL
    )
    scope_units = models.ManyToManyField(
        "organisations.Unit",
        related_name="audits_in_scope",
        blank=True,
        verbose_name=_("units in scope"),
        help_text=_("Empty: the audited unit alone."),
    )
    clauses = models.ManyToManyField(
        "clauses.Clause", related_name="audits", blank=True, verbose_name=_("clauses in scope")
    )
    criteria = models.TextField(
        _("criteria"), blank=True, help_text=_("Standards, obligations and procedures.")
    )
    lead_auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_audits",
        verbose_name=_("lead auditor"),
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="audits", blank=True, verbose_name=_("audit team")
    )
    external_auditors = models.CharField(
        _("external auditors"),
        max_length=300,
        blank=True,
        help_text=_("Names of a certification body's auditors without a Zist account."),
    )
    auditees = models.TextField(_("auditees"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AuditStatus.choices, default=AuditStatus.PLANNED
    )
    summary = models.TextField(_("summary"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("audit")
        verbose_name_plural = _("audits")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The audit cannot end before it starts.")})
        if (
            self.programme_id
            and self.unit_id
            and not self.unit.path.startswith(self.programme.unit.path)
        ):
            raise ValidationError({"unit": _("The audited unit lies outside the programme.")})

    @property
    def is_external(self) -> bool:
        return self.kind in EXTERNAL_KINDS

    def audited_units(self):
        """The units in scope; the audited unit itself when none are named."""
        from zist.organisations.models import Unit

        if self.pk and self.scope_units.exists():
            return self.scope_units.all()
        return Unit.objects.filter(pk=self.unit_id)


class ChecklistResult(models.TextChoices):
    OPEN = "", _("Not checked yet")
    CONFORMS = "conforms", _("Conforms")
    NONCONFORMS = "nonconforms", _("Does not conform")
    OBSERVATION = "observation", _("Observation")
    NOT_APPLICABLE = "na", _("Not applicable")


class ChecklistItem(ZistModel):
    """One question of an audit's checklist, with the auditor's result and notes;
    evidence files are attached to the item."""

    scope_field = "audit__unit"
    str_select_related = ("clause__library",)

    audit = models.ForeignKey(
        Audit, models.CASCADE, related_name="checklist", verbose_name=_("audit")
    )
    clause = models.ForeignKey(
        "clauses.Clause",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("clause"),
    )
    question = models.TextField(_("question"))
    position = models.PositiveIntegerField(_("position"), default=0)
    result = models.CharField(
        _("result"), max_length=20, choices=ChecklistResult.choices, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["audit", "position", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        number = self.clause.display_number if self.clause_id else ""
        return f"{number} {self.display_question[:80]}".strip()

    @classmethod
    def history_text(cls, record, name: str, value) -> str | None:
        """A built-in library's question in history, translated as on the page."""
        if name == "question" and value and record.clause_id:
            from zist.clauses.models import Clause

            clause = Clause.objects.filter(pk=record.clause_id, library__builtin=True).first()
            if clause is not None:
                # As on the page: a question copied unchanged reads as its clause's,
                # whose translations travel in the library's data file (decision 0023).
                if value == clause.question:
                    return clause.display_question
                return gettext(value)
        return None

    @property
    def display_question(self) -> str:
        """The question in the reader's language: a built-in library's question is
        stored as its English source and translated when shown (an item generated
        while a Persian page was served must not show Persian to a Danish reader)."""
        if self.clause_id and self.clause.library.builtin:
            # Built-in libraries carry their translations in their data files
            # (decision 0023); a question copied unchanged reads as its clause's.
            if self.question == self.clause.question:
                return self.clause.display_question
            return gettext(self.question)
        return self.question


class FindingGrade(models.TextChoices):
    MAJOR = "major", _("Major nonconformity")
    MINOR = "minor", _("Minor nonconformity")
    OBSERVATION = "observation", _("Observation")
    OPPORTUNITY = "opportunity", _("Opportunity for improvement")


NONCONFORMITY_GRADES = frozenset({FindingGrade.MAJOR, FindingGrade.MINOR})


class Finding(ZistModel):
    """What an audit found, tied to a clause and a unit. Major and minor
    nonconformities are followed up as `Nonconformity` records."""

    audit = models.ForeignKey(
        Audit, models.CASCADE, related_name="findings", verbose_name=_("audit")
    )
    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="audit_findings", verbose_name=_("unit")
    )
    clause = models.ForeignKey(
        "clauses.Clause",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name=_("clause"),
    )
    grade = models.CharField(_("grade"), max_length=20, choices=FindingGrade.choices)
    statement = models.TextField(_("statement"))
    evidence = models.TextField(_("objective evidence"), blank=True)
    nonconformity = models.OneToOneField(
        "nonconformities.Nonconformity",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="audit_finding",
        verbose_name=_("nonconformity"),
    )
    checklist_item = models.ForeignKey(
        ChecklistItem,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="findings",
        verbose_name=_("checklist answer"),
        help_text=_("The answer of the checklist the finding was raised from."),
    )

    class Meta:
        ordering = ["audit", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.get_grade_display()}: {self.statement[:80]}"

    def clean(self) -> None:
        if self.audit_id and self.unit_id:
            audited = list(self.audit.audited_units())
            if not any(self.unit.path.startswith(u.path) for u in audited):
                raise ValidationError({"unit": _("This unit is not in the audit's scope.")})
