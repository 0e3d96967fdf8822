"""A round's published results as a PDF (the page's own template), in Persian and in
Danish, read back with poppler; an applicant's copy holds its own line only."""

import pytest
from django.urls import reverse
from django.utils import translation

from zist.awards.models import Round
from zist.core.testing import pdf_text, plain, squash
from zist.users.models import User


def _pdf(client, username: str, language: str) -> str:
    client.force_login(User.objects.get(username=username))
    with translation.override(language):
        url = reverse("awards:results", args=[Round.objects.get().pk])
    response = client.get(url + "?format=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


@pytest.mark.django_db
@pytest.mark.usefixtures("award_demo")
class TestAwardResultsPdf:
    def test_the_body_prints_the_ranking_in_persian(self, client):
        text = _pdf(client, "doe.reviewer", "fa")
        assert squash("نتایج جایزه") in squash(text)
        for name in ("سیمان تهران", "سیمان شاهرود", "سیمان فارس", "فولاد مبارکه"):
            assert plain(name) in text, name
        # Tehran Cement's hand-worked 621.07 points (tests/test_scoring.py), Bronze, in
        # Persian digits with the Persian decimal mark.
        tehran = next(line for line in text.splitlines() if plain("سیمان تهران") in line)
        assert "۶۲۱٫۰۷" in tehran and plain("برنز") in tehran

    def test_the_body_prints_it_in_danish_with_latin_digits(self, client):
        text = _pdf(client, "doe.reviewer", "da")
        assert "Prisresultater" in text and "Point i alt" in text
        tehran = next(line for line in text.splitlines() if plain("سیمان تهران") in line)
        assert "621,07" in tehran

    def test_an_applicant_prints_its_own_line_only(self, client):
        text = _pdf(client, "cement.manager", "fa")
        assert plain("سیمان تهران") in text and "۶۲۱٫۰۷" in text
        for other in ("سیمان شاهرود", "سیمان فارس", "فولاد مبارکه"):
            assert plain(other) not in text, other
