"""A job: work done in the background for a person (or for the schedule), with its state,
progress and outcome kept as a record (docs/decisions/0011-celery-background-jobs.md)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class State(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class JobQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view"):
        """A person sees and acts on their own jobs only; a superuser (the
        installation's administrator) on every job, scheduled ones included."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(user=user)


class Job(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Two requests for the same work in one period (the schedule's hour, a form sent
    # twice) share one job: the key is unique.
    key = models.CharField(_("key"), max_length=200, unique=True, null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="jobs",
    )
    name = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("what"), max_length=300)
    arguments = models.JSONField(default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    result = models.JSONField(_("result"), default=dict, blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # Where it last ran ("host:pid" of the worker or app server) and the request that
    # queued it: to follow a job through the logs of several machines.
    ran_on = models.CharField(_("ran on"), max_length=200, blank=True)
    request_id = models.CharField(_("request id"), max_length=100, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = JobQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["heartbeat_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self):
        return self.title

    @property
    def finished(self) -> bool:
        return self.state in (State.DONE, State.FAILED)
