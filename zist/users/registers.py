from zist.core.registry import Register, register
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
    detail_template = "users/user_extra.html"


@register
class RoleAssignmentRegister(Register):
    model = RoleAssignment
    form = RoleAssignmentForm
    filterset = RoleAssignmentFilterSet
    table = RoleAssignmentTable
    serializer = RoleAssignmentSerializer
    slug = "roles"
