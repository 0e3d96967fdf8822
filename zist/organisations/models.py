"""Organisations and their unit trees."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from zist.core import calendars
from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet, subtree_q

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    COMPANY = "company", _("Company")
    REGULATOR = "regulator", _("Regulator")
    OTHER = "other", _("Other")


class Organisation(ZistModel):
    """A municipality, company or regulator: the owner of one unit tree and of the
    settings its people work with (language, calendar, reporting year, time zone)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.MUNICIPALITY,
    )
    language = models.CharField(
        _("default language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    calendar = models.CharField(
        _("calendar"),
        max_length=10,
        choices=calendars.CALENDAR_CHOICES,
        default=calendars.GREGORIAN,
    )
    year_start_month = models.PositiveSmallIntegerField(
        _("reporting year starts in month"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("In the organisation's calendar: 1 = Farvardin or January."),
    )
    year_start_day = models.PositiveSmallIntegerField(
        _("reporting year starts on day"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=TIME_ZONE_CHOICES, default="UTC"
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="EUR",
        help_text=_("ISO 4217 code, e.g. IRR, DKK, EUR."),
    )
    description = models.TextField(_("description"), blank=True)
    # Printed in the running header of every PDF and shown on the environmental
    # statement and the public portal; a small PNG or JPEG (see the form's limits).
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"])],
        help_text=_("PNG or JPEG, at most 1 MB; shown on the statement and printed on PDFs."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        # Anyone with a role inside the organisation sees it; only grants on its root
        # unit may change its settings.
        if action == "view":
            inside = Unit.objects.filter(subtree_q("", paths)).values("organisation")
            return Q(pk__in=inside)
        return Q(pk__in=Unit.objects.filter(depth=1, path__in=paths).values("organisation"))

    def clean(self) -> None:
        try:
            if self.calendar == calendars.JALALI:
                calendars.from_jalali(1403, self.year_start_month, self.year_start_day)
            else:
                calendars.reporting_year_by_label(
                    2023, self.calendar, self.year_start_month, self.year_start_day
                )
        except ValueError:
            raise ValidationError(
                {"year_start_day": _("This day does not exist in that month.")}
            ) from None

    @property
    def root_unit(self) -> Unit | None:
        return self.units.filter(depth=1).first()

    def reporting_year(self, value) -> calendars.ReportingYear:
        return calendars.reporting_year(
            value, self.calendar, self.year_start_month, self.year_start_day
        )


class UnitKind(models.TextChoices):
    ORGANISATION = "organisation", _("Whole organisation")
    REGION = "region", _("Region")
    DISTRICT = "district", _("District")
    DEPARTMENT = "department", _("Department")
    OFFICE = "office", _("Office")
    WORKPLACE = "workplace", _("Workplace")
    SITE = "site", _("Site")
    OTHER = "other", _("Other")


class UnitQuerySet(MP_NodeQuerySet, RestrictedQuerySet):
    def active(self) -> UnitQuerySet:
        return self.filter(archived=False)


class UnitManager(MP_NodeManager):
    def get_queryset(self) -> UnitQuerySet:
        return UnitQuerySet(self.model, using=self._db).order_by("path")

    def restrict(self, user, action: str = "view") -> UnitQuerySet:
        return self.get_queryset().restrict(user, action)


class Unit(MP_Node, ZistModel):
    """A node of an organisation's tree (region, district, department, workplace, site).

    Roles are granted on units and cover their subtree. Units are moved and archived
    through `zist.organisations.services`, never deleted while they hold data.
    """

    scope_field = ""
    # No automatic ordering: with it, treebeard renumbers every later sibling (for roots,
    # every unit of every later organisation) on each insert. Children keep the order
    # they were added in; lists sort by name on request.
    node_order_by: list[str] = []
    steplen = 4

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="units", verbose_name=_("organisation")
    )
    # Kept in step with the tree by the services so that history shows moves readably.
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(
        _("code"),
        max_length=50,
        allow_unicode=True,
        help_text=_("Short identifier, unique in the organisation, used by imports."),
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=UnitKind.choices, default=UnitKind.DEPARTMENT
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_units",
        verbose_name=_("leader"),
    )
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="represented_units",
        verbose_name=_("environmental representative"),
    )
    description = models.TextField(_("description"), blank=True)
    archived = models.BooleanField(_("archived"), default=False)

    objects = UnitManager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"],
                name="unit_code_unique_in_organisation",
                violation_error_message=_("Another unit of this organisation has this code."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # The tree fields belong to treebeard, which rewrites them with raw SQL on moves:
        # never write back a stale copy held in memory.
        if self.pk and not kwargs.get("update_fields"):
            current = Unit.objects.filter(pk=self.pk).values("path", "depth", "numchild").first()
            if current:
                self.path, self.depth, self.numchild = (
                    current["path"],
                    current["depth"],
                    current["numchild"],
                )
        super().save(*args, **kwargs)

    @property
    def indented_name(self) -> str:
        """The name indented by its level, for plain-text choice lists."""
        return "\u2003" * self.level + self.name

    @property
    def level(self) -> int:
        """Nesting below the organisation's root (0 for the root)."""
        return self.depth - 1
