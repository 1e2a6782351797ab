"""Encoding: text into vectors with all-MiniLM-L6-v2, one backend chosen by settings."""
