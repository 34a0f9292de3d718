"""Making the pipeline: the build skips spaCy's config validation (more than half of the pipeline's making),
so these tests make it with validation on and check that it finds what the unvalidated one finds,
with the same configs, and that without it no config is type-checked."""

from __future__ import annotations

import pytest
from confection import ConfigValidationError

from graph.extract.components import ENTITIES
from graph.extract.pipeline import _surface_names, make_nlp
from graph.resources import DEFAULT_REPORT

KNOWN = {"华东师大": ("University", "华东师范大学")}


@pytest.fixture(scope="module")
def names():
    return _surface_names(True)


def test_every_component_config_passes_spacy_validation(names):
    nlp = make_nlp(names, KNOWN, validate=True)
    assert "wj_lexicon" in nlp.pipe_names and "wj_known" in nlp.pipe_names


def test_validation_rejects_a_config_of_the_wrong_type():
    nlp = make_nlp()
    with pytest.raises(ConfigValidationError):
        nlp.add_pipe("wj_names", name="bad", config={"names": "not a table", "rule": "lexicon"}, validate=True)


def test_pipeline_made_without_validation_finds_what_the_validated_one_finds(names):
    lines = [line for line in DEFAULT_REPORT.read_text(encoding="utf-8").splitlines() if line.strip()][:80]

    def spans(nlp):
        return [[(s.start_char, s.end_char, s.label_, s.id_, s.kb_id_) for s in doc.spans[ENTITIES]] for doc in nlp.pipe(lines)]

    plain, checked = make_nlp(names, KNOWN), make_nlp(names, KNOWN, validate=True)
    assert plain.pipe_names == checked.pipe_names
    found = spans(plain)
    assert any(found), "the report's first lines name something"
    assert found == spans(checked)


def test_pipeline_made_without_validation_type_checks_no_config(names, monkeypatch):
    import confection.validation

    checked = []
    real = confection.validation.validate_type
    monkeypatch.setattr(confection.validation, "validate_type", lambda *a: checked.append(a) or real(*a))
    make_nlp(names, KNOWN)
    assert checked == []
    make_nlp(names, KNOWN, validate=True)
    assert checked, "the validated pipeline checks the configs' types"


def test_pipeline_made_without_validation_has_the_validated_configs(names):
    plain, checked = make_nlp(names, KNOWN), make_nlp(names, KNOWN, validate=True)
    assert plain.config.to_str() == checked.config.to_str()
