"""Quoting: the models of a quote and its citation, the finder and the exports."""
