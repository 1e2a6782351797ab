"""Benchmark suite: ``python -m bench [--quick]`` (see docs/performance.md). Not part of the tests."""
