"""Layer 8, maps: networkx -> vis-network data -> one self-contained, offline HTML file per map.
"""
