"""SAML 2.0 sign-in through djangosaml2 and pysaml2 (decision 0016): the request goes to
the identity provider by HTTP-Redirect, the signed assertion comes back by HTTP-POST
and pysaml2 checks its signature (xmlsec1), audience, destination, lifetime and that it
answers a request we made. Who the person is in Zist is zist.sso.accounts' decision, as
for OpenID Connect; failures end on the login page in words."""

from __future__ import annotations

import logging
import shutil

import saml2
from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from djangosaml2.backends import Saml2Backend
from djangosaml2.views import (
    AssertionConsumerServiceView,
    MetadataView,
)
from djangosaml2.views import (
    LoginView as Saml2LoginView,
)
from saml2.config import SPConfig
from saml2.saml import NAMEID_FORMAT_PERSISTENT

from zist.sso import accounts
from zist.sso.oidc import LANGUAGE_KEY, _to_login
from zist.users.backends import UserBackend
from zist.users.views import _language_redirect, in_language

log = logging.getLogger("zist.security")


def enabled() -> bool:
    return bool(settings.ZIST_SAML_IDP_METADATA)


def entity_id() -> str:
    return settings.ZIST_SAML_ENTITY_ID or f"{settings.ZIST_BASE_URL}/sso/saml/metadata/"


def config_loader(request=None) -> SPConfig:
    """Zist as a SAML service provider, from the ZIST_SAML_* settings (read on each
    use, so that a changed setting needs no other step)."""
    metadata = settings.ZIST_SAML_IDP_METADATA
    source = (
        {"remote": [{"url": metadata}]}
        if metadata.startswith("https://")
        else {"local": [metadata]}
    )
    config = {
        "xmlsec_binary": shutil.which("xmlsec1") or "/usr/bin/xmlsec1",
        "entityid": entity_id(),
        "allow_unknown_attributes": True,
        "metadata": source,
        "service": {
            "sp": {
                "name": "Zist",
                "endpoints": {
                    "assertion_consumer_service": [
                        (f"{settings.ZIST_BASE_URL}/sso/saml/acs/", saml2.BINDING_HTTP_POST)
                    ],
                },
                "allow_unsolicited": False,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "authn_requests_signed": bool(settings.ZIST_SAML_KEY_FILE),
                "name_id_format": NAMEID_FORMAT_PERSISTENT,
                "name_id_format_allow_create": True,
            }
        },
    }
    if settings.ZIST_SAML_KEY_FILE:
        config["key_file"] = settings.ZIST_SAML_KEY_FILE
        config["cert_file"] = settings.ZIST_SAML_CERT_FILE
    sp_config = SPConfig()
    sp_config.load(config)
    return sp_config


def _first(ava: dict, *names: str) -> str:
    for name in names:
        values = ava.get(name)
        if values:
            return str(values[0])
    return ""


class SAMLBackend(Saml2Backend):
    """Answers only the assertion consumer's authenticate(request, session_info=…)."""

    def authenticate(self, request, session_info=None, attribute_mapping=None, **kwargs):
        if session_info is None or request is None or not enabled():
            return None
        ava = session_info.get("ava", {})
        name_id = session_info.get("name_id")
        person = accounts.Person(
            issuer=str(session_info.get("issuer") or ""),
            subject=str(getattr(name_id, "text", "") or ""),
            email=_first(ava, "mail", "email"),
            first_name=_first(ava, "givenName"),
            last_name=_first(ava, "sn", "surname"),
            username=_first(ava, "uid"),
            groups=[str(group) for group in ava.get("groups", [])],
        )
        relay_state = request.POST.get("RelayState", "")
        language = translation.get_language_from_path(relay_state) or ""
        try:
            user = accounts.sign_in(person, language)
        except accounts.SignInRefused as refused:
            request.zist_sso_refusal = refused.message
            return None
        if not user.is_active:
            request.zist_sso_refusal = accounts.INACTIVE
            return None
        return user

    def get_user(self, user_id):
        return UserBackend().get_user(user_id)


class LoginView(Saml2LoginView):
    def get(self, request, *args, **kwargs):
        if not enabled():
            raise Http404
        next_url = request.GET.get("next", "")
        request.session[LANGUAGE_KEY] = (
            translation.get_language_from_path(next_url) or translation.get_language()
        )
        try:
            return super().get(request, *args, **kwargs)
        except Exception as exc:  # pysaml2 raises many kinds for bad metadata
            log.error("saml identity provider unusable: %s", exc)
            return _to_login(request, None, settings.ZIST_SAML_PROVIDER_NAME)


@method_decorator(csrf_exempt, name="dispatch")
class AcsView(AssertionConsumerServiceView):
    """The assertion, checked by pysaml2; then the account, or the login page saying
    why not (never djangosaml2's error page). Exempt from CSRF as djangosaml2's own
    view is: the identity provider's page posts it, and the signed assertion must
    answer a request this browser made (its id is in the SAML session cookie)."""

    def post(self, request, *args, **kwargs):
        if not enabled():
            raise Http404
        return super().post(request, *args, **kwargs)

    def handle_acs_failure(self, request, exception=None, status=403, **kwargs):
        log.warning("saml sign-in failed: reason=%s", exception)
        relay_state = request.POST.get("RelayState", "")
        language = translation.get_language_from_path(relay_state)
        if language:
            request.session[LANGUAGE_KEY] = language
        message = getattr(request, "zist_sso_refusal", None)
        return _to_login(request, message, settings.ZIST_SAML_PROVIDER_NAME)

    def custom_redirect(self, user, relay_state: str, session_info) -> str:
        return ""

    def post_login_hook(self, request, user, session_info) -> None:
        request.zist_language = user.preferred_language

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        language = getattr(request, "zist_language", None)
        if language and isinstance(response, HttpResponseRedirect):
            target = in_language(response.url, language)
            return _language_redirect(request, HttpResponseRedirect(target), language)
        return response


class SpMetadataView(MetadataView):
    def get(self, request, *args, **kwargs):
        if not enabled():
            raise Http404
        return super().get(request, *args, **kwargs)
