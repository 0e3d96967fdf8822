from django.db import migrations


def load(apps, schema_editor):
    from zist.emissions.defaults import load_defaults

    load_defaults(apps.get_model("emissions", "EmissionFactor"))


class Migration(migrations.Migration):
    dependencies = [("emissions", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
