"""The public portal: no login, published things only, per organisation, cached, and
an inquiry form that lands in the communication register, protected against spam
without third parties."""

import datetime as dt
import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from zist.communication.models import Event, Inquiry
from zist.documents.models import Document, DocumentVersion
from zist.publication import services, views
from zist.publication.models import Statement, StatementStatus


@pytest.fixture
def published(world):
    """2025 published (validated by the verifier), 2024 a draft, a 2023 validated but
    not published; one published public document, one draft, one not public; a public
    event to come, a past one and a private one; and Region 2's own document."""
    statement = world.statement
    statement.declaration = "Signed."
    statement.validated_on = dt.date(2026, 3, 1)
    statement.status = StatementStatus.VALIDATED
    statement.save()
    services.freeze(None, statement)
    draft = Statement.objects.create(unit=world.root, year=2024, title="Draft 2024 SECRET")
    validated = Statement.objects.create(
        unit=world.root, year=2023, title="Validated 2023 SECRET", status="validated"
    )
    docs = {}
    for code, public, status, unit in (
        ("POL-1", True, "published", world.root),
        ("PROC-DRAFT", True, "draft", world.root),
        ("INTERNAL-1", False, "published", world.root),
        ("TEH-1", True, "published", world.cast.region),
    ):
        document = Document.objects.create(
            unit=unit, code=code, title=f"{code} title", doc_type="policy", public=public
        )
        DocumentVersion.objects.create(
            document=document,
            status=status,
            content=f"Text of {code}",
            published_at=timezone.now() if status == "published" else None,
        )
        docs[code] = document
    today = timezone.localdate()
    Event.objects.create(
        unit=world.root, title="Open seminar", date=today + dt.timedelta(days=9), public=True
    )
    Event.objects.create(
        unit=world.root, title="Past seminar", date=today - dt.timedelta(days=9), public=True
    )
    Event.objects.create(
        unit=world.root, title="Internal meeting SECRET", date=today + dt.timedelta(days=3)
    )
    return {"statement": statement, "draft": draft, "validated": validated, "docs": docs}


def _portal_urls(org, years, versions):
    urls = [
        reverse("publication:portal", args=[org]),
        reverse("publication:portal_documents", args=[org]),
        reverse("publication:portal_inquiry", args=[org]),
    ]
    for year in years:
        urls.append(reverse("publication:portal_statement", args=[org, year]))
        urls.append(reverse("publication:portal_accounts", args=[org, year]))
        for version in versions:
            urls.append(reverse("publication:portal_statement_version", args=[org, year, version]))
    return urls


def test_an_anonymous_visitor_sees_only_what_was_published(world, published, client):
    org = world.org.pk
    home = client.get(reverse("publication:portal", args=[org]))
    html = home.content.decode()
    assert home.status_code == 200
    assert '<svg class="flower"' in html
    assert "Open seminar" in html and "Past seminar" not in html
    assert "POL-1 title" in html  # the published public policy
    docs = client.get(reverse("publication:portal_documents", args=[org])).content.decode()
    assert "POL-1 title" in docs
    for hidden in ("PROC-DRAFT", "INTERNAL-1", "TEH-1"):
        assert hidden not in docs and hidden not in html
    # Every portal URL, every year and version and every organisation's id: nothing
    # unpublished anywhere; only the published 2025 (v1) is found.
    ids = [org, world.cast.tehran.pk, 999999]
    for organisation in ids:
        for url in _portal_urls(organisation, range(2020, 2028), (1, 2, 3)):
            answer = client.get(url)
            assert answer.status_code in (200, 404), url
            assert b"SECRET" not in answer.content, url
            found = answer.status_code == 200
            if "/statements/" in url or "/accounts/" in url:
                assert found == (
                    organisation == org
                    and "/2025/" in url
                    and "/v2" not in url
                    and "/v3" not in url
                ), url
    # The API: the public endpoints show the same, the registers need a login.
    api = APIClient()
    data = api.get(f"/api/publication/statements/public/{org}/").json()
    assert [s["year"] for s in data["statements"]] == [2025]
    assert [d["code"] for d in data["documents"]] == ["POL-1"]
    assert [e["title"] for e in data["events"]] == ["Open seminar"]
    for year in range(2020, 2028):
        answer = api.get(f"/api/publication/statements/public/{org}/{year}/")
        assert answer.status_code == (200 if year == 2025 else 404)
        assert b"SECRET" not in answer.content
    assert (
        api.get(f"/api/publication/statements/public/{world.cast.tehran.pk}/").json()["statements"]
        == []
    )
    assert api.get("/api/publication/statements/public/999999/").status_code == 404
    for statement in Statement.objects.all():
        for url in (
            f"/api/publication/statements/{statement.pk}/",
            f"/api/publication/statements/{statement.pk}/content/",
        ):
            assert api.get(url).status_code in (401, 403), url
        page = client.get(reverse("publication:statement_document", args=[statement.pk]))
        assert page.status_code == 302  # to the login page
    assert api.get("/api/publication/statements/").status_code in (401, 403)
    assert api.get("/api/publication/themes/").status_code in (401, 403)


