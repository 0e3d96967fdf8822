"""Authentication backend that loads the user with home unit and organisation in one
query: every request needs them for the calendar, digits and time zone."""

from django.contrib.auth.backends import ModelBackend

from zist.users.models import User


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = (
            User._default_manager.select_related("home_unit__organisation")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
