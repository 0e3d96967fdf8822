"""What the public portal of an organisation shows: published things only.

Every query here starts from a published state (a published or superseded statement,
a published version of a public document, an active certificate, a public event that
has not happened yet); nothing reads drafts or the registers' live figures, so guessing
an id cannot reach anything unpublished.
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone

from zist.publication.models import Statement, StatementStatus

PUBLISHED = (StatementStatus.PUBLISHED, StatementStatus.SUPERSEDED)


def organisation_or_404(organisation_id: int):
    from zist.organisations.models import Organisation

    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation


def statements(organisation) -> list[Statement]:
    """The latest published version of each year's statement, newest year first."""
    rows = (
        Statement.objects.filter(unit__organisation=organisation, status__in=PUBLISHED)
        .select_related("unit")
        .order_by("-year", "unit__path", "-version")
    )
    seen, latest = set(), []
    for statement in rows:
        key = (statement.year, statement.unit_id)
        if key not in seen:
            seen.add(key)
            latest.append(statement)
    return latest


def published_statement(organisation_id: int, year: int, version: int | None = None):
    rows = Statement.objects.filter(
        unit__organisation_id=organisation_id, year=year, status__in=PUBLISHED
    ).select_related("unit", "unit__organisation", "previous")
    if version is not None:
        rows = rows.filter(version=version)
    statement = rows.order_by("unit__depth", "-version").first()
    if statement is None:
        raise Http404
    return statement


def documents(organisation):
    from zist.documents.models import DocumentVersion

    return (
        DocumentVersion.objects.published()
        .filter(document__public=True, document__unit__organisation=organisation)
        .select_related("document")
        .order_by("document__doc_type", "document__code")
    )


def policies(organisation):
    return documents(organisation).filter(document__doc_type="policy")


def certificates(organisation):
    from zist.certification.models import Certificate

    return (
        Certificate.objects.filter(unit__organisation=organisation, status="active")
        .select_related("unit", "body")
        .order_by("unit__path", "standard")
    )


def events(organisation):
    from zist.communication.models import Event

    return (
        Event.objects.filter(
            unit__organisation=organisation, public=True, date__gte=timezone.localdate()
        )
        .select_related("unit")
        .order_by("date", "pk")[:20]
    )


def as_json(organisation_id: int) -> dict:
    """The portal's data for the API: ISO dates, ids, published things only."""
    organisation = organisation_or_404(organisation_id)
    latest = statements(organisation)
    return {
        "organisation": {
            "id": organisation.pk,
            "name": organisation.name,
            "language": organisation.language,
        },
        "statements": [
            {
                "id": s.pk,
                "year": s.year,
                "version": s.version,
                "unit": s.unit.name,
                "published_at": s.published_at.isoformat() if s.published_at else None,
                "url": f"/api/publication/statements/public/{organisation.pk}/{s.year}/",
            }
            for s in latest
        ],
        "flower": latest[0].snapshot.get("flower", []) if latest else [],
        "documents": [
            {
                "document": v.document_id,
                "code": v.document.code,
                "title": v.document.title,
                "type": v.document.doc_type,
                "version": v.number,
                "published_at": v.published_at.isoformat() if v.published_at else None,
            }
            for v in documents(organisation)
        ],
        "certificates": [
            {
                "standard": c.standard,
                "number": c.number,
                "unit": c.unit.name,
                "scope": c.scope,
                "body": c.body.name if c.body_id else "",
                "expiry_date": c.expiry_date.isoformat() if c.expiry_date else None,
            }
            for c in certificates(organisation)
        ],
        "events": [
            {
                "title": e.title,
                "kind": e.kind,
                "date": e.date.isoformat(),
                "place": e.place,
                "unit": e.unit.name,
            }
            for e in events(organisation)
        ],
    }
