"""The free-text impacts of an aspect are Impact records since 0003."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('aspects', '0003_impact'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='aspect',
            name='impact',
        ),
        migrations.RemoveField(
            model_name='historicalaspect',
            name='impact',
        ),
    ]
