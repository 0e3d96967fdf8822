"""The API refuses a requirement for nobody in words (it was a server error)."""

from rest_framework.test import APIClient

from zist.training.models import Requirement


def test_requirement_without_post_or_role_is_400(cast):
    api = APIClient()
    api.force_authenticate(cast.superuser)
    r = api.post(
        "/api/training/requirements/", {"title": "name_id", "unit": cast.inside.pk}, format="json"
    )
    assert r.status_code == 400, r.content
    assert "post or the role" in r.content.decode()
    assert not Requirement.objects.exists()
