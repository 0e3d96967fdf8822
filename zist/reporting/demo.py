"""The regulator demo from data/demo.yaml: the DoE with its 1403 and 1404 industrial
KPI programmes and 12 industries in three sectors. 1403 is all accepted; in 1404 every
industry submits (an outlier is flagged in the chemicals sector), one is returned with
a comment and the others are accepted.

Loaded through validation (`full_clean`) and the workflow services, as the pages save.
Idempotent: organisations, programmes, sectors and KPIs are found by their names and
codes; an industry that already reported to a programme is left as it is.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from zist.core import calendars
from zist.demo.platform import PASSWORD
from zist.organisations import services as organisations
from zist.organisations.models import Organisation, OrganisationKind
from zist.reporting import services
from zist.reporting.models import Kpi, Programme, Sector, Submission
from zist.users.models import RoleAssignment, User

DATA = Path(__file__).parent / "data" / "demo.yaml"


def regulator_name() -> str:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["regulator"]["name"]


def accounts() -> list[tuple[str, str]]:
    """The accounts this demo adds, for `zist demo` to print: (username, role and
    where)."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    names = {data["regulator"]["slug"]: data["regulator"]["name"]}
    names.update({industry["slug"]: industry["name"] for industry in data["industries"]})
    return [
        (account["username"], f"{account['role']} on root ({names[account['organisation']]})")
        for account in data["accounts"]
    ]


def _organisation(name: str, kind: str) -> tuple[Organisation, bool]:
    found = Organisation.objects.filter(name=name).first()
    if found:
        return found, False
    return (
        organisations.create_organisation(
            name=name,
            kind=kind,
            language="fa",
            calendar=calendars.JALALI,
            time_zone="Asia/Tehran",
            currency="IRR",
        ),
        True,
    )


def _saved(obj):
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def load() -> dict[str, int]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    created = {"organisations": 0, "programmes": 0, "submissions": 0, "users": 0}
    regulator, made = _organisation(data["regulator"]["name"], OrganisationKind.REGULATOR)
    created["organisations"] += made
    by_slug = {data["regulator"]["slug"]: regulator}
    for industry in data["industries"]:
        org, made = _organisation(industry["name"], OrganisationKind.COMPANY)
        by_slug[industry["slug"]] = org
        created["organisations"] += made
    for account in data["accounts"]:
        if User.objects.filter(username=account["username"]).exists():
            continue
        root = by_slug[account["organisation"]].root_unit
        user = User(
            username=account["username"],
            first_name=account["first_name"],
            last_name=account["last_name"],
            email=f"{account['username']}@example.org",
            home_unit=root,
        )
        user.set_password(PASSWORD)
        user.save()
        RoleAssignment.objects.create(user=user, role=account["role"], unit=root)
        created["users"] += 1

    reviewer = User.objects.get(username=data["accounts"][0]["username"])
    programmes: dict[str, Programme] = {}
    for spec in data["programmes"]:
        programme = Programme.objects.filter(unit=regulator.root_unit, code=spec["code"]).first()
        if programme is None:
            programme = _saved(
                Programme(
                    unit=regulator.root_unit,
                    code=spec["code"],
                    name=spec["name"],
                    year=spec["year"],
                    due_date=dt.date.fromisoformat(spec["due_date"]),
                    reference_name=data["reference"]["name"],
                    reference_unit=data["reference"]["unit"],
                    previous=programmes.get(spec.get("previous")),
                    status=spec["status"],
                )
            )
            created["programmes"] += 1
        programmes[spec["code"]] = programme
        for sector in data["sectors"]:
            if not programme.sectors.filter(code=sector["code"]).exists():
                _saved(Sector(programme=programme, **sector))
        for kpi in data["kpis"]:
            if not programme.kpis.filter(code=kpi["code"]).exists():
                _saved(Kpi(programme=programme, **kpi))
        created["submissions"] += _report(data, programme, by_slug, reviewer)
    return created


def _report(data, programme: Programme, by_slug, reviewer) -> int:
    """Every industry reports its figures of the programme's year, submits; the
    reviewer then accepts, or returns with the comment the data gives."""
    made = []
    for industry in data["industries"]:
        org = by_slug[industry["slug"]]
        if Submission.objects.filter(programme=programme, unit=org.root_unit).exists():
            continue
        sector = programme.sectors.get(code=industry["sector"])
        submission = services.invite(programme, org, sector)
        figures = industry["years"][programme.year]
        submission.reference_value = Decimal(figures["reference"])
        _saved(submission)
        for kpi in programme.kpis.all():
            services.set_figure(submission, kpi, Decimal(figures[kpi.code]), source="demo")
        services.submit(submission, None)
        made.append((industry, submission))
    for industry, submission in made:
        returned = programme.year == 1404 and industry.get("returned")
        services.review(submission, reviewer, accept=not returned, comment=returned or "")
    return len(made)
