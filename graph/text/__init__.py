"""Layer 1, text: read a report in any format, clean it, cut it into sentences, read its metadata and numbers.

No spaCy and no rdflib here: what leaves this layer is :class:`graph.model.Report` and
:class:`graph.model.Sentence`.
"""
