from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.training import filters, forms, tables
from zist.training.models import (
    Certificate,
    Course,
    Enrolment,
    Evidence,
    Person,
    Requirement,
    Session,
)


@register
class PersonRegister(Register):
    model = Person
    form = forms.PersonForm
    filterset = filters.PersonFilterSet
    table = tables.PersonTable
    menu_group = "support"
    slug = "people"
    detail_template = "training/person_extra.html"
    related = [
        Related(
            "enrolments",
            label=_("Training"),
            columns=("session", "attendance", "result", "effectiveness"),
        ),
        Related("certificates", columns=("title", "issued_on", "expires_on")),
    ]
    natural_key = ("unit", "name__iexact")


@register
class CourseRegister(Register):
    model = Course
    form = forms.CourseForm
    filterset = filters.CourseFilterSet
    table = tables.CourseTable
    menu_group = "support"
    related = [
        Related("sessions", columns=("date", "audience", "place"), add=True, add_with=("unit",))
    ]
    natural_key = ("unit", "title__iexact")


@register
class SessionRegister(Register):
    model = Session
    form = forms.SessionForm
    filterset = filters.SessionFilterSet
    table = tables.SessionTable
    menu_group = "support"
    detail_template = "training/session_extra.html"
    related = [
        Related(
            "enrolments",
            label=_("Participants"),
            columns=("person", "person__kind", "attendance", "result", "score", "effectiveness"),
            add=True,
            limit=100,
        )
    ]


@register
class EnrolmentRegister(Register):
    model = Enrolment
    form = forms.EnrolmentForm
    filterset = filters.EnrolmentFilterSet
    table = tables.EnrolmentTable
    menu_group = "support"


@register
class CertificateRegister(Register):
    model = Certificate
    grows = True
    form = forms.CertificateForm
    filterset = filters.CertificateFilterSet
    table = tables.CertificateTable
    menu_group = "support"


@register
class RequirementRegister(Register):
    model = Requirement
    form = forms.RequirementForm
    filterset = filters.RequirementFilterSet
    table = tables.RequirementTable
    menu_group = "support"
    detail_template = "training/requirement_extra.html"
    natural_key = ("unit", "title__iexact")


@register
class EvidenceRegister(Register):
    model = Evidence
    grows = True
    form = forms.EvidenceForm
    filterset = filters.EvidenceFilterSet
    table = tables.EvidenceTable
    menu_group = "support"
