"""Demo publications from data/demo.yaml: themes, statements (validated by the
verifier named there, then published with frozen figures) and public events.

Idempotent: themes are found by (unit, key), statements by (unit, year, version 1),
events by (unit, title). Every record goes through its model's validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from zist.communication.models import Event
from zist.indicators.models import Indicator
from zist.organisations.models import Unit
from zist.publication import services
from zist.publication.models import Statement, StatementStatus, Theme
from zist.users.models import User

DATA = Path(__file__).parent / "data" / "demo.yaml"
TEXTS = (
    "title",
    "activities",
    "parent_organisation",
    "registration",
    "governance",
    "significance_method",
    "planned_actions",
    "omissions",
    "compliance_statement",
    "verifier_name",
    "verifier_accreditation",
)


def load() -> dict[str, int]:
    created = {"themes": 0, "statements": 0, "public events": 0}
    for spec in yaml.safe_load(DATA.read_text(encoding="utf-8")):
        root = (
            Unit.objects.filter(organisation__name=spec["organisation"], code=spec["root"])
            .select_related("organisation")
            .first()
        )
        if root is None:
            continue
        with transaction.atomic():
            created["themes"] += _themes(root, spec["themes"])
            created["public events"] += _events(root, spec.get("events", []))
        publisher = User.objects.filter(username=spec["publisher"]).first()
        for item in spec["statements"]:
            created["statements"] += _statement(root, item, publisher)
    return created


def _indicator(root, code):
    return Indicator.objects.filter(unit__organisation=root.organisation, code=code).first()


def _themes(root, themes) -> int:
    count = 0
    language = root.organisation.language
    for item in themes:
        if Theme.objects.filter(unit=root, key=item["key"]).exists():
            continue
        names = item["names"]
        theme = Theme(
            unit=root,
            key=item["key"],
            name=names.get(language) or names["en"],
            name_en=names.get("en", ""),
            name_fa=names.get("fa", ""),
            name_da=names.get("da", ""),
            name_fi=names.get("fi", ""),
            order=item.get("order", 0),
            headline=_indicator(root, item["headline"]) if item.get("headline") else None,
            goal=item.get("goal", ""),
            includes=item.get("includes", ""),
            manual_status=item.get("manual_status", ""),
        )
        theme.full_clean()
        theme.save()
        theme.indicators.set(
            [i for code in item.get("indicators", []) if (i := _indicator(root, code))]
        )
        count += 1
    return count


def _events(root, events) -> int:
    count = 0
    today = timezone.localdate()
    for item in events:
        if Event.objects.filter(unit=root, title=item["title"]).exists():
            continue
        event = Event(
            unit=root,
            title=item["title"],
            kind=item["kind"],
            place=item.get("place", ""),
            date=today + dt.timedelta(days=item["in_days"]),
            public=True,
        )
        event.full_clean()
        event.save()
        count += 1
    return count


def _statement(root, item, publisher) -> int:
    statement = Statement.objects.filter(unit=root, year=item["year"], version=1).first()
    count = 0
    if statement is None:
        statement = Statement(unit=root, year=item["year"])
        for field in TEXTS:
            setattr(statement, field, item.get(field, ""))
        statement.next_statement_on = item.get("next_statement_on")
        statement.full_clean()
        statement.save()
        count = 1
    if statement.status == StatementStatus.DRAFT and item.get("declaration"):
        # The verifier's validation as recorded in the data (the verifier's own
        # account is not part of the demo).
        statement.declaration = item["declaration"]
        statement.validated_on = item["validated_on"]
        statement.status = StatementStatus.VALIDATED
        statement.save()
    if statement.status == StatementStatus.VALIDATED and item.get("publish"):
        services.freeze(publisher, statement)
    return count
