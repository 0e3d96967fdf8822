"""Demo organisations, unit trees and accounts, from the seed documents.

Idempotent: everything is looked up by its natural key (organisation name, unit code,
username) and created only when missing, so a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from zist.core import calendars
from zist.organisations import services
from zist.organisations.models import Organisation, Unit, UnitKind
from zist.users.models import RoleAssignment, User
from zist.users.roles import Role

PASSWORD = "zist-demo"

ORGANISATIONS = [
    {
        "name": "شهرداری تهران",
        "kind": "municipality",
        "language": "fa",
        "calendar": calendars.JALALI,
        "year_start_month": 1,
        "year_start_day": 1,
        "time_zone": "Asia/Tehran",
        "currency": "IRR",
        "description": "شهرداری تهران؛ منطقه ۲ و نُه ناحیهٔ آن هر یک گواهی ISO 14001 جداگانه دارند.",
        "units": [
            ("region2", None, "منطقه ۲", UnitKind.REGION),
            ("region2-env", "region2", "واحد محیط زیست منطقه ۲", UnitKind.OFFICE),
            *[
                (
                    f"region2-d{n}",
                    "region2",
                    f"ناحیه {calendars.to_persian_digits(str(n))}",
                    UnitKind.DISTRICT,
                )
                for n in range(1, 10)
            ],
        ],
    },
    {
        "name": "Albertslund Kommune",
        "kind": "municipality",
        "language": "da",
        "calendar": calendars.GREGORIAN,
        "year_start_month": 1,
        "year_start_day": 1,
        "time_zone": "Europe/Copenhagen",
        "currency": "DKK",
        "description": "EMAS-registreret kommune. Hver arbejdsplads har en lokal "
        "miljøhåndbog, en miljørepræsentant og lokale miljømål.",
        "units": [
            ("miljo-teknik", None, "Miljø og Teknik", UnitKind.DEPARTMENT),
            ("materielgaarden", "miljo-teknik", "Materielgården", UnitKind.WORKPLACE),
            ("raadhuset", None, "Rådhuset", UnitKind.WORKPLACE),
            ("born-skole", None, "Børn og Skole", UnitKind.DEPARTMENT),
            ("herstedlund-skole", "born-skole", "Herstedlund Skole", UnitKind.WORKPLACE),
            ("galaxen", "born-skole", "Daginstitutionen Galaxen", UnitKind.WORKPLACE),
            ("kultur-fritid", None, "Kultur og Fritid", UnitKind.DEPARTMENT),
            ("bibliotek", "kultur-fritid", "Albertslund Bibliotek", UnitKind.WORKPLACE),
            ("musikhuset", "kultur-fritid", "Musikhuset", UnitKind.WORKPLACE),
            ("svommehal", "kultur-fritid", "Albertslund Svømmehal", UnitKind.WORKPLACE),
            ("albertshoj", None, "Plejecenter Albertshøj", UnitKind.WORKPLACE),
        ],
    },
    {
        "name": "Kemin kaupunki",
        "kind": "municipality",
        "language": "fi",
        "calendar": calendars.GREGORIAN,
        "year_start_month": 1,
        "year_start_day": 1,
        "time_zone": "Europe/Helsinki",
        "currency": "EUR",
        "description": "Koko kaupunkiorganisaatio on sertifioitu ISO 14001 -standardin "
        "mukaisesti (2018). Resurssiviisautta arvioidaan Lean-ajattelulla.",
        "units": [
            ("konsernipalvelut", None, "Konsernipalvelut", UnitKind.DEPARTMENT),
            ("sivistyspalvelut", None, "Sivistyspalvelut", UnitKind.DEPARTMENT),
            ("tekninen", None, "Tekniset palvelut", UnitKind.DEPARTMENT),
            ("ymparisto", "tekninen", "Ympäristöpalvelut", UnitKind.OFFICE),
            ("kiinteisto", "tekninen", "Kiinteistöpalvelut", UnitKind.OFFICE),
            ("sote", None, "Sosiaali- ja terveyspalvelut", UnitKind.DEPARTMENT),
        ],
    },
    {
        "name": "شهرداری قزوین",
        "kind": "municipality",
        "language": "fa",
        "calendar": calendars.JALALI,
        "year_start_month": 1,
        "year_start_day": 1,
        "time_zone": "Asia/Tehran",
        "currency": "IRR",
        "description": "طرح جامع مدیریت بحران شهر قزوین (۱۳۹۸).",
        "units": [
            ("crisis-office", None, "ادارهٔ مدیریت بحران", UnitKind.OFFICE),
            *[
                (
                    f"q-region{n}",
                    None,
                    f"منطقهٔ {calendars.to_persian_digits(str(n))} قزوین",
                    UnitKind.REGION,
                )
                for n in range(1, 4)
            ],
        ],
    },
]


@dataclass(frozen=True)
class Account:
    username: str
    first_name: str
    last_name: str
    home: tuple[str, str]  # organisation name, unit code
    role: str | None = None
    on: tuple[str, str] | None = None
    language: str = ""
    superuser: bool = False
    valid_days: int | None = None
    represents: bool = False


TEHRAN, ALBERTSLUND, KEMI, QAZVIN = (org["name"] for org in ORGANISATIONS)

ACCOUNTS = [
    Account("admin", "Zist", "Administrator", (TEHRAN, "root"), superuser=True, language="en"),
    Account(
        "tehran.admin", "مدیر", "سامانه", (TEHRAN, "root"), Role.ADMINISTRATOR, (TEHRAN, "root")
    ),
    Account(
        "region2.manager",
        "مریم",
        "احمدی",
        (TEHRAN, "region2-env"),
        Role.ENVIRONMENTAL_MANAGER,
        (TEHRAN, "region2"),
    ),
    Account(
        "district3.rep",
        "علی",
        "رضایی",
        (TEHRAN, "region2-d3"),
        Role.ENVIRONMENTAL_REPRESENTATIVE,
        (TEHRAN, "region2-d3"),
        represents=True,
    ),
    Account(
        "district4.rep",
        "زهرا",
        "محمدی",
        (TEHRAN, "region2-d4"),
        Role.ENVIRONMENTAL_REPRESENTATIVE,
        (TEHRAN, "region2-d4"),
        represents=True,
    ),
    Account(
        # A district's head: reads what the district does, approves its work.
        "district3.leader",
        "محمد",
        "رضایی",
        (TEHRAN, "region2-d3"),
        Role.UNIT_LEADER,
        (TEHRAN, "region2-d3"),
    ),
    Account(
        # The region's own auditor, who audits the districts (not an external one).
        "region2.internal",
        "زهرا",
        "موسوی",
        (TEHRAN, "region2"),
        Role.INTERNAL_AUDITOR,
        (TEHRAN, "region2"),
    ),
    Account(
        "region2.auditor",
        "Anna",
        "Huber",
        (TEHRAN, "region2"),
        Role.EXTERNAL_AUDITOR,
        (TEHRAN, "region2"),
        language="en",
        valid_days=365,
    ),
    Account(
        "albertslund.manager",
        "Mette",
        "Jensen",
        (ALBERTSLUND, "root"),
        Role.ENVIRONMENTAL_MANAGER,
        (ALBERTSLUND, "root"),
    ),
    Account(
        "albertslund.rep",
        "Lars",
        "Nielsen",
        (ALBERTSLUND, "bibliotek"),
        Role.ENVIRONMENTAL_REPRESENTATIVE,
        (ALBERTSLUND, "bibliotek"),
        represents=True,
    ),
    Account(
        # Audits the municipality's own institutions, in Danish.
        "albertslund.auditor",
        "Sofie",
        "Madsen",
        (ALBERTSLUND, "root"),
        Role.INTERNAL_AUDITOR,
        (ALBERTSLUND, "root"),
    ),
    Account(
        "kemi.manager",
        "Liisa",
        "Korhonen",
        (KEMI, "ymparisto"),
        Role.ENVIRONMENTAL_MANAGER,
        (KEMI, "root"),
    ),
    Account(
        "qazvin.crisis",
        "حسین",
        "کریمی",
        (QAZVIN, "crisis-office"),
        Role.CRISIS_MANAGER,
        (QAZVIN, "root"),
    ),
    Account(
        "viewer",
        "Vera",
        "Viewer",
        (TEHRAN, "region2"),
        Role.VIEWER,
        (TEHRAN, "region2"),
        language="en",
    ),
]


def load() -> dict[str, int]:
    """Create what is missing; return how many objects of each kind were created."""
    created = {"organisations": 0, "units": 0, "users": 0, "roles": 0}
    for spec in ORGANISATIONS:
        spec = dict(spec)
        units = spec.pop("units")
        organisation = Organisation.objects.filter(name=spec["name"]).first()
        if organisation is None:
            organisation = services.create_organisation(**spec)
            created["organisations"] += 1
        for code, parent_code, name, kind in units:
            if Unit.objects.filter(organisation=organisation, code=code).exists():
                continue
            parent = Unit.objects.get(organisation=organisation, code=parent_code or "root")
            services.create_unit(parent, name=name, code=code, kind=kind)
            created["units"] += 1
    for account in ACCOUNTS:
        user, made = _user(account)
        created["users"] += made
        if account.role and account.on:
            unit = _unit(account.on)
            valid_until = (
                timezone.localdate() + dt.timedelta(days=account.valid_days)
                if account.valid_days
                else None
            )
            _grant, made = RoleAssignment.objects.get_or_create(
                user=user,
                role=account.role,
                unit=unit,
                defaults={"valid_until": valid_until},
            )
            created["roles"] += made
        if account.represents:
            unit = _unit(account.on)
            if unit.representative_id is None:
                unit.representative = user
                unit.save()
    return created


def _unit(key: tuple[str, str]) -> Unit:
    return Unit.objects.get(organisation__name=key[0], code=key[1])


def _user(account: Account) -> tuple[User, bool]:
    user = User.objects.filter(username=account.username).first()
    if user is not None:
        return user, False
    user = User(
        username=account.username,
        first_name=account.first_name,
        last_name=account.last_name,
        email=f"{account.username}@example.org",
        home_unit=_unit(account.home),
        language=account.language,
        is_superuser=account.superuser,
        is_staff=account.superuser,
    )
    user.set_password(PASSWORD)
    user.save()
    return user, True
