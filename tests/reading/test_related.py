"""Related lemmas: four groups, each lemma once; content similarity; the editors' pins and hides."""
import pytest

from lexicon.content.models import CrossReference, RelatedChoice
from lexicon.reading import related
from tests.helpers.factories import make_clusters, make_lemma, make_ref

pytestmark = pytest.mark.django_db

TEXTS = {
    "eenzaamheid": "Eenzaamheid onder ouderen groeit. Eenzame ouderen missen contact, vriendschap en steun van buren.",
    "ouderen": "Ouderen in de wijk: contact met buren helpt tegen eenzaamheid, ouderen blijven langer thuis wonen.",
    "drillrap": "Drillrap is een muziekstijl uit de straatcultuur van jongeren, met teksten over geweld en rivaliteit.",
    "straat": "Jongeren op straat zoeken status; straatcultuur, muziek en geweld worden in de media vaak verbonden.",
    "begroting": "De gemeentelijke begroting bepaalt de subsidie voor welzijnswerk en de inkoop van zorgtaken.",
}


@pytest.fixture
def lemmas():
    sociaal, geo, *_ = make_clusters()
    made = {slug: make_lemma(slug.capitalize(), slug=slug, cluster=sociaal if i < 3 else geo, body=text, lead=text, order=i)
            for i, (slug, text) in enumerate(TEXTS.items())}
    return made


def _groups(lemma):
    see_also = [r.target for r in lemma.outgoing_refs.exclude(kind=CrossReference.Kind.MENTION)]
    mentioned_in = [r.source for r in lemma.incoming_refs.all()]
    return related.related_for(lemma, see_also, mentioned_in, related.similarity_table())


def test_the_most_similar_text_comes_first(lemmas):
    table = related.similarity_table()
    assert table[lemmas["eenzaamheid"].pk][0] == lemmas["ouderen"].pk
    assert table[lemmas["drillrap"].pk][0] == lemmas["straat"].pk


def test_computed_groups_leave_out_what_is_shown_already(lemmas):
    make_ref(lemmas["eenzaamheid"], lemmas["ouderen"])
    make_ref(lemmas["drillrap"], lemmas["eenzaamheid"])
    groups = _groups(lemmas["eenzaamheid"])
    assert [o.slug for o in groups.see_also] == ["ouderen"]
    assert [o.slug for o in groups.mentioned_in] == ["drillrap"]
    pks = [o.pk for o in [*groups.similar, *groups.in_cluster]]
    assert len(pks) == len(set(pks)) and lemmas["eenzaamheid"].pk not in pks
    assert not {lemmas["ouderen"].pk, lemmas["drillrap"].pk} & set(pks)
    assert all(o.cluster_id == lemmas["eenzaamheid"].cluster_id for o in groups.in_cluster)
    assert all(o.lead for o in groups.all)  # cards carry the lead for the previews


def test_editors_pin_and_hide_related_lemmas(lemmas):
    lemma = lemmas["eenzaamheid"]
    computed = [o.slug for o in _groups(lemma).similar]
    assert "ouderen" in computed
    RelatedChoice.objects.create(lemma=lemma, other=lemmas["ouderen"], mode=RelatedChoice.Mode.HIDE)
    RelatedChoice.objects.create(lemma=lemma, other=lemmas["begroting"], mode=RelatedChoice.Mode.PIN)
    similar = [o.slug for o in _groups(lemma).similar]
    assert "ouderen" not in similar
    assert similar[0] == "begroting"


def test_drafts_never_appear(lemmas):
    draft = make_lemma("Eenzame ouderen", slug="concept", body=TEXTS["eenzaamheid"], status="concept")
    assert draft.pk not in related.similarity_table()
    assert draft.pk not in [o.pk for o in _groups(lemmas["ouderen"]).all]
