"""`zist refresh-objectives`: read the current value of every objective linked to an
indicator again (daily, from cron, after the night's reading imports)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from zist.objectives import services


class Command(BaseCommand):
    help = (
        "Read each indicator-linked objective's current value from its indicator's figure "
        "for the last complete reporting year; print how many changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as on this ISO date (default: today).")

    def handle(self, *args, **options):
        try:
            today = (
                dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        objectives = list(services.linked_objectives())
        with transaction.atomic():
            changed = services.refresh(objectives, today)
        self.stdout.write(
            f"{len(objectives)} objectives linked to an indicator, {changed} changed."
        )
