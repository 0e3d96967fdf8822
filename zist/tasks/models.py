"""What the reminders remember: which reminder went to whom (so that each is sent
exactly once), and each user's secret calendar-feed address."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """One reminder sent: the unique constraint is what makes `zist remind` safe to
    run twice or concurrently — a second run cannot claim the same row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="sent_reminders",
        verbose_name=_("user"),
    )
    key = models.CharField(_("item"), max_length=200)
    threshold = models.CharField(_("threshold"), max_length=20)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key", "threshold"],
                name="sent_reminder_once",
                violation_error_message=_("This reminder was already sent."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.key} · {self.threshold}"


class CalendarFeed(models.Model):
    """A user's iCalendar feed. Only a digest of the secret is stored; making a new
    address revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("user"),
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, user) -> str:
        """A new secret for `user` (replacing any earlier one); returned once."""
        secret = secrets.token_urlsafe(32)
        cls.objects.update_or_create(user=user, defaults={"digest": cls.hash(secret)})
        return secret

    @classmethod
    def revoke(cls, user) -> None:
        cls.objects.filter(user=user).delete()

    @classmethod
    def user_for(cls, secret: str):
        feed = cls.objects.filter(digest=cls.hash(secret)).select_related("user").first()
        if feed is None or not feed.user.is_active:
            return None
        return feed.user
