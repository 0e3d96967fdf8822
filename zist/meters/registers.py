from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.meters import aggregates, services
from zist.meters.filters import ImportSourceFilterSet, MeterFilterSet, ReadingFilterSet
from zist.meters.forms import ImportSourceForm, MeterForm, ReadingForm
from zist.meters.models import ImportSource, Meter, Reading
from zist.meters.serializers import ReadingSerializer
from zist.meters.tables import ImportSourceTable, MeterTable, ReadingTable


@register
class MeterRegister(Register):
    model = Meter
    form = MeterForm
    filterset = MeterFilterSet
    table = MeterTable
    menu_group = "monitoring"
    detail_template = "meters/meter_extra.html"
    related = [
        Related(
            "readings",
            label=_("Latest readings"),
            columns=("timestamp", "value", "consumption", "quality", "flag"),
            limit=12,
        )
    ]

    natural_key = ("unit", "code")

    # What the consumption of every reading is derived with.
    RECOMPUTED_BY = ("kind", "rollover", "interval")

    @classmethod
    def saved(cls, obj, before, request):
        if before and any(getattr(before, f) != getattr(obj, f) for f in cls.RECOMPUTED_BY):
            services.recompute_meter(obj)
        elif before and before.unit_id != obj.unit_id:
            # Moved to a unit of another organisation: months of its calendar.
            aggregates.refresh([obj.pk])
        return obj


def _recompute_after(reading: Reading, old_timestamp=None) -> None:
    since = reading.timestamp if old_timestamp is None else min(reading.timestamp, old_timestamp)
    services.recompute_meter(reading.meter, since)


@register
class ReadingRegister(Register):
    """Readings typed one by one (corrections, manual rounds); files go through the
    reading import. Every save derives the meter's consumption again from there."""

    model = Reading
    form = ReadingForm
    filterset = ReadingFilterSet
    table = ReadingTable
    serializer = ReadingSerializer
    menu_group = "monitoring"
    detail_fields = [
        "meter",
        "timestamp",
        "value",
        "quality",
        "restart",
        "source",
        "consumption",
        "interval_start",
        "flag",
        "batch",
    ]

    @classmethod
    def saved(cls, obj, before, request):
        _recompute_after(obj, before.timestamp if before else None)
        return obj

    @classmethod
    def delete(cls, obj, request) -> None:
        meter, moment = obj.meter, obj.timestamp
        obj.delete()
        services.recompute_meter(meter, moment)


@register
class ImportSourceRegister(Register):
    model = ImportSource
    form = ImportSourceForm
    filterset = ImportSourceFilterSet
    table = ImportSourceTable
    menu_group = "monitoring"
    slug = "sources"
