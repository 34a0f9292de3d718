"""Layer 5, validate: the ontology and SHACL shapes, and the checks that a graph conforms to them.
"""
