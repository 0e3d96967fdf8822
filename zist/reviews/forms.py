from django import forms
from django.utils.translation import gettext_lazy as _

from zist.core.forms import CalendarDateField, ZistModelForm
from zist.reviews.models import ManagementReview


class ManagementReviewForm(ZistModelForm):
    class Meta:
        model = ManagementReview
        fields = [
            "unit",
            "title",
            "period_start",
            "period_end",
            "meeting_date",
            "chair",
            "participants",
            "resources",
            "conclusions",
            "decisions",
        ]


class DecisionActionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    due_date = CalendarDateField(label=_("Due date"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        from zist.users.models import User

        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.restrict(user, "view")
