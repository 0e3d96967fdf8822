"""Roles and what each may do: THE one place where permissions are declared.

A role is granted to a user on a unit and covers that unit's subtree. For each role,
`POLICY` maps a key to the actions allowed on matching models. A key is a model label
("organisations.unit"), an app label ("organisations") or "*"; the most specific key
present wins, so an app-wide rule can be narrowed for one model.

Every queryset in Zist is filtered through `RestrictedQuerySet.restrict(user, action)`,
which asks `allowed_actions()` below which of the user's roles grant the action; views,
the API, exports and reports all go through it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW = "view"
ADD = "add"
CHANGE = "change"
DELETE = "delete"
APPROVE = "approve"
ACTIONS = (VIEW, ADD, CHANGE, DELETE, APPROVE)

ALL = frozenset(ACTIONS)
EDIT = frozenset({VIEW, ADD, CHANGE})
READ = frozenset({VIEW})
NONE = frozenset()


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    ENVIRONMENTAL_MANAGER = "environmental_manager", _("Environmental manager")
    UNIT_LEADER = "unit_leader", _("Unit leader")
    ENVIRONMENTAL_REPRESENTATIVE = "environmental_representative", _("Environmental representative")
    INTERNAL_AUDITOR = "internal_auditor", _("Internal auditor")
    EXTERNAL_AUDITOR = "external_auditor", _("External auditor")
    CRISIS_MANAGER = "crisis_manager", _("Crisis manager")
    VIEWER = "viewer", _("Viewer")


# Roles whose grant must carry an end date, after which it stops giving access.
TIME_LIMITED_ROLES = frozenset({Role.EXTERNAL_AUDITOR})

# A submission to a regulator's programme is created by the regulator's invitation and
# never deleted: organisations change (fill, submit) their own; the regulator's people
# approve (accept or return) the submissions to their programmes and see nothing else of
# the organisation (see zist.reporting.models.Submission.scope_q).
SUBMISSION_ALL = frozenset({VIEW, CHANGE, APPROVE})

# The registers of the environmental management system (planning, monitoring, audits,
# documents…) use "*"; organisation set-up, users and the crisis plan are named.
POLICY: dict[str, dict[str, frozenset[str]]] = {
    Role.ADMINISTRATOR: {
        "*": ALL,
        # New organisations are created by a superuser; an organisation's own
        # administrators keep its settings (see Organisation.scope_q).
        "organisations.organisation": frozenset({VIEW, CHANGE}),
        "reporting.submission": SUBMISSION_ALL,
    },
    Role.ENVIRONMENTAL_MANAGER: {
        "*": ALL,
        "organisations.organisation": READ,
        "organisations.unit": frozenset({VIEW, CHANGE}),
        "users": READ,
        "crisis": READ,
        "reporting.submission": SUBMISSION_ALL,
    },
    Role.UNIT_LEADER: {
        "*": frozenset({VIEW, ADD, CHANGE, APPROVE}),
        "organisations": READ,
        "users": READ,
        "crisis": READ,
        "reporting.submission": SUBMISSION_ALL,
    },
    Role.ENVIRONMENTAL_REPRESENTATIVE: {
        "*": EDIT,
        "organisations": READ,
        "users": READ,
        "crisis": READ,
        "reporting.submission": frozenset({VIEW, CHANGE}),
    },
    Role.INTERNAL_AUDITOR: {
        "*": READ,
        "audits": EDIT,
    },
    Role.EXTERNAL_AUDITOR: {
        "*": READ,
        "users": NONE,
        "audits": EDIT,
        # The verifier validates the environmental statement ("approve"); publishing it
        # also needs "change", which only the organisation's people hold.
        "publication.statement": frozenset({VIEW, APPROVE}),
    },
    Role.CRISIS_MANAGER: {
        "*": NONE,
        "organisations": READ,
        "users": READ,
        "crisis": ALL,
        # Remedies of capability gaps and drill findings are Actions; needs link to
        # training courses.
        "actions": EDIT,
        "training": READ,
    },
    Role.VIEWER: {
        "*": READ,
    },
}


def allowed_actions(role: str, model_label: str) -> frozenset[str]:
    """Actions `role` grants on the model `model_label` ("app.model")."""
    rules = POLICY.get(role, {})
    app_label = model_label.split(".", 1)[0]
    for key in (model_label, app_label, "*"):
        if key in rules:
            return rules[key]
    return NONE


def role_allows(role: str, model_label: str, action: str) -> bool:
    return action in allowed_actions(role, model_label)


def dominates(strong: str, weak: str) -> bool:
    """Whether role `strong` allows everything role `weak` allows, on every model: who
    holds `strong` may grant `weak` and manage people holding it without gaining power."""
    from django.apps import apps

    return all(
        allowed_actions(weak, model._meta.label_lower)
        <= allowed_actions(strong, model._meta.label_lower)
        for model in apps.get_models()
    )
