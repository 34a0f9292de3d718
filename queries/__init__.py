"""Installed with the package as graph._queries (see graph/resources.py); no code here."""
