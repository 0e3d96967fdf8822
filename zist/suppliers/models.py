"""Contractors and suppliers (ISO 14001 clause 8.1): the environmental requirements
each must meet, the significant aspects their work affects, their trained staff, and
periodic evaluations."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import format_date
from zist.core.models import ZistModel


class SupplierKind(models.TextChoices):
    CONTRACTOR = "contractor", _("Contractor")
    SUPPLIER = "supplier", _("Supplier")
    SERVICE = "service", _("Service provider")


class SupplierStatus(models.TextChoices):
    NEW = "new", _("Not yet evaluated")
    APPROVED = "approved", _("Approved")
    CONDITIONAL = "conditional", _("Approved with conditions")
    SUSPENDED = "suspended", _("Suspended")


class Supplier(ZistModel):
    """A contractor or supplier whose work or products affect the environment."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="suppliers",
        verbose_name=_("contracting unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SupplierKind.choices, default=SupplierKind.CONTRACTOR
    )
    services = models.TextField(_("work or products"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    environmental_requirements = models.TextField(
        _("environmental requirements"),
        blank=True,
        help_text=_("What they must meet: contract clauses, permits, training, waste handling."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SupplierStatus.choices, default=SupplierStatus.NEW
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contract manager"),
    )
    aspects = models.ManyToManyField(
        "aspects.Aspect",
        blank=True,
        related_name="suppliers",
        verbose_name=_("significant aspects affected"),
    )
    staff = models.ManyToManyField(
        "training.Person",
        blank=True,
        related_name="suppliers",
        verbose_name=_("staff"),
        help_text=_("Their people recorded in training."),
    )
    evaluation_interval_months = models.PositiveSmallIntegerField(
        _("evaluation interval (months)"), default=12
    )
    next_evaluation = models.DateField(_("next evaluation"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contractor or supplier")
        verbose_name_plural = _("contractors and suppliers")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="supplier_name_unique_in_unit",
                violation_error_message=_("This unit already has a supplier with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Evaluation(ZistModel):
    """An evaluation of a supplier's environmental performance: score, findings, date."""

    scope_field = "supplier__unit"
    str_select_related = ("supplier",)

    supplier = models.ForeignKey(
        Supplier, models.CASCADE, related_name="evaluations", verbose_name=_("supplier")
    )
    date = models.DateField(_("date"))
    score = models.PositiveSmallIntegerField(
        _("score (0–100)"), validators=[MaxValueValidator(100)]
    )
    findings = models.TextField(_("findings"), blank=True)
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evaluated by"),
    )

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("supplier evaluation")
        verbose_name_plural = _("supplier evaluations")

    def __str__(self) -> str:
        return f"{self.supplier} · {format_date(self.date)}"
