"""Hidden labels of the industry vocabulary (``skos:hiddenLabel``): abbreviations that say an industry
only inside the name of a place or works of it (航电 of 航空电子 in 航电基地), never as a mention."""

from graph.extract.pipeline import extract
from graph.extract.vocabulary import load_vocabulary
from graph.model import Report


def test_a_hidden_label_is_found_inside_a_name_but_is_no_label_of_the_concept():
    vocabulary = load_vocabulary()
    assert [(s, e, c.label) for s, e, c in vocabulary.labels_in("航电基地一期")] == [(0, 2, "航空电子")]
    assert vocabulary.concept_of("航电") is None
    assert "航电" not in vocabulary.concepts["avionics"].labels


def test_a_hidden_label_inside_names_makes_no_industry_cluster_of_a_report():
    text = "二、2026年工作安排\n推进航电基地建设，加快航电枢纽建设，做强航电产品。\n"
    ex = extract(Report(slug="t", text=text, year="2026"))
    assert "航电基地" in ex.entities
    assert not [e for e in ex.entities.values() if e.cls == "IndustryCluster"]


def test_labels_inside_a_name_are_the_longest_and_do_not_overlap():
    found = [c.label for _, _, c in load_vocabulary().labels_in("新能源汽车零部件生产线")]
    assert found == ["新能源汽车零部件"]  # not 新能源汽车 nor 新能源 inside it
