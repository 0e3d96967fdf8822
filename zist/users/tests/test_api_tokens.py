import datetime as dt

from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from zist.users.models import ApiToken
from zist.users.roles import Role


def test_it_shows_the_key_once_and_stores_only_a_digest(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside)
    client.force_login(user)
    response = client.post(reverse("token_create"), {"token-name": "meter feed"})
    key = response.context["key"]
    token = ApiToken.objects.get(user=user)
    assert token.digest == ApiToken.hash(key) and key not in token.digest
    assert key not in client.get(reverse("profile")).content.decode()


def test_it_authenticates_the_api_with_a_token(cast, make_user):
    user = make_user(Role.VIEWER, cast.inside)
    _token, key = ApiToken.issue(user, "feed")
    api = APIClient()
    assert api.get("/api/organisations/units/").status_code in (401, 403)
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.get("/api/organisations/units/")
    assert response.status_code == 200
    assert [unit["id"] for unit in response.json()["results"]] == [cast.inside.pk]


def test_it_refuses_revoked_and_expired_tokens(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside)
    token, key = ApiToken.issue(user, "feed")
    api = APIClient(HTTP_AUTHORIZATION=f"Token {key}")
    client.force_login(user)
    client.post(reverse("token_revoke", args=[token.pk]))
    assert api.get("/api/organisations/units/").status_code == 401
    _old, old_key = ApiToken.issue(user, "old", expires=timezone.now() - dt.timedelta(days=1))
    api = APIClient(HTTP_AUTHORIZATION=f"Token {old_key}")
    assert api.get("/api/organisations/units/").status_code == 401


def test_it_lets_nobody_revoke_another_users_token(cast, make_user, client):
    owner = make_user(Role.VIEWER, cast.inside)
    token, _key = ApiToken.issue(owner, "feed")
    client.force_login(make_user(Role.ADMINISTRATOR, cast.region))
    assert client.post(reverse("token_revoke", args=[token.pk])).status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
