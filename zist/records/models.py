"""Records (retained documented information, ISO 14001 clause 7.5): what kind of
evidence is kept for how long, and what happens to it when that time is over.

A record past its retention period is never deleted by Zist on its own: it waits in
the list of records awaiting a decision (destroy, archive permanently, keep longer).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import add_months
from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet


class RecordType(ZistModel):
    """A kind of record (training evidence, monitoring results, audit reports…) and how
    long it is retained."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="record_types", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)
    clause = models.CharField(
        _("clause"), max_length=20, blank=True, help_text=_("ISO 14001 clause, e.g. 7.2.")
    )
    retention_months = models.PositiveSmallIntegerField(
        _("retention period (months)"),
        help_text=_("How long a record is kept after its date, e.g. 36 for three years."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("record type")
        verbose_name_plural = _("record types")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="record_type_name_unique_in_unit",
                violation_error_message=_("This unit already has a record type with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A changed retention period moves the end of retention of every record of it.
        for record in self.records.all():
            end = retention_end(record.record_date, self.retention_months, record.keep_until)
            if end != record.retain_until:
                record.retain_until = end
                record.save(update_fields=["retain_until", "last_updated"])


class Decision(models.TextChoices):
    EXTEND = "extend", _("Keep longer")
    ARCHIVE = "archive", _("Archive permanently")
    DESTROY = "destroy", _("Destroy")


def retention_end(record_date: dt.date, months: int, keep_until: dt.date | None = None) -> dt.date:
    """The last day a record must be kept: its date plus the retention period, or a later
    date chosen when it was decided to keep it longer."""
    end = add_months(record_date, months)
    return max(end, keep_until) if keep_until else end


class RecordQuerySet(RestrictedQuerySet):
    def awaiting_decision(self, today: dt.date | None = None):
        """Past retention, neither archived for good nor already destroyed."""
        return self.filter(retain_until__lt=today or timezone.localdate()).exclude(
            decision__in=[Decision.ARCHIVE, Decision.DESTROY]
        )


class Record(ZistModel):
    """One retained record: what it is, where it is kept, until when, and the decision
    taken when its retention period ended."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="records", verbose_name=_("unit")
    )
    record_type = models.ForeignKey(
        RecordType, models.PROTECT, related_name="records", verbose_name=_("record type")
    )
    title = models.CharField(_("title"), max_length=300)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    record_date = models.DateField(_("date of the record"))
    location = models.CharField(
        _("kept at"), max_length=200, blank=True, help_text=_("Archive, folder or system.")
    )
    retain_until = models.DateField(_("retain until"), editable=False)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    keep_until = models.DateField(
        _("keep until"), null=True, blank=True, help_text=_("When keeping longer: until when.")
    )
    decision_note = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["retain_until", "pk"]
        verbose_name = _("record")
        verbose_name_plural = _("records")
        indexes = [models.Index(fields=["retain_until"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision="extend") | Q(keep_until__isnull=False),
                name="record_extension_has_a_date",
                violation_error_message=_("Say until when the record is kept."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.record_type_id and self.record_date:
            self.retain_until = retention_end(
                self.record_date, self.record_type.retention_months, self.keep_until
            )
        if self.decision == Decision.EXTEND and not self.keep_until:
            raise ValidationError({"keep_until": _("Say until when the record is kept.")})
        if (
            self.decision == Decision.DESTROY
            and self.retain_until
            and self.retain_until >= timezone.localdate()
        ):
            raise ValidationError(
                {"decision": _("A record cannot be destroyed before its retention period ends.")}
            )

    def save(self, *args, **kwargs):
        if self.record_type_id and self.record_date:
            self.retain_until = retention_end(
                self.record_date, self.record_type.retention_months, self.keep_until
            )
        super().save(*args, **kwargs)

    @property
    def awaits_decision(self) -> bool:
        return self.retain_until < timezone.localdate() and self.decision not in (
            Decision.ARCHIVE,
            Decision.DESTROY,
        )
