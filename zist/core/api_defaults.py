"""DRF defaults named in settings. Kept apart from `api.py` because DRF imports them
while importing its own views, before `api.py` could be imported."""

from django.utils.translation import gettext as _
from rest_framework import pagination, parsers, permissions
from rest_framework.exceptions import ParseError

from zist.core.querysets import scope_paths


class Pagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 1000


class RestrictedPermission(permissions.BasePermission):
    """Logged-in users only; adding needs the add permission somewhere. Which objects
    may be seen, changed or deleted is decided by the restricted queryset."""

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        model = getattr(getattr(view, "queryset", None), "model", None)
        if model is None or request.method != "POST":
            return True
        paths = scope_paths(request.user, model, "add")
        return paths is None or bool(paths)


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, answering 400 also to JSON nested too deep for Python's
    decoder (a RecursionError, which DRF's parser lets through as a server error)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the data is nested too deeply.")) from None
