"""Ingest: sources read into documents, split into passages, with their facts."""
