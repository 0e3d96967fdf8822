import json

from django import forms
from django.utils.translation import gettext_lazy as _

from zist.aspects import significance
from zist.aspects.models import (
    Activity,
    Aspect,
    CriteriaSet,
    Criterion,
    Impact,
    OverrideRule,
)
from zist.core.forms import IntegerNumberField, ZistModelForm, scope_choices


class ScoresField(forms.CharField):
    """Scores typed as "severity=3; probability=3; extent=3" (any digits)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("scores"))
        kwargs.setdefault(
            "help_text",
            _(
                "One score per criterion, as code=score separated by semicolons, "
                "e.g. severity=3; probability=3; extent=3."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            try:
                value = json.loads(value) if value.startswith("{") else value
            except ValueError:
                return value
        if isinstance(value, dict):
            return significance.format_scores(value)
        return value

    def to_python(self, value):
        if isinstance(value, dict):
            return value
        try:
            return significance.parse_scores(str(value or ""))
        except ValueError as exc:
            raise forms.ValidationError(
                _("Write each score as code=number, e.g. severity=3 (not “%(part)s”)."),
                params={"part": str(exc)},
            ) from None


class CriteriaSetForm(ZistModelForm):
    class Meta:
        model = CriteriaSet
        fields = ["unit", "name", "method", "threshold", "description"]


class CriterionForm(ZistModelForm):
    class Meta:
        model = Criterion
        fields = ["criteria_set", "code", "name", "minimum", "maximum", "weight", "scale", "order"]


class OverrideRuleForm(ZistModelForm):
    class Meta:
        model = OverrideRule
        fields = ["criteria_set", "kind", "condition", "criterion", "minimum"]


class ActivityForm(ZistModelForm):
    class Meta:
        model = Activity
        fields = ["unit", "code", "name", "description"]


class AspectForm(ZistModelForm):
    scores = ScoresField()

    class Meta:
        model = Aspect
        fields = [
            "activity",
            "name",
            "condition",
            "life_cycle_stage",
            "control",
            "obligations",
            "controls",
            "criteria_set",
            "scores",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only activities of units where the user may add or change aspects.
        action = "change" if self.instance.pk else "add"
        units = scope_choices(Aspect, self.user, action)
        self.fields["activity"].queryset = self.fields["activity"].queryset.filter(unit__in=units)
        self.criteria = self._known_criteria()
        if self.criteria:
            # One number field per criterion of the set; the typed "code=score" field
            # stays for imports and the API.
            self.fields["scores"].widget = forms.HiddenInput()
            scores = self.instance.scores or {}
            for criterion in self.criteria:
                self.fields[f"score_{criterion.code}"] = IntegerNumberField(
                    label=criterion.name,
                    required=False,
                    min_value=criterion.minimum,
                    max_value=criterion.maximum,
                    initial=scores.get(criterion.code),
                    help_text=" · ".join(criterion.scale.splitlines()),
                )

    def _known_criteria(self) -> list:
        """The criteria of the set this aspect is (or will be) scored with, when the
        page already knows it: an existing aspect, the set chosen in the submitted form,
        or the set covering an activity given in the link."""
        from zist.aspects.services import criteria_set_for

        criteria_set = self.instance.criteria_set if self.instance.criteria_set_id else None
        if criteria_set is None and self.is_bound:
            chosen = str(self.data.get("criteria_set") or "")
            if chosen.isdigit():
                # Among the sets offered (those the user may see), never any by id.
                offered = self.fields["criteria_set"].queryset
                criteria_set = offered.filter(pk=int(chosen)).first()
        if criteria_set is None and not self.is_bound:
            activity_pk = str(self.initial.get("activity") or "")
            activity = (
                self.fields["activity"].queryset.filter(pk=int(activity_pk)).first()
                if activity_pk.isdigit()
                else None
            )
            criteria_set = criteria_set_for(activity.unit) if activity else None
            if criteria_set is not None:
                self.initial["criteria_set"] = criteria_set.pk
        return list(criteria_set.criteria.all()) if criteria_set else []

    def clean(self):
        cleaned = super().clean()
        given = {
            c.code: cleaned[f"score_{c.code}"]
            for c in self.criteria
            if cleaned.get(f"score_{c.code}") is not None
        }
        if given:
            cleaned["scores"] = given
        return cleaned

    def add_error(self, field, error):
        # With one field per criterion the combined field is hidden: show its errors
        # (also those the model's clean() reports for it) at the top of the form.
        if getattr(self, "criteria", None):
            if field == "scores":
                field = None
            elif field is None and "scores" in getattr(error, "error_dict", {}):
                super().add_error(None, forms.ValidationError(error.error_dict.pop("scores")))
                if not error.error_dict:
                    return
        super().add_error(field, error)


class ImpactForm(ZistModelForm):
    class Meta:
        model = Impact
        fields = ["aspect", "category", "description", "effect"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only aspects of units where the user may add or change impacts.
        action = "change" if self.instance.pk else "add"
        units = scope_choices(Impact, self.user, action)
        self.fields["aspect"].queryset = self.fields["aspect"].queryset.filter(
            activity__unit__in=units
        )
