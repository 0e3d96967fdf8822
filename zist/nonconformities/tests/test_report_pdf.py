"""The nonconformity report: the record's page as a PDF, with its corrective actions,
checked like the page."""

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from zist.actions.models import Action
from zist.core import calendars
from zist.core.testing import pdf_pages, pdf_png, pdf_text, plain, squash
from zist.nonconformities.models import Nonconformity
from zist.organisations import services
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User


def person(username, role, unit):
    user = User.objects.create_user(username, password="pw", home_unit=unit)
    RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture(scope="class")
def report(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        tehran = services.create_organisation(
            name="شهرداری تهران", language="fa", calendar=calendars.JALALI
        )
        root = Unit.objects.get(organisation=tehran, depth=1)
        district = services.create_unit(root, name="ناحیه ۳", code="d3", kind="district")
        other = services.create_unit(root, name="ناحیه ۴", code="d4", kind="district")
        manager = person("fa-manager", "environmental_manager", district)
        nc = Nonconformity.objects.create(
            unit=district,
            title="نشت روغن سوخته در کارگاه",
            grade="major",
            reported_on=dt.date(2026, 3, 21),
            correction="کیسه‌های جاذب روی نشت گذاشته شد.",
            root_cause="مخزن بدون دیوارهٔ حفاظتی نگهداری می‌شد.",
        )
        Action.objects.create(
            unit=district,
            title="ساخت دیوارهٔ حفاظتی برای مخزن",
            kind="corrective",
            due_date=dt.date(2026, 6, 21),
            source=nc,
        )
        client = Client()
        client.force_login(manager)
        with translation.override("fa"):
            url = reverse("nonconformities:nonconformity_detail", args=[nc.pk])
        out = {
            "pdf": client.get(url + "?format=pdf"),
            "page": client.get(url),
            "url": url,
            "outsider": person("d4-manager", "environmental_manager", other),
        }
        yield out
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestNonconformityReportPdf:
    def test_it_offers_the_pdf_on_the_record_page(self, report):
        assert 'href="?format=pdf"' in report["page"].content.decode()

    def test_it_prints_the_record_with_its_root_cause_and_actions(self, report):
        response = report["pdf"]
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith('inline; filename="nonconformity-')
        text = pdf_text(response.content)
        for words in (
            "نشت روغن سوخته در کارگاه",
            "کیسه‌های جاذب روی نشت گذاشته شد",
            "مخزن بدون دیوارهٔ حفاظتی نگهداری می‌شد",
            "ساخت دیوارهٔ حفاظتی برای مخزن",
            "شهرداری تهران",
        ):
            assert plain(words) in text, words
        assert "۱۴۰۵/۰۱/۰۱" in text  # reported on 21 March 2026 = 1 Farvardin 1405
        assert "۱۴۰۵/۰۳/۳۱" in text  # the action's due date
        assert squash("صفحه ۱ از") in squash(pdf_pages(response.content)[0])
        # Buttons and forms of the page stay off the paper.
        assert plain("ثبت") not in text.split(plain("شهرداری تهران"))[0]
        pdf_png(response.content, "/tmp/pdf-nc-fa")

    def test_it_refuses_the_pdf_outside_the_users_units(self, report):
        client = Client()
        client.force_login(report["outsider"])
        assert client.get(report["url"] + "?format=pdf").status_code == 404
