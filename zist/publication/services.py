"""The statement's workflow: validate (the verifier), publish (freeze the figures),
correct (a new version), and the difference between two versions. Each step saves
through the model, so history keeps who did what and when."""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zist.publication.compiler import compile_statement
from zist.publication.models import Statement, StatementStatus
from zist.users.roles import Role


def content(statement: Statement) -> dict:
    """What the statement shows: its frozen snapshot once published, else compiled now."""
    if statement.is_published and statement.snapshot is not None:
        return statement.snapshot
    return compile_statement(statement)


def is_verifier(user, statement: Statement) -> bool:
    """An external auditor whose current grant covers the statement's unit."""
    if not user.is_authenticated:
        return False
    path = statement.unit.path
    return any(
        grant.role == Role.EXTERNAL_AUDITOR and path.startswith(grant.unit.path)
        for grant in user.active_grants()
    )


def may_validate(user, statement: Statement) -> bool:
    return (
        statement.status == StatementStatus.DRAFT
        and is_verifier(user, statement)
        and Statement.objects.restrict(user, "approve").filter(pk=statement.pk).exists()
    )


def may_publish(user, statement: Statement) -> bool:
    """Publishing needs both change and approve on the statement: the organisation's
    managers, not the verifier (who may approve but not change)."""
    return (
        statement.status == StatementStatus.VALIDATED
        and Statement.objects.restrict(user, "approve").filter(pk=statement.pk).exists()
        and Statement.objects.restrict(user, "change").filter(pk=statement.pk).exists()
    )


def may_correct(user, statement: Statement) -> bool:
    return (
        statement.status == StatementStatus.PUBLISHED
        and Statement.objects.restrict(user, "add").filter(pk=statement.pk).exists()
    )


def _locked(statement: Statement) -> Statement:
    return Statement.objects.select_for_update().select_related("unit").get(pk=statement.pk)


def validate(user, statement: Statement, declaration: str, validated_on=None) -> Statement:
    """The verifier validates a draft with a signed declaration (Annex VII)."""
    declaration = (declaration or "").strip()
    if not declaration:
        raise ValidationError({"declaration": _("Write the verifier's declaration.")})
    with transaction.atomic():
        statement = _locked(statement)
        if not may_validate(user, statement):
            raise PermissionDenied(_("Only the verifier may validate a draft statement."))
        if not statement.verifier_name:
            statement.verifier_name = user.get_full_name() or user.get_username()
        statement.declaration = declaration
        statement.validated_on = validated_on or timezone.localdate()
        statement.validated_by = user
        statement.status = StatementStatus.VALIDATED
        statement.save()
    return statement


def publish(user, statement: Statement) -> Statement:
    """Freeze the compiled figures and publish; the version it corrects is superseded."""
    with transaction.atomic():
        statement = _locked(statement)
        if not may_publish(user, statement):
            raise PermissionDenied(_("This statement cannot be published by you now."))
        return freeze(user, statement)


def freeze(user, statement: Statement) -> Statement:
    """Store the compiled figures and mark the statement published (the permission is
    checked by `publish`; the demo loader calls this for its validated statements)."""
    with transaction.atomic():
        snapshot = compile_statement(statement)
        if statement.previous_id:
            previous = _locked(statement.previous)
            snapshot["difference"] = difference(previous.snapshot or {}, snapshot)
            previous.status = StatementStatus.SUPERSEDED
            previous.save()
        statement.snapshot = snapshot
        statement.status = StatementStatus.PUBLISHED
        statement.published_at = timezone.now()
        statement.published_by = user
        statement.save()
    bump_portal(statement.unit.organisation_id)
    return statement


def correct(user, statement: Statement, note: str) -> Statement:
    """A new draft version of a published statement, with the same texts."""
    note = (note or "").strip()
    if not note:
        raise ValidationError({"change_note": _("Say what the new version corrects.")})
    with transaction.atomic():
        statement = _locked(statement)
        if not may_correct(user, statement):
            raise PermissionDenied(_("Only a published statement can be corrected."))
        if statement.corrections.exists():
            raise ValidationError(_("This version has already been corrected."))
        copy = Statement(
            unit=statement.unit,
            year=statement.year,
            previous=statement,
            version=statement.version + 1,
            change_note=note,
        )
        for field in (
            "title",
            "activities",
            "parent_organisation",
            "registration",
            "governance",
            "significance_method",
            "planned_actions",
            "omissions",
            "site_notes",
            "compliance_statement",
            "verifier_name",
            "verifier_accreditation",
            "next_statement_on",
        ):
            setattr(copy, field, getattr(statement, field))
        copy.full_clean()
        copy.save()
    return copy


def difference(before: dict, after: dict) -> list[dict]:
    """The performance figures (A, B, R of each core indicator and year, and each
    theme's figures) that differ between two compilations."""
    changes = []

    def core(data):
        found = {}
        for row in data.get("performance", {}).get("core", []):
            for year in row["years"]:
                for key in ("a", "b", "r"):
                    found[(row["code"], year["year"], key.upper())] = (row["names"], year[key])
        for theme in data.get("accounts", []):
            for row in theme["rows"]:
                for point in row["trend"]:
                    found[(row["code"], point["year"], "")] = (row["names"], point["value"])
        return found

    old, new = core(before), core(after)
    for key in sorted(set(old) | set(new), key=lambda k: (k[0], k[1], k[2])):
        was = old.get(key, (None, None))
        now = new.get(key, (None, None))
        if was[1] != now[1]:
            changes.append(
                {
                    "code": key[0],
                    "year": key[1],
                    "figure": key[2],
                    "names": now[0] or was[0],
                    "before": was[1],
                    "after": now[1],
                }
            )
    return changes


def portal_version(organisation_id: int) -> int:
    return cache.get_or_set(f"portal-version-{organisation_id}", 1, None)


def bump_portal(organisation_id: int) -> None:
    """Anything published anew shows on the portal at once (its cache keys change)."""
    key = f"portal-version-{organisation_id}"
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)
