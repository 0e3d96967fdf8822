"""What follows a change of password or of the active flag, whoever makes it (the
profile, the reset link, an administrator, the API): the user's API tokens are revoked,
since a token must not outlive the credential that made it, and the account's count of
failed logins starts again. Sessions end by themselves: Django checks each session
against the password hash, and the backend refuses inactive users."""

import logging

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from zist.users.models import ApiToken, User

log = logging.getLogger("zist.security")

# Session keys of the session timeouts (zist.users.sessions).
LOGIN_AT = "zist_login_at"


@receiver(post_save, sender=User, dispatch_uid="zist.users.revoke_tokens")
def revoke_tokens(sender, instance: User, created: bool, **kwargs) -> None:
    # `_password` holds the new raw password from set_password() until the save ends;
    # it is None when Django only re-hashes the same password with a newer hasher.
    password_changed = not created and instance._password is not None
    if not (password_changed or not instance.is_active):
        return
    revoked, _by_model = ApiToken.objects.filter(user=instance).delete()
    if password_changed:
        from zist.users import throttle

        throttle.forget_account(instance.get_username())
    if revoked:
        log.warning(
            "API tokens revoked: user=%r count=%s reason=%s",
            instance.get_username(),
            revoked,
            "password changed" if password_changed else "user deactivated",
        )


@receiver(user_logged_in, dispatch_uid="zist.users.session_start")
def session_start(sender, request, user, **kwargs) -> None:
    """Note when the session began, for its absolute timeout."""
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = timezone.now().timestamp()
