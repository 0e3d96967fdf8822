"""What follows a change of password or of the active flag, whoever makes it (the
profile, the reset link, an administrator, the API): the user's API tokens are revoked,
since a token must not outlive the credential that made it, and the account's count of
failed logins starts again. Sessions end by themselves: Django checks each session
against the password hash, and the backend refuses inactive users."""

import logging

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone, translation

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
        if instance.email:
            # After the commit: mail never waits inside a database transaction.
            transaction.on_commit(lambda: notify_password_changed(instance))
    if revoked:
        log.warning(
            "API tokens revoked: user=%r count=%s reason=%s",
            instance.get_username(),
            revoked,
            "password changed" if password_changed else "user deactivated",
        )


def notify_password_changed(user: User) -> None:
    """Tell the person their password changed (ASVS 2.5.5): if it was not them, they
    know at once and can reset it."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse

    with translation.override(user.preferred_language):
        context = {
            "user": user,
            "reset_url": settings.ZIST_BASE_URL + reverse("password_reset"),
        }
        subject = render_to_string("registration/password_changed_subject.txt", context)
        body = render_to_string("registration/password_changed_email.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email], fail_silently=True)


@receiver(user_logged_in, dispatch_uid="zist.users.session_start")
def session_start(sender, request, user, **kwargs) -> None:
    """Note when the session began, for its absolute timeout."""
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = timezone.now().timestamp()
