"""Competence, awareness and training (ISO 14001 clauses 7.2, 7.3).

People include persons without a login (contractor and supplier staff, citizens,
volunteers). Competence requirements say what a role or post needs (a course, or a
number of pieces of evidence such as audits observed); courses have sessions for an
audience; enrolments record attendance, the assessment and the later effectiveness
check; certificates may expire. `zist.training.services` decides who meets what.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import format_date
from zist.core.models import ZistModel
from zist.core.querysets import subtree_q
from zist.documents.models import ancestor_paths
from zist.users.roles import Role


class PersonKind(models.TextChoices):
    MANAGER = "manager", _("Manager")
    STAFF = "staff", _("Staff")
    REPRESENTATIVE = "representative", _("Environmental representative")
    CONTRACTOR = "contractor", _("Contractor staff")
    SUPPLIER = "supplier", _("Supplier staff")
    CITIZEN = "citizen", _("Citizen")
    VOLUNTEER = "volunteer", _("Volunteer")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    MANAGERS = "managers", _("Managers")
    STAFF = "staff", _("Staff")
    CONTRACTORS = "contractors", _("Contractors")
    SUPPLIERS = "suppliers", _("Suppliers")
    CITIZENS = "citizens", _("Citizens")
    REPRESENTATIVES = "representatives", _("Representatives")
    AUDITORS = "auditors", _("Internal auditors")


class Person(ZistModel):
    """Someone who is trained or holds a competence, with or without a login."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="people",
        verbose_name=_("unit"),
        help_text=_("The unit the person works for or is trained by."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=PersonKind.choices, default=PersonKind.STAFF
    )
    post = models.CharField(
        _("role or post"), max_length=200, blank=True, help_text=_("E.g. internal auditor.")
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Employer for contractor or supplier staff, association for volunteers."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("login"),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_name})" if self.organisation_name else self.name


class Course(ZistModel):
    """A training course; `validity_months` says how long its completion counts."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="courses", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("content"), blank=True)
    duration_hours = models.DecimalField(
        _("duration (hours)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Empty: a completion counts for ever."),
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title


class Session(ZistModel):
    """One running of a course for an audience, on a date, at a place."""

    str_select_related = ("course",)

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="training_sessions",
        verbose_name=_("organising unit"),
    )
    course = models.ForeignKey(
        Course, models.PROTECT, related_name="sessions", verbose_name=_("course")
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    trainer = models.CharField(_("trainer"), max_length=200, blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.STAFF
    )
    capacity = models.PositiveSmallIntegerField(_("places"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self) -> str:
        return f"{self.course} · {format_date(self.date)}"


class Attendance(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    ATTENDED = "attended", _("Attended")
    ABSENT = "absent", _("Absent")


class Result(models.TextChoices):
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


class Effectiveness(models.TextChoices):
    EFFECTIVE = "effective", _("Effective")
    PARTLY = "partly", _("Partly effective")
    NOT_EFFECTIVE = "not_effective", _("Not effective")


class Enrolment(ZistModel):
    """A person on a session: attendance, assessment, and the effectiveness check made
    some time after the training."""

    str_select_related = ("person", "session__course")

    scope_field = "session__unit"

    session = models.ForeignKey(
        Session, models.CASCADE, related_name="enrolments", verbose_name=_("session")
    )
    person = models.ForeignKey(
        Person, models.PROTECT, related_name="enrolments", verbose_name=_("person")
    )
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.ENROLLED
    )
    result = models.CharField(_("assessment"), max_length=10, choices=Result.choices, blank=True)
    score = models.PositiveSmallIntegerField(
        _("score (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    effectiveness = models.CharField(
        _("effectiveness"), max_length=20, choices=Effectiveness.choices, blank=True
    )
    effectiveness_checked_on = models.DateField(
        _("effectiveness checked on"), null=True, blank=True
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["session", "person__name"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                name="enrolment_once_per_session",
                violation_error_message=_("This person is already enrolled on this session."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person.name} · {self.session}"

    def clean(self) -> None:
        if self.attendance != Attendance.ATTENDED and (self.result or self.effectiveness):
            raise ValidationError({"attendance": _("Only someone who attended can be assessed.")})
        if self.effectiveness and not self.effectiveness_checked_on:
            raise ValidationError(
                {"effectiveness_checked_on": _("Say when the effectiveness was checked.")}
            )


class Certificate(ZistModel):
    """Proof of training or qualification held by a person, possibly expiring."""

    scope_field = "person__unit"
    str_select_related = ("person",)

    person = models.ForeignKey(
        Person, models.PROTECT, related_name="certificates", verbose_name=_("person")
    )
    course = models.ForeignKey(
        Course,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("course"),
    )
    title = models.CharField(_("title"), max_length=300)
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    class Meta:
        ordering = ["expires_on", "pk"]
        # The list's default order, read from an index at any size (issue 18).
        indexes = [models.Index(fields=["expires_on", "id"], name="training_cert_list_order")]
        verbose_name = _("training certificate")
        verbose_name_plural = _("training certificates")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=models.F("issued_on")),
                name="certificate_expires_after_issue",
                violation_error_message=_("A certificate cannot expire before it is issued."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.person.name}"


class Requirement(ZistModel):
    """What a role or post needs in a unit's subtree: a course (completed `count` times
    and still valid) or `count` pieces of evidence (e.g. two audits observed)."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="competence_requirements",
        verbose_name=_("unit"),
        help_text=_("Applies to people of this unit and of every unit under it."),
    )
    title = models.CharField(_("title"), max_length=300)
    post = models.CharField(
        _("post"), max_length=200, blank=True, help_text=_("People whose post is this.")
    )
    role = models.CharField(
        _("role"),
        max_length=40,
        choices=Role.choices,
        blank=True,
        help_text=_("People whose login holds this role."),
    )
    course = models.ForeignKey(
        Course,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="requirements",
        verbose_name=_("course"),
        help_text=_("Empty: the requirement is met by recorded evidence."),
    )
    count = models.PositiveSmallIntegerField(
        _("how many"), default=1, validators=[MinValueValidator(1)]
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("competence requirement")
        verbose_name_plural = _("competence requirements")
        constraints = [
            models.CheckConstraint(
                condition=~Q(post="", role=""),
                name="requirement_names_a_post_or_role",
                violation_error_message=_("Name the post or the role this requirement is for."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        # Also here, not only in the constraint: an API create that sends neither field
        # leaves both out of the checked fields, and Django then skips the constraint
        # (the database refused the row: a server error, found by schemathesis).
        super().clean()
        if not self.post and not self.role:
            raise ValidationError(
                _("Name the post or the role this requirement is for."), code="post_or_role"
            )

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        query = subtree_q("unit", paths)
        if action == "view":
            # A requirement set for Region 2 is read in each of its districts.
            query |= Q(unit__path__in=ancestor_paths(paths))
        return query


class Evidence(ZistModel):
    """A piece of competence evidence other than a course (an audit observed, a
    supervised task), counted against a requirement."""

    scope_field = "person__unit"
    str_select_related = ("person",)

    person = models.ForeignKey(
        Person, models.PROTECT, related_name="evidence", verbose_name=_("person")
    )
    requirement = models.ForeignKey(
        Requirement, models.PROTECT, related_name="evidence", verbose_name=_("requirement")
    )
    date = models.DateField(_("date"))
    description = models.CharField(_("what was done"), max_length=300)

    class Meta:
        ordering = ["-date", "pk"]
        # The list's default order, read from an index at any size (issue 18).
        indexes = [models.Index(fields=["-date", "id"], name="training_evidence_list_order")]
        verbose_name = _("competence evidence")
        verbose_name_plural = _("competence evidence")

    def __str__(self) -> str:
        return f"{self.description} · {self.person.name}"
