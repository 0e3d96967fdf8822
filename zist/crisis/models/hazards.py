"""Hazards that threaten a city and the history of events that occurred."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import DeleteRefused, ZistModel


class HazardCategory(models.TextChoices):
    NATURAL = "natural", _("Natural")
    TECHNOLOGICAL = "technological", _("Technological")
    BIOLOGICAL = "biological", _("Biological")
    SOCIAL = "social", _("Social")
    ENVIRONMENTAL = "environmental", _("Environmental")


class HazardKind(models.TextChoices):
    EARTHQUAKE = "earthquake", _("Earthquake")
    FLOOD = "flood", _("Flood")
    DROUGHT = "drought", _("Drought")
    STORM = "storm", _("Storm")
    SNOW = "snow", _("Heavy snow and frost")
    LANDSLIDE = "landslide", _("Landslide or subsidence")
    FIRE = "fire", _("Urban fire")
    AIR_POLLUTION = "air_pollution", _("Air-pollution episode")
    INDUSTRIAL = "industrial", _("Industrial accident")
    HAZMAT = "hazmat", _("Hazardous-material release")
    UTILITY = "utility", _("Utility failure (gas, power, water)")
    TRANSPORT = "transport", _("Transport accident")
    BUILDING_COLLAPSE = "building_collapse", _("Building collapse")
    PANDEMIC = "pandemic", _("Pandemic or epidemic")
    UNREST = "unrest", _("Civil unrest")
    OTHER = "other", _("Other")


class Hazard(ZistModel):
    """A hazard type threatening an organisation's area (earthquake, flood…)."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="hazards", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=HazardCategory.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=HazardKind.choices)
    area = models.CharField(_("area"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("hazard")
        verbose_name_plural = _("hazards")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="crisis_hazard_unique_name",
                violation_error_message=_("This unit already has a hazard with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def delete(self, *args, **kwargs):
        # Sessions hold the group's judgement on this hazard: removing it would
        # silently rewrite their results, so the hazard must leave the sessions first.
        sessions = list(self.sessions.all())
        if sessions:
            raise DeleteRefused(self.in_use_message(sessions))
        return super().delete(*args, **kwargs)

    def in_use_message(self, sessions) -> str:
        """Why this hazard cannot be deleted, naming the sessions that use it."""
        return _(
            "The hazard “%(hazard)s” cannot be deleted: it is used in the risk assessment "
            "sessions %(sessions)s. Remove it from those sessions first."
        ) % {"hazard": self, "sessions": ", ".join(f"“{s}”" for s in sessions)}


class HazardEvent(ZistModel):
    """A crisis that occurred: when, where, how bad, and who reported it."""

    scope_field = "hazard__unit"

    hazard = models.ForeignKey(
        Hazard, models.PROTECT, related_name="events", verbose_name=_("hazard")
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    severity = models.PositiveSmallIntegerField(
        _("severity (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    deaths = models.PositiveIntegerField(_("deaths"), default=0)
    injured = models.PositiveIntegerField(_("injured"), default=0)
    displaced = models.PositiveIntegerField(_("displaced"), default=0)
    economic_loss = models.DecimalField(
        _("economic loss"), max_digits=20, decimal_places=0, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("hazard event")
        verbose_name_plural = _("hazard events")

    def __str__(self) -> str:
        return self.title
