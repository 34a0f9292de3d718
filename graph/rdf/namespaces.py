"""The project's RDF namespaces.  ``WJ`` is closed: a misspelt term fails at once.

Examples
--------
>>> str(WJ.Enterprise)
'https://w3id.org/wujing-kg/ontology#Enterprise'
>>> WJ.Enterprize
Traceback (most recent call last):
...
AttributeError: term 'Enterprize' not in namespace 'https://w3id.org/wujing-kg/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/wujing-kg/ontology"
ID = Namespace("https://w3id.org/wujing-kg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
#: The concepts of the industry vocabulary (``ontology/industries.ttl``), e.g. ``ind:integrated-circuits``.
IND = Namespace("https://w3id.org/wujing-kg/id/industry/")


class WJ(DefinedNamespace):
    """Terms of ``ontology/wujing.ttl``, ``reports.ttl`` and ``analytics.ttl`` (one namespace, closed).

    ``tests/rdf/test_ontology.py`` checks that this list and the three files agree.
    """
    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Enterprise: URIRef
    ListedCompany: URIRef
    University: URIRef
    ResearchInstitute: URIRef
    Fund: URIRef
    Platform: URIRef
    Incubator: URIRef
    Laboratory: URIRef
    Alliance: URIRef
    Park: URIRef
    IndustryCluster: URIRef
    Project: URIRef
    MetroLine: URIRef
    Milestone: URIRef
    Stage: URIRef
    Report: URIRef
    SourceSentence: URIRef
    # relations
    locatedIn: URIRef
    inCluster: URIRef
    cooperatesWith: URIRef
    affiliatedWith: URIRef
    hasMilestone: URIRef
    stage: URIRef
    # data properties
    year: URIRef
    period: URIRef
    planned: URIRef
    introducedIn: URIRef
    amountCNY: URIRef
    amountText: URIRef
    sentenceIndex: URIRef
    charStart: URIRef
    charEnd: URIRef
    section: URIRef
    # stages
    ProjectStages: URIRef
    Planned: URIRef
    Started: URIRef
    UnderConstruction: URIRef
    ToppedOut: URIRef
    Completed: URIRef
    InUse: URIRef
    # reports (ontology/reports.ttl)
    jurisdiction: URIRef
    level: URIRef
    AdministrativeLevel: URIRef
    AdministrativeLevels: URIRef
    Town: URIRef
    Subdistrict: URIRef
    District: URIRef
    City: URIRef
    Province: URIRef
    National: URIRef
    # network measures (ontology/analytics.ttl)
    degree: URIRef
    betweenness: URIRef
    pageRank: URIRef
    community: URIRef


PREFIXES = {
    "wj": str(WJ._NS),
    "id": str(ID),
    "ind": str(IND),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