def test_the_public_document_list_is_per_organisation(world, published, client):
    everyone = client.get(reverse("documents:public_list")).content.decode()
    assert "POL-1 title" not in everyone and "TEH-1 title" not in everyone
    mine = client.get(reverse("documents:public_list"), {"organisation": world.org.pk})
    assert "POL-1 title" in mine.content.decode()
    assert "TEH-1 title" not in mine.content.decode()


def test_the_portal_is_cached_until_something_new_is_published(world, published, client, make_user):
    url = reverse("publication:portal", args=[world.org.pk])
    first = client.get(url).content
    Event.objects.create(
        unit=world.root, title="Brand new event", date=timezone.localdate(), public=True
    )
    assert client.get(url).content == first  # from the cache
    services.bump_portal(world.org.pk)
    assert "Brand new event" in client.get(url).content.decode()


def _old_token(seconds=10):
    then = int(timezone.now().timestamp()) - seconds
    return signing.TimestampSigner(salt=views.SALT).sign(str(then))


def _inquiry(**fields):
    return {
        "kind": "question",
        "party": "citizen",
        "name": "Karen",
        "contact": "karen@example.org",
        "subject": "Vandforbrug i Hyldespjældet",
        "text": "Hvor meget vand bruger vi?",
        "website": "",
        "token": _old_token(),
        **fields,
    }


def test_an_inquiry_lands_in_the_communication_register_with_a_due_date(world, client):
    url = reverse("publication:portal_inquiry", args=[world.org.pk])
    form = client.get(url)
    assert form.status_code == 200 and 'name="token"' in form.content.decode()
    answer = client.post(url, _inquiry())
    assert answer.status_code == 200
    inquiry = Inquiry.objects.get()
    assert inquiry.unit == world.root and inquiry.subject == "Vandforbrug i Hyldespjældet"
    assert inquiry.received_on == timezone.localdate()
    assert inquiry.answer_due == inquiry.received_on + dt.timedelta(days=14)
    assert inquiry.history.count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"website": "http://spam.example"},  # the trap filled
        {"token": "forged"},  # not our signature
        {"token": "NOW"},  # sent at once: faster than a person
        {"subject": ""},  # a required field missing
        {"kind": "nonsense"},
    ],
)
def test_spam_and_bad_input_store_nothing(world, client, fields):
    url = reverse("publication:portal_inquiry", args=[world.org.pk])
    if fields.get("token") == "NOW":
        fields = {"token": signing.TimestampSigner(salt=views.SALT).sign(str(int(time.time())))}
    answer = client.post(url, _inquiry(**fields))
    assert answer.status_code == 400
    assert Inquiry.objects.count() == 0
    assert 'name="token"' in answer.content.decode()  # a fresh form to try again


def test_an_expired_form_is_refused(world, client):
    url = reverse("publication:portal_inquiry", args=[world.org.pk])

    class OldSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - views.MAX_AGE - 60)

    stale = OldSigner(salt=views.SALT).sign(str(int(time.time()) - views.MAX_AGE - 60))
    answer = client.post(url, _inquiry(token=stale))
    assert answer.status_code == 400
    assert Inquiry.objects.count() == 0


def test_one_client_may_send_only_a_few_inquiries_an_hour(world, client):
    url = reverse("publication:portal_inquiry", args=[world.org.pk])
    for n in range(views.PER_HOUR):
        assert client.post(url, _inquiry(subject=f"Spørgsmål {n}")).status_code == 200
    refused = client.post(url, _inquiry(subject="One too many"))
    assert refused.status_code == 429
    assert Inquiry.objects.count() == views.PER_HOUR
    other = client.post(url, _inquiry(subject="From elsewhere"), REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 200


def test_the_flower_is_labelled_in_persian_right_to_left(world, published, client):
    html = client.get(f"/fa/publication/portal/{world.org.pk}/statements/2025/").content.decode()
    assert 'direction="rtl"' in html and ">آب</tspan>" in html
    da = client.get(f"/da/publication/portal/{world.org.pk}/statements/2025/").content.decode()
    assert 'direction="ltr"' in da and ">Vand</tspan>" in da
    assert f'href="/da/publication/portal/{world.org.pk}/accounts/2025/#theme-water"' in da
