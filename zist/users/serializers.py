from django.conf import settings
from django.contrib.auth import password_validation
from rest_framework import serializers

from zist.core.api import ZistModelSerializer
from zist.users.forms import GRANT_REFUSED
from zist.users.models import RoleAssignment, User, may_grant


class UserSerializer(ZistModelSerializer):
    password = serializers.CharField(
        write_only=True, required=False, style={"input_type": "password"}
    )

    class Meta:
        model = User
        fields = [
            "id",
            "display",
            "username",
            "first_name",
            "last_name",
            "email",
            "home_unit",
            "is_active",
            "language",
            "calendar",
            "digits",
            "last_login",
            "password",
        ]
        read_only_fields = ["last_login"]

    def validate_password(self, value: str) -> str:
        if not settings.ZIST_LOCAL_PASSWORDS:
            from zist.users.passwords import passwords_off_message

            raise serializers.ValidationError(passwords_off_message())
        password_validation.validate_password(value, self.instance)
        return value

    def validate(self, attrs):
        password = attrs.pop("password", None)
        attrs = super().validate(attrs)
        if password:
            attrs["password"] = password
        return attrs

    def unsaved(self):
        # The password is hashed, never stored as sent; a new account sent without one
        # cannot sign in with a password (it signs in through the identity provider).
        password = self.validated_data.pop("password", None)
        user, many = super().unsaved()
        if password:
            user.set_password(password)
        elif user.pk is None:
            user.set_unusable_password()
        return user, many


class RoleAssignmentSerializer(ZistModelSerializer):
    class Meta:
        model = RoleAssignment
        fields = [
            "id",
            "display",
            "user",
            "role",
            "unit",
            "valid_from",
            "valid_until",
            "note",
            "created",
            "last_updated",
        ]

    def get_fields(self):
        # Granting a role changes what its holder may do: only to people the grantor
        # may change (zist.users.models.UserQuerySet.restrict).
        fields = super().get_fields()
        request = self.context.get("request")
        fields["user"].queryset = User.objects.restrict(getattr(request, "user", None), "change")
        return fields

    def validate(self, attrs):
        attrs = super().validate(attrs)
        request = self.context.get("request")
        role = attrs.get("role", getattr(self.instance, "role", None))
        unit = attrs.get("unit", getattr(self.instance, "unit", None))
        action = "change" if self.instance is not None else "add"
        if (
            request is not None
            and role
            and unit
            and not may_grant(request.user, role, unit, action)
        ):
            raise serializers.ValidationError({"role": GRANT_REFUSED})
        return attrs
