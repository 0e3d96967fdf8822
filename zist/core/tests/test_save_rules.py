"""A rule that a register checks while saving (inside the transaction, e.g. under a
lock) reaches the user as a clear error on the page, in the API and in an import, and
nothing is stored. Exercised with the Action register given one such rule."""

from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from rest_framework.test import APIRequestFactory, force_authenticate

from zist.actions.models import Action
from zist.actions.registers import ActionRegister
from zist.core import imports
from zist.core.api import viewset_for
from zist.core.views import ObjectEditView
from zist.users.roles import Role

RULE = "The budget for this unit is spent: no new actions this year."


class GuardedActionRegister(ActionRegister):
    """Refuses, while saving, an action titled "Buy" (the rule stands for any check
    that can only be made inside the saving transaction)."""

    @classmethod
    def saved(cls, obj, before, request):
        if obj.title.startswith("Buy"):
            raise ValidationError({"title": RULE})
        return super().saved(obj, before, request)


def _request(factory_request, user):
    factory_request.user = user
    factory_request.session = SessionStore()
    factory_request._messages = FallbackStorage(factory_request)
    return factory_request


def test_the_page_shows_the_rule_on_the_form_and_stores_nothing(cast, make_user):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    data = {"unit": cast.inside.pk, "title": "Buy a new boiler", "kind": "task"}
    data |= {"status": "open", "progress": 0}
    request = _request(RequestFactory().post("/", data), user)
    response = ObjectEditView.as_view(register=GuardedActionRegister)(request)
    assert response.status_code == 400
    assert RULE in response.content.decode()
    assert not Action.objects.exists()
    data["title"] = "Insulate the roof"
    request = _request(RequestFactory().post("/", data), user)
    assert ObjectEditView.as_view(register=GuardedActionRegister)(request).status_code == 302
    assert Action.objects.count() == 1


def test_the_api_answers_400_with_the_rule_and_stores_nothing(cast, make_user):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    view = viewset_for(GuardedActionRegister).as_view({"post": "create"})
    request = APIRequestFactory().post(
        "/", {"unit": cast.inside.pk, "title": "Buy a new boiler", "kind": "task"}, format="json"
    )
    force_authenticate(request, user)
    response = view(request)
    assert response.status_code == 400
    assert RULE in str(response.data)
    assert not Action.objects.exists()


def test_an_import_names_the_row_and_stores_nothing(cast, make_user):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    upload = SimpleUploadedFile(
        "actions.csv",
        b"Unit,Title,Kind,Status,Progress (%)\n"
        b"d3,Insulate the roof,task,open,0\n"
        b"d3,Buy a new boiler,task,open,0\n",
    )
    request = _request(RequestFactory().post("/"), user)
    result = imports.run_import(GuardedActionRegister, upload, request)
    assert [(e.row, e.messages) for e in result.errors] == [(3, [RULE])]
    assert not Action.objects.exists()
