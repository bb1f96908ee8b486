import pytest

from lexicon.content.models import Lemma
from tests.helpers.factories import make_author, make_clusters, make_lemma

BODY = ("Inleidende tekst van {title}.\n\n## Wat is het\n\n{title} betekent iets.[^1]\n\n"
        "## In de praktijk\n\nPraktijk van {title}.\n\n[^1]: Een noot bij {title}.")


@pytest.fixture
def lemmas(db):
    sociaal, geo, *_ = make_clusters()
    lans = make_author("Jos van der Lans", slug="jos-van-der-lans")
    tonkens = make_author("Evelien Tonkens", slug="evelien-tonkens")
    made = {}
    for slug, title, cluster, authors, status in [
        ("presentie", "Presentie", sociaal, [lans], Lemma.Status.PUBLISHED),
        ("buurtteams", "Buurtteams", geo, [tonkens], Lemma.Status.PUBLISHED),
        ("sociale-basis", "Sociale basis", sociaal, [lans, tonkens], Lemma.Status.PUBLISHED),
        ("geheim", "Geheim concept", geo, [], Lemma.Status.DRAFT),
    ]:
        made[slug] = make_lemma(title, slug=slug, cluster=cluster, authors=authors, status=status,
                                body=BODY.format(title=title), lead=f"{title} in het kort.")
    return made
