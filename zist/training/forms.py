from django import forms
from django.utils.translation import gettext_lazy as _

from zist.core.forms import ZistModelForm
from zist.training.models import (
    Certificate,
    Course,
    Enrolment,
    Evidence,
    Person,
    Requirement,
    Session,
)


class PersonForm(ZistModelForm):
    class Meta:
        model = Person
        fields = [
            "unit",
            "name",
            "kind",
            "post",
            "organisation_name",
            "email",
            "phone",
            "user",
            "active",
        ]


class CourseForm(ZistModelForm):
    class Meta:
        model = Course
        fields = ["unit", "title", "description", "duration_hours", "validity_months"]


class SessionForm(ZistModelForm):
    class Meta:
        model = Session
        fields = ["unit", "course", "date", "place", "trainer", "audience", "capacity"]


class EnrolmentForm(ZistModelForm):
    class Meta:
        model = Enrolment
        fields = [
            "session",
            "person",
            "attendance",
            "result",
            "score",
            "effectiveness",
            "effectiveness_checked_on",
            "note",
        ]


class CertificateForm(ZistModelForm):
    class Meta:
        model = Certificate
        fields = ["person", "course", "title", "issuer", "issued_on", "expires_on"]


class RequirementForm(ZistModelForm):
    class Meta:
        model = Requirement
        fields = ["unit", "title", "post", "role", "course", "count", "description"]


class EvidenceForm(ZistModelForm):
    class Meta:
        model = Evidence
        fields = ["person", "requirement", "date", "description"]


class BulkEnrolForm(forms.Form):
    """Enrol the people ticked in the needs matrix on one session."""

    session = forms.ModelChoiceField(queryset=Session.objects.none(), label=_("Session"))
    people = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(), label=_("People"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, sessions=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["people"].queryset = people
