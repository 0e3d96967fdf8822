from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.meters import services
from zist.meters.filters import ImportSourceFilterSet, MeterFilterSet, ReadingFilterSet
from zist.meters.forms import ImportSourceForm, MeterForm, ReadingForm
from zist.meters.models import ImportSource, Meter, Reading
from zist.meters.serializers import ImportSourceSerializer, MeterSerializer, ReadingSerializer
from zist.meters.tables import ImportSourceTable, MeterTable, ReadingTable


@register
class MeterRegister(Register):
    model = Meter
    form = MeterForm
    filterset = MeterFilterSet
    table = MeterTable
    serializer = MeterSerializer
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

    @classmethod
    def save(cls, form, request):
        changed = {"kind", "rollover", "interval"} & set(form.changed_data)
        meter = form.save()
        if changed and form.instance.pk:
            services.recompute_meter(meter)
        return meter


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
    def save(cls, form, request):
        old = Reading.objects.filter(pk=form.instance.pk).values_list("timestamp", flat=True)
        old_timestamp = old.first() if form.instance.pk else None
        reading = form.save()
        _recompute_after(reading, old_timestamp)
        return reading

    @classmethod
    def api_save(cls, serializer, request):
        old_timestamp = serializer.instance.timestamp if serializer.instance else None
        reading = serializer.save()
        _recompute_after(reading, old_timestamp)
        return reading

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
    serializer = ImportSourceSerializer
    menu_group = "monitoring"
    slug = "sources"
