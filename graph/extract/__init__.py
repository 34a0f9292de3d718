"""Layer 2, extract: the spaCy pipeline that finds entities, relations, milestones and figures in one report.

The only layer that imports spaCy; what it returns is plain data from :mod:`graph.model`.
"""
