"""Form machinery: numbers, dates and date-times typed as the user writes them (any
digits, the language's separators, the user's calendar), and choices restricted to what
the user may see (and, for the field that places an object on the tree, change)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core import calendars, lookups, numbers
from zist.core.querysets import hidden_links, scope_paths, subtree_q, with_str_related


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


class CalendarDateTimeInput(CalendarDateInput):
    def format_value(self, value):
        if isinstance(value, dt.datetime):
            return calendars.format_datetime(value)
        return value

    def get_context(self, name, value, attrs):
        context = forms.TextInput.get_context(self, name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", calendars.datetime_input_hint())
        return context


class CalendarDateTimeField(forms.DateTimeField):
    """A date and time typed in the user's calendar and digits (`۱۴۰۵/۰۹/۱۱ ۰۸:۰۰`),
    in the current time zone (the organisation's); stored as the UTC instant. A date
    alone means its midnight."""

    widget = CalendarDateTimeInput
    default_error_messages = {
        "invalid": _("Enter a valid date and time, e.g. %(example)s."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return from_current_timezone(value) if timezone.is_naive(value) else value
        if isinstance(value, dt.date):
            return from_current_timezone(dt.datetime.combine(value, dt.time()))
        try:
            moment = calendars.parse_datetime(str(value))
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"example": calendars.datetime_input_hint()},
            ) from None
        return from_current_timezone(moment)


class NumberTextInput(forms.TextInput):
    """A text input for numbers: the browser keeps every character typed (a
    `type=number` input drops Persian digits and the decimal comma before the form is
    sent), the phone shows its number keyboard."""

    def __init__(self, attrs=None, inputmode: str = "decimal"):
        super().__init__(
            {"inputmode": inputmode, "dir": "ltr", "autocomplete": "off", **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return numbers.input_text(value)
        return value


class NumberField(forms.DecimalField):
    """A number typed as the user writes it: any digits, the language's decimal and
    group marks, refused with an example when ambiguous (rules in `zist.core.numbers`).
    Cleans to a Decimal; `FloatNumberField` and `IntegerNumberField` to float and int.
    The model's limits (digits, decimal places, minimum, maximum) still apply: a value
    with too many decimals is refused, never rounded."""

    widget = NumberTextInput
    default_error_messages = {
        "invalid": _("Enter a number, e.g. %(example)s or %(plain)s."),
        "ambiguous": _(
            "It is not clear which number %(value)s is. Write it like %(example)s or %(plain)s."
        ),
    }

    def _params(self, value) -> dict:
        return {
            "value": value,
            "example": numbers.example(grouped=True),
            "plain": numbers.example(grouped=False),
        }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return numbers.to_decimal(value)
        try:
            return numbers.parse_number(str(value))
        except numbers.NumberError as error:
            raise ValidationError(
                self.error_messages[error.code], code=error.code, params=self._params(value)
            ) from None

    def clean(self, value):
        return self.convert(super().clean(value))

    def convert(self, value: Decimal | None):
        return value

    def has_changed(self, initial, data) -> bool:
        try:
            data = self.to_python(data)
        except ValidationError:
            return True
        if initial in self.empty_values:
            return data is not None
        return data != numbers.to_decimal(initial)


class FloatNumberField(NumberField):
    def convert(self, value):
        return None if value is None else float(value)


class IntegerNumberField(NumberField):
    default_error_messages = {
        "whole": _("Enter a whole number, e.g. %(example)s."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs["inputmode"] = "numeric"

    def validate(self, value):
        super().validate(value)
        if value is not None and value != value.to_integral_value():
            raise ValidationError(
                self.error_messages["whole"],
                code="whole",
                params={"example": numbers.format_number(1234)},
            )

    def convert(self, value):
        return None if value is None else int(value)


# Django's default form fields → Zist's, swapped in every ZistModelForm and FilterSet.
FIELD_SWAPS: dict[type, type] = {
    forms.DateField: CalendarDateField,
    forms.DateTimeField: CalendarDateTimeField,
    forms.DecimalField: NumberField,
    forms.FloatField: FloatNumberField,
    forms.IntegerField: IntegerNumberField,
}


DEFAULT_WIDGETS = (forms.NumberInput, forms.DateInput, forms.DateTimeInput, forms.TextInput)


def zist_field(field: forms.Field) -> forms.Field:
    """`field` as Zist's own field where Django's default would lose what the user
    types (Django's own classes only: a field a form chose on purpose stays)."""
    swap = FIELD_SWAPS.get(type(field))
    if swap is None:
        return field
    # A widget the form chose (a hidden input) stays; Django's defaults are replaced.
    chosen = type(field.widget) not in DEFAULT_WIDGETS
    return swap(
        widget=field.widget if chosen else None,
        required=field.required,
        label=field.label,
        help_text=field.help_text,
        initial=field.initial,
        disabled=field.disabled,
        # Minimum, maximum, digits and decimal places the model field gave.
        validators=list(field.validators),
    )


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
    # By name: core imports no domain app (the organisations app owns the unit tree).
    Unit = apps.get_model("organisations", "Unit")
    paths = scope_paths(user, model, action)
    units = Unit.objects.filter(archived=False)
    return units if paths is None else units.filter(subtree_q("", paths))


class ZistModelForm(forms.ModelForm):
    """Base of every register's form. Pass `user`; the view does."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name, field in list(self.fields.items()):
            self.fields[name] = zist_field(field)
        restrict_choices(self.fields, user)
        scope_name = self._meta.model.scope_field.split("__", 1)[0]
        if scope_name and self._meta.model.scope_field == scope_name and scope_name in self.fields:
            action = "change" if self.instance.pk else "add"
            self.fields[scope_name].queryset = scope_choices(self._meta.model, user, action)
        # Choices that grow with the data are typed (zist.core.lookups).
        lookups.prepare(self.fields, "form", type(self), self.instance.pk)

    def _post_clean(self):
        keep_hidden_links(self)
        super()._post_clean()

    def full_clean(self):
        super().full_clean()
        localise_limits(self)


# Django's own messages about a field's limits ("at most 200 characters (it has 250)",
# "less than or equal to 5"): numbers only, never what the person typed.
LIMIT_CODES = frozenset(
    {
        "max_length",
        "min_length",
        "max_value",
        "min_value",
        "max_digits",
        "max_decimal_places",
        "max_whole_digits",
        "step_size",
    }
)


def digits_of_the_reader(text: str) -> str:
    """A message made of words and numbers with each number in the reader's digits and
    marks (Django's own messages and help texts write them in Latin digits)."""
    if calendars.active_digits() != calendars.PERSIAN_DIGITS:
        return text
    return re.sub(
        r"\d+(?:\.\d+)?",
        lambda m: numbers.format_number(Decimal(m.group(0)), grouping=False),
        str(text),
    )


def localise_limits(form: forms.BaseForm) -> None:
    """Django's limit messages of `form`'s errors in the reader's digits."""
    if calendars.active_digits() != calendars.PERSIAN_DIGITS or not form._errors:
        return
    for errors in form._errors.values():
        for index, error in enumerate(errors.as_data()):
            if error.code in LIMIT_CODES:
                text = digits_of_the_reader(next(iter(error)))
                errors.data[index] = ValidationError(text, code=error.code)


def keep_hidden_links(form: forms.ModelForm) -> None:
    """Keep the record's many-to-many links to records the user may not see.

    `restrict_choices` does not offer them, so they are never posted back; saving
    would silently drop them (an aspect losing its region-level obligation when a
    district representative saves it). Called after `clean()`, before the save."""
    if not form.instance.pk or not hasattr(form, "cleaned_data"):
        return
    many = {f.name for f in form.instance._meta.many_to_many}
    for name, field in form.fields.items():
        offered = getattr(field, "queryset", None)
        if name in many and name in form.cleaned_data and offered is not None:
            if kept := hidden_links(form.instance, name, offered):
                form.cleaned_data[name] = [*form.cleaned_data[name], *kept]


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
