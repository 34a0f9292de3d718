"""Installed with the package as graph._corpus (see graph/resources.py); no code here."""
