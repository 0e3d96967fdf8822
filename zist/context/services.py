"""Scope statement versions."""

from zist.context.models import ScopeStatement, ScopeStatus


def make_current(statement: ScopeStatement) -> ScopeStatement:
    """When `statement` is current, the unit's other current versions become superseded
    (one current scope per unit; each change is kept in history)."""
    if statement.status == ScopeStatus.CURRENT:
        for older in ScopeStatement.objects.filter(
            unit_id=statement.unit_id, status=ScopeStatus.CURRENT
        ).exclude(pk=statement.pk):
            older.status = ScopeStatus.SUPERSEDED
            older.save()
    return statement
