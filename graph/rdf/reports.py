"""The descriptions of reports in the provenance graph: jurisdiction and administrative level.

See :mod:`graph.text.metadata` for where they come from (the text, a sidecar file, ``--meta``).
"""

from __future__ import annotations

from rdflib import Dataset, Literal

from graph.rdf.convert import PROVENANCE_GRAPH
from graph.rdf.iri import report_iri
from graph.rdf.namespaces import WJ
from graph.text.metadata import ReportMeta

#: Administrative level (:data:`graph.text.metadata.LEVELS`) -> its concept in ``ontology/reports.ttl``.
LEVEL_CONCEPTS = {"town": WJ.Town, "subdistrict": WJ.Subdistrict, "district": WJ.District, "city": WJ.City}


def add_descriptions(ds: Dataset, metas: list[ReportMeta]) -> None:
    """Add ``wj:jurisdiction`` and ``wj:level`` of every described report to the provenance graph."""
    prov = ds.graph(PROVENANCE_GRAPH)
    for meta in metas:
        if not meta.described:
            continue
        node = report_iri(meta.slug)
        if meta.jurisdiction:
            prov.add((node, WJ.jurisdiction, Literal(meta.jurisdiction, lang="zh")))
        if meta.level:
            prov.add((node, WJ.level, LEVEL_CONCEPTS[meta.level]))
