from zist.awards.models import Application, Criterion, Round, Scheme, Score
from zist.core.forms import ZistModelForm


class SchemeForm(ZistModelForm):
    class Meta:
        model = Scheme
        fields = ["unit", "code", "name", "total_points", "levels", "description"]


class CriterionForm(ZistModelForm):
    class Meta:
        model = Criterion
        fields = ["scheme", "parent", "code", "name", "kind", "points", "kpi_code", "rule", "order"]


class RoundForm(ZistModelForm):
    class Meta:
        model = Round
        fields = ["unit", "scheme", "name", "programme", "status", "spread_limit"]


class ApplicationForm(ZistModelForm):
    class Meta:
        model = Application
        fields = ["round", "unit", "category", "evidence"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Open rounds are announced to every organisation: any may apply.
        self.fields["round"].queryset = Round.objects.open_or(self.fields["round"].queryset)


class ScoreForm(ZistModelForm):
    """An assessor's own score: the assessor is whoever enters it."""

    class Meta:
        model = Score
        fields = ["application", "criterion", "consensus", "percent", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.user is not None:
            self.instance.assessor = self.user
