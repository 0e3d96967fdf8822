"""People who log in, the roles they hold on units, and their API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from zist.core import calendars
from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet, subtree_q
from zist.users.roles import TIME_LIMITED_ROLES, VIEW, Role, dominates, role_allows


def power_paths(user, model_label: str, action: str, role: str) -> list[str]:
    """Tree paths of the units on whose subtrees `user` may `action` objects of
    `model_label` through a grant of a role at least as strong as `role`."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    return sorted(
        {
            grant.unit.path
            for grant in user.active_grants()
            if role_allows(grant.role, model_label, action) and dominates(grant.role, role)
        }
    )


def within_power(user, model_label: str, action: str) -> Q:
    """Role grants (RoleAssignment objects) that `user`, through `model_label`'s
    `action`, holds power over: on a unit of their subtree, of a role no stronger than
    the one they hold there."""
    query = Q(pk__in=[])
    for role in Role:
        query |= Q(role=role) & subtree_q("unit", power_paths(user, model_label, action, role))
    return query


def may_grant(user, role: str, unit, action: str = "add") -> bool:
    """Whether `user` may give `role` on `unit`: on their subtree, no stronger than
    the role they hold there (nobody grants themselves or anyone else more)."""
    if _unlimited(user):
        return True
    paths = power_paths(user, "users.roleassignment", action, role)
    return any(unit.path.startswith(path) for path in paths)


def _unlimited(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active and user.is_superuser


class UserQuerySet(RestrictedQuerySet):
    def restrict(self, user, action: str = VIEW) -> UserQuerySet:
        """Accounts `user` may `action`. Changing an account (its password, whether it
        is active) is a way to act as it, so beyond the home unit's subtree it takes
        power over every grant the account holds, and only a superuser changes a
        superuser."""
        queryset = super().restrict(user, action)
        if action == VIEW or _unlimited(user):
            return queryset
        beyond = RoleAssignment.objects.exclude(within_power(user, "users.user", action))
        return queryset.filter(is_superuser=False).exclude(pk__in=beyond.values("user"))


class ZistUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class RoleAssignmentQuerySet(RestrictedQuerySet):
    def restrict(self, user, action: str = VIEW) -> RoleAssignmentQuerySet:
        """Grants `user` may `action`: granting, changing or removing one takes a role
        at least as strong on the grant's unit, and power over the account it is for."""
        queryset = super().restrict(user, action)
        if action == VIEW or _unlimited(user):
            return queryset
        accounts = User.objects.restrict(user, "change").values("pk")
        return queryset.filter(within_power(user, self.model._meta.label_lower, action)).filter(
            user__in=accounts
        )


def reminder_thresholds(text: str) -> tuple[int, ...]:
    """ "30, 7" as (30, 7): distinct days, largest first; ValueError when not whole
    numbers from 0 to 365."""
    days = sorted({int(part) for part in text.split(",") if part.strip()}, reverse=True)
    if any(day < 0 or day > 365 for day in days):
        raise ValueError(text)
    return tuple(days)


def plain_reminder_days(text: str) -> str:
    """Typed days in Latin digits and commas: "۳۰، ۷" (Persian keyboard) is "30,7"."""
    return calendars.to_latin_digits(text).replace("\u060c", ",").replace(" ", "")


def validate_reminder_days(text: str) -> None:
    try:
        reminder_thresholds(plain_reminder_days(text))
    except ValueError:
        raise ValidationError(
            _("Write whole numbers of days from 0 to 365 separated by commas, e.g. 30,7."),
            code="reminder_days",
        ) from None


class User(AbstractUser, ZistModel):
    """A person with a login. Belongs to a home unit, which decides which
    administrators manage the account; what the person may do comes from role grants."""

    scope_field = "home_unit"
    history_excluded_fields = ("password", "last_login")

    home_unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("home unit"),
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: the organisation's language."),
    )
    calendar = models.CharField(
        _("calendar"),
        max_length=10,
        choices=calendars.CALENDAR_CHOICES,
        blank=True,
        help_text=_("Empty: the organisation's calendar."),
    )
    digits = models.CharField(
        _("digits"),
        max_length=10,
        choices=calendars.DIGIT_CHOICES,
        blank=True,
        help_text=_("Empty: Persian digits in Persian, Latin digits otherwise."),
    )

    email_reminders = models.BooleanField(
        _("e-mail reminders"),
        default=True,
        help_text=_("One e-mail listing what is due soon or overdue among your tasks."),
    )
    reminder_days = models.CharField(
        _("remind me this many days before"),
        max_length=40,
        blank=True,
        validators=[validate_reminder_days],
        help_text=_("Days before a due date, separated by commas, e.g. 30,7. Empty: 30,7."),
    )

    objects = ZistUserManager()

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def organisation(self):
        return self.home_unit.organisation if self.home_unit_id else None

    def active_grants(self) -> list[RoleAssignment]:
        """Role grants in force today (cached for the life of this object/request)."""
        if not hasattr(self, "_active_grants"):
            today = timezone.localdate()
            self._active_grants = list(
                self.role_assignments.filter(
                    models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=today),
                    models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=today),
                ).select_related("unit")
            )
        return self._active_grants

    @cached_property
    def preferred_calendar(self) -> str:
        if self.calendar:
            return self.calendar
        org = self.organisation
        return org.calendar if org else calendars.GREGORIAN

    def preferred_digits(self, language: str) -> str:
        if self.digits:
            return self.digits
        return calendars.PERSIAN_DIGITS if language == "fa" else calendars.LATIN_DIGITS

    @property
    def preferred_language(self) -> str:
        if self.language:
            return self.language
        org = self.organisation
        return org.language if org else settings.LANGUAGE_CODE


class RoleAssignment(ZistModel):
    """A role granted to a user on a unit, covering the unit's subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    unit = models.ForeignKey(
        "organisations.Unit",
        models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("unit"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("After this day the role gives no access. Required for external auditors."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["user__username", "unit__path", "role"]
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                name="role_assignment_unique",
                violation_error_message=_("This user already has this role on this unit."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit}"

    def clean(self) -> None:
        if self.role in TIME_LIMITED_ROLES and not self.valid_until:
            raise ValidationError(
                {"valid_until": _("An external auditor's access needs an end date.")}
            )
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date is before the start date.")})


class ApiToken(models.Model):
    """A personal key for the REST API. Only a digest is stored; the key is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expires = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str, expires=None) -> tuple[ApiToken, str]:
        """Create a token and return it with its key, which is never stored. Unless
        `expires` is given it expires after ZIST_API_TOKEN_DAYS (0: never)."""
        if expires is None and settings.ZIST_API_TOKEN_DAYS:
            expires = timezone.now() + timedelta(days=settings.ZIST_API_TOKEN_DAYS)
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, prefix=key[:8], digest=cls.hash(key), expires=expires
        )
        return token, key

    @property
    def is_expired(self) -> bool:
        return self.expires is not None and self.expires <= timezone.now()


class LoginFailure(models.Model):
    """A failed login, kept a day as a record of password guessing (the counting that
    throttles it is LoginThrottle's)."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"


class LoginThrottle(models.Model):
    """Attempts counted under one key (an account, a client address, a known browser)
    in the current window. One row per key, updated under a row lock, so that
    concurrent guesses are counted one after the other (see zist.users.throttle)."""

    key = models.CharField(max_length=200, unique=True)
    attempts = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("login throttle")
        verbose_name_plural = _("login throttles")

    def __str__(self) -> str:
        return f"{self.key} {self.attempts}"
