"""Layer 4, rdf: plain data -> RDF.  Namespaces, IRI minting, the sentence graphs, report descriptions,
the Data Cube of figures, the baselines of targets and the Turtle/TriG writer.
"""
