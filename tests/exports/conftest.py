import pytest

BODY_A = """Nabijheid begint in de buurt, zie [[Buurtteams]] en vooral de sectie [werkwijze](/lemma/buurtteams/#werkwijze).[^1]

## Geschiedenis van de sociale basis

Sociaal werkers ontmoeten bewoners in buurthuizen en keukentafelgesprekken.[^2]

## Betekenis voor de praktijk

De sociale basis vraagt om vertrouwen.

[^1]: Een eerste noot.
[^2]: Een tweede noot, over buurthuizen.
"""

BODY_B = """Buurtteams werken wijkgericht.[^1]

## Werkwijze

Het buurtteam bezoekt gezinnen thuis; zie ook [[Sociale basis]].

[^1]: Noot bij buurtteams.
"""


def make_small_lexicon():
    """Three published lemmas in two clusters (footnotes, wiki links, sections), one draft, the Over-pages."""
    from tests.helpers.factories import make_author, make_clusters, make_lemma, make_pages

    sociaal, geo, *_ = make_clusters()
    make_pages()
    author = make_author("Jos van der Lans", slug="jos-van-der-lans")
    lemmas = {
        "sociale-basis": make_lemma("Sociale basis", slug="sociale-basis", cluster=sociaal, authors=[author],
                                    order=1, body=BODY_A, lead="De sociale basis is het fundament."),
        "buurtteams": make_lemma("Buurtteams", slug="buurtteams", cluster=geo, order=2, body=BODY_B,
                                 lead="Buurtteams zijn teams in de wijk."),
        "presentie": make_lemma("Presentie", slug="presentie", cluster=sociaal, order=3,
                                body="Presentie is er zijn voor de ander.\n\n## Oorsprong\n\nAndries Baart."),
        "geheim": make_lemma("Geheim concept", slug="geheim-concept", cluster=geo, order=4,
                             status="concept", body="Niet gepubliceerde tekst over kwartiermaken."),
    }
    return lemmas


@pytest.fixture
def small_lexicon(db):
    return make_small_lexicon()


@pytest.fixture(scope="module")
def rendered_once(django_db_setup, django_db_blocker):
    """``render(lexicon) -> value`` run once per test module on the small lexicon, in a transaction
    that is rolled back: WeasyPrint and epubcheck take seconds, the assertions on the result do not."""
    from django.db import transaction

    def run(render):
        with django_db_blocker.unblock(), transaction.atomic():
            value = render(make_small_lexicon())
            transaction.set_rollback(True)
        return value

    return run
