"""The aspect form offers, loads and keeps only what its user may see (issue 12)."""

from django.urls import reverse
from rest_framework.test import APIClient

from zist.aspects.models import Activity, Aspect, Criterion
from zist.aspects.testing import make_criteria_set
from zist.obligations.models import Obligation
from zist.users.roles import Role


def test_it_does_not_load_another_organisations_criteria_set_by_id(cast, make_user, client):
    representative = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    activity = Activity.objects.create(unit=cast.inside, code="sweep", name="Street sweeping")
    foreign = make_criteria_set(cast.foreign)
    Criterion.objects.filter(criteria_set=foreign, code="severity").update(
        name="Albertslund secret severity", scale="1 = nothing\n5 = the library burns"
    )
    client.force_login(representative)

    page = client.post(
        reverse("aspects:aspect_add"),
        {"activity": activity.pk, "name": "Dust", "criteria_set": foreign.pk},
    )

    assert page.status_code == 400
    assert "Albertslund secret severity" not in page.content.decode()
    assert "the library burns" not in page.content.decode()
    assert not Aspect.objects.filter(name="Dust").exists()


def test_it_keeps_a_link_the_saving_user_cannot_see(cast, make_user, client):
    make_criteria_set(cast.region)
    region_law = Obligation.objects.create(
        unit=cast.region, reference="EPA-1353", title="Air pollution act", kind="law"
    )
    district_permit = Obligation.objects.create(
        unit=cast.inside, reference="D3-7", title="District permit", kind="permit"
    )
    activity = Activity.objects.create(unit=cast.inside, code="sweep", name="Street sweeping")
    aspect = Aspect.objects.create(activity=activity, name="Dust")
    aspect.obligations.set([region_law, district_permit])
    representative = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    assert not Obligation.objects.restrict(representative, "view").filter(pk=region_law.pk)
    client.force_login(representative)

    form = client.get(reverse("aspects:aspect_edit", args=[aspect.pk]))
    assert "Air pollution act" not in form.content.decode()
    saved = client.post(
        reverse("aspects:aspect_edit", args=[aspect.pk]),
        {
            "activity": activity.pk,
            "name": "Road dust",
            "condition": "normal",
            "life_cycle_stage": "production",
            "control": "direct",
            "obligations": [district_permit.pk],
            "scores": "severity=3; probability=3; extent=3",
        },
    )

    assert saved.status_code == 302, saved.content
    aspect.refresh_from_db()
    assert aspect.name == "Road dust"
    assert set(aspect.obligations.all()) == {region_law, district_permit}
    page = client.get(aspect.get_absolute_url()).content.decode()
    assert "District permit" in page
    assert "Air pollution act" not in page


def test_it_keeps_a_link_the_api_user_cannot_see(cast, make_user):
    make_criteria_set(cast.region)
    region_law = Obligation.objects.create(
        unit=cast.region, reference="EPA-1353", title="Air pollution act", kind="law"
    )
    district_permit = Obligation.objects.create(
        unit=cast.inside, reference="D3-7", title="District permit", kind="permit"
    )
    activity = Activity.objects.create(unit=cast.inside, code="sweep", name="Street sweeping")
    aspect = Aspect.objects.create(
        activity=activity, name="Dust", scores={"severity": 3, "probability": 3, "extent": 3}
    )
    aspect.obligations.set([region_law, district_permit])
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))

    response = api.patch(
        f"/api/aspects/aspects/{aspect.pk}/",
        {"name": "Road dust", "obligations": [district_permit.pk]},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert set(aspect.obligations.all()) == {region_law, district_permit}
    assert (
        response.json()["obligations"] == [district_permit.pk]
        or region_law.pk in (response.json()["obligations"])
    )
