"""Authentication backend that loads the user with home unit and organisation in one
query: every request needs them for the calendar, digits and time zone, and that checks
Zist passwords only while ZIST_LOCAL_PASSWORDS is on."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from zist.users.models import User


class UserBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        # With ZIST_LOCAL_PASSWORDS off no path checks a Zist password, whatever view
        # asks (the directory is then the only way in).
        if not settings.ZIST_LOCAL_PASSWORDS:
            return None
        return super().authenticate(request, username, password, **kwargs)

    def get_user(self, user_id):
        user = (
            User._default_manager.select_related("home_unit__organisation")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
