from zist.core.api import ZistModelSerializer
from zist.emissions.models import EmissionFactor


class EmissionFactorSerializer(ZistModelSerializer):
    class Meta:
        model = EmissionFactor
        fields = [
            "id",
            "display",
            "unit",
            "carrier",
            "gas",
            "value",
            "factor_unit",
            "conversion",
            "region",
            "valid_from",
            "source",
            "created",
            "last_updated",
        ]
        extra_kwargs = {"unit": {"required": True, "allow_null": False}}
