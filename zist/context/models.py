"""The context of the organisation (ISO 14001 4.1–4.3): internal and external issues,
interested parties with their needs and expectations (some of which become compliance
obligations), and the scope statement of each certified unit, versioned."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel


class Origin(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    EXTERNAL = "external", _("External")


class IssueCategory(models.TextChoices):
    ENVIRONMENTAL = "environmental", _("Environmental conditions")
    LEGAL = "legal", _("Legal and regulatory")
    POLITICAL = "political", _("Political")
    ECONOMIC = "economic", _("Economic and financial")
    SOCIAL = "social", _("Social and cultural")
    TECHNOLOGICAL = "technological", _("Technological")
    ORGANISATIONAL = "organisational", _("Organisational and resources")
    OTHER = "other", _("Other")


class Effect(models.TextChoices):
    POSITIVE = "positive", _("Positive (opportunity)")
    NEGATIVE = "negative", _("Negative (threat)")
    BOTH = "both", _("Both")


class Issue(ZistModel):
    """An internal or external issue that affects the unit's ability to achieve the
    intended outcomes of its environmental management system."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="context_issues", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    origin = models.CharField(_("internal or external"), max_length=10, choices=Origin.choices)
    category = models.CharField(_("category"), max_length=20, choices=IssueCategory.choices)
    description = models.TextField(_("description"), blank=True)
    effect = models.CharField(
        _("effect"), max_length=10, choices=Effect.choices, default=Effect.NEGATIVE
    )
    effect_description = models.TextField(_("how it affects the system"), blank=True)
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)

    class Meta:
        ordering = ["unit__path", "origin", "title"]
        verbose_name = _("context issue")
        verbose_name_plural = _("context issues")

    def __str__(self) -> str:
        return self.title


class InterestedParty(ZistModel):
    """A person or organisation that can affect, be affected by, or perceive itself to
    be affected by the unit's decisions or activities."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="interested_parties",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    origin = models.CharField(_("internal or external"), max_length=10, choices=Origin.choices)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["unit__path", "name"]
        verbose_name = _("interested party")
        verbose_name_plural = _("interested parties")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="party_name_unique_in_unit",
                violation_error_message=_(
                    "This unit already has an interested party of this name."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Need(ZistModel):
    """A need or expectation of an interested party; the relevant ones are adopted as
    compliance obligations."""

    scope_field = "party__unit"

    party = models.ForeignKey(
        InterestedParty, models.CASCADE, related_name="needs", verbose_name=_("interested party")
    )
    description = models.TextField(_("need or expectation"))
    relevant = models.BooleanField(_("relevant to the system"), default=True)
    becomes_obligation = models.BooleanField(_("adopted as a compliance obligation"), default=False)
    obligation = models.ForeignKey(
        "obligations.Obligation",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("compliance obligation"),
    )

    class Meta:
        ordering = ["party", "pk"]
        verbose_name = _("need or expectation")
        verbose_name_plural = _("needs and expectations")

    def __str__(self) -> str:
        return f"{self.party}: {self.description[:80]}"

    def save(self, *args, **kwargs):
        # A need linked to an obligation has been adopted as one, whichever path saved it.
        if self.obligation_id:
            self.becomes_obligation = True
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.obligation_id:
            self.becomes_obligation = True
        if self.becomes_obligation and not self.relevant:
            raise ValidationError(
                {"relevant": _("A need adopted as a compliance obligation is relevant.")}
            )


class ScopeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CURRENT = "current", _("Current")
    SUPERSEDED = "superseded", _("Superseded")


class ScopeStatement(ZistModel):
    """The scope of the environmental management system of a certified unit (4.3):
    boundaries, activities, sites and exclusions. Each version is its own record; making
    one current supersedes the earlier current one."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="scope_statements",
        verbose_name=_("certified unit"),
    )
    version = models.PositiveSmallIntegerField(
        _("version"), blank=True, help_text=_("Leave empty for the next version.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ScopeStatus.choices, default=ScopeStatus.DRAFT
    )
    boundaries = models.TextField(_("boundaries"))
    activities = models.TextField(_("activities, products and services"))
    sites = models.TextField(_("sites"), blank=True)
    exclusions = models.TextField(_("exclusions"), blank=True)
    exclusion_justification = models.TextField(_("justification of exclusions"), blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    public = models.BooleanField(
        _("public"), default=False, help_text=_("Available to interested parties.")
    )

    class Meta:
        ordering = ["unit__path", "-version"]
        verbose_name = _("scope statement")
        verbose_name_plural = _("scope statements")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "version"],
                name="scope_version_unique_in_unit",
                violation_error_message=_(
                    "This unit already has a scope statement of this version."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · v{self.version}"

    def save(self, *args, **kwargs):
        # Left empty: the next version, whichever door saved it (`clean` sets it earlier
        # for forms, so that the unique version is checked with it).
        if not self.version and self.unit_id:
            self.version = next_version(self.unit_id)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if not self.version and self.unit_id:
            self.version = next_version(self.unit_id)
        if self.exclusions.strip() and not self.exclusion_justification.strip():
            raise ValidationError(
                {"exclusion_justification": _("Justify every exclusion from the scope.")}
            )


def next_version(unit_id: int) -> int:
    """The version number a new scope statement of the unit takes."""
    latest = ScopeStatement.objects.filter(unit_id=unit_id).aggregate(models.Max("version"))
    return (latest["version__max"] or 0) + 1
