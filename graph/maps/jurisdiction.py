"""One jurisdiction's part of a built graph: what its own reports say, for a map of it over the years.

A jurisdiction is what a report's ``wj:jurisdiction`` says (南山区, 深圳市, 吴泾镇).  Its part of
the graph is every sentence graph derived from one of its reports, with the provenance of those
sentences and reports: the facts of other places' reports are left out, even about the same park.
The park-cluster map of that part, with its year slider, shows the jurisdiction's parks and
clusters year by year (the query ``jurisdiction_parks_by_year`` lists the same).

Examples
--------
>>> from rdflib import Dataset
>>> jurisdictions(Dataset())
[]
"""

from __future__ import annotations

from rdflib import RDF, Dataset, URIRef
from rdflib.namespace import PROV

from graph.maps.views import MapError
from graph.rdf.convert import PROVENANCE_GRAPH
from graph.rdf.namespaces import WJ
from graph.store.backend import as_backend

__all__ = ["jurisdictions", "jurisdiction_dataset"]


def _reports(backend) -> dict[URIRef, str]:
    """Report IRI -> its jurisdiction, for the reports that name one."""
    reports = {s for s, _p, _o, _g in backend.quads((None, RDF.type, WJ.Report, PROVENANCE_GRAPH))}
    return {s: str(o) for s, _p, o, _g in backend.quads((None, WJ.jurisdiction, None, PROVENANCE_GRAPH))
            if s in reports}


def jurisdictions(ds) -> list[str]:
    """The jurisdictions the reports of ``ds`` (a backend, Dataset or build) name, sorted."""
    return sorted(set(_reports(as_backend(ds)).values()))


def jurisdiction_dataset(ds, name: str) -> Dataset:
    """The part of ``ds`` that the reports of jurisdiction ``name`` make: their sentence graphs and
    the provenance of those sentences and reports, as a new Dataset.

    Raises :class:`~graph.maps.views.MapError` naming the jurisdictions there are when no report
    of ``ds`` has jurisdiction ``name``.
    """
    backend = as_backend(ds)
    by_report = _reports(backend)
    own = {r for r, j in by_report.items() if j == name.strip()}
    if not own:
        known = sorted(set(by_report.values()))
        raise MapError(f"no report of jurisdiction {name!r} in the graph; its reports are of: "
                       + (", ".join(known) if known else "(no report names its jurisdiction)"))
    sentences = sorted({s for s, _p, o, _g in backend.quads((None, PROV.wasDerivedFrom, None, PROVENANCE_GRAPH))
                        if o in own})
    part = Dataset()
    prov = part.graph(PROVENANCE_GRAPH)
    for subject in [*sorted(own), *sentences]:
        for s, p, o, _g in backend.quads((subject, None, None, PROVENANCE_GRAPH)):
            prov.add((s, p, o))
    for sentence in sentences:
        g = part.graph(sentence)
        for s, p, o, _g in backend.quads((None, None, None, sentence)):
            g.add((s, p, o))
    return part
