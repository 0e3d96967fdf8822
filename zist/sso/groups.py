"""Roles from directory groups, as data (ZIST_SSO_GROUP_ROLES): "members of this group
hold this role on this unit". At each sign-in the person's grants that came from groups
are made to match the groups the directory sends; grants made by hand in Zist are never
touched. Every grant so made or removed is an ordinary RoleAssignment, in its history."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User
from zist.users.roles import TIME_LIMITED_ROLES, Role

log = logging.getLogger("zist.security")

# The note of a grant made from a group; how such grants are told from others.
NOTE_PREFIX = "SSO: "


@dataclass(frozen=True)
class GroupRole:
    group: str
    role: str
    organisation: str
    unit: str  # the unit's code in its organisation ("root": the whole organisation)


def parse(text: str) -> list[GroupRole]:
    """ZIST_SSO_GROUP_ROLES: a JSON list of {"group", "role", "organisation", "unit"}.
    Raises ImproperlyConfigured, naming what is wrong, for anything else."""
    if not text.strip():
        return []
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImproperlyConfigured(f"ZIST_SSO_GROUP_ROLES is not JSON: {exc}") from exc
    rules = []
    keys = {"group", "role", "organisation", "unit"}
    for item in items if isinstance(items, list) else [None]:
        if not isinstance(item, dict) or set(item) != keys:
            raise ImproperlyConfigured(
                f"ZIST_SSO_GROUP_ROLES must be a list of objects with exactly {sorted(keys)}"
                f", not {item!r}"
            )
        if item["role"] not in Role.values or item["role"] in TIME_LIMITED_ROLES:
            raise ImproperlyConfigured(
                f"ZIST_SSO_GROUP_ROLES: {item['role']!r} is not a role a group may give "
                f"(one of {sorted(set(Role.values) - set(TIME_LIMITED_ROLES))})"
            )
        rules.append(GroupRole(**{key: str(item[key]) for key in keys}))
    return rules


def sync(user: User, groups: list[str]) -> None:
    """Give `user` the grants their `groups` map to, and take back the grants that came
    from groups they are no longer in. Does nothing when no mapping is configured."""
    rules = parse(settings.ZIST_SSO_GROUP_ROLES)
    if not rules:
        return
    wanted: dict[tuple[str, int], str] = {}
    for rule in rules:
        if rule.group not in groups:
            continue
        unit = Unit.objects.filter(organisation__name=rule.organisation, code=rule.unit).first()
        if unit is None:
            log.error("sso group mapping names no unit: %r", rule)
            continue
        wanted.setdefault((rule.role, unit.pk), rule.group)
    held = {(grant.role, grant.unit_id): grant for grant in user.role_assignments.all()}
    for key, group in wanted.items():
        if key not in held:
            RoleAssignment.objects.create(
                user=user, role=key[0], unit_id=key[1], note=f"{NOTE_PREFIX}{group}"
            )
            log.warning("sso group grant: user=%r role=%s unit=%s", user.username, *key)
    for key, grant in held.items():
        if key not in wanted and grant.note.startswith(NOTE_PREFIX):
            grant.delete()
            log.warning("sso group grant removed: user=%r role=%s unit=%s", user.username, *key)
