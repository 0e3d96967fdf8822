"""The one restriction mechanism: `Model.objects.restrict(user, action)`.

Every list, detail, form choice, API endpoint and export asks its queryset to restrict
itself. The model says how its objects hang on the unit tree (`scope_q`); the policy in
`zist.users.roles` says which roles grant the action; the user's active role grants say
where.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


def _refuse(role: str, label: str, action: str) -> bool:
    return False


# Whether a role allows an action on a model: the users app's policy table
# (zist.users.roles.role_allows), set by `set_policy` when it loads; until then, or
# without it, nothing is allowed.
_policy = _refuse


def set_policy(allows) -> None:
    """Install the policy `allows(role, model_label, action) -> bool` (the users app's
    role table): core decides scopes with it without importing the app."""
    global _policy
    _policy = allows


def scope_paths(user, model: type[models.Model], action: str) -> list[str] | None:
    """Tree paths of the units on which `user` may do `action` on `model`.

    None means "everywhere" (superuser); an empty list means nowhere.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    label = model._meta.label_lower
    grants = user.active_grants()
    # A page asks this a hundred times (every menu entry, choice and related list):
    # kept with the grants it was computed from, for as long as the user object
    # keeps them (one request).
    known = getattr(user, "_scope_paths", None)
    if known is None or known[0] is not grants:
        known = user._scope_paths = (grants, {})
    paths = known[1].get((label, action))
    if paths is None:
        paths = known[1][label, action] = sorted(
            {grant.unit.path for grant in grants if _policy(grant.role, label, action)}
        )
    return list(paths)


def person_q(model: type[models.Model], user, action: str) -> Q | None:
    """The model's narrowing by who `user` is (`ScopedModel.person_q`), if any."""
    narrowing = getattr(model, "person_q", None)
    return narrowing(user, action) if narrowing else None


def subtree_q(field: str, paths: list[str]) -> Q:
    """Objects whose unit (reached through `field`) lies in any of the subtrees."""
    prefix = f"{field}__" if field else ""
    query = Q(pk__in=[])
    for path in _outermost(paths):
        query |= Q(**{f"{prefix}path__startswith": path})
    return query


def submitted_q(field: str, body_field: str, paths: list[str], action: str, model=None) -> Q:
    """Something one organisation submits to a body that judges it (a KPI submission to
    its regulator, an award application to the awarding body): both see it, only the
    body approves it, only the submitter changes it.

    With `model`, "seen" is two id subqueries instead of one OR across two joined
    unit tables: PostgreSQL plans that OR as every unit against every unit (5 s for a
    regulator with 5 000 organisations, benchmarks/regulator.py)."""
    own = subtree_q(field, paths)
    body = subtree_q(body_field, paths)
    if action == "view":
        if model is not None:
            rows = model._base_manager
            return Q(pk__in=rows.filter(own).values("pk")) | Q(
                pk__in=rows.filter(body).values("pk")
            )
        return own | body
    if action == "approve":
        return body
    return own


def _outermost(paths: list[str]) -> list[str]:
    """Drop paths already covered by an ancestor in the list (fewer OR terms)."""
    kept: list[str] = []
    for path in sorted(paths):
        if not any(path.startswith(k) for k in kept):
            kept.append(path)
    return kept


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> RestrictedQuerySet:
        """Only the objects `user` may `action`."""
        paths = scope_paths(user, self.model, action)
        if paths is None:
            return self
        if not paths:
            return self.none()
        found = self.filter(self.model.scope_q(paths, action))
        person = person_q(self.model, user, action)
        return found if person is None else found.filter(person)


class RestrictedManager(models.Manager.from_queryset(RestrictedQuerySet)):
    pass


def with_str_related(queryset: models.QuerySet) -> models.QuerySet:
    """Join what the model's __str__ reads (see ScopedModel.str_select_related)."""
    related = getattr(queryset.model, "str_select_related", ())
    return queryset.select_related(*related) if related else queryset


def hidden_links(instance: models.Model, name: str, offered: models.QuerySet) -> list:
    """Records `instance` links to through its many-to-many field `name` that are not
    in `offered` (the choices its user may see). A form or serializer never offers
    them, so they are never sent back: a save keeps them instead of dropping them."""
    if not instance.pk:
        return []
    linked = set(getattr(instance, name).values_list("pk", flat=True))
    hidden = linked - set(offered.filter(pk__in=linked).values_list("pk", flat=True))
    model = instance._meta.get_field(name).related_model
    return list(model._base_manager.filter(pk__in=hidden)) if hidden else []
