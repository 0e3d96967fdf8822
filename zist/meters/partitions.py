"""Readings partitioned by year on PostgreSQL (decision 0031).

The readings table is the one that grows without end (tens of millions of rows a year
at a national regulator). On PostgreSQL it is a declaratively partitioned table, one
partition per calendar year of the reading's time (UTC bounds), plus a default
partition that catches a reading of a year nobody created yet, so that no insert can
fail for want of a partition. Queries bounded in time (roll-ups, the import's look-ups)
read only their years; an old year can be archived or dropped as one table; each
year's indexes stay the size of a year.

Partitions are made ahead: the import makes those of the years in its file before it
copies, and the nightly job `readings-partitions` makes this year's and next year's
and moves whatever the default partition caught into partitions of its own
(`zist partitions` does the same by hand). SQLite has one plain table.

A partitioned table's unique constraints must include the partition key, so the
primary key there is (id, timestamp); `id` stays unique on its own, from the one
identity sequence of the parent table, and Django still reads and writes rows by it.
"""

from __future__ import annotations

import datetime as dt

from django.db import connections, transaction

TABLE = "meters_reading"
KEY = "timestamp"
# Years outside these bounds stay in the default partition: a typing error such as the
# year 20244 is not worth a table of its own (and the forms refuse it anyway).
FIRST_YEAR, LAST_YEAR = 1900, 2200
# First key of the advisory lock under which partitions are made (any database user
# may hold it; the second key is 0).
PARTITION_LOCK = 0x5A158

# Years known to have their partition, per (database alias, table): asked once per
# process. Should one be dropped or rolled back meanwhile, its rows go to the default
# partition, never lost, and the nightly job moves them.
_known: dict[tuple[str, str], set[int]] = {}


def supported(using: str = "default") -> bool:
    return connections[using].vendor == "postgresql"


def partition_name(year: int, table: str = TABLE) -> str:
    return f"{table}_y{year}"


def default_name(table: str = TABLE) -> str:
    return f"{table}_default"


def bounds(year: int) -> tuple[str, str]:
    return f"{year:04d}-01-01 00:00:00+00", f"{year + 1:04d}-01-01 00:00:00+00"


def is_partitioned(cursor, table: str = TABLE) -> bool:
    cursor.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass(%s)", [f"public.{table}"])
    row = cursor.fetchone()
    return bool(row) and row[0] == "p"


def years(cursor, table: str = TABLE) -> list[int]:
    """The years that have a partition of their own."""
    cursor.execute(
        """
        SELECT child.relname FROM pg_inherits
        JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
        JOIN pg_class child ON child.oid = pg_inherits.inhrelid
        WHERE parent.oid = to_regclass(%s)
        """,
        [f"public.{table}"],
    )
    prefix = f"{table}_y"
    return sorted(
        int(name[len(prefix) :])
        for (name,) in cursor.fetchall()
        if name.startswith(prefix) and name[len(prefix) :].isdigit()
    )


def known_years(using: str = "default") -> set[int] | None:
    """The years that have their partition, or None when the table is not partitioned
    (SQLite, or a database not yet migrated)."""
    if not supported(using):
        return None
    with connections[using].cursor() as cursor:
        if not is_partitioned(cursor):
            return None
        return set(years(cursor))


def partition_table(cursor, table: str = TABLE) -> None:
    """Turn a plain table into one partitioned by year of `timestamp`, keeping its
    rows, ids, identity sequence, constraint and index names. Run in a transaction
    (the migration's): the table is rebuilt, so a large one takes a while, once."""
    if is_partitioned(cursor, table):
        return
    cursor.execute(
        f"SELECT EXTRACT(YEAR FROM MIN(\"{KEY}\") AT TIME ZONE 'UTC'), "
        f"EXTRACT(YEAR FROM MAX(\"{KEY}\") AT TIME ZONE 'UTC') FROM {table}"
    )
    low, high = cursor.fetchone()
    this_year = dt.date.today().year
    wanted = set(range(this_year - 1, this_year + 2))
    if low is not None:
        wanted |= set(range(max(int(low), FIRST_YEAR), min(int(high), LAST_YEAR) + 1))
    # What to build again on the new table, by the old names.
    cursor.execute(
        """
        SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid = to_regclass(%s) AND contype IN ('p', 'u')
        """,
        [f"public.{table}"],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        """
        SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = %s
        AND indexname NOT IN (
            SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(%s))
        """,
        [table, f"public.{table}"],
    )
    indexes = [row[0] for row in cursor.fetchall()]
    new = f"{table}__partitioned"
    cursor.execute(
        f"CREATE TABLE {new} (LIKE {table} INCLUDING DEFAULTS INCLUDING IDENTITY "
        f'INCLUDING STORAGE) PARTITION BY RANGE ("{KEY}")'
    )
    for year in sorted(wanted):
        low_bound, high_bound = bounds(year)
        cursor.execute(
            f"CREATE TABLE {partition_name(year, table)} PARTITION OF {new} "
            f"FOR VALUES FROM (%s) TO (%s)",
            [low_bound, high_bound],
        )
    cursor.execute(f"CREATE TABLE {default_name(table)} PARTITION OF {new} DEFAULT")
    cursor.execute(f"INSERT INTO {new} OVERRIDING SYSTEM VALUE SELECT * FROM {table}")
    cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [new])
    (sequence,) = cursor.fetchone()
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
    (highest,) = cursor.fetchone()
    cursor.execute(f"DROP TABLE {table}")
    cursor.execute(f"ALTER TABLE {new} RENAME TO {table}")
    cursor.execute(f"ALTER SEQUENCE {sequence} RENAME TO {table}_id_seq")
    if highest:
        cursor.execute(f"SELECT setval('{table}_id_seq', %s)", [highest])
    for name, kind, definition in constraints:
        if kind == "p":
            definition = f'PRIMARY KEY (id, "{KEY}")'
        elif KEY not in definition:
            raise ValueError(f"{name}: a unique constraint must include {KEY}")
        cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    for definition in indexes:
        cursor.execute(definition)
    cursor.execute(f"ANALYZE {table}")
    _known.clear()


