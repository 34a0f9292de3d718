"""Layer 6, store: where a built graph lives and how it is asked: the rdflib and Oxigraph backends, the named
query library, the read-only endpoint and ``push`` to other stores.
"""
