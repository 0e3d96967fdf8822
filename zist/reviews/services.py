"""Management review workflow: compile the inputs into the minutes, and follow the
decisions up as actions."""

from django.db import transaction

from zist.actions.models import Action, ActionKind
from zist.reviews.inputs import compile_inputs
from zist.reviews.models import ManagementReview, ReviewStatus


def record_minutes(review: ManagementReview) -> ManagementReview:
    """Freeze the compiled inputs into the review: the minutes then show what the
    meeting saw, whatever changes later."""
    review.inputs = compile_inputs(review)
    review.status = ReviewStatus.HELD
    review.full_clean()
    review.save()
    return review


def add_decision_action(review: ManagementReview, *, title: str, **fields) -> Action:
    """A decision of the review followed up as a tracked action on the review's unit."""
    action = Action(
        unit=review.unit, title=title, kind=ActionKind.DECISION, source=review, **fields
    )
    action.full_clean()
    with transaction.atomic():
        action.save()
    return action
