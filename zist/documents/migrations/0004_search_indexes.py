"""GIN indexes for the ranked document search on PostgreSQL (zist.documents.search):
one per text search configuration over the words of versions, so that a search looks
words up instead of reading every version (20 000 versions, 36 MB of text: a list page
took 5-22 s without them, 0.06-1.2 s with them; benchmarks/documents_search.py). Each
expression is exactly the one the search writes; a test checks that PostgreSQL uses
them. Documents' own fields are short and read in the same pass, so they have none.
SQLite searches with "contains": nothing to do there."""

from django.db import migrations

CONFIGS = ("english", "danish", "finnish", "simple")

WORDS = "COALESCE(\"content\", '') || ' ' || COALESCE(\"file_text\", '')"


def create_sql() -> list[str]:
    return [
        f'CREATE INDEX IF NOT EXISTS "documents_version_words_{config}" '
        f'ON "documents_documentversion" USING gin (to_tsvector(\'{config}\'::regconfig, {WORDS}))'
        for config in CONFIGS
    ]


def drop_sql() -> list[str]:
    return [f'DROP INDEX IF EXISTS "documents_version_words_{config}"' for config in CONFIGS]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in create_sql():
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in drop_sql():
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_documentversion_file_text"),
    ]

    operations = [migrations.RunPython(create, drop)]
