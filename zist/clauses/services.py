"""Keeping the built-in requirement libraries in step with the code."""

from django.db import transaction

from zist.clauses import builtin
from zist.clauses.models import Clause, Library


def sync_builtin_libraries(using: str = "default") -> int:
    """Create or update the built-in libraries and their clauses; returns how many
    clauses were created. Clauses that left the code are kept (audits refer to them)."""
    created = 0
    with transaction.atomic(using=using):
        for data in builtin.LIBRARIES:
            library, _ = Library.objects.using(using).update_or_create(
                code=data["code"], builtin=True, defaults={"name": data["name"], "unit": None}
            )
            existing = {c.number: c for c in Clause.objects.using(using).filter(library=library)}
            for number, title, question in data["clauses"]:
                clause = existing.get(number)
                if clause is None:
                    Clause(library=library, number=number, title=title, question=question).save(
                        using=using
                    )
                    created += 1
                elif (clause.title, clause.question) != (title, question):
                    clause.title, clause.question = title, question
                    clause.save(using=using)
    return created


def iso14001():
    """The built-in ISO 14001:2015 library."""
    return Library.objects.get(code=builtin.ISO14001["code"], builtin=True)
