"""Answering: retrieval, evidence, calibration and the rules that quote or abstain."""