def ensure_years(first: int, last: int, using: str = "default", table: str = TABLE) -> list[int]:
    """Make sure each year from `first` to `last` has its partition, moving what the
    default partition holds of those years into it. Returns the years made. Nothing
    to do on SQLite, on a table that is not partitioned, or inside a transaction."""
    if not supported(using) or not _outermost(using):
        return []
    first, last = max(first, FIRST_YEAR), min(last, LAST_YEAR)
    known = _known.get((using, table))
    if known is not None and all(year in known for year in range(first, last + 1)):
        return []
    made = []
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        if not is_partitioned(cursor, table):
            return []
        cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", [PARTITION_LOCK])
        have = set(years(cursor, table))
        for year in range(first, last + 1):
            if year not in have:
                _make(cursor, year, table)
                made.append(year)
                have.add(year)
    _known[(using, table)] = have
    return made


def _outermost(using: str) -> bool:
    """Whether a transaction begun here would be the outermost one (a test's own aside).
    A partition is made in a short transaction of its own: inside a caller's, its lock
    on the readings table would be held, and every reading list kept waiting, until that
    transaction ends. There the rows go to the default partition instead, until the
    nightly job moves them."""
    try:
        with transaction.atomic(using=using, durable=True):
            return True
    except RuntimeError:  # Django's word for "inside another transaction"
        return False


def _make(cursor, year: int, table: str = TABLE) -> None:
    """One year's partition. Rows of that year already in the default partition move
    into it first, then it is attached (PostgreSQL checks that the default partition
    keeps none of them)."""
    name, default = partition_name(year, table), default_name(table)
    low, high = bounds(year)
    cursor.execute(
        f'SELECT 1 FROM {default} WHERE "{KEY}" >= %s AND "{KEY}" < %s LIMIT 1', [low, high]
    )
    if cursor.fetchone() is None:
        cursor.execute(
            f"CREATE TABLE {name} PARTITION OF {table} FOR VALUES FROM (%s) TO (%s)", [low, high]
        )
        return
    cursor.execute(f"CREATE TABLE {name} (LIKE {table} INCLUDING DEFAULTS INCLUDING STORAGE)")
    cursor.execute(
        f'WITH moved AS (DELETE FROM {default} WHERE "{KEY}" >= %s AND "{KEY}" < %s '
        f"RETURNING *) INSERT INTO {name} SELECT * FROM moved",
        [low, high],
    )
    cursor.execute(
        f"ALTER TABLE {table} ATTACH PARTITION {name} FOR VALUES FROM (%s) TO (%s)", [low, high]
    )


def tidy(today: dt.date | None = None, using: str = "default") -> dict:
    """This year's and next year's partitions, and one for every year the default
    partition caught: what the nightly job and `zist partitions` do."""
    if not supported(using):
        return {"made": [], "default_rows": 0}
    today = today or dt.date.today()
    with connections[using].cursor() as cursor:
        if not is_partitioned(cursor):
            return {"made": [], "default_rows": 0}
        cursor.execute(
            f"SELECT DISTINCT EXTRACT(YEAR FROM \"{KEY}\" AT TIME ZONE 'UTC')::int "
            f"FROM {default_name()}"
        )
        caught = sorted(row[0] for row in cursor.fetchall())
    _known.pop((using, TABLE), None)
    made = ensure_years(today.year, today.year + 1, using)
    for year in caught:
        made += ensure_years(year, year, using)
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {default_name()}")
        (left,) = cursor.fetchone()
    return {"made": sorted(set(made)), "default_rows": left}


def summary(using: str = "default") -> list[tuple[str, int]]:
    """Each partition and its estimated rows (the planner's statistics), for
    `zist partitions --list`."""
    if not supported(using):
        return []
    with connections[using].cursor() as cursor:
        if not is_partitioned(cursor):
            return []
        cursor.execute(
            """
            SELECT child.relname, GREATEST(child.reltuples, 0)::bigint FROM pg_inherits
            JOIN pg_class child ON child.oid = pg_inherits.inhrelid
            WHERE pg_inherits.inhparent = to_regclass(%s) ORDER BY child.relname
            """,
            [f"public.{TABLE}"],
        )
        return cursor.fetchall()
