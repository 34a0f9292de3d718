"""Layer 3, corpus: many reports at once: extraction in a process pool, the cache, entity resolution across reports.
"""
