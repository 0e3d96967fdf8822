from django.utils.translation import gettext as _
from rest_framework import serializers

from zist.core.api import ZistModelSerializer
from zist.organisations.models import Organisation, Unit


class OrganisationSerializer(ZistModelSerializer):
    class Meta:
        model = Organisation
        fields = [
            "id",
            "display",
            "name",
            "kind",
            "language",
            "calendar",
            "year_start_month",
            "year_start_day",
            "time_zone",
            "currency",
            "description",
            "created",
            "last_updated",
        ]


class UnitSerializer(ZistModelSerializer):
    parent = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Unit
        fields = [
            "id",
            "display",
            "organisation",
            "parent",
            "name",
            "code",
            "kind",
            "leader",
            "representative",
            "description",
            "archived",
            "depth",
            "created",
            "last_updated",
        ]
        read_only_fields = ["archived", "depth"]

    def validate(self, attrs):
        parent = attrs.get("parent")
        if self.instance is not None and parent is not None and parent != self.instance.parent:
            raise serializers.ValidationError(
                {"parent": _("Use the move action to change a unit's parent.")}
            )
        if self.instance is None and parent is not None:
            attrs["organisation"] = parent.organisation
        return super().validate(attrs)
