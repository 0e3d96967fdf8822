import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zist.actions.models import Action, ActionStatus


def test_it_completes_a_done_action(cast):
    action = Action(unit=cast.inside, title="Fit timers", status=ActionStatus.DONE)
    action.full_clean()
    assert action.completed_on == timezone.localdate()
    assert action.progress == 100


def test_it_refuses_a_completion_date_on_an_open_action(cast):
    action = Action(unit=cast.inside, title="x", completed_on=dt.date(2025, 1, 1))
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "completed_on" in error.value.message_dict


def test_it_finds_overdue_actions(cast):
    today = dt.date(2025, 6, 1)
    late = Action.objects.create(unit=cast.inside, title="late", due_date=dt.date(2025, 5, 1))
    Action.objects.create(unit=cast.inside, title="later", due_date=dt.date(2025, 7, 1))
    Action.objects.create(
        unit=cast.inside,
        title="done",
        due_date=dt.date(2025, 5, 1),
        status=ActionStatus.DONE,
        completed_on=dt.date(2025, 5, 2),
    )
    assert list(Action.objects.overdue(today)) == [late]


def test_it_links_an_action_to_its_source(cast):
    action = Action.objects.create(unit=cast.inside, title="x", source=cast.inside)
    assert list(Action.objects.for_source(cast.inside)) == [action]
    assert action.source == cast.inside
