from zist.core.tables import Table
from zist.users.models import RoleAssignment, User


class UserTable(Table):
    model = User
    columns = [
        "username",
        "first_name",
        "last_name",
        "email",
        "home_unit",
        "is_active",
        "last_login",
    ]


class RoleAssignmentTable(Table):
    model = RoleAssignment
    columns = ["user", "role", "unit", "valid_from", "valid_until", "note"]
