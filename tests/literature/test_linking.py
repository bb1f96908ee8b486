"""Linking citations in a lemma's rendered HTML (no database: works are plain objects)."""
from types import SimpleNamespace

from lexicon.content.rendering import render_markdown
from lexicon.literature.linking import link_citations


def work(key, cited_as, year):
    return SimpleNamespace(key=key, cited_as=cited_as, year=year, anchor=f"lit-{key}")


WORKS = [work("hilhorst-van-der-lans-2016", "Hilhorst & Van der Lans", "2016"), work("schout-2011", "Schout", "2011"),
         work("van-hoorn-keuzenkamp-van-der-meulen-2020", "Van Hoorn et al.", "2020")]


def test_each_citation_of_a_group_links_to_its_own_entry():
    html = render_markdown("Nabij is beter (Hilhorst & Van der Lans, 2016; Schout, 2011).").html
    linked = link_citations(html, WORKS)
    assert ('(<a class="cite-ref" href="#lit-hilhorst-van-der-lans-2016">Hilhorst &amp; Van der Lans, 2016</a>; '
            '<a class="cite-ref" href="#lit-schout-2011">Schout, 2011</a>)') in linked


def test_et_al_links_to_the_entry_with_all_authors_and_unknown_works_stay_text():
    linked = link_citations(render_markdown("Zo (Van Hoorn et al., 2020) en (Tonkens, 2009).").html, WORKS)
    assert 'href="#lit-van-hoorn-keuzenkamp-van-der-meulen-2020">Van Hoorn et al., 2020</a>' in linked
    assert "(Tonkens, 2009)" in linked and "lit-tonkens" not in linked


def test_text_inside_links_and_headings_is_left_alone():
    html = render_markdown("## Schout, 2011 (Schout, 2011)\n\nZie [het boek (Schout, 2011)](https://example.org).").html
    assert link_citations(html, WORKS) == html


def test_the_bodys_own_reference_list_gives_way_but_footnotes_stay():
    body = "Tekst (Schout, 2011).[^1]\n\n## Literatuur\n\n- Schout, G. (2011). Titel.\n\n[^1]: Een voetnoot."
    linked = link_citations(render_markdown(body).html, WORKS)
    assert "Titel." not in linked and "Een voetnoot." in linked
    assert link_citations(render_markdown(body).html, WORKS, drop_own_list=False).count("Titel.") == 1
