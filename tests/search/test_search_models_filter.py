"""A search limited to one kind of document finds only that kind, even when there is none."""
import pytest
from haystack.inputs import AutoQuery
from haystack.query import SearchQuerySet

from lexicon.content.models import Source, SourceSection
from tests.helpers.factories import make_lemma

pytestmark = pytest.mark.django_db


def test_no_source_in_the_index_means_no_source_results(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_lemma("Wijkteam", slug="wijkteam", body="Het wijkteam werkt dichtbij.\n\n## Werkwijze\n\nIn de wijk.")
    sources = SearchQuerySet().filter(content=AutoQuery("wijkteam")).models(Source, SourceSection)
    # Whoosh reads an empty allow-set as "no filter"; the engine must not return the lemma here.
    assert sources.count() == 0 and list(sources[:10]) == []
