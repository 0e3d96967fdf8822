"""Login, the user's own profile (preferences, API tokens) and the language switch."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.users import throttle
from zist.users.forms import LoginForm, ProfileForm, TokenForm
from zist.users.models import ApiToken

log = logging.getLogger("zist.security")


def in_language(url: str, language: str) -> str:
    """The same page in another language, or the home page if `url` is not ours."""
    # translate_url resolves the path in the active language: use the page's own.
    with translation.override(translation.get_language_from_path(url) or language):
        target = translate_url(url, language)
    if urlsplit(target).path == urlsplit(url).path and not url.startswith(f"/{language}/"):
        with translation.override(language):
            return reverse("home")
    return target


def _language_redirect(request, response, language: str):
    """Point the response at the same page in `language` and remember the choice."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", max_age=365 * 24 * 3600
    )
    return response


class LoginView(auth_views.LoginView):
    """Zist's password form and the directory's button (zist.sso); only the button
    when ZIST_LOCAL_PASSWORDS is off, and then a password sent anyway is refused."""

    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        from zist.sso import oidc, saml

        providers = []
        if oidc.enabled():
            providers.append(
                {"name": settings.ZIST_OIDC_PROVIDER_NAME, "url": reverse("sso:oidc_login")}
            )
        if saml.enabled():
            providers.append(
                {"name": settings.ZIST_SAML_PROVIDER_NAME, "url": reverse("sso:saml_login")}
            )
        return {
            **super().get_context_data(**kwargs),
            "sso_providers": providers,
            "local_passwords": settings.ZIST_LOCAL_PASSWORDS,
            "home_url": reverse("home"),
        }

    def post(self, request, *args, **kwargs):
        if not settings.ZIST_LOCAL_PASSWORDS:
            from zist.users.passwords import passwords_off_message

            log.info("password login refused: reason=passwords off")
            context = self.get_context_data(refusal=passwords_off_message())
            return self.render_to_response(context, status=403)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        super().form_valid(form)
        language = self.request.user.preferred_language
        target = in_language(self.get_success_url(), language)
        response = _language_redirect(self.request, HttpResponseRedirect(target), language)
        # This browser now knows the account: guesses elsewhere do not lock it out.
        throttle.remember_device(response, self.request.user.get_username())
        return response


@require_POST
def switch_language(request):
    """Show the current page in another language and keep that choice in the profile."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language", "last_updated"])
    target = in_language(next_url, language)
    return _language_redirect(request, HttpResponseRedirect(target), language)


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user, prefix="profile")
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your preferences are saved."))
        language = user.preferred_language
        translation.activate(language)
        return _language_redirect(request, HttpResponseRedirect(reverse("profile")), language)
    return render(
        request,
        "users/profile.html",
        {
            "form": form,
            "token_form": TokenForm(prefix="token"),
            "tokens": user.api_tokens.all(),
            "grants": user.role_assignments.select_related("unit", "unit__organisation"),
            "local_passwords": settings.ZIST_LOCAL_PASSWORDS,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST, prefix="token")
    if not form.is_valid():
        messages.error(request, _("Give the token a name."))
        return HttpResponseRedirect(reverse("profile"))
    token, key = ApiToken.issue(request.user, form.cleaned_data["name"])
    # The key is shown once, on this page only, and never stored in the clear.
    return render(request, "users/token_created.html", {"token": token, "key": key})


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.delete()
    messages.success(request, _("Revoked token %(name)s.") % {"name": token.name})
    return HttpResponseRedirect(reverse("profile"))
