"""A first synonym list for the editors to keep: English equivalents of the lemmas' subjects
(readers often know the international term) and Dutch names the texts themselves give as
equivalent. Editors change or delete these in the admin; this migration never runs again."""
from django.db import migrations

# (terms, note): every group means one subject of the lexicon.
STARTER = [
    ("eenzaamheid, loneliness", "Engelse term"),
    ("wederkerigheid, reciprocity", "Engelse term"),
    ("vertrouwen, trust", "Engelse term"),
    ("sociaal kapitaal, social capital", "Engelse term"),
    ("menselijk kapitaal, human capital", "Engelse term"),
    ("sociale afstand, social distance", "Engelse term"),
    ("segregatie, segregation", "Engelse term"),
    ("leefbaarheid, liveability, livability", "Engelse term"),
    ("straatcultuur, street culture", "Engelse term"),
    ("publieke ruimte, public space", "Engelse term"),
    ("bewonersinitiatief, burgerinitiatief, citizens' initiative, community initiative",
     "lemma Bewonersinitiatieven gebruikt beide Nederlandse woorden"),
    ("buurteffecten, neighbourhood effects, neighborhood effects", "Engelse term"),
    ("integraal werken, integrated working, integrated care", "Engelse term"),
    ("relationeel sociaal werk, relational social work", "Folgheraiter: Relational social work"),
    ("sociale teams, sociale wijkteams, wijkteams, buurtteams, gebiedsteams",
     "lemma Sociale teams: 'Sociale teams, sociale wijkteams, gebiedsteams ...'; buurtteam is de Amsterdamse naam"),
    ("samenlevingsopbouw, opbouwwerk, gemeenschapswerk, community work, community development",
     "lemma Relationeel sociaal werk: 'gemeenschapswerk (samenlevingsopbouw of community work)'"),
    ("asset based community development, ABCD", "lemma Samenlevingsopbouw"),
    ("sociaal schaduwwerk, shadow social work, informal social work", "Engelse term"),
    ("ervaringsdeskundigheid, experiential expertise, lived experience", "Engelse term"),
    ("praktijkleren, work-based learning, practice learning", "Engelse term"),
    ("presentie, presence approach", "Baarts presentiebenadering"),
    ("leefwereld, lifeworld", "Habermas"),
    ("systeemwereld, system world", "Habermas"),
    ("evidence-based werken, evidence-based practice, EBP", "lemma Evidence-based werken"),
    ("preventie, prevention", "Engelse term"),
    ("sociale technologie, social technology", "Engelse term"),
    ("zorg thuis, home care", "Engelse term"),
    ("politiek actorschap, political agency", "Engelse term"),
    ("alledaagse attentheid, everyday attentiveness", "Engelse term"),
    ("achter de voordeur, behind the front door", "Engelse term"),
    ("mantelzorg, mantelzorger, informal care, informal caregiver", "Engelse term"),
    ("street-level bureaucrat, street-level bureaucracy, straatbureaucraat",
     "Lipsky; 'straatbureaucraten (street-level bureaucrats)' in De verhuizing van de verzorgingsstaat"),
    ("sociale cohesie, social cohesion", "Engelse term"),
    ("verhuiselijking, domestication of care", "Engelse term"),
]


def add(apps, schema_editor):
    Synonym = apps.get_model("lexicon_search", "Synonym")
    for terms, note in STARTER:
        Synonym.objects.using(schema_editor.connection.alias).get_or_create(terms=terms, defaults={"note": note})


def remove(apps, schema_editor):
    Synonym = apps.get_model("lexicon_search", "Synonym")
    Synonym.objects.using(schema_editor.connection.alias).filter(terms__in=[t for t, _ in STARTER]).delete()


class Migration(migrations.Migration):
    dependencies = [("lexicon_search", "0001_synonym")]
    operations = [migrations.RunPython(add, remove)]
