"""Editorial roles: "redacteur" writes and submits for review, "hoofdredacteur" also publishes.

Publishing is guarded by the custom permission lexicon.publish_lemma, checked server-side in the
admin (lexicon.admin) and not only hidden in the form.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "redacteur"
CHIEF = "hoofdredacteur"

EDITOR_PERMISSIONS = [
    "add_lemma", "change_lemma", "view_lemma",
    "add_lemmaauthor", "change_lemmaauthor", "delete_lemmaauthor", "view_lemmaauthor",
    "add_author", "change_author", "view_author",
    "add_crossreference", "change_crossreference", "delete_crossreference", "view_crossreference",
    "view_cluster", "view_suggestion", "view_slugredirect", "view_page", "view_source",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    lexicon = Permission.objects.filter(content_type__app_label="lexicon")
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(lexicon.filter(codename__in=EDITOR_PERMISSIONS))
    chief, _ = Group.objects.get_or_create(name=CHIEF)
    chief.permissions.set(lexicon)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, CHIEF]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lexicon", "0002_lemma_publish_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
