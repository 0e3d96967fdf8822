"""Applying the significance engine to stored aspects and keeping them up to date when
criteria, rules or obligations change."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from zist.aspects import significance
from zist.aspects.models import Aspect, Condition, CriteriaSet
from zist.core import calendars
from zist.core.display import display


def criteria_set_for(unit) -> CriteriaSet | None:
    """The criteria set held by the unit or its nearest parent."""
    # The stored path, not the one in memory: moving units (or adding a root that
    # sorts first) renumbers paths.
    path = type(unit).objects.values_list("path", flat=True).get(pk=unit.pk)
    step = unit.steplen
    prefixes = [path[:end] for end in range(step, len(path) + 1, step)]
    return (
        CriteriaSet.objects.filter(unit__path__in=prefixes, unit__organisation=unit.organisation)
        .order_by("-unit__depth", "pk")
        .first()
    )


def legal_obligations(obligations: Iterable) -> tuple[str, ...]:
    """References of the active legal obligations (law, regulation, permit) among
    `obligations`."""
    return tuple(sorted(o.reference for o in obligations if o.active and o.is_legal))


def _number(value) -> str:
    """27.00 reads 27, 13.50 reads 13.5, in the user's digits."""
    value = Decimal(value)
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    return display(value)


def reason(evaluation: significance.Evaluation, threshold, names: dict | None = None) -> str:
    """Why, in words (the active language); `names`: criterion code → its name."""
    score = _number(evaluation.score) if evaluation.score is not None else "—"
    limit = _number(threshold)
    if evaluation.basis == significance.BY_SCORE:
        return _("Score %(score)s reaches the threshold %(threshold)s.") % {
            "score": score,
            "threshold": limit,
        }
    if evaluation.basis == significance.BY_LEGAL_OBLIGATION:
        return _(
            "Score %(score)s is below the threshold %(threshold)s, but an applicable legal "
            "obligation makes it significant: %(obligations)s."
        ) % {"score": score, "threshold": limit, "obligations": ", ".join(evaluation.obligations)}
    if evaluation.basis == significance.BY_RULE:
        rule = evaluation.rule
        return _(
            "Score %(score)s is below the threshold %(threshold)s, but the rule "
            "“%(criterion)s at least %(minimum)s%(condition)s” makes it significant."
        ) % {
            "score": score,
            "threshold": limit,
            "criterion": (names or {}).get(rule.criterion, rule.criterion),
            "minimum": display(rule.minimum),
            "condition": (" · " + str(Condition(rule.condition).label)) if rule.condition else "",
        }
    if evaluation.basis == significance.INCOMPLETE:
        return _("Not every criterion has a score yet.")
    return _("Score %(score)s is below the threshold %(threshold)s.") % {
        "score": score,
        "threshold": limit,
    }


def apply_evaluation(aspect: Aspect, obligations: Iterable | None = None) -> bool:
    """Evaluate `aspect` with its criteria set and store score, significance and reason
    on it (not saved). `obligations` overrides the stored ones (a form about to save).
    Returns whether anything changed."""
    criteria_set = aspect.criteria_set
    if criteria_set is None:
        values = {
            "score": None,
            "significant": False,
            "significance_basis": significance.INCOMPLETE,
        }
        evaluation, threshold = significance.Evaluation(None, False, significance.INCOMPLETE), 0
    else:
        if obligations is None:
            obligations = aspect.obligations.all() if aspect.pk else []
        evaluation = significance.evaluate(
            criteria_set.as_method(),
            aspect.scores or {},
            aspect.condition,
            legal_obligations(obligations),
        )
        threshold = criteria_set.threshold
        values = {
            "score": evaluation.score,
            "significant": evaluation.significant,
            "significance_basis": evaluation.basis,
        }
    # The reason is kept in the organisation's language and digits, like the
    # register's data.
    language = aspect.activity.unit.organisation.language
    with (
        translation.override(language),
        calendars.override(calendars.active_calendar(), calendars.language_digits(language)),
    ):
        names = dict(criteria_set.criteria.values_list("code", "name")) if criteria_set else {}
        values["significance_reason"] = reason(evaluation, threshold, names)
    return aspect.assign(values)


def reevaluate(aspects) -> int:
    """Re-evaluate `aspects` and save those whose result changed (each save is a history
    row, so the previous evaluation stays visible). Returns how many changed."""
    changed = 0
    for aspect in aspects.select_related("criteria_set", "activity__unit__organisation"):
        if apply_evaluation(aspect):
            aspect.save()
            changed += 1
    return changed


def reevaluate_set(criteria_set: CriteriaSet) -> int:
    """After the criteria, rules or threshold of a set changed."""
    return reevaluate(Aspect.objects.filter(criteria_set=criteria_set))
