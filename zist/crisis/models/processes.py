"""Crisis management processes by phase, with their steps."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.crisis.models.sessions import ONE_TO_FIVE


class Phase(models.TextChoices):
    PREVENTION = "prevention", _("Prevention and mitigation")
    PREPAREDNESS = "preparedness", _("Preparedness")
    RESPONSE = "response", _("Response")
    RECOVERY = "recovery", _("Recovery")


class CriteriaScores(models.Model):
    """The four criteria of the master plan, each 1–5: speed of relief, flexibility,
    quality of service and efficient use of resources."""

    speed = models.PositiveSmallIntegerField(
        _("speed"), null=True, blank=True, validators=ONE_TO_FIVE
    )
    flexibility = models.PositiveSmallIntegerField(
        _("flexibility"), null=True, blank=True, validators=ONE_TO_FIVE
    )
    quality = models.PositiveSmallIntegerField(
        _("service quality"), null=True, blank=True, validators=ONE_TO_FIVE
    )
    efficiency = models.PositiveSmallIntegerField(
        _("resource efficiency"), null=True, blank=True, validators=ONE_TO_FIVE
    )

    CRITERIA = ("speed", "flexibility", "quality", "efficiency")

    class Meta:
        abstract = True

    def criteria_scores(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in self.CRITERIA}


class Process(CriteriaScores, ZistModel):
    """A crisis management process of one phase (e.g. "emergency sheltering")."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="crisis_processes",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    hazard = models.ForeignKey(
        "crisis.Hazard",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="processes",
        verbose_name=_("hazard"),
        help_text=_("Empty for every hazard."),
    )
    owner_post = models.ForeignKey(
        "crisis.Post",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="processes",
        verbose_name=_("process owner"),
    )
    purpose = models.TextField(_("purpose"), blank=True)

    class Meta:
        ordering = ["phase", "name"]
        verbose_name = _("process")
        verbose_name_plural = _("processes")

    def __str__(self) -> str:
        return self.name

    def target_minutes(self) -> int:
        return sum(step.target_minutes or 0 for step in self.steps.all())


class ProcessStep(ZistModel):
    """One step: who does it, with what, producing what, within how long."""

    str_select_related = ("process",)

    scope_field = "process__unit"

    process = models.ForeignKey(
        Process, models.CASCADE, related_name="steps", verbose_name=_("process")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("name"), max_length=200)
    post = models.ForeignKey(
        "crisis.Post",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="steps",
        verbose_name=_("responsible post"),
    )
    inputs = models.TextField(_("inputs"), blank=True)
    outputs = models.TextField(_("outputs"), blank=True)
    target_minutes = models.PositiveIntegerField(
        _("target time (minutes)"), null=True, blank=True, validators=[MaxValueValidator(525600)]
    )
    resources = models.TextField(_("resources"), blank=True)

    class Meta:
        ordering = ["process", "order", "pk"]
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")

    def __str__(self) -> str:
        return f"{self.process} · {self.order}. {self.name}"
