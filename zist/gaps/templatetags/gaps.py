"""What the assessment's and the pack's detail pages ask of the evidence pack."""

from django import template
from django.utils import timezone

from zist.gaps import pack
from zist.gaps.forms import audits_for

register = template.Library()


@register.simple_tag(takes_context=True)
def pack_button(context, assessment) -> dict:
    """Whether the person may build a pack of `assessment`, the audits it may be for
    and the one chosen first (the next one to come, else the latest)."""
    user = context["request"].user
    if not pack.may_build(user, assessment):
        return {"may": False}
    audits = list(audits_for(user, assessment))
    today = timezone.localdate()
    coming = [a for a in audits if a.start_date >= today]
    chosen = min(coming, key=lambda a: a.start_date) if coming else (audits[0] if audits else None)
    return {"may": True, "audits": audits, "chosen": chosen}


@register.simple_tag(takes_context=True)
def pack_job(context, made):
    """The job building `made`, when the person may follow it (their own)."""
    job = pack.job_of(made)
    user = context["request"].user
    if job is None or not (user.is_superuser or job.user_id == user.pk):
        return None
    return job


@register.simple_tag(takes_context=True)
def may_download(context, made) -> bool:
    """Whether the person may download `made` (pack.may_download)."""
    return pack.may_download(made, context["request"].user)
