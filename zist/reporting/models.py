"""Regulatory reporting: a regulator's programmes, the organisations it invites and the
figures they submit.

Privacy is in the scope rules below. A programme and everything in its template hang
on the regulator's unit tree; a submission hangs on the submitting organisation's
unit AND is seen (never changed) by the regulator's people through its programme. A
regulator's reviewer therefore reaches an organisation's submission and nothing else of
it: no grant on the organisation's tree, so no aspect, reading or document.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zist.core import calendars
from zist.core.models import ZistModel
from zist.core.querysets import submitted_q, subtree_q
from zist.indicators import quantities


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for submissions")
    CLOSED = "closed", _("Closed")


class Programme(ZistModel):
    """A reporting programme of a regulator: which KPIs, for which period, from whom,
    by when ("Industrial environmental KPIs 1404")."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="reporting_programmes",
        verbose_name=_("regulator"),
        help_text=_("The regulator's unit that runs the programme and reviews submissions."),
    )
    code = models.SlugField(_("code"), max_length=50, allow_unicode=True)
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("reporting year"), help_text=_("In the regulator's calendar, e.g. 1404 or 2025.")
    )
    period_start = models.DateField(_("period start"), editable=False, null=True)
    period_end = models.DateField(
        _("period end"), editable=False, null=True, help_text=_("The day after the period.")
    )
    due_date = models.DateField(_("due date"))
    reference_name = models.CharField(
        _("reference quantity"),
        max_length=100,
        help_text=_(
            "What figures are divided by to compare like with like: tonnes of product, floor area, employees."
        ),
    )
    reference_unit = models.CharField(
        _("unit of the reference quantity"),
        max_length=40,
        validators=[quantities.validate_unit],
        help_text=_("e.g. t, m², person"),
    )
    change_threshold = models.DecimalField(
        _("change that needs a comment (%)"),
        max_digits=6,
        decimal_places=2,
        default=30,
        help_text=_("A figure that changed more than this against last year asks for a comment."),
    )
    previous = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_programmes",
        verbose_name=_("previous programme"),
        help_text=_("Last year's programme: figures are compared with it."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    description = models.TextField(_("description"), blank=True)

    str_select_related = ()

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("reporting programme")
        verbose_name_plural = _("reporting programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "code"],
                name="reporting_programme_code_unique",
                violation_error_message=_("This regulator already has a programme with this code."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        own = subtree_q("unit", paths)
        if action != "view":
            return own
        # Invited organisations see the programme they report to.
        invited = Submission._base_manager.filter(subtree_q("unit", paths)).values("programme")
        return own | Q(pk__in=invited)

    def clean(self) -> None:
        if self.unit_id is None or self.year is None:
            return
        organisation = self.unit.organisation
        try:
            period = calendars.reporting_year_by_label(
                int(self.year),
                organisation.calendar,
                organisation.year_start_month,
                organisation.year_start_day,
            )
        except (ValueError, OverflowError):
            raise ValidationError(
                {"year": _("This year does not exist in the regulator's calendar.")}
            ) from None
        self.period_start, self.period_end = period.start, period.end
        if self.previous_id and self.previous_id == self.pk:
            raise ValidationError({"previous": _("A programme cannot follow itself.")})

    def save(self, *args, **kwargs):
        if self.period_start is None and self.unit_id and self.year:
            self.clean()
        super().save(*args, **kwargs)


class ProgrammePart(ZistModel):
    """Something that belongs to a programme's template: seen wherever the programme
    is, changed only by the regulator."""

    scope_field = "programme__unit"
    str_select_related = ("programme",)

    class Meta:
        abstract = True

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        return Q(
            programme__in=Programme._base_manager.filter(Programme.scope_q(paths, action)).values(
                "pk"
            )
        )


class Sector(ProgrammePart):
    """A sector of a programme (ISIC/NACE-like code): organisations are compared only
    with the others of their sector."""

    programme = models.ForeignKey(
        Programme, models.CASCADE, related_name="sectors", verbose_name=_("programme")
    )
    code = models.CharField(_("code"), max_length=20, help_text=_("e.g. ISIC 2394 (cement)"))
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["programme", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "code"],
                name="reporting_sector_code_unique",
                violation_error_message=_("This programme already has a sector with this code."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Direction(models.TextChoices):
    LOWER = "lower", _("Lower is better")
    HIGHER = "higher", _("Higher is better")


class Kpi(ProgrammePart):
    """One line of a programme's KPI template: what is asked, in which unit, within
    which range, and whether it is divided by the reference quantity."""

    programme = models.ForeignKey(
        Programme, models.CASCADE, related_name="kpis", verbose_name=_("programme")
    )
    code = models.CharField(
        _("code"),
        max_length=40,
        help_text=_(
            "Filling from an organisation's own indicators uses the indicator with this code."
        ),
    )
    name = models.CharField(_("name"), max_length=200)
    measure_unit = models.CharField(
        _("unit of measure"), max_length=40, validators=[quantities.validate_unit]
    )
    required = models.BooleanField(_("required"), default=True)
    minimum = models.DecimalField(
        _("lowest plausible value"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    maximum = models.DecimalField(
        _("highest plausible value"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    normalised = models.BooleanField(
        _("divided by the reference quantity"),
        default=True,
        help_text=_("Compared per unit of the programme's reference quantity (per t of product)."),
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.LOWER
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "code"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "code"],
                name="reporting_kpi_code_unique",
                violation_error_message=_("This programme already has a KPI with this code."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.measure_unit})"

    def clean(self) -> None:
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError({"maximum": _("The highest value is below the lowest.")})


class SubmissionStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    ACCEPTED = "accepted", _("Accepted")


# The organisation may change its figures only in these states.
EDITABLE = (SubmissionStatus.INVITED, SubmissionStatus.RETURNED)
NOT_EDITABLE = _("This submission is with the regulator: its figures can no longer be changed.")


BY_INVITATION = _(
    "A submission is created by the regulator's invitation to a programme, not added here."
)


class Submission(ZistModel):
    """One organisation's report to one programme: created by the regulator's
    invitation, filled and submitted by the organisation, accepted or returned by the
    regulator's reviewer."""

    programme = models.ForeignKey(
        Programme, models.PROTECT, related_name="submissions", verbose_name=_("programme")
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="reporting_submissions",
        verbose_name=_("organisation"),
        help_text=_("The reporting organisation's unit (usually its whole organisation)."),
    )
    sector = models.ForeignKey(
        Sector, models.PROTECT, related_name="submissions", verbose_name=_("sector")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.INVITED,
    )
    reference_value = models.DecimalField(
        _("reference quantity"),
        max_digits=20,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("In the programme's reference unit, e.g. tonnes of product in the year."),
    )
    comment = models.TextField(_("organisation's comment"), blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        # The regulator's reviewer, not the documents app's proof-reader ("reviewer"
        # there): Danish and Finnish say them differently.
        verbose_name=pgettext_lazy("regulator", "reviewer"),
    )

    str_select_related = ("programme", "unit")

    class Meta:
        ordering = ["programme", "unit__name"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "unit"],
                name="reporting_one_submission_per_unit",
                violation_error_message=_("This organisation already reports to this programme."),
            ),
            models.CheckConstraint(
                condition=Q(reference_value__isnull=True) | Q(reference_value__gt=0),
                name="reporting_reference_positive",
                violation_error_message=_("The reference quantity must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.programme}"

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        return submitted_q("unit", "programme__unit", paths, action, model=cls)

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE

    def clean(self) -> None:
        if self.pk is None and not (self.programme_id and self.unit_id and self.sector_id):
            # The add page (open to a superuser) has none of them: refuse, never a 500.
            raise ValidationError(BY_INVITATION)
        if self.sector_id and self.programme_id and self.sector.programme_id != self.programme_id:
            raise ValidationError({"sector": _("This sector belongs to another programme.")})
        if self.pk:
            stored = (
                Submission._base_manager.filter(pk=self.pk).values_list("status", flat=True).first()
            )
            if stored is not None and stored not in EDITABLE and stored == self.status:
                raise ValidationError(NOT_EDITABLE)


class Figure(ZistModel):
    """One submitted figure, in the KPI's unit, with where it came from."""

    submission = models.ForeignKey(
        Submission, models.CASCADE, related_name="figures", verbose_name=_("submission")
    )
    kpi = models.ForeignKey(Kpi, models.PROTECT, related_name="figures", verbose_name=_("KPI"))
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=6)
    entered_value = models.DecimalField(
        _("value as entered"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    entered_unit = models.CharField(
        _("unit as entered"), max_length=40, blank=True, validators=[quantities.validate_unit]
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_indicator = models.ForeignKey(
        "indicators.Indicator",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source indicator"),
    )
    change_comment = models.TextField(_("comment on the change against last year"), blank=True)
    outlier_reason = models.CharField(_("outlier"), max_length=300, blank=True, editable=False)

    scope_field = "submission__unit"
    str_select_related = ("kpi", "submission__unit")

    class Meta:
        ordering = ["submission", "kpi__order", "kpi__code"]
        verbose_name = _("submitted figure")
        verbose_name_plural = _("submitted figures")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "kpi"],
                name="reporting_one_figure_per_kpi",
                violation_error_message=_("This submission already has a figure for this KPI."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kpi.name}: {self.submission.unit}"

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        return Q(
            submission__in=Submission._base_manager.filter(
                Submission.scope_q(paths, action)
            ).values("pk")
        )

    def clean(self) -> None:
        if (
            self.kpi_id
            and self.submission_id
            and self.kpi.programme_id != self.submission.programme_id
        ):
            raise ValidationError({"kpi": _("This KPI belongs to another programme.")})
        if self.submission_id and self.submission.status not in EDITABLE:
            raise ValidationError(NOT_EDITABLE)
