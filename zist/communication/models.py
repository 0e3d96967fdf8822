"""Communication (ISO 14001 clause 7.4): the log of what was communicated to whom,
inquiries and complaints from citizens and other parties with the answer owed by a
date, and events (seminars, exhibitions, conferences, neighbourhood club meetings)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet

# Days a new inquiry is given for its answer unless someone sets another date (the
# help text of `answer_due` says 14 too).
ANSWER_DAYS = 14


class Direction(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    EXTERNAL = "external", _("External")


class Channel(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone")
    WEBSITE = "website", _("Website")
    SOCIAL_MEDIA = "social_media", _("Social media")
    NEWSLETTER = "newsletter", _("Newsletter")
    PRESS = "press", _("Press")
    NOTICE_BOARD = "notice_board", _("Notice board")
    OTHER = "other", _("Other")


class Communication(ZistModel):
    """One communication: when, inside or outside, through which channel, on what topic,
    to whom, what was said and by whom."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="communications", verbose_name=_("unit")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    direction = models.CharField(
        _("internal or external"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.INTERNAL,
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.MEETING
    )
    topic = models.CharField(_("topic"), max_length=300)
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    summary = models.TextField(_("what was said"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["-date", "pk"]
        # The list's default order, read from an index at any size (issue 18).
        indexes = [models.Index(fields=["-date", "id"], name="communication_list_order")]
        verbose_name = _("communication")
        verbose_name_plural = _("communication log")

    def __str__(self) -> str:
        return self.topic


class InquiryKind(models.TextChoices):
    QUESTION = "question", _("Question")
    COMPLAINT = "complaint", _("Complaint")
    SUGGESTION = "suggestion", _("Suggestion")
    REQUEST = "request", _("Request for documents")


class Party(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    NEIGHBOUR = "neighbour", _("Neighbour")
    COMPANY = "company", _("Company")
    NGO = "ngo", _("Association or NGO")
    AUTHORITY = "authority", _("Authority")
    MEDIA = "media", _("Media")
    OTHER = "other", _("Other")


class InquiryQuerySet(RestrictedQuerySet):
    def open(self):
        return self.filter(answered_on__isnull=True)

    def overdue(self, today: dt.date | None = None):
        return self.open().filter(answer_due__lt=today or timezone.localdate())


class Inquiry(ZistModel):
    """A question, complaint or suggestion from a citizen or another party, owed an
    answer by `answer_due`."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="inquiries", verbose_name=_("unit")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=InquiryKind.choices, default=InquiryKind.QUESTION
    )
    party = models.CharField(_("from"), max_length=20, choices=Party.choices, default=Party.CITIZEN)
    name = models.CharField(_("name"), max_length=200, blank=True)
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("Phone, e-mail or address.")
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("what they wrote or said"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("owner"),
    )
    answer_due = models.DateField(
        _("answer due"),
        blank=True,
        help_text=_("Empty: 14 days after it was received."),
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["answer_due", "pk"]
        verbose_name = _("inquiry or complaint")
        verbose_name_plural = _("inquiries and complaints")
        indexes = [
            models.Index(fields=["answer_due", "id"], name="inquiry_list_order"),
            models.Index(fields=["answered_on", "answer_due"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_due__gte=models.F("received_on")),
                name="inquiry_answer_due_after_receipt",
                violation_error_message=_("The answer cannot be due before the inquiry came."),
            )
        ]

    def __str__(self) -> str:
        return self.subject

    def clean(self) -> None:
        if self.answer_due is None and self.received_on:
            self.answer_due = self.received_on + dt.timedelta(days=ANSWER_DAYS)
        if self.answered_on and not self.answer.strip():
            raise ValidationError({"answer": _("Write the answer that was given.")})
        if self.answered_on and self.received_on and self.answered_on < self.received_on:
            raise ValidationError(
                {"answered_on": _("An inquiry cannot be answered before it came.")}
            )

    def save(self, *args, **kwargs):
        if self.answer_due is None and self.received_on:
            self.answer_due = self.received_on + dt.timedelta(days=ANSWER_DAYS)
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        return self.answered_on is None and self.answer_due < timezone.localdate()


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    EXHIBITION = "exhibition", _("Exhibition")
    CONFERENCE = "conference", _("Conference")
    CLUB_MEETING = "club_meeting", _("Neighbourhood environment club meeting")
    WORKSHOP = "workshop", _("Workshop")
    OTHER = "other", _("Other")


class Event(ZistModel):
    """A seminar, exhibition, conference or neighbourhood club meeting: its agenda, who
    took part, and what came out of it."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="events", verbose_name=_("unit")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.SEMINAR
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    participants = models.ManyToManyField(
        "training.Person", blank=True, related_name="events", verbose_name=_("participants")
    )
    other_participants = models.PositiveIntegerField(
        _("other participants"), default=0, help_text=_("People not named, e.g. visitors.")
    )
    outcomes = models.TextField(_("outcomes"), blank=True)
    public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Announced on the organisation's public portal before it takes place."),
    )

    class Meta:
        ordering = ["-date", "pk"]
        # The list's default order, read from an index at any size (issue 18).
        indexes = [models.Index(fields=["-date", "id"], name="comm_event_list_order")]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def reporting_year_label(self) -> int:
        """The organisation's reporting year of the event, as people name it (1405)."""
        return self.unit.organisation.reporting_year(self.date).label

    def __str__(self) -> str:
        return self.title

    @property
    def participant_count(self) -> int:
        # len(all()) rather than count(): lists prefetch the participants.
        return len(self.participants.all()) + self.other_participants
