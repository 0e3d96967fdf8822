from django.utils.translation import gettext_lazy as _

from zist.core.registry import DeleteRefused, Register, register
from zist.core.related import Related
from zist.users.filters import RoleAssignmentFilterSet, UserFilterSet
from zist.users.forms import RoleAssignmentForm, UserForm
from zist.users.models import RoleAssignment, User
from zist.users.serializers import RoleAssignmentSerializer, UserSerializer
from zist.users.tables import RoleAssignmentTable, UserTable


@register
class UserRegister(Register):
    model = User
    form = UserForm
    filterset = UserFilterSet
    table = UserTable
    serializer = UserSerializer
    detail_fields = [
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
        "date_joined",
    ]
    related = [
        Related(
            "role_assignments",
            label=_("Roles"),
            columns=("role", "unit", "valid_from", "valid_until"),
            add=True,
        )
    ]

    @classmethod
    def delete(cls, obj, request) -> None:
        # Deleting the account one is signed in with would end the request's own
        # session and history user mid-way; another administrator does it.
        if obj.pk == request.user.pk:
            raise DeleteRefused(_("You cannot delete yourself; ask another administrator."))
        super().delete(obj, request)


@register
class RoleAssignmentRegister(Register):
    model = RoleAssignment
    form = RoleAssignmentForm
    filterset = RoleAssignmentFilterSet
    table = RoleAssignmentTable
    serializer = RoleAssignmentSerializer
    slug = "roles"
