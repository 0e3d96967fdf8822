"""Two people enter the same participant's AHP matrix at once: the second save never
silently undoes the first one's judgements."""

import re

from django.test import Client

from zist.crisis.models import PairwiseComparison
from zist.crisis.models.sessions import Favours
from zist.crisis.tests.test_ahp_entry import field, plain, stored, url
from zist.crisis.tests.test_ahp_entry import meeting as meeting  # the fixture

VERSION = re.compile(r'name="_version" value="([^"]*)"')


def test_the_second_person_sees_both_judgements_and_the_first_is_kept(meeting, make_user):
    parent, person, (a, b, c) = meeting
    PairwiseComparison.objects.create(
        session=parent, participant=person, first=a, second=b, favours=Favours.FIRST, intensity=3
    )
    first, second = Client(), Client()
    first.force_login(make_user("crisis_manager", parent.unit, first_name="Sara"))
    second.force_login(make_user("crisis_manager", parent.unit, first_name="Omid"))
    firsts = VERSION.search(first.get(url(person)).content.decode()).group(1)
    seconds = VERSION.search(second.get(url(person)).content.decode()).group(1)

    answers = {field(a, b): "first-7", field(a, c): "first-5", field(b, c): ""}
    assert first.post(url(person), answers | {"_version": firsts}).status_code == 302
    theirs = {field(a, b): "first-3", field(a, c): "first-5", field(b, c): "first-2"}
    response = second.post(url(person), theirs | {"_version": seconds})

    assert response.status_code == 409
    page = plain(response.content.decode())
    conflict = page[page.index('class="conflict"') : page.index("</section>")]
    assert "“a quake” against “b flood”" in conflict
    assert "a quake much riskier (7)" in conflict and "a quake somewhat riskier (3)" in conflict
    assert "“b flood” against “c fire”" not in conflict  # nobody else judged it
    # a/c was judged the same by both: no conflict there either.
    assert "“a quake” against “c fire”" not in conflict
    assert re.search(rf'name="{field(b, c)}"[^>]*>.*?<option value="first-2" selected', page, re.S)
    assert stored(person) == {
        (a.pk, b.pk, "first", 7),
        (a.pk, c.pk, "first", 5),
    }

    again = VERSION.search(page).group(1)
    assert second.post(url(person), theirs | {"_version": again}).status_code == 302
    assert stored(person) == {
        (a.pk, b.pk, "first", 3),
        (a.pk, c.pk, "first", 5),
        (b.pk, c.pk, "first", 2),
    }
