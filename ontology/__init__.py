"""Installed with the package as graph._ontology (see graph/resources.py); no code here."""
