"""Form machinery: dates typed in the user's calendar and choices restricted to what
the user may see (and, for the field that places an object on the tree, change)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zist.core import calendars
from zist.core.querysets import scope_paths, subtree_q, with_str_related


class CalendarDateInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "numeric", "dir": "ltr", "autocomplete": "off", **(attrs or {})}
        )

    def format_value(self, value):
        if hasattr(value, "year"):
            return calendars.format_date(value)
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", calendars.date_input_hint())
        return context


class CalendarDateField(forms.DateField):
    """A date typed in the user's calendar (Jalali or Gregorian), in Persian,
    Arabic-Indic or Latin digits."""

    widget = CalendarDateInput
    default_error_messages = {
        "invalid": _("Enter a valid date, e.g. %(example)s."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if hasattr(value, "year"):
            return value
        try:
            parsed = calendars.parse_date(str(value))
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"example": calendars.date_input_hint()},
            ) from None
        return check_plausible(parsed)


def check_plausible(value):
    """`value` if it lies in the window of dates people plausibly mean, else a
    ValidationError saying the window in the user's calendar."""
    if value is not None and not calendars.is_plausible(value):
        raise ValidationError(calendars.plausible_window_message(), code="implausible")
    return value


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids beyond 64 bits as "not a valid value" before its
    `pk__in` query: SQLite cannot bind them (an OverflowError, a server error)."""

    def _check_values(self, value):
        for pk in value or ():
            try:
                number = int(str(pk))
            except ValueError:
                continue  # Django's own check names it
            if not -(2**63) <= number < 2**63:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


def restrict_choices(fields, user) -> None:
    """Limit every model choice field to the objects `user` may view."""
    for field in fields.values():
        if type(field) is forms.ModelMultipleChoiceField:
            field.__class__ = BoundedModelMultipleChoiceField
        queryset = getattr(field, "queryset", None)
        if queryset is not None and hasattr(queryset, "restrict"):
            field.queryset = with_str_related(queryset.restrict(user, "view"))


def scope_choices(model, user, action: str):
    """Units on which `user` may `action` objects of `model`."""
    from zist.organisations.models import Unit

    paths = scope_paths(user, model, action)
    units = Unit.objects.filter(archived=False)
    return units if paths is None else units.filter(subtree_q("", paths))


class ZistModelForm(forms.ModelForm):
    """Base of every register's form. Pass `user`; the view does."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name, field in list(self.fields.items()):
            if type(field) is forms.DateField:
                self.fields[name] = CalendarDateField(
                    required=field.required,
                    label=field.label,
                    help_text=field.help_text,
                    initial=field.initial,
                )
        restrict_choices(self.fields, user)
        scope_name = self._meta.model.scope_field.split("__", 1)[0]
        if scope_name and self._meta.model.scope_field == scope_name and scope_name in self.fields:
            action = "change" if self.instance.pk else "add"
            self.fields[scope_name].queryset = scope_choices(self._meta.model, user, action)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_("The first row holds the column headings of the template."),
    )


def add_validation_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Put an error raised while saving (a rule checked under a lock, inside the
    transaction) on the form, on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
