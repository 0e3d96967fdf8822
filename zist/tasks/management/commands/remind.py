"""`zist remind`: send the due-item reminders (from cron or a scheduler). Safe to run
twice or concurrently: each reminder is claimed in the database before it is sent."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zist.tasks import services


class Command(BaseCommand):
    help = (
        "Send each user who wants reminders one e-mail with what is due (at the days before "
        "chosen in their profile, else 30 and 7) and what is overdue."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as on this ISO date (default: today).")
        parser.add_argument(
            "--days",
            help=(
                "Days-before thresholds for users who chose none in their profile, e.g. 30,7 "
                "(default: ZIST_REMINDER_DAYS or 30,7)."
            ),
        )

    def handle(self, *args, **options):
        try:
            today = (
                dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
            )
            thresholds = (
                services.thresholds_from_setting(options["days"])
                if options["days"]
                else services.configured_thresholds()
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        sent = services.send_reminders(today, thresholds)
        self.stdout.write(f"Sent {sent['emails']} e-mails with {sent['reminders']} reminders.")
