from django.urls import reverse
from rest_framework.test import APIClient

from zist.core import calendars
from zist.crisis.models import Hazard, HazardEvent
from zist.crisis.testing import hazard, session
from zist.organisations import services
from zist.organisations.models import Unit


def test_it_refuses_to_delete_a_hazard_used_in_a_session(cast, make_user, client):
    quake = hazard(cast.inside)
    meeting = session(cast.inside, hazards=[quake])
    manager = make_user("crisis_manager", cast.inside)
    client.force_login(manager)
    response = client.post(reverse("crisis:hazard_delete", args=[quake.pk]), follow=True)
    text = response.content.decode()
    assert "cannot be deleted" in text and meeting.title in text
    api = APIClient()
    api.force_authenticate(manager)
    refused = api.delete(f"/api/crisis/hazards/{quake.pk}/")
    assert refused.status_code == 400
    assert meeting.title in str(refused.json()["detail"])
    assert Hazard.objects.filter(pk=quake.pk).exists()
    meeting.hazards.clear()
    assert api.delete(f"/api/crisis/hazards/{quake.pk}/").status_code == 204


def test_it_takes_event_dates_in_the_jalali_calendar(cast, make_user, client):
    quake = hazard(cast.inside)
    user = make_user("crisis_manager", cast.inside, calendar=calendars.JALALI)
    client.force_login(user)
    response = client.post(
        reverse("crisis:hazardevent_add"),
        {
            "hazard": quake.pk,
            "title": "Buin Zahra earthquake",
            "date": "۱۳۴۱/۰۶/۱۰",
            "severity": 5,
            "deaths": 12225,
            "injured": 2776,
            "displaced": 0,
        },
    )
    assert response.status_code == 302, response.content
    assert HazardEvent.objects.get().date.isoformat() == "1962-09-01"


def test_it_keeps_qazvin_and_tehran_apart(cast, make_user, client):
    qazvin = services.create_organisation(name="Qazvin", language="fa", calendar=calendars.JALALI)
    office = services.create_unit(
        Unit.objects.get(organisation=qazvin, depth=1), name="Crisis office", code="co"
    )
    ours, theirs = hazard(office), hazard(cast.tehran_root)
    qazvin_manager = make_user("crisis_manager", Unit.objects.get(organisation=qazvin, depth=1))
    tehran_manager = make_user("crisis_manager", cast.tehran_root)
    for user, mine, other in ((qazvin_manager, ours, theirs), (tehran_manager, theirs, ours)):
        client.force_login(user)
        listed = client.get(reverse("crisis:hazard_list"))
        assert [row["object"] for row in listed.context["rows"]] == [mine]
        assert client.get(reverse("crisis:hazard_detail", args=[other.pk])).status_code == 404
        api = APIClient()
        api.force_authenticate(user)
        ids = [item["id"] for item in api.get("/api/crisis/hazards/").json()["results"]]
        assert ids == [mine.pk]
        created = api.post(
            "/api/crisis/hazards/",
            {"unit": other.unit_id, "name": "x", "category": "natural", "kind": "flood"},
            format="json",
        )
        assert created.status_code in (400, 403)


def test_it_imports_the_same_hazard_file_twice_without_copies(cast, make_user, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(make_user("crisis_manager", cast.inside))
    for area in ("North fault", "Ipak fault"):
        csv = (
            "Unit,Name,Category,Kind,Area\n"
            f"{cast.inside.pk},Earthquake,Natural,Earthquake,{area}\n"
            f"{cast.inside.pk},Flood,natural,flood,River\n"
        ).encode()
        upload = SimpleUploadedFile("hazards.csv", csv, content_type="text/csv")
        response = client.post(reverse("crisis:hazard_import"), {"file": upload})
        assert response.status_code == 302, response.content.decode()[-2000:]
    assert Hazard.objects.filter(unit=cast.inside).count() == 2
    assert Hazard.objects.get(name="Earthquake").area == "Ipak fault"
