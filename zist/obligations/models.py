"""Compliance obligations (ISO 14001 6.1.3) and their evaluation (9.1.2).

An obligation (a law, a regulation, a permit, a binding agreement, a voluntary
commitment) is held by a unit and may apply to further units. Compliance with it is
evaluated periodically; the next evaluation falls due `frequency_months` after the last
one, and the last result and next due date are kept on the obligation so that lists can
sort, filter and highlight overdue and non-compliant obligations cheaply.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core import calendars
from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet, subtree_q


class ObligationKind(models.TextChoices):
    LAW = "law", _("Law")
    REGULATION = "regulation", _("Regulation")
    PERMIT = "permit", _("Permit")
    AGREEMENT = "agreement", _("Binding agreement")
    VOLUNTARY = "voluntary", _("Voluntary commitment")
    OTHER = "other", _("Other requirement")


# Kinds imposed by law or by an authority: they make an aspect significant when a
# criteria set has the "applicable legal obligation" override rule.
LEGAL_KINDS = (ObligationKind.LAW, ObligationKind.REGULATION, ObligationKind.PERMIT)


class Result(models.TextChoices):
    COMPLIANT = "compliant", _("Compliant")
    PARTLY = "partly", _("Partly compliant")
    NOT_COMPLIANT = "not_compliant", _("Not compliant")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


# Results that call for a nonconformity (ISO 14001 10.2).
FAILING_RESULTS = (Result.PARTLY, Result.NOT_COMPLIANT)


class ObligationQuerySet(RestrictedQuerySet):
    def overdue(self, today: dt.date | None = None):
        return self.filter(active=True, next_evaluation_due__lt=today or timezone.localdate())

    def failing(self):
        return self.filter(active=True, last_result__in=FAILING_RESULTS)


class Obligation(ZistModel):
    """A requirement the organisation must or chooses to comply with."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="obligations", verbose_name=_("unit")
    )
    reference = models.CharField(
        _("reference"),
        max_length=100,
        help_text=_("Number or short citation, unique in the organisation, used by imports."),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=ObligationKind.choices)
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("Issuing authority or party.")
    )
    requirement = models.TextField(_("requirement"), blank=True)
    applies_to = models.ManyToManyField(
        "organisations.Unit",
        blank=True,
        related_name="applicable_obligations",
        verbose_name=_("applies to units"),
        help_text=_("Leave empty when it applies to the whole unit and its subunits."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="obligations",
        verbose_name=_("owner"),
    )
    frequency_months = models.PositiveSmallIntegerField(
        _("evaluation every (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    # Kept up to date by zist.obligations.services.refresh().
    last_evaluated_on = models.DateField(_("last evaluated on"), null=True, blank=True)
    last_result = models.CharField(
        _("last result"), max_length=20, choices=Result.choices, blank=True
    )
    next_evaluation_due = models.DateField(_("next evaluation due"), null=True, blank=True)

    objects = ObligationQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        verbose_name = _("compliance obligation")
        verbose_name_plural = _("compliance obligations")

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        # Units an obligation applies to may read it, not only the unit holding it.
        query = subtree_q("unit", paths)
        if action == "view":
            query |= Q(pk__in=cls.objects.filter(subtree_q("applies_to", paths)).values("pk"))
        return query

    def clean(self) -> None:
        if self.expires_on and self.valid_from and self.expires_on < self.valid_from:
            raise ValidationError({"expires_on": _("It cannot expire before it is in force.")})
        if self.unit_id and self.reference:
            clash = Obligation.objects.filter(
                unit__organisation_id=self.unit.organisation_id, reference__iexact=self.reference
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"reference": _("Another obligation of this organisation has this reference.")}
                )

    @property
    def is_legal(self) -> bool:
        return self.kind in LEGAL_KINDS

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.active
            and self.next_evaluation_due
            and self.next_evaluation_due < timezone.localdate()
        )

    @property
    def is_failing(self) -> bool:
        return self.active and self.last_result in FAILING_RESULTS

    @property
    def attention(self) -> str:
        """What the lists highlight: overdue, not compliant, expired."""
        notes = []
        if self.is_failing:
            notes.append(str(Result(self.last_result).label))
        if self.is_overdue:
            notes.append(str(_("Evaluation overdue")))
        if self.active and self.expires_on and self.expires_on < timezone.localdate():
            notes.append(str(_("Expired")))
        return "⚠ " + " · ".join(notes) if notes else ""


class ComplianceEvaluation(ZistModel):
    """One evaluation of compliance with an obligation, for one unit, with its result;
    evidence files are attached to it."""

    obligation = models.ForeignKey(
        Obligation,
        models.CASCADE,
        related_name="evaluations",
        verbose_name=_("compliance obligation"),
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="compliance_evaluations",
        verbose_name=_("unit"),
    )
    evaluated_on = models.DateField(_("evaluated on"))
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="compliance_evaluations",
        verbose_name=_("evaluator"),
    )
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-evaluated_on", "-pk"]
        # The list's default order, read from an index at any size (issue 18).
        indexes = [models.Index(fields=["-evaluated_on", "-id"], name="compliance_eval_list_order")]
        verbose_name = _("compliance evaluation")
        verbose_name_plural = _("compliance evaluations")

    def __str__(self) -> str:
        return f"{self.obligation.reference} · {calendars.format_date(self.evaluated_on)}"

    def clean(self) -> None:
        if self.evaluated_on and self.evaluated_on > timezone.localdate():
            raise ValidationError({"evaluated_on": _("An evaluation cannot be in the future.")})
        if self.obligation_id and self.unit_id:
            obligation = self.obligation
            allowed = [obligation.unit.path]
            allowed += list(obligation.applies_to.values_list("path", flat=True))
            if not any(self.unit.path.startswith(path) for path in allowed):
                raise ValidationError({"unit": _("The obligation does not apply to this unit.")})

    @property
    def is_failing(self) -> bool:
        return self.result in FAILING_RESULTS
