import datetime as dt

from django.urls import reverse
from rest_framework.test import APIClient

from zist.audits.models import AuditKind, AuditStatus, Finding
from zist.audits.testing import make_audit
from zist.certification.models import Certificate, CertificateStatus

D = dt.date


def test_it_sets_the_expiry_three_years_from_the_decision(cast):
    certificate = Certificate.objects.create(
        unit=cast.inside, number="X1", decision_date=D(2024, 1, 21)
    )
    assert certificate.expiry_date == D(2027, 1, 20)
    assert certificate.current_status(D(2027, 1, 20)) == CertificateStatus.ACTIVE
    assert certificate.current_status(D(2027, 1, 21)) == CertificateStatus.EXPIRED


def test_it_counts_completed_external_audits_towards_the_cycle(cast):
    certificate = Certificate.objects.create(
        unit=cast.inside, number="X1", decision_date=D(2024, 1, 21)
    )
    assert certificate.next_milestone().key == "surveillance1"
    make_audit(
        cast.region, kind=AuditKind.SURVEILLANCE, status=AuditStatus.COMPLETED
    ).scope_units.set([cast.region, cast.inside])
    # start_date of make_audit is 2030: outside this cycle, so it does not count.
    assert certificate.next_milestone().key == "surveillance1"
    audit = make_audit(cast.inside, kind=AuditKind.SURVEILLANCE, status=AuditStatus.COMPLETED)
    audit.start_date = D(2024, 11, 3)
    audit.save()
    assert certificate.next_milestone().key == "surveillance2"
    # Planned (not completed) audits do not count.
    planned = make_audit(cast.inside, kind=AuditKind.SURVEILLANCE)
    planned.start_date = D(2025, 11, 3)
    planned.save()
    assert certificate.next_milestone().key == "surveillance2"


def test_it_shows_the_cycle_and_external_audits_on_the_certificate(cast, make_user, client):
    certificate = Certificate.objects.create(
        unit=cast.inside, number="X1", decision_date=D(2024, 1, 21)
    )
    audit = make_audit(cast.inside, kind=AuditKind.SURVEILLANCE, status=AuditStatus.COMPLETED)
    audit.start_date = D(2024, 11, 3)
    audit.save()
    Finding.objects.create(audit=audit, unit=cast.inside, grade="minor", statement="x")
    client.force_login(make_user("viewer", cast.inside))
    page = client.get(reverse("certification:certificate_detail", args=[certificate.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'<a href="{audit.get_absolute_url()}">{audit}</a>' in html
    # Surveillance 1 done, surveillance 2 is next.
    # Surveillance 1 done; surveillance 2 (deadline 21 January 2026) is overdue.
    assert html.index("Done") < html.index("Overdue") < html.index("Later")


def test_it_reports_the_next_audit_in_the_api(cast, make_user):
    certificate = Certificate.objects.create(
        unit=cast.inside, number="X1", decision_date=D(2024, 1, 21)
    )
    api = APIClient()
    api.force_authenticate(make_user("viewer", cast.inside))
    data = api.get(f"/api/certification/certificates/{certificate.pk}/").json()
    assert data["expiry_date"] == "2027-01-20"
    assert data["next_audit"] == {
        "milestone": "surveillance1",
        "kind": "surveillance",
        "opens": "2024-01-22",
        "deadline": "2025-01-21",
    }


def test_it_counts_emas_verifications_for_an_emas_registration(cast):
    registration = Certificate.objects.create(
        unit=cast.inside, number="DK-1", standard="emas", decision_date=D(2024, 11, 12)
    )
    for day in (D(2025, 10, 7), D(2026, 10, 6)):
        audit = make_audit(cast.inside, kind=AuditKind.EMAS, status=AuditStatus.COMPLETED)
        audit.start_date = day
        audit.save()
    assert registration.next_milestone().key == "recert"
