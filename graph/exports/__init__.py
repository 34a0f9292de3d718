"""Layer 8, exports: the graph for other tools (GraphML, GEXF, JSON-LD, Neo4j, CSV tables).
"""
