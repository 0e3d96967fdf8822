"""The DoE's award demo from data/demo.yaml (after the reporting demo, whose KPI
programme gives the technical scores): both shipped schemes, the 1404 energy-management
round, four applicants scored by three assessors each alone, then the consensus step, results
published.
Idempotent: a round that exists is left as it is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from zist.awards import schemes, services
from zist.awards.models import Application, Round, Score
from zist.demo.platform import PASSWORD
from zist.organisations.models import Organisation
from zist.reporting import demo as reporting_demo
from zist.reporting.models import Programme
from zist.users.models import RoleAssignment, User
from zist.users.roles import Role

DATA = Path(__file__).parent / "data" / "demo.yaml"


def accounts() -> list[tuple[str, str]]:
    """The assessors this demo adds, for `zist demo` to print."""
    spec = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    where = f"{Role.ENVIRONMENTAL_REPRESENTATIVE.value} on root ({reporting_demo.regulator_name()})"
    return [(account["username"], f"{where}, assessor") for account in spec["assessors"]]


@transaction.atomic
def load() -> dict[str, int]:
    reporting_demo.load()
    spec = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    regulator = Organisation.objects.get(kind="regulator", name=reporting_demo.regulator_name())
    body = regulator.root_unit
    created = {"schemes": 0, "rounds": 0, "scores": 0}
    for code in schemes.SHIPPED:
        created["schemes"] += schemes.load_scheme(code, body)[1]
    if Round.objects.filter(unit=body, name=spec["round"]).exists():
        return created
    assessors = []
    for account in spec["assessors"]:
        user = User.objects.filter(username=account["username"]).first()
        if user is None:
            user = User(email=f"{account['username']}@example.org", home_unit=body, **account)
            user.set_password(PASSWORD)
            user.save()
            RoleAssignment.objects.create(
                user=user, role=Role.ENVIRONMENTAL_REPRESENTATIVE, unit=body
            )
        assessors.append(user)
    round_ = Round(
        unit=body,
        scheme=body.award_schemes.get(code=spec["scheme"]),
        name=spec["round"],
        programme=Programme.objects.get(unit=body, code=spec["programme"]),
        status="assessing",
    )
    round_.full_clean()
    round_.save()
    created["rounds"] += 1
    criteria = {c.code: c for c in round_.scheme.criteria.all()}
    for item in spec["applications"]:
        applicant = Organisation.objects.get(name=item["applicant"]).root_unit
        application = Application(round=round_, unit=applicant, category="صنایع انرژی‌بر")
        application.full_clean()
        application.save()
        for code, given in item["scores"].items():
            for assessor, percent in zip(assessors, given, strict=True):
                _score(application, criteria[code], assessor, percent, False)
                created["scores"] += 1
    # Every assessor has scored alone; the panel now compares and agrees.
    round_.status = "consensus"
    round_.save()
    for item in spec["applications"]:
        application = round_.applications.get(
            unit=Organisation.objects.get(name=item["applicant"]).root_unit
        )
        for code, percent in item.get("consensus", {}).items():
            _score(application, criteria[code], assessors[0], percent, True)
    services.publish(round_)
    return created


def _score(application, criterion, assessor, percent, consensus: bool) -> None:
    score = Score(
        application=application,
        criterion=criterion,
        assessor=assessor,
        percent=Decimal(str(percent)),
        consensus=consensus,
    )
    score.full_clean()
    score.save()
