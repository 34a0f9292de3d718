"""The trained entity-name model as a pipeline component: its names become candidates like the rules'.

The model (``graph/extract/model/names``, made by ``wujing-kg train``; see ``model/README.md``) is a
small spaCy pipeline: a character tokenizer that also gives each character's bigram
(:class:`CharBigramTokenizer`) and a ``ner`` with its own CNN.  ``wj_trained_names`` runs it on the
text of each sentence and adds what it finds to ``doc.spans["wj_candidates"]`` with rule ``model``;
``wj_resolve`` then chooses among lexicon, rules and model as among rules.  The model runs on docs of
its own, so its features never touch the pipeline's tokens.

The model is loaded the first time a pipeline asks for it, never at import.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("zh")
>>> found = nlp.make_doc("推进华为项目")  # what a model would return
>>> found.ents = [found.char_span(2, 4, label="Enterprise")]
>>> doc = TrainedNames(lambda text: found)(nlp.make_doc("推进华为项目"))
>>> [(s.text, s.label_, s.id_) for s in doc.spans["wj_candidates"]]
[('华为', 'Enterprise', 'model')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice, pairwise
from pathlib import Path

import spacy
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from graph.errors import BuildError
from graph.extract.spans import CANDIDATES, doc_text

__all__ = ["MODEL_PATH", "MODES", "CharBigramTokenizer", "TrainedNames", "add_trained_names", "load_model"]

#: The trained pipeline shipped with the package.
MODEL_PATH = Path(__file__).resolve().parent / "model" / "names"
#: What finds the names: the rules alone, the trained model alone, or both (candidates of both).
MODES = ("rules", "model", "both")


class CharBigramTokenizer(ChineseTokenizer):
    """spaCy's character segmenter, with each token's ``norm_`` set to it and the next character.

    The model's hash embedding then sees character bigrams (科技, 研究, 究院) as well as characters:
    Chinese names are made of words, and a window of single characters learns them slowly.

    Examples
    --------
    >>> tokenizer = CharBigramTokenizer(spacy.blank("zh").vocab)
    >>> [t.norm_ for t in tokenizer("研究院")]
    ['研究', '究院', '院#']
    """

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        for token, following in pairwise(doc):
            token.norm_ = token.text + following.text
        if len(doc):
            doc[-1].norm_ = doc[-1].text + "#"
        return doc


@registry.tokenizers("wj.char_bigrams.v1")
def make_char_bigram_tokenizer():
    """The tokenizer named in the trained pipeline's config (``[nlp.tokenizer]``)."""
    def create(nlp: Language) -> CharBigramTokenizer:
        return CharBigramTokenizer(nlp.vocab, segmenter="char")
    return create


class TrainedNames:
    """Add the names a trained pipeline finds in a doc's text to the doc's candidates.

    Parameters
    ----------
    model
        A pipeline (or any callable text -> Doc) that sets ``doc.ents``.
    min_length
        Shorter names are dropped (one character is never a name in these reports).
    gaps_only
        Add a name only where no other component (lexicon, rules, vocabulary) has a candidate.
    """

    def __init__(self, model: Callable[[str], Doc], min_length: int = 2, gaps_only: bool = False):
        self.model = model
        self.min_length = min_length
        self.gaps_only = gaps_only

    def __call__(self, doc: Doc) -> Doc:
        return self._add(doc, self.model(doc_text(doc)))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Run the model over batches of docs (spaCy's ``nlp.pipe`` calls this)."""
        docs = iter(docs)
        while batch := list(islice(docs, batch_size)):
            found = self.model.pipe(doc_text(d) for d in batch) if hasattr(self.model, "pipe") else map(
                self.model, (doc_text(d) for d in batch))
            for doc, names in zip(batch, found):
                yield self._add(doc, names)

    def _add(self, doc: Doc, names: Doc) -> Doc:
        candidates = list(doc.spans[CANDIDATES]) if CANDIDATES in doc.spans else []
        taken = {i for s in candidates for i in range(s.start_char, s.end_char)} if self.gaps_only else set()
        for ent in names.ents:
            if ent.end_char - ent.start_char < self.min_length:
                continue
            if not taken.isdisjoint(range(ent.start_char, ent.end_char)):
                continue
            span = doc.char_span(ent.start_char, ent.end_char, label=ent.label_, alignment_mode="contract")
            if span is not None and len(span):
                span.id_ = "model"
                candidates.append(span)
        doc.spans[CANDIDATES] = candidates
        return doc


@Language.factory(
    "wj_trained_names",
    default_config={"path": str(MODEL_PATH), "min_length": 2, "gaps_only": False},
    requires=["doc.spans"],
    assigns=["doc.spans"],
)
def make_trained_names(nlp: Language, name: str, path: str, min_length: int, gaps_only: bool) -> TrainedNames:
    """The trained model at ``path`` as a component (see :class:`TrainedNames`); it reads the candidates."""
    return TrainedNames(load_model(Path(path)), min_length=min_length, gaps_only=gaps_only)


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> Language:
    """The trained pipeline at ``path``, loaded once per process (CPU, nothing downloaded)."""
    if not (Path(path) / "meta.json").is_file():
        raise BuildError(f"no trained model in {path}: run `wujing-kg train` (or extract with model='rules')")
    return spacy.load(path)


def add_trained_names(nlp: Language, path: Path = MODEL_PATH, **config) -> Language:
    """Add ``wj_trained_names`` (the model at ``path``) at the end of ``nlp``; ``config``: its other settings."""
    nlp.add_pipe("wj_trained_names", config={"path": str(path), **config})
    return nlp

