"""Management review minutes as a PDF, checked like the page."""

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from zist.core.testing import pdf_pages, pdf_png, pdf_text
from zist.organisations import services
from zist.organisations.models import Unit
from zist.reviews import services as review_services
from zist.reviews.models import ManagementReview
from zist.users.models import RoleAssignment, User


def person(username, role, unit):
    user = User.objects.create_user(username, password="pw", home_unit=unit)
    RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture(scope="class")
def minutes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        kemi = services.create_organisation(name="Kemin kaupunki", language="fi")
        root = Unit.objects.get(organisation=kemi, depth=1)
        port = services.create_unit(root, name="Satama", code="port", kind="site")
        other = services.create_unit(root, name="Kirjasto", code="lib", kind="site")
        manager = person("fi-manager", "environmental_manager", port)
        review = ManagementReview.objects.create(
            unit=port,
            title="Johdon katselmus 2025",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
            meeting_date=dt.date(2026, 2, 12),
            conclusions="Ympäristöjärjestelmä on toimiva.",
            decisions="Öljynerottimien tarkastukset neljännesvuosittain.",
        )
        with translation.override("fi"):
            review_services.record_minutes(review)
        client = Client()
        client.force_login(manager)
        with translation.override("fi"):
            url = reverse("reviews:managementreview_minutes", args=[review.pk])
        out = {
            "pdf": client.get(url + "?format=pdf"),
            "page": client.get(url),
            "url": url,
            "outsider": person("lib-manager", "environmental_manager", other),
        }
        yield out
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestMinutesPdf:
    def test_it_offers_the_pdf_on_the_minutes_page(self, minutes):
        assert 'href="?format=pdf"' in minutes["page"].content.decode()

    def test_it_prints_the_minutes_in_finnish(self, minutes):
        response = minutes["pdf"]
        assert response["Content-Type"] == "application/pdf"
        text = pdf_text(response.content)
        assert "Pöytäkirja: Johdon katselmus 2025" in text
        assert "Ympäristöjärjestelmä on toimiva." in text
        assert "Öljynerottimien tarkastukset neljännesvuosittain." in text
        assert "12.2.2026" in text or "12.02.2026" in text
        assert "Kemin kaupunki" in text
        assert "('label'" not in text  # a dict's entries, never its methods' output
        pages = pdf_pages(response.content)
        assert f"Sivu 1 / {len(pages)}" in pages[0]
        pdf_png(response.content, "/tmp/pdf-minutes-fi")

    def test_it_refuses_the_pdf_outside_the_users_units(self, minutes):
        client = Client()
        client.force_login(minutes["outsider"])
        assert client.get(minutes["url"] + "?format=pdf").status_code == 404
