"""Risks and opportunities (ISO 14001 6.1.1, 6.1.4) on the organisation's own
likelihood × consequence matrix, with treatment actions and a residual rating.

A matrix is data held on a unit (usually the organisation's root) and serves the
unit's subtree: its size, the labels of its levels and its bands with their colours.
Level labels left empty fall back to translated standard labels; an organisation that
writes its own writes them in its language, like the rest of its register.

Changing a matrix's size or bands rates every risk on it again (services.py); a matrix
cannot shrink below a level its risks use, before or after treatment.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.risks import rating

STANDARD_LIKELIHOOD = [_("Rare"), _("Unlikely"), _("Possible"), _("Likely"), _("Almost certain")]
STANDARD_CONSEQUENCE = [
    _("Insignificant"),
    _("Minor"),
    _("Moderate"),
    _("Major"),
    _("Catastrophic"),
]


def _labels(text: str, size: int, standard: list) -> list[str]:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) == size:
        return lines
    if size == len(standard):
        return [str(label) for label in standard]
    return [str(n) for n in range(1, size + 1)]


class RiskMatrix(ZistModel):
    """A likelihood × consequence matrix of an organisation or a subtree."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="environmental_risk_matrices",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    likelihood_levels = models.PositiveSmallIntegerField(
        _("likelihood levels"), default=5, validators=[MinValueValidator(2), MaxValueValidator(10)]
    )
    consequence_levels = models.PositiveSmallIntegerField(
        _("consequence levels"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
    )
    likelihood_labels = models.TextField(
        _("likelihood labels"),
        blank=True,
        help_text=_("One per line, lowest first; leave empty for the standard labels."),
    )
    consequence_labels = models.TextField(
        _("consequence labels"),
        blank=True,
        help_text=_("One per line, lowest first; leave empty for the standard labels."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("risk matrix")
        verbose_name_plural = _("risk matrices")

    def __str__(self) -> str:
        return self.name

    def likelihood_names(self) -> list[str]:
        return _labels(self.likelihood_labels, self.likelihood_levels, STANDARD_LIKELIHOOD)

    def consequence_names(self) -> list[str]:
        return _labels(self.consequence_labels, self.consequence_levels, STANDARD_CONSEQUENCE)

    def plain_bands(self) -> list[rating.Band]:
        # bands.all(): served from a prefetch when re-rating many risks at once.
        return [rating.Band(str(b.pk), b.minimum) for b in self.bands.all()]

    def clean(self) -> None:
        from zist.risks.services import lost_levels

        errors = {}
        for field, size in (
            ("likelihood_labels", self.likelihood_levels),
            ("consequence_labels", self.consequence_levels),
        ):
            lines = [line for line in getattr(self, field).splitlines() if line.strip()]
            if lines and len(lines) != size:
                errors[field] = _("Give one label per level, or none.")
        errors.update(lost_levels(self))
        if errors:
            raise ValidationError(errors)


class BandLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    VERY_HIGH = "very_high", _("Very high")
    EXTREME = "extreme", _("Extreme")


class RiskBand(ZistModel):
    """A band of ratings on a matrix (low, medium, high…) with its colour."""

    scope_field = "matrix__unit"

    matrix = models.ForeignKey(
        RiskMatrix, models.CASCADE, related_name="bands", verbose_name=_("risk matrix")
    )
    level = models.CharField(_("level"), max_length=12, choices=BandLevel.choices)
    name = models.CharField(
        _("own name"), max_length=100, blank=True, help_text=_("Leave empty for the level's name.")
    )
    minimum = models.PositiveSmallIntegerField(_("from rating"))
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#2e7d4f",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #rrggbb."))],
    )

    class Meta:
        ordering = ["matrix", "minimum"]
        verbose_name = _("risk band")
        verbose_name_plural = _("risk bands")
        constraints = [
            models.UniqueConstraint(
                fields=["matrix", "minimum"],
                name="band_minimum_unique_in_matrix",
                violation_error_message=_("Another band of this matrix starts at this rating."),
            )
        ]

    def __str__(self) -> str:
        return self.name or str(self.get_level_display())


class RiskKind(models.TextChoices):
    RISK = "risk", _("Risk")
    OPPORTUNITY = "opportunity", _("Opportunity")


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    TREATING = "treating", _("Being treated")
    ACCEPTED = "accepted", _("Accepted")
    CLOSED = "closed", _("Closed")


class Risk(ZistModel):
    """A risk or opportunity with its rating before and after treatment."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="risks", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=12, choices=RiskKind.choices, default=RiskKind.RISK
    )
    description = models.TextField(_("description"), blank=True)
    issue = models.ForeignKey(
        "context.Issue",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("context issue"),
    )
    party = models.ForeignKey(
        "context.InterestedParty",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("interested party"),
    )
    aspect = models.ForeignKey(
        "aspects.Aspect",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("environmental aspect"),
    )
    obligation = models.ForeignKey(
        "obligations.Obligation",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("compliance obligation"),
    )
    matrix = models.ForeignKey(
        RiskMatrix,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("risk matrix"),
        help_text=_("Leave empty to use the matrix of the unit or its parents."),
    )
    likelihood = models.PositiveSmallIntegerField(
        _("likelihood"), validators=[MinValueValidator(1)]
    )
    consequence = models.PositiveSmallIntegerField(
        _("consequence"), validators=[MinValueValidator(1)]
    )
    rating = models.PositiveSmallIntegerField(_("rating"), editable=False, default=0)
    band = models.ForeignKey(
        RiskBand,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("band"),
    )
    residual_likelihood = models.PositiveSmallIntegerField(
        _("residual likelihood"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    residual_consequence = models.PositiveSmallIntegerField(
        _("residual consequence"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    residual_rating = models.PositiveSmallIntegerField(
        _("residual rating"), null=True, blank=True, editable=False
    )
    residual_band = models.ForeignKey(
        RiskBand,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("residual band"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RiskStatus.choices, default=RiskStatus.OPEN
    )
    review_on = models.DateField(_("next review"), null=True, blank=True)

    class Meta:
        ordering = ["-rating", "title"]
        verbose_name = _("risk or opportunity")
        verbose_name_plural = _("risks and opportunities")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # The ratings and bands are derived data: whichever path saves a risk (page,
        # API, import, demo, re-rating after its matrix changed) stores them consistently.
        from zist.risks.services import apply_rating

        apply_rating(self)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from zist.risks.services import matrix_for

        if not self.unit_id:
            return
        if self.matrix_id is None:
            self.matrix = matrix_for(self.unit)
        elif not self.unit.path.startswith(self.matrix.unit.path):
            raise ValidationError(
                {"matrix": _("Choose a matrix of this unit or one of its parents.")}
            )
        if self.matrix is None:
            raise ValidationError({"matrix": _("No risk matrix covers this unit yet.")})
        if (self.residual_likelihood is None) != (self.residual_consequence is None):
            raise ValidationError(
                _("Give both the residual likelihood and the residual consequence, or neither.")
            )
        for field in ("likelihood", "residual_likelihood"):
            value = getattr(self, field)
            if value is not None and value > self.matrix.likelihood_levels:
                raise ValidationError(
                    {
                        field: _("The matrix has %(n)s likelihood levels.")
                        % {"n": self.matrix.likelihood_levels}
                    }
                )
        for field in ("consequence", "residual_consequence"):
            value = getattr(self, field)
            if value is not None and value > self.matrix.consequence_levels:
                raise ValidationError(
                    {
                        field: _("The matrix has %(n)s consequence levels.")
                        % {"n": self.matrix.consequence_levels}
                    }
                )
