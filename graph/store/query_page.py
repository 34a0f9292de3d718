"""The query page of ``wujing-kg serve``: YASGUI set up for this graph, with nothing fetched from outside.

Oxigraph's own page (``/``) runs YASGUI with its defaults, and those reach out of the machine from
the user's browser: the prefix autocompleter downloads ``prefix.cc/popular/all.file.json`` as soon as
the page opens, and the property and class autocompleters ask ``lov.linkeddata.es`` while one types.
The proxy (:mod:`graph.store.endpoint`) therefore answers ``/`` itself with this page: the same
YASGUI files (``yasgui.min.js`` and ``.css``, served by Oxigraph), configured with

* the prefix autocompleter reading the project's prefixes from ``/prefixes.json`` (this module),
* no LOV autocompleters (variables are still completed, from the query itself),
* the endpoint ``/query`` of this server, and a first query that declares the project's prefixes.

``tests/store/test_endpoint_page.py`` opens it in Chromium, types a prefix and runs a query, and checks that
no request leaves 127.0.0.1.

Examples
--------
>>> json.loads(prefixes_json())["wj"]
'https://w3id.org/wujing-kg/ontology#'
>>> page_for("/")[0], page_for("/prefixes.json")[0], page_for("/query")
('text/html; charset=utf-8', 'application/json', None)
"""

from __future__ import annotations

import json
from functools import lru_cache

from graph.store.tables import TABLE_PREFIXES

__all__ = ["PAGE_PATHS", "PREFIXES_PATH", "page_for", "prefixes_json", "query_page_html"]

#: Paths answered with the query page instead of Oxigraph's.
PAGE_PATHS = ("/", "/index.html")
#: Where the page's prefix autocompleter reads the prefixes (instead of prefix.cc).
PREFIXES_PATH = "/prefixes.json"

FIRST_QUERY = """SELECT ?class (COUNT(DISTINCT ?entity) AS ?entities) WHERE {
  ?entity a ?class .
  FILTER (STRSTARTS(STR(?class), STR(wj:)))
}
GROUP BY ?class
ORDER BY DESC(?entities)"""

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>wujing-kg SPARQL</title>
<link href="./yasgui.min.css" rel="stylesheet" type="text/css">
<script src="./yasgui.min.js"></script>
<link rel="icon" type="image/svg+xml" href="/logo.svg">
</head>
<body>
<div id="yasgui"></div>
<script id="wj-config" type="application/json">__CONFIG__</script>
<script>
  const config = JSON.parse(document.getElementById("wj-config").textContent);
  const base = window.location.origin;
  // only autocompleters that need no server: prefixes (from this server) and the query's own variables
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: base + "/query" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: base + "/query" }], keys: [] },
    yasqe: { prefixCcApi: base + config.prefixes, value: config.query },
  });
</script>
</body>
</html>
"""


def prefixes_json() -> bytes:
    """The project's prefixes as prefix.cc gives them (``{"wj": "https://...#", ...}``)."""
    return json.dumps(dict(sorted(TABLE_PREFIXES.items())), ensure_ascii=False).encode("utf-8")


@lru_cache(maxsize=1)
def query_page_html() -> bytes:
    """The page: YASGUI with the project's prefixes, this endpoint and a first query."""
    head = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in TABLE_PREFIXES.items() if p in ("wj", "id", "rdfs", "skos"))
    config = json.dumps({"prefixes": PREFIXES_PATH, "query": head + "\n\n" + FIRST_QUERY}, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):  # nothing can end the element
        config = config.replace(ch, esc)
    return _PAGE.replace("__CONFIG__", config).encode("utf-8")


def page_for(path: str) -> tuple[str, bytes] | None:
    """``(content type, body)`` when the proxy answers ``path`` itself, else ``None`` (pass it to Oxigraph)."""
    if path in PAGE_PATHS:
        return "text/html; charset=utf-8", query_page_html()
    if path == PREFIXES_PATH:
        return "application/json", prefixes_json()
    return None
