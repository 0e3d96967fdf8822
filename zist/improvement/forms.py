from django import forms
from django.utils.translation import gettext_lazy as _

from zist.core.forms import CalendarDateField, ZistModelForm
from zist.improvement.models import Finding, Idea, Review, Step


class IdeaForm(ZistModelForm):
    class Meta:
        model = Idea
        fields = [
            "unit",
            "title",
            "description",
            "source",
            "submitted_by",
            "submitter_name",
            "submitted_on",
            "status",
            "rejection_reason",
        ]


class ReviewForm(ZistModelForm):
    class Meta:
        model = Review
        fields = ["unit", "title", "held_on", "facilitator", "team", "description"]


class StepForm(ZistModelForm):
    class Meta:
        model = Step
        fields = ["review", "order", "name", "processing_minutes", "waiting_minutes", "resources"]


class FindingForm(ZistModelForm):
    class Meta:
        model = Finding
        fields = [
            "review",
            "step",
            "title",
            "waste",
            "lane",
            "resource",
            "lost_quantity",
            "lost_unit",
            "root_cause",
            "improvement",
            "saving_money",
            "saving_kwh",
            "saving_m3",
            "saving_tco2e",
            "status",
            "indicator",
            "before_start",
            "before_end",
            "after_start",
            "after_end",
        ]


class AcceptForm(forms.Form):
    """Accepting a finding or an idea: who carries out the action, and by when."""

    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    due_date = CalendarDateField(label=_("Due date"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        from zist.users.models import User

        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.restrict(user, "view")
