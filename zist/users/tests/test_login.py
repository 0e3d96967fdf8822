from django.test import override_settings
from django.urls import reverse

from zist.users.models import LoginFailure
from zist.users.roles import Role


def test_it_sends_a_persian_user_to_persian_pages(cast, make_user, client):
    make_user(Role.VIEWER, cast.inside, username="maryam")
    response = client.post("/en/login/", {"username": "maryam", "password": "pw"})
    assert response.status_code == 302
    assert response["Location"].startswith("/fa/")
    page = client.get(response["Location"])
    assert '<html lang="fa" dir="rtl">' in page.content.decode()


def test_it_sends_a_danish_user_to_danish_pages(cast, make_user, client):
    make_user(Role.VIEWER, cast.foreign, username="mette")
    response = client.post("/en/login/", {"username": "mette", "password": "pw"})
    assert response["Location"].startswith("/da/")


@override_settings(ZIST_LOGIN_MAX_FAILURES=3)
def test_it_throttles_password_guessing(cast, make_user, client):
    make_user(Role.VIEWER, cast.inside, username="target")
    for _ in range(3):
        client.post("/en/login/", {"username": "target", "password": "wrong"})
    assert LoginFailure.objects.filter(username="target").count() == 3
    response = client.post("/en/login/", {"username": "target", "password": "pw"})
    assert response.status_code == 200
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_keeps_the_language_choice_in_the_profile(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside)
    client.force_login(user)
    response = client.post(
        reverse("switch_language"), {"language": "da", "next": "/fa/organisation/units/"}
    )
    assert response["Location"] == "/da/organisation/units/"
    user.refresh_from_db()
    assert user.language == "da"


def test_it_refuses_a_foreign_next_url(cast, client):
    response = client.post(
        reverse("switch_language"), {"language": "fi", "next": "https://evil.example/"}
    )
    assert "evil" not in response["Location"]


def test_it_saves_calendar_and_digit_preferences(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.foreign)
    client.force_login(user)
    response = client.post(
        reverse("profile"),
        {
            "profile-first_name": "Mette",
            "profile-last_name": "",
            "profile-email": "",
            "profile-language": "en",
            "profile-calendar": "jalali",
            "profile-digits": "persian",
        },
    )
    assert response.status_code == 302
    home = client.get("/en/").content.decode()
    assert 'class="today-date">۱۴' in home
