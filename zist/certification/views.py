"""The certificate's cycle, shown under its fields."""

from django.utils import timezone

from zist.certification import cycle


def cycle_rows(certificate) -> list[dict]:
    """Each audit of the current cycle with its window and whether it is done."""
    today = timezone.localdate()
    done = certificate.completed_audits()
    current = cycle.next_milestone(certificate.cycle(), done)
    rows = []
    reached = False
    for milestone in certificate.cycle().milestones:
        is_next = milestone == current
        reached = reached or is_next
        rows.append(
            {
                "milestone": milestone,
                "done": not reached,
                "next": is_next,
                "late": is_next and milestone.deadline < today,
            }
        )
    return rows
