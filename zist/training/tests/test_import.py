from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zist.training.models import Person
from zist.users.roles import Role

PEOPLE = (
    "Unit,Name,Kind,Role or post,Organisation,Phone\n"
    "d3,Reza Karimi,Contractor staff,Driver,Pak Co.,0912\n"
    "d3,Maryam Kazemi,Citizen,,,\n"
)


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("people.csv", text.encode("utf-8"), content_type="text/csv")


def test_it_imports_people_without_a_login_twice_without_twins(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    url = reverse("training:person_import")
    assert client.post(url, {"file": _csv(PEOPLE)}).status_code == 302
    changed = PEOPLE.replace("0912", "0935")
    assert client.post(url, {"file": _csv(changed)}).status_code == 302
    people = Person.objects.order_by("name")
    assert [(p.name, p.kind, p.user_id) for p in people] == [
        ("Maryam Kazemi", "citizen", None),
        ("Reza Karimi", "contractor", None),
    ]
    assert people.get(name="Reza Karimi").phone == "0935"
