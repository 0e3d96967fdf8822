"""Management review (ISO 14001 clause 9.3; EMAS's annual environment meeting).

The inputs are compiled from every register that exists for the review's unit subtree
and period (`inputs.py`) and frozen into the minutes when the meeting is recorded; the
outputs are conclusions, decisions and actions (`zist.actions.Action`, kind
"decision", source the review).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel


class ReviewStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held: minutes recorded")


class ManagementReview(ZistModel):
    """A management review meeting for a unit's subtree and a period."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="management_reviews",
        verbose_name=_("unit"),
    )
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    meeting_date = models.DateField(_("meeting date"))
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_reviews",
        verbose_name=_("chair"),
    )
    participants = models.TextField(_("participants"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PLANNED
    )
    resources = models.TextField(
        _("adequacy of resources"),
        blank=True,
        help_text=_("Input: are people, budget and equipment enough for the system?"),
    )
    conclusions = models.TextField(
        _("conclusions"),
        blank=True,
        help_text=_("Is the system still suitable, adequate and effective?"),
    )
    decisions = models.TextField(
        _("decisions"),
        blank=True,
        help_text=_("Improvements, changes to the system, resources; follow them up as actions."),
    )
    inputs = models.JSONField(_("compiled inputs"), default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-meeting_date", "-pk"]
        verbose_name = _("management review")
        verbose_name_plural = _("management reviews")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})

    def actions(self):
        from zist.actions.models import Action

        if not self.pk:
            return Action.objects.none()
        return Action.objects.for_source(self)


def _inputs_text(value) -> str:
    from zist.reviews.inputs import history_text

    return history_text(value)


# History and detail pages read the compiled inputs in words, never as JSON.
ManagementReview._meta.get_field("inputs").display_text = _inputs_text
