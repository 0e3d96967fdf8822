from django import template

from zist.reporting import benchmark, services
from zist.reporting.forms import ReviewForm
from zist.reporting.models import Submission, SubmissionStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def submission_panel(context, submission):
    """What the submission's page offers this user: the organisation's steps, the
    reviewer's decision, the entry checks still failing."""
    user = context["request"].user
    may = lambda action: Submission.objects.restrict(user, action).filter(pk=submission.pk).exists()  # noqa: E731
    own = may("change")
    editable = submission.editable
    return {
        "can_edit": own and editable,
        "can_review": may("approve") and submission.status == SubmissionStatus.SUBMITTED,
        "problems": services.entry_problems(submission) if own and editable else {},
        "review_form": ReviewForm(),
        "benchmark": own or benchmark.reviews(user, submission.programme),
    }


@register.simple_tag(takes_context=True)
def invite_form(context, programme):
    """The invitation form for the programme's regulator, else None."""
    from zist.reporting.forms import InviteForm
    from zist.reporting.models import Programme

    user = context["request"].user
    if not Programme.objects.restrict(user, "change").filter(pk=programme.pk).exists():
        return None
    return InviteForm(programme=programme)
