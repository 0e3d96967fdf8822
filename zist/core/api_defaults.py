"""DRF defaults named in settings. Kept apart from `api.py` because DRF imports them
while importing its own views, before `api.py` could be imported."""

from django.utils.translation import gettext as _
from rest_framework import pagination, parsers, permissions
from rest_framework.exceptions import ParseError

from zist.core.pagination import ListPaginator
from zist.core.querysets import scope_paths


class Pagination(pagination.PageNumberPagination):
    """Page numbers, as always; for a huge unfiltered table on PostgreSQL `count` is
    the planner's estimate and `count_is_estimate` says so (zist.core.pagination)."""

    page_size_query_param = "page_size"
    max_page_size = 1000

    # Parameters that change the page, not the rows (see zist.core.pagination).
    unfiltering = frozenset({"page", "page_size", "ordering", "format"})

    def django_paginator_class(self, queryset, page_size):
        # DRF calls this as a class; a method sees the request it was set for.
        unfiltered = not set(self.request.query_params) - self.unfiltering
        return ListPaginator(queryset, page_size, restricted_only=unfiltered)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if self.page.paginator.estimated:
            response.data["count_is_estimate"] = True
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count_is_estimate"] = {
            "type": "boolean",
            "description": "Present and true when `count` is an estimate (a huge table).",
        }
        return schema


# The generic viewset's own actions; every other one is a custom action (@action).
STANDARD_ACTIONS = frozenset(
    {"list", "create", "retrieve", "update", "partial_update", "destroy", "metadata"}
)


class RestrictedPermission(permissions.BasePermission):
    """Logged-in users only. Which objects may be seen, changed or deleted is decided by
    the restricted queryset; what is checked here is the action as a whole: adding
    needs the add permission somewhere, and a custom action that writes needs the
    permission it declares (`@action(..., policy_action="change")`, optionally on
    another model with `policy_model=`) somewhere. A writing custom action that
    declares none is refused, so that a new one cannot slip through unchecked."""

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        model = getattr(getattr(view, "queryset", None), "model", None)
        if model is None or request.method in permissions.SAFE_METHODS:
            return True
        name = getattr(view, "action", None)
        if name in STANDARD_ACTIONS or name is None:
            if request.method != "POST":
                return True
            action = "add"
        else:
            action = getattr(view, "policy_action", None)
            if action is None:
                return False
            model = getattr(view, "policy_model", None) or model
        paths = scope_paths(request.user, model, action)
        return paths is None or bool(paths)


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, answering 400 also to JSON nested too deep for Python's
    decoder (a RecursionError, which DRF's parser lets through as a server error)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the data is nested too deeply.")) from None
