"""Kept monthly sums follow their organisation's calendar and time zone: when either
changes, its meters' months are recomputed in the same transaction (decision 0027)."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from zist.meters import aggregates
from zist.organisations.models import Organisation

MONTH_SETTINGS = ("calendar", "time_zone")


@receiver(pre_save, sender=Organisation, dispatch_uid="zist.meters.months_before")
def remember_month_settings(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    before = Organisation.objects.filter(pk=instance.pk).values(*MONTH_SETTINGS).first()
    instance._month_settings_before = before


@receiver(post_save, sender=Organisation, dispatch_uid="zist.meters.months_after")
def recompute_months(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_month_settings_before", None)
    if raw or created or before is None:
        return
    if any(before[name] != getattr(instance, name) for name in MONTH_SETTINGS):
        from zist.meters.models import Meter

        aggregates.rebuild_all(
            Meter.objects.filter(unit__organisation=instance).values_list("pk", flat=True)
        )
