"""zist aggregates check [--repair] | rebuild: the kept monthly sums against the readings."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from zist.meters import aggregates


class Command(BaseCommand):
    help = (
        "check: compare every kept monthly sum of consumption with the readings, print "
        "each difference and exit with status 1 if there is any (--repair recomputes the "
        "meters that differ). rebuild: recompute every kept month from the readings."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check", "rebuild"])
        parser.add_argument("--repair", action="store_true", help="recompute what differs")

    def handle(self, *args, **options):
        if options["action"] == "rebuild":
            with transaction.atomic():
                aggregates.rebuild_all()
            self.stdout.write("Kept monthly sums rebuilt from the readings.")
            return
        found = self.check_months()
        if not found:
            self.stdout.write("Kept monthly sums equal the readings.")
            return
        if options["repair"]:
            with transaction.atomic():
                aggregates.refresh({meter_id for meter_id, *_ in found})
            again = aggregates.differences({meter_id for meter_id, *_ in found})
            if not again:
                self.stdout.write(f"Repaired {len(found)} months.")
                return
        raise CommandError(f"{len(found)} months differ from the readings.")

    def check_months(self) -> list[tuple]:
        found = aggregates.differences()
        for meter_id, month_start, kept, fresh in found:
            self.stdout.write(
                f"meter {meter_id}, month from {month_start.isoformat()}: "
                f"kept {self.shown(kept)}, readings {self.shown(fresh)}"
            )
        return found

    @staticmethod
    def shown(bucket) -> str:
        return "nothing" if bucket is None else f"{bucket[0]} ({bucket[1]} readings)"
