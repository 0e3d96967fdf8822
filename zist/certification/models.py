"""Certification bodies and certificates (ISO 14001, EMAS registration, …) with the
three-year cycle of surveillance and recertification audits (see `cycle.py`)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.certification import cycle as cycles
from zist.core.models import ZistModel


class CertificationBody(ZistModel):
    """An accredited body (or EMAS verifier) that audits and certifies units."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="certification_bodies",
        verbose_name=_("unit"),
        help_text=_("The unit whose contract this is, usually the organisation."),
    )
    name = models.CharField(_("name"), max_length=200)
    accreditation = models.CharField(_("accreditation"), max_length=200, blank=True)
    contact = models.TextField(_("contact"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("certification body")
        verbose_name_plural = _("certification bodies")

    def __str__(self) -> str:
        return self.name


class Standard(models.TextChoices):
    ISO14001 = "iso14001", _("ISO 14001")
    EMAS = "emas", _("EMAS registration")
    ISO50001 = "iso50001", _("ISO 50001")
    ISO45001 = "iso45001", _("ISO 45001")
    OTHER = "other", _("Other")


class CertificateStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


class Certificate(ZistModel):
    """A certificate held by a unit; its current cycle runs from `decision_date`."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="certificates",
        verbose_name=_("scope unit"),
    )
    body = models.ForeignKey(
        CertificationBody,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("certification body"),
    )
    standard = models.CharField(
        _("standard"), max_length=20, choices=Standard.choices, default=Standard.ISO14001
    )
    number = models.CharField(_("certificate number"), max_length=100)
    scope = models.TextField(_("scope statement"), blank=True)
    first_certified = models.DateField(
        _("first certified on"), null=True, blank=True, help_text=_("Certified since.")
    )
    decision_date = models.DateField(
        _("certification decision date"),
        help_text=_("The decision that started the current three-year cycle."),
    )
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    expiry_date = models.DateField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_("Empty: three years from the decision."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CertificateStatus.choices,
        default=CertificateStatus.ACTIVE,
    )

    class Meta:
        ordering = ["unit__path", "standard"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "number"],
                name="certificate_number_unique_per_body",
                violation_error_message=_(
                    "This body already issued a certificate with this number."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_standard_display()} {self.number}"

    def clean(self) -> None:
        if not self.expiry_date and self.decision_date:
            self.expiry_date = cycles.expiry_date(self.decision_date)
        if self.expiry_date and self.decision_date and self.expiry_date <= self.decision_date:
            raise ValidationError(
                {"expiry_date": _("The certificate expires before its decision.")}
            )
        if (
            self.first_certified
            and self.decision_date
            and self.first_certified > self.decision_date
        ):
            raise ValidationError(
                {
                    "first_certified": _(
                        "The first certification cannot follow the current decision."
                    )
                }
            )

    def save(self, *args, **kwargs):
        if not self.expiry_date and self.decision_date:
            self.expiry_date = cycles.expiry_date(self.decision_date)
        super().save(*args, **kwargs)

    def current_status(self, today: dt.date | None = None) -> str:
        """The status, with an active certificate past its expiry read as expired."""
        today = today or timezone.localdate()
        if (
            self.status == CertificateStatus.ACTIVE
            and self.expiry_date
            and self.expiry_date < today
        ):
            return CertificateStatus.EXPIRED
        return self.status

    def cycle(self) -> cycles.Cycle:
        return cycles.certification_cycle(self.decision_date)

    def external_audits(self):
        """Completed external audits of the certificate's unit (as audited unit or in
        scope) since the decision."""
        from django.db.models import Q

        from zist.audits.models import EXTERNAL_KINDS, Audit

        return (
            Audit.objects.done()
            .filter(Q(unit=self.unit) | Q(scope_units=self.unit))
            .filter(kind__in=EXTERNAL_KINDS, start_date__gte=self.decision_date)
            .distinct()
        )

    def completed_audits(self) -> list[tuple[str, dt.date]]:
        """(kind, date) of the external audits that count for the cycle. An EMAS
        verification counts as the surveillance or the renewal of that year."""
        done = list(self.external_audits().values_list("kind", "start_date"))
        if self.standard == Standard.EMAS:
            last_surveillance = self.cycle().milestones[1].deadline
            done = [
                (("surveillance" if day <= last_surveillance else "recertification"), day)
                if kind == "emas"
                else (kind, day)
                for kind, day in done
            ]
        return done

    def next_milestone(self) -> cycles.Milestone | None:
        return cycles.next_milestone(self.cycle(), self.completed_audits())
