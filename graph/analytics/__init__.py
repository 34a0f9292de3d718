"""Layer 8, analytics: network measures on the networkx graph (pure functions ``f(G) -> dict``) and their RDF.
"""
