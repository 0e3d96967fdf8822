"""The API docs page speaks the reader's language and direction and leads back."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "direction", "back"),
    [("fa", "rtl", "بازگشت به زیست"), ("da", "ltr", "Tilbage til Zist")],
)
def test_it_gives_the_api_docs_page_a_language_a_direction_and_a_way_back(
    cast, client, language, direction, back
):
    client.force_login(cast.superuser)
    page = client.get("/api/docs/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert f'<a href="/{language}/">{back}</a>' in page
    # Swagger UI's own interface is English, left to right, and marked so.
    assert '<div id="swagger-ui" lang="en" dir="ltr">' in page
