"""Citable versions (LemmaVersion) and the editor role of authors.

The data step gives every published lemma of an existing database its version 1: the text as it
stands, dated its publication date (the book's date for the 2022 text). A frozen copy of
lexicon.content.models.versions.ensure_first_versions, as migrations must not import models.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def first_versions(apps, schema_editor):
    Lemma = apps.get_model("lexicon", "Lemma")
    LemmaVersion = apps.get_model("lexicon", "LemmaVersion")
    LemmaAuthor = apps.get_model("lexicon", "LemmaAuthor")
    for lemma in Lemma.objects.filter(status="gepubliceerd"):
        names = list(LemmaAuthor.objects.filter(lemma=lemma).order_by("position", "pk")
                     .values_list("author__name", flat=True))
        LemmaVersion.objects.create(
            lemma=lemma, number=1, title=lemma.title, subtitle=lemma.subtitle, lead=lemma.lead,
            body=lemma.body, author_names=names, published_at=lemma.published_at or lemma.created,
            note="Tekst uit het boek (2022).",
        )


class Migration(migrations.Migration):

    dependencies = [
        ('lexicon', '0003_editorial_groups'),
    ]

    operations = [
        migrations.AddField(
            model_name='author',
            name='is_editor',
            field=models.BooleanField(default=False, verbose_name='lid van de redactie van het lexicon'),
        ),
        migrations.CreateModel(
            name='LemmaVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='versienummer')),
                ('title', models.CharField(max_length=200, verbose_name='titel')),
                ('subtitle', models.CharField(blank=True, max_length=300, verbose_name='ondertitel')),
                ('lead', models.TextField(blank=True, verbose_name='inleiding')),
                ('body', models.TextField(blank=True, verbose_name='tekst (Markdown)')),
                ('author_names', models.JSONField(blank=True, default=list, verbose_name='auteurs')),
                ('published_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='gepubliceerd op')),
                ('note', models.TextField(blank=True, help_text='Openbaar: wat is er in deze versie veranderd?', verbose_name='wijzigingsnotitie')),
                ('lemma', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='lexicon.lemma', verbose_name='lemma')),
            ],
            options={
                'verbose_name': 'gepubliceerde versie',
                'verbose_name_plural': 'gepubliceerde versies',
                'ordering': ['lemma', 'number'],
                'constraints': [models.UniqueConstraint(fields=('lemma', 'number'), name='unique_lemma_version')],
            },
        ),
        migrations.RunPython(first_versions, migrations.RunPython.noop),
    ]
