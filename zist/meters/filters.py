from zist.core.filters import ZistFilterSet
from zist.meters.models import ImportSource, Meter, Reading


class MeterFilterSet(ZistFilterSet):
    search_fields = ("code", "name", "note")

    class Meta:
        model = Meter
        fields = ["unit", "carrier", "kind", "interval", "indicator", "active"]


class ReadingFilterSet(ZistFilterSet):
    search_fields = ("meter__code", "source")

    class Meta:
        model = Reading
        fields = ["meter", "meter__unit", "meter__carrier", "quality", "flag", "batch"]


class ImportSourceFilterSet(ZistFilterSet):
    search_fields = ("name",)

    class Meta:
        model = ImportSource
        fields = ["unit"]
