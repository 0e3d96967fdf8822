"""Password reset by e-mail: Django's views, with Zist's throttling, mail in the user's
own language, links built on ZIST_BASE_URL (never on the request's Host header), and a
reply that never says whether an account has the address."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from zist.core import calendars
from zist.users import throttle

log = logging.getLogger("zist.security")

RESET_WINDOW_MINUTES = 60


def passwords_off_message() -> str:
    """Why a password page refuses when ZIST_LOCAL_PASSWORDS is off."""
    return _(
        "Zist passwords are turned off here: sign in with %(provider)s, and change your "
        "password there."
    ) % {
        "provider": settings.ZIST_OIDC_PROVIDER_NAME
        if settings.ZIST_OIDC_ISSUER
        else settings.ZIST_SAML_PROVIDER_NAME
    }


class LocalPasswordsOnly:
    """A password page that answers only while Zist keeps passwords of its own
    (ZIST_LOCAL_PASSWORDS); otherwise a 403 page that says where to sign in."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.ZIST_LOCAL_PASSWORDS:
            log.info("password page refused: path=%s reason=passwords off", request.path)
            return render(
                request,
                "registration/passwords_off.html",
                {"message": passwords_off_message()},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)


class PasswordResetForm(auth_forms.PasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        # The mail in the language and digits the person reads Zist in, not the page's.
        user = context["user"]
        language = user.preferred_language
        minutes = str(settings.PASSWORD_RESET_TIMEOUT // 60)
        context = {
            **context,
            "minutes": calendars.localize_digits(minutes, user.preferred_digits(language)),
        }
        with translation.override(language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class PasswordResetView(LocalPasswordsOnly, auth_views.PasswordResetView):
    """Ask for a reset link. At most ZIST_PASSWORD_RESET_MAX requests an hour from one
    client (refused with a message) and for one address (the page says the same as
    always, but no more mail goes out, so that nobody can flood a mailbox)."""

    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    @property
    def extra_email_context(self) -> dict:
        return {
            "base_url": settings.ZIST_BASE_URL,
        }

    def form_valid(self, form):
        limit = settings.ZIST_PASSWORD_RESET_MAX
        address = throttle.client_ip(self.request) or "unknown"
        email = form.cleaned_data["email"].strip().lower()
        if not throttle.reserve(
            [throttle.Limit(f"reset-client:{address}", limit)], RESET_WINDOW_MINUTES
        ):
            log.warning("password reset refused: client=%s reason=throttled", address)
            form.add_error(None, _("Too many reset requests from here. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if not throttle.reserve(
            [throttle.Limit(f"reset-email:{email}", limit)], RESET_WINDOW_MINUTES
        ):
            log.warning("password reset not sent: client=%s reason=address throttled", address)
            return super(auth_views.PasswordResetView, self).form_valid(form)
        log.info("password reset requested: client=%s", address)
        return super().form_valid(form)


class PasswordResetDoneView(LocalPasswordsOnly, auth_views.PasswordResetDoneView):
    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }


class PasswordResetConfirmView(LocalPasswordsOnly, auth_views.PasswordResetConfirmView):
    """Set the new password from the link (once; it expires after
    ZIST_PASSWORD_RESET_MINUTES). Saving it revokes the user's API tokens and ends
    their other sessions (zist.users.signals); the browser that proved it reads the
    mailbox is remembered as the account's (zist.users.throttle)."""

    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        username = form.user.get_username()
        throttle.remember_device(response, username)
        log.warning("password reset: user=%r client=%s", username, throttle.client_ip(self.request))
        return response


class PasswordResetCompleteView(LocalPasswordsOnly, auth_views.PasswordResetCompleteView):
    pass


class PasswordChangeView(LocalPasswordsOnly, auth_views.PasswordChangeView):
    pass
