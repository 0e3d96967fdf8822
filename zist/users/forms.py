from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from zist.core.forms import ZistModelForm, digits_of_the_reader
from zist.core.querysets import with_str_related
from zist.users.models import RoleAssignment, User, may_grant, plain_reminder_days
from zist.users.roles import Role


class UserForm(ZistModelForm):
    password = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Leave empty to keep the current password."),
    )

    class Meta:
        model = User
        fields = [
            "username",
            "first_name",
            "last_name",
            "email",
            "home_unit",
            "is_active",
            "language",
            "calendar",
            "digits",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_unit"].required = True
        # Django's own help text counts in Latin digits ("150 characters or fewer").
        username = self.fields["username"]
        username.help_text = digits_of_the_reader(username.help_text)
        if not settings.ZIST_LOCAL_PASSWORDS:
            # People sign in through the directory only (zist.sso).
            del self.fields["password"]
        elif not self.instance.pk:
            self.fields["password"].required = True
            self.fields["password"].help_text = ""

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if password:
            password_validation.validate_password(password, self.instance)
        return password

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        elif not user.pk:
            user.set_unusable_password()
        if commit:
            user.save()
        return user


class RoleAssignmentForm(ZistModelForm):
    """A grant offers the people the grantor may change and the roles the grantor
    could give somewhere (zist.users.models.may_grant decides for the unit chosen)."""

    class Meta:
        model = RoleAssignment
        fields = ["user", "role", "unit", "valid_from", "valid_until", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = "change" if self.instance.pk else "add"
        self.fields["user"].queryset = with_str_related(User.objects.restrict(self.user, "change"))
        grantable = grantable_roles(self.user, self.action)
        self.fields["role"].choices = [
            (value, label) for value, label in self.fields["role"].choices if value in grantable
        ]

    def clean(self):
        cleaned = super().clean()
        role, unit = cleaned.get("role"), cleaned.get("unit")
        if role and unit and not may_grant(self.user, role, unit, self.action):
            self.add_error("role", GRANT_REFUSED)
        return cleaned


GRANT_REFUSED = _("You may not grant this role on this unit.")


def grantable_roles(user, action: str = "add") -> set[str]:
    """Roles `user` could grant on some unit (empty choice included)."""
    from zist.users.models import power_paths

    if user is not None and user.is_superuser:
        return {"", *Role.values}
    return {"", *(r for r in Role.values if power_paths(user, "users.roleassignment", action, r))}


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "email",
            "language",
            "calendar",
            "digits",
            "email_reminders",
            "reminder_days",
        ]

    def clean_reminder_days(self) -> str:
        return plain_reminder_days(self.cleaned_data["reminder_days"])


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, e.g. meter feed."),
    )


class LoginForm(AuthenticationForm):
    """Login that counts each attempt before checking the password and refuses further
    tries after repeated failures (see zist.users.throttle)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed logins. Try again in %(minutes)s minutes."),
    }

    def clean(self):
        from zist.users import throttle

        username = self.cleaned_data.get("username") or ""
        if not username or not self.cleaned_data.get("password"):
            return super().clean()  # nothing is checked, so nothing to count
        limits = throttle.login_limits(self.request, username)
        if not throttle.reserve(limits):
            throttle.log.warning(
                "login refused: user=%r client=%s path=%s reason=throttled",
                username[:150],
                throttle.client_ip(self.request),
                self.request.path if self.request is not None else "",
            )
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": throttle.lockout_minutes()},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            throttle.record_failure(self.request, username, error.code or "invalid")
            raise
        throttle.succeeded(limits)
        throttle.log.info(
            "login: user=%r client=%s", username[:150], throttle.client_ip(self.request)
        )
        return cleaned
