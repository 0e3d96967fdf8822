"""On PostgreSQL, the readings table becomes partitioned by year of the reading's time
(zist.meters.partitions, decision 0031). Rows, ids, names of constraints and indexes are
kept; the primary key becomes (id, timestamp), as PostgreSQL asks of a partitioned
table. SQLite keeps its one table. Going back leaves the table partitioned: every
earlier migration works on it as well."""

from django.db import migrations


def partition(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from zist.meters import partitions

    with schema_editor.connection.cursor() as cursor:
        partitions.partition_table(cursor)


class Migration(migrations.Migration):
    dependencies = [("meters", "0005_meter_indicator_unit_index")]

    operations = [migrations.RunPython(partition, migrations.RunPython.noop)]
