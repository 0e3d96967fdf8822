from importlib.util import find_spec

from django.apps import apps
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from zist.attachments.api import AttachmentViewSet
from zist.core import health, lookups, pages
from zist.core.api import viewset_for
from zist.core.registry import registers
from zist.jobs.api import JobViewSet
from zist.users import passwords
from zist.users import views as user_views

router = DefaultRouter()
for reg in registers():
    router.register(
        f"{reg.model._meta.app_label}/{reg.url_slug()}",
        viewset_for(reg),
        basename=f"{reg.model._meta.app_label}-{reg.model._meta.model_name}",
    )

router.register("attachments", AttachmentViewSet, basename="attachment")
router.register("jobs", JobViewSet, basename="job")

urlpatterns = [
    path("health/", health.health, name="health"),
    path("ready/", health.ready, name="ready"),
    path("lookup/", lookups.lookup, name="lookup"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("api/", include(router.urls)),
    path("i18n/switch/", user_views.switch_language, name="switch_language"),
    path("files/", include("zist.attachments.urls")),
    path("sso/", include("zist.sso.urls")),
    path("favicon.ico", RedirectView.as_view(url="/static/zist/favicon.svg")),
]

urlpatterns += i18n_patterns(
    path("", pages.home, name="home"),
    path("changes/", pages.change_log, name="change_log"),
    path("login/", user_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/", passwords.PasswordChangeView.as_view(success_url="/"), name="password_change"
    ),
    path("password/reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        passwords.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        passwords.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("profile/", user_views.profile, name="profile"),
    path("profile/tokens/", user_views.token_create, name="token_create"),
    path("profile/tokens/<int:pk>/revoke/", user_views.token_revoke, name="token_revoke"),
    path("organisation/", include("zist.organisations.urls")),
    path("users/", include("zist.users.urls")),
    path("jobs/", include("zist.jobs.urls")),
    # Each domain app's pages live under its label: /fa/planning/aspects/…
    *[
        path(f"{config.label}/", include(f"{config.name}.urls"))
        for config in apps.get_app_configs()
        if config.name.startswith("zist.")
        and config.label
        not in {"core", "users", "organisations", "attachments", "jobs", "demo", "sso"}
        and find_spec(f"{config.name}.urls")
    ],
)
