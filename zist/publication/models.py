"""What an organisation publishes: the annual environmental statement (EMAS Annex IV)
with its frozen figures, and the themes of its green accounts and environment flower.

A statement goes draft → validated (by the verifier, an external auditor, with a signed
declaration) → published. Publishing stores every compiled figure in `snapshot`, so a
later correction of a reading does not change what was published; a correction is a
new version of the statement (`previous`), published in its turn, showing the
difference from the version it replaces.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    VALIDATED = "validated", _("Validated by the verifier")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Replaced by a corrected version")


class Statement(ZistModel):
    """The environmental statement of a unit subtree (usually a whole organisation) for
    one reporting year: the texts people write, the verifier's validation, and after
    publication the frozen compilation of the registers."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="statements",
        verbose_name=_("organisation or unit"),
        help_text=_("The statement covers this unit and every unit below it."),
    )
    year = models.PositiveSmallIntegerField(
        _("reporting year"), validators=[MinValueValidator(1300)]
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1, editable=False)
    previous = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="corrections",
        verbose_name=_("corrects version"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatementStatus.choices,
        default=StatementStatus.DRAFT,
        editable=False,
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    # (a) The organisation.
    activities = models.TextField(_("activities, products and services"), blank=True)
    parent_organisation = models.CharField(_("parent organisation"), max_length=300, blank=True)
    registration = models.TextField(
        _("registration scope"),
        blank=True,
        help_text=_("EMAS registration number and what the registration covers."),
    )
    # (b) Policy and governance.
    governance = models.TextField(_("governance structure"), blank=True)
    # (c) How significance was determined, beyond the criteria sets compiled.
    significance_method = models.TextField(
        _("how significance was determined"),
        blank=True,
        help_text=_("Shown with the criteria sets and thresholds read from the aspects."),
    )
    # (e) Actions planned that are not (yet) recorded as actions.
    planned_actions = models.TextField(_("actions planned"), blank=True)
    # (f) Indicators left out.
    omissions = models.TextField(
        _("indicators left out, and why"),
        blank=True,
        help_text=_("One line per area: e.g. “material: no material flows are recorded”."),
    )
    site_notes = models.TextField(
        _("sites without evident improvement, and why"),
        blank=True,
    )
    # (g) Legal compliance.
    compliance_statement = models.TextField(_("statement on legal compliance"), blank=True)
    # (h) The verifier.
    verifier_name = models.CharField(_("verifier"), max_length=200, blank=True)
    verifier_accreditation = models.CharField(
        _("verifier's accreditation number"), max_length=100, blank=True
    )
    next_statement_on = models.DateField(_("next statement due"), null=True, blank=True)
    validated_on = models.DateField(_("validated on"), null=True, blank=True, editable=False)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("validated by"),
    )
    declaration = models.TextField(_("verifier's declaration"), blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("published by"),
    )
    change_note = models.TextField(
        _("what this version corrects"), blank=True, help_text=_("For a corrected version.")
    )
    snapshot = models.JSONField(_("published figures"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["unit__path", "-year", "-version"]
        verbose_name = _("environmental statement")
        verbose_name_plural = _("environmental statements")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "version"],
                name="publication_statement_unique_version",
                violation_error_message=_(
                    "This unit already has a statement of this version for this year."
                ),
            )
        ]

    str_select_related = ("unit",)

    def __str__(self) -> str:
        from zist.core.calendars import localize_digits

        text = f"{self.unit.name} · {localize_digits(str(self.year))}"
        return f"{text} · v{localize_digits(str(self.version))}" if self.version > 1 else text

    @property
    def is_published(self) -> bool:
        return self.status in (StatementStatus.PUBLISHED, StatementStatus.SUPERSEDED)

    @property
    def locked(self) -> bool:
        """Validated or published: its form refuses every change (clean), so its page
        offers no Edit; a published one offers a corrected version instead."""
        return self.status != StatementStatus.DRAFT

    def clean(self) -> None:
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored in (StatementStatus.PUBLISHED, StatementStatus.SUPERSEDED):
                raise ValidationError(
                    _("A published statement cannot be changed; make a corrected version.")
                )
            if stored == StatementStatus.VALIDATED:
                raise ValidationError(
                    _("The verifier has validated this statement; it cannot be changed now.")
                )

    def save(self, *args, **kwargs):
        if self.version == 1 and self.previous_id:
            self.version = self.previous.version + 1
        super().save(*args, **kwargs)


class Status(models.TextChoices):
    BETTER = "better", _("Better")
    UNCHANGED = "unchanged", _("Unchanged")
    WORSE = "worse", _("Worse")


class Theme(ZistModel):
    """A theme of the green accounts and a petal of the environment flower (heat,
    electricity, water, waste, transport, nature, purchasing, CO₂, communication and
    environmental education…), as the organisation names them. Its status compares the
    headline indicator with the year before against the thresholds, in the indicator's
    better direction; a theme without figures takes the status someone gives it."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="themes",
        verbose_name=_("organisation or unit"),
    )
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    name_fa = models.CharField(_("name in Persian"), max_length=100, blank=True)
    name_da = models.CharField(_("name in Danish"), max_length=100, blank=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    headline = models.ForeignKey(
        "indicators.Indicator",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("headline indicator"),
        help_text=_("The figure whose change gives the petal its colour."),
    )
    indicators = models.ManyToManyField(
        "indicators.Indicator",
        blank=True,
        related_name="themes",
        verbose_name=_("indicators shown under the theme"),
    )
    goal = models.TextField(_("local goal"), blank=True)
    better_percent = models.DecimalField(
        _("better from (%)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(2),
        validators=[MinValueValidator(0)],
        help_text=_("An improvement of at least this much on the year before is “better”."),
    )
    worse_percent = models.DecimalField(
        _("worse from (%)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(2),
        validators=[MinValueValidator(0)],
        help_text=_("A deterioration of at least this much on the year before is “worse”."),
    )
    manual_status = models.CharField(
        _("status without figures"),
        max_length=12,
        choices=Status.choices,
        blank=True,
        help_text=_("For a theme without a headline indicator (e.g. communication)."),
    )
    includes = models.CharField(
        _("what the total includes"),
        max_length=300,
        blank=True,
        help_text=_("e.g. the municipality's own buildings, or the whole area it supplies."),
    )

    class Meta:
        ordering = ["unit__path", "order", "key"]
        verbose_name = _("green-accounts theme")
        verbose_name_plural = _("green-accounts themes")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "key"],
                name="publication_theme_unique_key",
                violation_error_message=_("This unit already has a theme with this key."),
            )
        ]

    str_select_related = ()

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        language = (translation.get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name

    def status_for(self, change: Decimal | None, direction: str) -> str:
        """better / unchanged / worse for a change in percent on the year before."""
        if change is None:
            return self.manual_status or ""
        gain = -change if direction == "lower" else change
        if gain >= self.better_percent:
            return Status.BETTER
        if -gain >= self.worse_percent:
            return Status.WORSE
        return Status.UNCHANGED


def _snapshot_text(value) -> str:
    from zist.core.display import EMPTY
    from zist.core.numbers import format_number

    if not value:
        return EMPTY
    return _("Figures frozen on publishing (%(count)s sections); the statement shows them.") % {
        "count": format_number(len(value))
    }


# History and detail pages name the frozen figures, never print them as JSON: they are
# read on the statement itself.
Statement._meta.get_field("snapshot").display_text = _snapshot_text
