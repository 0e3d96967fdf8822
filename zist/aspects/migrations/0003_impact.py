"""Impacts become records: every aspect's free-text impacts become one Impact (category
"other", adverse, described by the text), so nothing written before is lost; 0004 then
drops the text field.

Each impact made here gets its "created" history row, by the system, with the reason in
its organisation's language, as a save on a page would write one: its History page and
the lists as of a later date show it.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

REASON = gettext_noop("From the aspect's former impacts text")
BATCH = 500


def impacts_from_text(apps, schema_editor):
    """One adverse impact of category "other" per aspect whose text is not blank.
    Returns how many were made."""
    Aspect = apps.get_model("aspects", "Aspect")
    Impact = apps.get_model("aspects", "Impact")
    HistoricalImpact = apps.get_model("aspects", "HistoricalImpact")
    rows = list(
        Aspect.objects.exclude(impact="")
        .order_by("pk")
        .values_list("pk", "impact", "activity__unit__organisation__language")
    )
    worded = [(pk, text, language) for pk, text, language in rows if text.strip()]
    reasons = {}
    for start in range(0, len(worded), BATCH):
        batch = worded[start : start + BATCH]
        impacts = Impact.objects.bulk_create(
            [Impact(aspect_id=pk, category="other", description=text) for pk, text, _ in batch]
        )
        now = timezone.now()
        history = []
        for impact, (_pk, _text, language) in zip(impacts, batch, strict=True):
            if language not in reasons:
                with translation.override(language):
                    reasons[language] = gettext(REASON)[:100]
            history.append(
                HistoricalImpact(
                    id=impact.pk,
                    created=impact.created,
                    aspect_id=impact.aspect_id,
                    category=impact.category,
                    description=impact.description,
                    effect=impact.effect,
                    history_date=now,
                    history_type="+",
                    history_change_reason=reasons[language],
                )
            )
        HistoricalImpact.objects.bulk_create(history)
    return len(worded)


def impacts_to_text(apps, schema_editor):
    """Undo: each aspect's impacts, one per line, back into its text field (category
    and adverse/beneficial cannot be kept there)."""
    Aspect = apps.get_model("aspects", "Aspect")
    Impact = apps.get_model("aspects", "Impact")
    texts = {}
    for aspect_id, description in Impact.objects.order_by("aspect", "pk").values_list(
        "aspect", "description"
    ):
        texts.setdefault(aspect_id, []).append(description)
    for aspect_id, descriptions in texts.items():
        Aspect.objects.filter(pk=aspect_id).update(impact="\n".join(descriptions))


class Migration(migrations.Migration):

    dependencies = [
        ('aspects', '0002_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalImpact',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('category', models.CharField(choices=[('air', 'Air'), ('water', 'Water'), ('soil', 'Soil and land'), ('climate', 'Climate'), ('resources', 'Natural resources and energy'), ('biodiversity', 'Biodiversity and ecosystems'), ('waste', 'Waste'), ('noise', 'Noise and vibration'), ('health', 'Human health and community'), ('other', 'Other')], help_text='The part of the environment the impact changes.', max_length=20, verbose_name='affected environment')),
                ('description', models.TextField(help_text='The change to the environment, e.g. smog from exhaust.', verbose_name='description')),
                ('effect', models.CharField(choices=[('adverse', 'Adverse'), ('beneficial', 'Beneficial')], default='adverse', max_length=10, verbose_name='adverse or beneficial')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('aspect', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='aspects.aspect', verbose_name='environmental aspect')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical environmental impact',
                'verbose_name_plural': 'historical environmental impacts',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Impact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('last_updated', models.DateTimeField(auto_now=True, verbose_name='last updated')),
                ('category', models.CharField(choices=[('air', 'Air'), ('water', 'Water'), ('soil', 'Soil and land'), ('climate', 'Climate'), ('resources', 'Natural resources and energy'), ('biodiversity', 'Biodiversity and ecosystems'), ('waste', 'Waste'), ('noise', 'Noise and vibration'), ('health', 'Human health and community'), ('other', 'Other')], help_text='The part of the environment the impact changes.', max_length=20, verbose_name='affected environment')),
                ('description', models.TextField(help_text='The change to the environment, e.g. smog from exhaust.', verbose_name='description')),
                ('effect', models.CharField(choices=[('adverse', 'Adverse'), ('beneficial', 'Beneficial')], default='adverse', max_length=10, verbose_name='adverse or beneficial')),
                ('aspect', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='impacts', to='aspects.aspect', verbose_name='environmental aspect')),
            ],
            options={
                'verbose_name': 'environmental impact',
                'verbose_name_plural': 'environmental impacts',
                'ordering': ['aspect', 'pk'],
            },
        ),
        migrations.RunPython(impacts_from_text, impacts_to_text),
    ]
