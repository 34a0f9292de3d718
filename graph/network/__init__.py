"""Layer 7, network: the RDF graph as a networkx graph (the one converter analytics, maps and exports share).
"""
