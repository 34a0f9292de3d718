"""Plain data passed between the pipeline's steps: no spaCy, no rdflib.

Data flows one way: report text -> :class:`Sentence` and :class:`Mention` -> :class:`Entity`,
:class:`Relation` and :class:`Milestone` -> RDF.  Every fact carries the index of the sentence it
came from, so the RDF step can put it in that sentence's named graph.

Examples
--------
>>> s = Sentence(index=0, start=0, end=5, text="华东师大。", section="一", period="2025")
>>> m = Mention(text="华东师大", start=0, end=4, cls="University", rule="lexicon", sentence=0)
>>> m.end - m.start == len(m.text)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The entity classes the extractor emits; each is a class of the same name in ``ontology/wujing.ttl``.
ENTITY_CLASSES = (
    "Enterprise",
    "ListedCompany",
    "University",
    "ResearchInstitute",
    "Fund",
    "Platform",
    "Incubator",
    "Laboratory",
    "Alliance",
    "Park",
    "IndustryCluster",
    "Project",
    "MetroLine",
)

#: Subclass -> the top-level class it is counted under in summaries and evaluation.
TOP_CLASS = {
    "ListedCompany": "Enterprise",
    "Incubator": "Platform",
    "Laboratory": "Platform",
    "Alliance": "Platform",
    "MetroLine": "Project",
}

#: Relation properties between entities; each is an object property in the ontology.
RELATION_PROPERTIES = ("locatedIn", "inCluster", "cooperatesWith", "affiliatedWith")

#: Project stages, in the order a project goes through them (SKOS concepts in the ontology).
STAGES = ("Planned", "Started", "UnderConstruction", "ToppedOut", "Completed", "InUse")


def top_class(cls: str) -> str:
    """Return the top-level class of ``cls`` (``"Incubator"`` -> ``"Platform"``)."""
    return TOP_CLASS.get(cls, cls)


#: Joins a name and a top-level class in the key of a name's second sense (``森马@Park``).
SENSE_MARK = "@"


def sense_key(name: str, cls: str) -> str:
    """The key of the second sense of ``name``: the entity of class ``cls`` that the text writes ``name`` for.

    A report may write one name for two kinds of thing (森马 the firm and 森马 its industrial park):
    the sense most mentions support is keyed by the name, the other by this key, which also gives it
    its own IRI.  Relations, milestones and facts refer to an entity by its key.

    Examples
    --------
    >>> sense_key("森马", "Park"), label_of(sense_key("森马", "Park")), label_of("森马")
    ('森马@Park', '森马', '森马')
    """
    return f"{name}{SENSE_MARK}{top_class(cls)}"


def label_of(key: str) -> str:
    """The name the text writes for the entity of ``key`` (the key without its sense, if any)."""
    name, mark, cls = key.rpartition(SENSE_MARK)
    return name if mark and cls in ENTITY_CLASSES and name else key


@dataclass(frozen=True)
class Report:
    """A report: its identity and its cleaned text.

    ``slug`` names the report in IRIs (``wujing-2026``); ``text`` is the cleaned text that every
    offset in the pipeline refers to.
    """
    slug: str
    text: str
    title: str = ""
    issuer: str = ""
    date: str = ""  # ISO date of issue, e.g. 2026-01-13
    year: str = ""  # the year the report is for, e.g. 2026
    source: str = ""  # the file it was read from
    jurisdiction: str = ""  # the place the report is about, e.g. 吴泾镇, 深圳市南山区 (see graph.text.metadata)
    level: str = ""  # its administrative level, one of graph.text.metadata.LEVELS


@dataclass(frozen=True)
class Sentence:
    """One sentence of a report, with where it sits.

    ``period`` is what the sentence talks about, read from the part of the report it stands in
    (:func:`graph.text.sentences.split_sentences`): one year (``2025``, the review of the last year,
    or ``2026``, this year's plan), five years (``2021-2025``, ``2026-2030``) or ``""`` where the
    report does not say (the preamble, a glossary, an annex).  ``planned`` is True in the parts that
    state plans and targets rather than results: it comes from the kind of part, never from the year.
    """
    index: int
    start: int
    end: int
    text: str
    section: str
    period: str
    paragraph: int = 0
    planned: bool = False

    @property
    def year(self) -> str | None:
        """The single year of the period, or None for a multi-year or unknown period."""
        return self.period if self.period.isdigit() else None


@dataclass(frozen=True)
class Mention:
    """A span of report text that names an entity.

    ``start``/``end`` are offsets into the report's cleaned text, ``rule`` names the pattern that
    found it (for provenance and debugging), ``canonical`` the entity's canonical name.
    """
    text: str
    start: int
    end: int
    cls: str
    rule: str
    sentence: int
    canonical: str = ""


@dataclass
class Entity:
    """An entity: one canonical Chinese name, its class, the other names it goes by.

    ``name`` is the entity's key: its canonical name, or for the second sense of a name that the
    report uses for two kinds of thing, :func:`sense_key` of it; ``label`` is the name either way.
    """
    name: str
    cls: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    introduced_in: str | None = None
    amount_cny: str | None = None  # decimal string, yuan
    amount_text: str | None = None

    @property
    def label(self) -> str:
        """The name the text writes for the entity (its ``rdfs:label``)."""
        return label_of(self.name)

    @property
    def sentences(self) -> list[int]:
        """Sorted indexes of the sentences that mention the entity."""
        return sorted({m.sentence for m in self.mentions})


@dataclass(frozen=True, order=True)
class Relation:
    """A stated link between two entities (by canonical name), from one sentence."""
    subject: str
    predicate: str
    object: str
    sentence: int
    rule: str = ""


@dataclass(frozen=True, order=True)
class Milestone:
    """A stage a project reached (or is planned to reach), from one sentence."""
    project: str
    stage: str
    period: str
    sentence: int
    planned: bool = False
    rule: str = ""

    @property
    def year(self) -> str | None:
        return self.period if self.period.isdigit() else None


@dataclass
class Extraction:
    """Everything extracted from one report."""
    report: Report
    sentences: list[Sentence]
    entities: dict[str, Entity]
    relations: list[Relation]
    milestones: list[Milestone]
    facts: list[tuple[str, str, str, int]] = field(default_factory=list)  # (entity, key, value, sentence)
    # names found and left out, no entity (a river kept up: graph.extract.nonprojects): (name, reason, sentence)
    left_out: list[tuple[str, str, int]] = field(default_factory=list)
