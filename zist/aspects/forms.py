import json

from django import forms
from django.utils.translation import gettext_lazy as _

from zist.aspects import significance
from zist.aspects.models import Activity, Aspect, CriteriaSet, Criterion, OverrideRule
from zist.core.forms import ZistModelForm, scope_choices


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
            "impact",
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
