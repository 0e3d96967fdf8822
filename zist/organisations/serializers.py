from django.utils.translation import gettext as _
from rest_framework import serializers

from zist.core.api import ZistModelSerializer
from zist.organisations.models import Unit


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
