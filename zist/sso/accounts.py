"""Who a person signing in through a directory is in Zist: the account linked to their
directory identity, else the one account with their verified e-mail address, else a new
account with no roles (what anyone may see is still decided by grants made in Zist, or
by the group mapping an administrator configured: zist.sso.groups). The same for
OpenID Connect and SAML."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.sso import groups
from zist.sso.models import ExternalIdentity
from zist.users.models import User

log = logging.getLogger("zist.security")


class SignInRefused(Exception):
    """The directory vouched for the person, but Zist will not let them in; the message
    says why, in words for them."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


NO_ACCOUNT = _(
    "Your directory account has no Zist account, and new accounts are not created here. "
    "Ask an administrator."
)
AMBIGUOUS = _(
    "More than one Zist account has your e-mail address, so Zist cannot tell which is "
    "yours. Ask an administrator."
)
NO_SUBJECT = _("The directory did not say who you are. Try again or ask an administrator.")
INACTIVE = _("Your account is not active. An administrator must activate it before you sign in.")


@dataclass
class Person:
    """What a directory says about a person, whatever the protocol."""

    issuer: str
    subject: str
    email: str = ""
    email_verified: bool | None = None
    first_name: str = ""
    last_name: str = ""
    username: str = ""
    groups: list[str] = field(default_factory=list)


@transaction.atomic
def sign_in(person: Person, language: str = "") -> User:
    """The account `person` signs in to, linked or created now if need be. Raises
    SignInRefused when there is none to give. An inactive account is returned as it
    is: the caller refuses it (with INACTIVE) after the link is stored."""
    if not person.issuer or not person.subject:
        raise SignInRefused(NO_SUBJECT)
    identity = (
        ExternalIdentity.objects.select_for_update()
        .select_related("user")
        .filter(issuer=person.issuer, subject=person.subject)
        .first()
    )
    if identity is None:
        user = _match_by_email(person) or _create(person, language)
        identity = ExternalIdentity(user=user, issuer=person.issuer, subject=person.subject)
        log.warning(
            "sso identity linked: user=%r issuer=%s subject=%r",
            user.username,
            person.issuer,
            person.subject,
        )
    user = identity.user
    _update_names(user, person)
    identity.last_login = timezone.now()
    identity.save()
    groups.sync(user, person.groups)
    return user


def _match_by_email(person: Person) -> User | None:
    """The one account with the person's address, when the directory vouches for it
    (an address the directory marks unverified could be anyone's)."""
    if not settings.ZIST_SSO_MATCH_EMAIL or not person.email or person.email_verified is False:
        return None
    matches = list(User.objects.filter(email__iexact=person.email)[:2])
    if len(matches) > 1:
        log.warning("sso sign-in refused: issuer=%s reason=e-mail ambiguous", person.issuer)
        raise SignInRefused(AMBIGUOUS)
    return matches[0] if matches else None


def _create(person: Person, language: str) -> User:
    if not settings.ZIST_SSO_CREATE_USERS:
        log.warning("sso sign-in refused: issuer=%s reason=no account", person.issuer)
        raise SignInRefused(NO_ACCOUNT)
    user = User(
        username=_free_username(person),
        email=person.email,
        first_name=person.first_name[:150],
        last_name=person.last_name[:150],
        is_active=settings.ZIST_SSO_NEW_USERS_ACTIVE,
        language=language if language in dict(settings.LANGUAGES) else "",
    )
    # The directory holds the credential; a Zist password would be a second way in.
    user.set_unusable_password()
    user.save()
    log.warning("sso account created: user=%r issuer=%s", user.username, person.issuer)
    return user


def _free_username(person: Person) -> str:
    """The directory's user name (or the e-mail's local part) in the characters Django
    allows, with a number added when it is taken."""
    wanted = person.username or person.email.split("@")[0] or person.subject
    base = re.sub(r"[^\w.@+-]", "", wanted)[:140] or "user"
    name, number = base, 1
    while User.objects.filter(username__iexact=name).exists():
        number += 1
        name = f"{base}{number}"
    return name


def _update_names(user: User, person: Person) -> None:
    """Names and address as the directory now has them (saved, so in history, only
    when they changed)."""
    values = {"first_name": person.first_name[:150], "last_name": person.last_name[:150]}
    if person.email and person.email_verified is not False:
        values["email"] = person.email
    changed = [name for name, value in values.items() if value and getattr(user, name) != value]
    for name in changed:
        setattr(user, name, values[name])
    if changed:
        user.save(update_fields=[*changed, "last_updated"])
