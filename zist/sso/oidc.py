"""OpenID Connect sign-in through mozilla-django-oidc (decision 0016): its views send the
person to the provider with state, nonce and PKCE and take them back; its backend trades
the code for tokens and checks the ID token's signature and nonce. Zist adds what it
leaves to us: the endpoints read from the provider's discovery document, the ID token's
issuer and audience checked, the account found or made by zist.sso.accounts, and every
failure shown on the login page in words instead of as an error page."""

from __future__ import annotations

import logging
from functools import lru_cache

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from zist.sso import accounts
from zist.users import throttle
from zist.users.backends import UserBackend
from zist.users.views import _language_redirect, in_language

log = logging.getLogger("zist.security")

# The library's setting for each endpoint, and its name in the discovery document.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
LANGUAGE_KEY = "zist_sso_language"


def enabled() -> bool:
    return bool(settings.ZIST_OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID)


@lru_cache(maxsize=4)
def discovery(issuer: str) -> dict:
    """The provider's metadata (OpenID Connect Discovery 1.0), read once per process."""
    response = requests.get(
        f"{issuer.rstrip('/')}/.well-known/openid-configuration",
        timeout=settings.OIDC_TIMEOUT,
        verify=settings.OIDC_VERIFY_SSL,
    )
    response.raise_for_status()
    metadata = response.json()
    if metadata.get("issuer") != issuer:
        # Discovery 1.0 §4.3: the document must be the issuer's own.
        raise SuspiciousOperation(f"discovery issuer {metadata.get('issuer')!r} != {issuer!r}")
    return metadata


def get_setting(attr: str, *default):
    """A mozilla-django-oidc setting; an endpoint not set explicitly comes from
    discovery."""
    if attr in DISCOVERED and not getattr(settings, attr, None):
        return discovery(settings.ZIST_OIDC_ISSUER)[DISCOVERED[attr]]
    return import_from_settings(attr, *default)


class OIDCBackend(OIDCAuthenticationBackend):
    """Answers only the callback's authenticate(request, nonce=…, code_verifier=…)."""

    get_settings = staticmethod(get_setting)

    def __init__(self, *args, **kwargs):
        # The library reads every endpoint here; Django builds a backend for each
        # request of a signed-in person, so endpoints are read when used instead.
        self.UserModel = get_user_model()
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None

    OIDC_OP_TOKEN_ENDPOINT = property(lambda self: get_setting("OIDC_OP_TOKEN_ENDPOINT"))
    OIDC_OP_USER_ENDPOINT = property(lambda self: get_setting("OIDC_OP_USER_ENDPOINT"))
    OIDC_OP_JWKS_ENDPOINT = property(lambda self: get_setting("OIDC_OP_JWKS_ENDPOINT"))

    def authenticate(self, request, **kwargs):
        if not enabled() or "nonce" not in kwargs or request is None:
            return None  # a password login, or single sign-on not configured
        return super().authenticate(request, **kwargs)

    def get_user(self, user_id):
        # Zist's own rule (inactive accounts are signed out), not the library's.
        return UserBackend().get_user(user_id)

    def verify_token(self, token, **kwargs):
        """The library checks signature and nonce; an ID token must also come from our
        provider and be meant for us (OpenID Connect Core 3.1.3.7)."""
        payload = super().verify_token(token, **kwargs)
        if kwargs.get("nonce") is None:
            return payload  # a signed userinfo answer, not an ID token
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != settings.ZIST_OIDC_ISSUER:
            raise SuspiciousOperation("ID token from another issuer")
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client")
        if len(audiences) > 1 and payload.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token authorised for another client")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload.get("sub"):
            # Core 5.3.2: userinfo about someone else must not be used.
            raise SuspiciousOperation("userinfo subject differs from the ID token's")
        groups = claims.get(settings.ZIST_OIDC_GROUPS_CLAIM) or []
        person = accounts.Person(
            issuer=settings.ZIST_OIDC_ISSUER,
            subject=str(payload["sub"]),
            email=claims.get("email") or "",
            email_verified=claims.get("email_verified"),
            first_name=claims.get("given_name") or "",
            last_name=claims.get("family_name") or "",
            username=claims.get("preferred_username") or "",
            groups=[str(group) for group in groups] if isinstance(groups, list) else [],
        )
        language = self.request.session.get(LANGUAGE_KEY, "")
        try:
            return accounts.sign_in(person, language)
        except accounts.SignInRefused as refused:
            self.request.zist_sso_refusal = refused.message
            return None


def _to_login(request, message=None, provider: str = ""):
    """The login page, in the language the sign-in started from, saying `message` (a
    lazy translation) or that signing in with `provider` did not succeed."""
    language = request.session.get(LANGUAGE_KEY) or translation.get_language()
    with translation.override(language):
        if message is None:
            message = _("Signing in with %(provider)s did not succeed. Try again.") % {
                "provider": provider or settings.ZIST_OIDC_PROVIDER_NAME
            }
        messages.error(request, str(message))
        return HttpResponseRedirect(reverse("login"))


class LoginView(OIDCAuthenticationRequestView):
    """Off to the provider, with state, nonce and PKCE kept in the session."""

    get_settings = staticmethod(get_setting)

    def __init__(self, *args, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID

    OIDC_OP_AUTH_ENDPOINT = property(lambda self: get_setting("OIDC_OP_AUTHORIZATION_ENDPOINT"))

    def get(self, request):
        if not enabled():
            raise Http404
        # The language of the page the person came from, for their new account and
        # for the pages after the provider.
        next_url = request.GET.get("next", "")
        language = translation.get_language_from_path(next_url) or translation.get_language()
        request.session[LANGUAGE_KEY] = language
        try:
            return super().get(request)
        except (requests.RequestException, ValueError, KeyError, SuspiciousOperation) as exc:
            log.error("sso provider unreachable: %s", exc)
            return _to_login(request)


class CallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: the account signed in, or the login page saying why
    not (a refused or tampered answer, an unreachable provider: never an error page)."""

    def get(self, request):
        if not enabled():
            raise Http404
        try:
            return super().get(request)
        except (requests.RequestException, SuspiciousOperation, jwt.PyJWTError) as exc:
            log.warning("sso sign-in failed: client=%s reason=%s", throttle.client_ip(request), exc)
            return _to_login(request)

    def login_failure(self):
        request = self.request
        user = getattr(self, "user", None)
        if user is not None and not user.is_active:
            message = accounts.INACTIVE
        else:
            message = getattr(request, "zist_sso_refusal", None)
        return _to_login(request, message)

    def login_success(self):
        # Sessions are read back through Zist's own backend (inactive accounts out).
        self.user.backend = "zist.users.backends.UserBackend"
        response = super().login_success()
        language = self.user.preferred_language
        target = in_language(response.url, language)
        return _language_redirect(self.request, HttpResponseRedirect(target), language)
