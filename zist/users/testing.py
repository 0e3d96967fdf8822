from zist.core.testing import Cast, Scenario, scenario, unique
from zist.users.models import RoleAssignment, User
from zist.users.roles import Role


@scenario
class UserScenario(Scenario):
    model = User

    @classmethod
    def make(cls, cast: Cast, unit):
        return User.objects.create_user(unique("person"), password="x-9k2!mQz", home_unit=unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "username": unique("newperson"),
            "home_unit": unit.pk,
            "password": "Long-enough-pw-42",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"first_name": "Changed"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.username


@scenario
class RoleAssignmentScenario(Scenario):
    model = RoleAssignment

    @classmethod
    def make(cls, cast: Cast, unit):
        person = User.objects.create_user(unique("grantee"), home_unit=unit)
        return RoleAssignment.objects.create(
            user=person, role=Role.VIEWER, unit=unit, note=unique("grant")
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        person = User.objects.create_user(unique("grantee"), home_unit=unit)
        return {"user": person.pk, "role": Role.VIEWER, "unit": unit.pk, "note": "new"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"note": "changed"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.note
