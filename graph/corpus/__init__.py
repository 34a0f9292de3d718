"""Layer 3, corpus: many reports at once: extraction in a process pool or on a Dask cluster, the cache, entity resolution across reports.
"""
