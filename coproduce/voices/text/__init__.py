"""Text understanding of voices (issue 5): categories and sentiment from free text.

Sparse features (TF-IDF over words and characters) with linear heads: installs from
PyPI, trains on two CPU cores in minutes, runs offline, no downloads at run time.
"""
