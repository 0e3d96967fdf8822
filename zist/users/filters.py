from zist.core.filters import ZistFilterSet
from zist.users.models import RoleAssignment, User


class UserFilterSet(ZistFilterSet):
    search_fields = ("username", "first_name", "last_name", "email")

    class Meta:
        model = User
        fields = ["home_unit", "is_active", "language"]


class RoleAssignmentFilterSet(ZistFilterSet):
    search_fields = ("user__username", "user__first_name", "user__last_name", "unit__name", "note")

    class Meta:
        model = RoleAssignment
        fields = ["user", "role", "unit", "valid_until"]
