import datetime as dt

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from zist.communication.models import Inquiry
from zist.users.roles import Role


@pytest.mark.skipif(not apps.is_installed("zist.tasks"), reason="no My tasks page")
def test_it_shows_an_overdue_citizen_inquiry_in_its_owners_tasks(cast, make_user, client):
    owner = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    other = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    Inquiry.objects.create(
        unit=cast.inside,
        subject="Burning leaves in the park",
        received_on=timezone.localdate() - dt.timedelta(days=20),
        owner=owner,
    )
    client.force_login(owner)
    groups = dict(client.get(reverse("tasks:my_tasks")).context["groups"])
    assert [item.title for item in groups["Overdue"]] == ["Burning leaves in the park"]
    client.force_login(other)
    groups = dict(client.get(reverse("tasks:my_tasks")).context["groups"])
    assert groups["Overdue"] == []
