"""Adding an action (a risk treatment, a programme task) to the record that asks for
it: the generic action form, with the action's source, kind and unit filled in."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from zist.actions.models import Action
from zist.core.views import ObjectEditView, can


class SourcedActionCreateView(ObjectEditView):
    """`as_view(register=ActionRegister, source_model=Risk, kind="treatment")`; the
    source must be one the user may change."""

    source_model = None
    kind = ""

    def get_object(self, pk):
        user = self.request.user
        source = get_object_or_404(
            self.source_model.objects.restrict(user, "change"), pk=self.kwargs["source_pk"]
        )
        if not can(user, Action, "add"):
            raise PermissionDenied
        return Action(source=source, kind=self.kind, unit=source.unit)

    def get(self, request, source_pk: int):
        return super().get(request)

    def post(self, request, source_pk: int):
        return super().post(request)
