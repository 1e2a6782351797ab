"""Metrics: aggregate, anonymous figures for /metrics, kept by prometheus_client.

Each app has its own ``CollectorRegistry`` (not the process-wide default), so several apps
in one process (the tests, or a reload) never clash over a metric name. Nothing here can
say what was asked: counts, latency and, for feedback, the quote id only.
"""

from __future__ import annotations

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Counters:
    """The assistant's counters in one registry; ``prometheus()`` is the /metrics text."""

    def __init__(self):
        from prometheus_client import CollectorRegistry, Counter, Histogram

        self.registry = CollectorRegistry()
        r = self.registry
        self._questions = Counter("assistant_questions", "Questions answered or abstained.", registry=r)
        self._answered = Counter("assistant_answered", "Questions answered with quotes.", registry=r)
        self._abstained = Counter("assistant_abstained", "Questions the documents do not answer.", registry=r)
        self._latency = Histogram(
            "assistant_answer_seconds", "Time to answer a question.", buckets=LATENCY_BUCKETS, registry=r
        )
        self._responses = Counter("assistant_http_responses", "HTTP responses by status class.", ["status"], registry=r)
        self._useful = Counter(
            "assistant_feedback",
            "Answers marked useful or not, per quote id (no question, no identifier).",
            ["quote", "useful"],
            registry=r,
        )

    def _value(self, name: str) -> int:
        return int(self.registry.get_sample_value(name) or 0)

    @property
    def questions(self) -> int:
        return self._value("assistant_questions_total")

    @property
    def answered(self) -> int:
        return self._value("assistant_answered_total")

    @property
    def abstained(self) -> int:
        return self._value("assistant_abstained_total")

    def answer(self, answered: bool, seconds: float) -> None:
        self._questions.inc()
        (self._answered if answered else self._abstained).inc()
        self._latency.observe(seconds)

    def feedback(self, quote_ids: list[str], useful: bool) -> None:
        """ "Was this useful?": one more yes or no for each quote of the answer."""
        for qid in quote_ids:
            self._useful.labels(quote=qid, useful="yes" if useful else "no").inc()

    def http(self, status: int) -> None:
        key = f"{status // 100}xx" if status not in (413, 422, 429, 503) else str(status)
        self._responses.labels(status=key).inc()

    def prometheus(self) -> str:
        """The counters in Prometheus' text format."""
        from prometheus_client import generate_latest

        return generate_latest(self.registry).decode("utf-8")
