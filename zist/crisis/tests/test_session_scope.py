"""A session's result names only hazards its reader may see: a hazard of another unit
linked into the session's scope still counts in the priorities (the group judged it)
but is never named, linked or identified, on the page, in the API, on the comparison
entry page or in the plan document."""

from django.urls import reverse
from rest_framework.test import APIClient

from zist.crisis.models.sessions import Favours, Method
from zist.crisis.testing import hazard, session
from zist.users.roles import Role


def _meeting(cast):
    a, b = hazard(cast.inside), hazard(cast.inside)
    hidden = hazard(cast.outside)
    hidden.name = "Secret dam failure"
    hidden.save()
    meeting = session(cast.inside, Method.AHP, [a, b, hidden])
    person = meeting.participants.create(name="P1")
    # A circle (a > b > hidden > a): inconsistent, so the warnings name a pair.
    for first, second in ((a, b), (b, hidden), (hidden, a)):
        meeting.comparisons.create(
            participant=person, first=first, second=second, favours=Favours.FIRST, intensity=5
        )
    return meeting, person, hidden


def test_a_hazard_out_of_reach_counts_but_is_never_named(cast, make_user, client):
    meeting, person, hidden = _meeting(cast)
    reader = make_user(Role.CRISIS_MANAGER, cast.inside)

    results = meeting.results(reader)
    assert len(results.rows) == 3 and results.ahp is not None  # computed over all three
    assert hidden not in [row.hazard for row in results.rows]
    assert sum(1 for row in results.rows if getattr(row.hazard, "hidden", False)) == 1
    assert all("Secret" not in str(w) for w in results.warnings)
    # The superuser (who may see it) gets it by name.
    assert hidden in [row.hazard for row in meeting.results(cast.superuser).rows]

    client.force_login(reader)
    page = client.get(reverse("crisis:assessmentsession_detail", args=[meeting.pk]))
    assert page.status_code == 200
    assert "Secret" not in page.content.decode()
    assert hidden.get_absolute_url() not in page.content.decode()
    entry = client.get(reverse("crisis:participant_comparisons", args=[person.pk]))
    assert entry.status_code == 200
    assert "Secret" not in entry.content.decode()

    api = APIClient()
    api.force_authenticate(reader)
    data = api.get(f"/api/crisis/assessmentsessions/{meeting.pk}/").json()
    ids = [row["hazard"] for row in data["results"]["ranking"]]
    assert hidden.pk not in ids and ids.count(None) == 1
    assert "Secret" not in str(data)
