"""The descriptions of reports in the provenance graph: jurisdiction and administrative level.

See :mod:`graph.text.metadata` for where they come from (the text, a sidecar file, ``--meta``).

Examples
--------
>>> ds = Dataset()
>>> add_descriptions(ds, [ReportMeta(slug="anhui-2026", jurisdiction="安徽省", level="province")])
>>> sorted(o.n3() for o in ds.graph(PROVENANCE_GRAPH).objects())  # doctest: +NORMALIZE_WHITESPACE
['"安徽省"@zh', '<https://w3id.org/wujing-kg/ontology#Province>']
"""

from __future__ import annotations

from rdflib import Dataset, Literal

from graph.rdf.convert import PROVENANCE_GRAPH
from graph.rdf.iri import report_iri
from graph.rdf.namespaces import WJ
from graph.text.metadata import ReportMeta

#: Administrative level (:data:`graph.text.metadata.LEVELS`) -> its concept in ``ontology/reports.ttl``.
LEVEL_CONCEPTS = {
    "town": WJ.Town, "subdistrict": WJ.Subdistrict, "district": WJ.District, "city": WJ.City,
    "province": WJ.Province, "national": WJ.National,
}  # fmt: skip


def add_descriptions(ds: Dataset, metas: list[ReportMeta]) -> None:
    """Add ``wj:jurisdiction`` and ``wj:level`` of every report that has them to the provenance graph.

    They come from the report's text, its sidecar or ``--meta`` (:func:`graph.text.metadata.describe`).
    """
    prov = ds.graph(PROVENANCE_GRAPH)
    for meta in metas:
        node = report_iri(meta.slug)
        if meta.jurisdiction:
            prov.add((node, WJ.jurisdiction, Literal(meta.jurisdiction, lang="zh")))
        if meta.level:
            prov.add((node, WJ.level, LEVEL_CONCEPTS[meta.level]))
