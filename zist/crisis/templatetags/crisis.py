"""Template tags of the crisis pages; every look-up is restricted to the user."""

from django import template

from zist.actions.models import Action

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, obj, action: str) -> bool:
    """Whether the page's user may `action` this object."""
    user = context["request"].user
    return type(obj).objects.restrict(user, action).filter(pk=obj.pk).exists()


@register.simple_tag(takes_context=True)
def remedy_action(context, obj):
    """(the action tracking `obj`'s remedy if the user may see it, whether one exists)."""
    actions = Action.objects.for_source(obj)
    visible = actions.restrict(context["request"].user, "view").first()
    return visible, actions.exists()


@register.simple_tag(takes_context=True)
def may_enter_comparisons(context, session) -> bool:
    """Whether the page's user may add or change pairwise comparisons of `session`."""
    from zist.crisis.services.ahp_entry import permitted_actions

    return bool(permitted_actions(context["request"].user, session) & {"add", "change"})


@register.simple_tag(takes_context=True)
def comparison_entries(context, session) -> list:
    """The participants of an AHP `session` whose comparisons the page's user may enter
    (links to their entry pages), among those the user may see."""
    from zist.crisis.models import Participant

    if not may_enter_comparisons(context, session):
        return []
    user = context["request"].user
    return list(Participant.objects.restrict(user, "view").filter(session=session))


@register.simple_tag(takes_context=True)
def session_results(context, session):
    """The session's result as the page's user may read it (hazards out of reach
    counted, not named)."""
    return session.results(context["request"].user)
