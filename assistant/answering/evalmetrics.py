"""Evaluation figures from per-question rows, without the model: what a set says about the answers.

A row is one question as a user got it: its kind (``category``), whether it was answered, the
rank of the first quote that holds the expected passage, the words listed as missing, whether a
signpost was shown, and for a right first quote whether its marked sentences hold the answer and
how much of the quote they mark. ``report`` turns rows into the figures docs/answers.md and
``assistant eval`` show; ``stability`` says whether a calibration fit would hold on other questions.
"""

from __future__ import annotations

import random
import statistics

ANSWERABLE = "answerable"
CASE = "case"  # about a case the documents describe: answerable, and never signposted
URGENT = "urgent"  # a worry about a child now: must be signposted; not scored for refusals
OFF_TOPIC = "off_topic"
MARK_LIMIT = 0.6  # a mark covering more of the quote than this does not point at the answer
# What a set nobody tuned on should show (issue "done when"): figure -> (at least?, rate).
TARGETS = {
    "hit@3": (True, 0.95),
    "right_answers_refused": (False, 0.02),
    "near_misses_refused": (True, 0.90),
    "off_topic_refused": (True, 1.0),
    "urgent_signposted": (True, 1.0),
    "signposts_on_document_questions": (False, 0.0),
    "case_questions_signposted": (False, 0.0),
    "right_answers_listing_missing": (False, 0.10),
    "mark_contains_answer": (True, 0.90),
    "marks_over_limit": (False, 0.0),
}


def count(rows: list[dict], test) -> dict:
    """``{"n", "of", "rate"}``: how many of ``rows`` pass ``test`` (rate None when there are none)."""
    n = sum(1 for r in rows if test(r))
    return {"n": n, "of": len(rows), "rate": round(n / len(rows), 4) if rows else None}


def kinds(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows by what a right response is: answer, refuse (near miss or off the subject), signpost."""
    scored = [r for r in rows if r["category"] != URGENT]
    return {
        "answerable": [r for r in scored if r["answerable"]],
        "case": [r for r in scored if r["answerable"] and r["category"] == CASE],
        "near_miss": [r for r in scored if not r["answerable"] and r["category"] != OFF_TOPIC],
        "off_topic": [r for r in scored if not r["answerable"] and r["category"] == OFF_TOPIC],
        "urgent": [r for r in rows if r["category"] == URGENT],
    }


def report(rows: list[dict]) -> dict:
    """The figures the issue's "done when" names, each as a count of its own denominator."""
    k = kinds(rows)
    answerable = k["answerable"]
    right = [r for r in answerable if r["answered"] and r["rank"]]
    first = [r for r in answerable if r["rank"] == 1 and r.get("mark_share") is not None]
    shares = [r["mark_share"] for r in first]
    return {
        "hit@1": count(answerable, lambda r: r["rank"] == 1),
        "hit@3": count(answerable, lambda r: r["rank"] is not None and r["rank"] <= 3),
        "right_answers_refused": count(answerable, lambda r: not r["answered"]),
        "near_misses_refused": count(k["near_miss"], lambda r: not r["answered"]),
        "off_topic_refused": count(k["off_topic"], lambda r: not r["answered"]),
        "urgent_signposted": count(k["urgent"], lambda r: r["signposted"]),
        # An abstention always carries the signpost; an answered question about the documents never should.
        "signposts_on_document_questions": count(answerable, lambda r: r["answered"] and r["signposted"]),
        "case_questions_signposted": count(k["case"], lambda r: r["signposted"]),
        "right_answers_listing_missing": count(right, lambda r: bool(r["missing"])),
        "mark_contains_answer": count(first, lambda r: bool(r["mark_has_answer"])),
        "marks_over_limit": count(first, lambda r: r["mark_share"] > MARK_LIMIT),
        "mark_share_mean": round(statistics.fmean(shares), 4) if shares else None,
    }


def misses(figures: dict) -> list[str]:
    """The figures of a report that miss their target (a figure with nothing counted never misses)."""
    out = []
    for key, (at_least, target) in TARGETS.items():
        rate = figures[key]["rate"]
        if rate is not None and (rate < target if at_least else rate > target):
            out.append(key)
    return out


def target_text(key: str) -> str:
    if key not in TARGETS:
        return ""
    at_least, target = TARGETS[key]
    return f"{'≥' if at_least else '≤'} {target:.0%}"


def merged_spans(highlights: list[list[int]], text: str) -> list[tuple[int, int]]:
    """Highlight spans sorted, overlapping ones and ones parted only by spaces joined."""
    out: list[list[int]] = []
    for a, b in sorted((max(0, a), min(len(text), b)) for a, b in highlights):
        if b <= a:
            continue
        if out and not text[out[-1][1] : a].strip():
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def marks_answer(text: str, highlights: list[list[int]], fragments: list[str]) -> bool:
    """Does one marked run of ``text`` hold one of ``fragments`` whole?"""
    spans = merged_spans(highlights, text)
    for fragment in fragments:
        at = text.find(fragment)
        while at >= 0:
            if any(a <= at and at + len(fragment) <= b for a, b in spans):
                return True
            at = text.find(fragment, at + 1)
    return False


def marked_share(text: str, highlights: list[list[int]]) -> float:
    """The share of ``text``'s non-space characters that are marked."""
    total = sum(not c.isspace() for c in text)
    marked = sum(sum(not c.isspace() for c in text[a:b]) for a, b in merged_spans(highlights, text))
    return round(marked / total, 4) if total else 0.0


def decisions(model, candidates: list[list[dict]]) -> list[bool]:
    """Would ``model`` answer each question: does its best admissible candidate reach the threshold?"""
    return [max((model.score(f) for f in feats), default=0.0) >= model.threshold for feats in candidates]


def stability(fit, n: int, base, candidates: list[list[dict]], refits: int = 50, seed: int = 0) -> dict:
    """Refit on bootstrap resamples of the ``n`` questions (``fit(indices) -> model``) and count, per
    refit, the questions whose answer-or-refuse decision differs from ``base``'s. A fit whose typical
    refit changes more than one question's decision moves its threshold by more than one question's
    worth: the figures it promises depend on which questions happened to be in the set."""
    if n < 2:
        return {"refits": 0, "flips_median": 0.0, "flips_p90": 0.0, "thresholds": [], "unstable": False}
    rng = random.Random(seed)
    reference = decisions(base, candidates)
    flips, thresholds = [], []
    for _ in range(refits):
        model = fit([rng.randrange(n) for _ in range(n)])
        thresholds.append(model.threshold)
        flips.append(sum(a != b for a, b in zip(decisions(model, candidates), reference, strict=True)))
    flips.sort()
    thresholds.sort()
    return {
        "refits": refits,
        "flips_median": statistics.median(flips),
        "flips_p90": flips[int(0.9 * (len(flips) - 1))],
        "threshold_p10": thresholds[int(0.1 * (len(thresholds) - 1))],
        "threshold_p90": thresholds[int(0.9 * (len(thresholds) - 1))],
        "unstable": statistics.median(flips) > 1,
    }


def auc(rows: list[dict]) -> float:
    """How often an answerable question outscores an unanswerable one (1.0: fully separated)."""
    rows = [r for r in rows if r["category"] != URGENT]
    pos = [r["confidence"] for r in rows if r["answerable"]]
    neg = [r["confidence"] for r in rows if not r["answerable"]]
    if not pos or not neg:
        return 1.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def metrics(rows: list[dict]) -> dict:
    """hit@k, MRR and abstention over the scored questions (urgent ones are judged by their signpost)."""
    rows = [r for r in rows if r["category"] != URGENT]
    answerable = [r for r in rows if r["answerable"]]
    other = [r for r in rows if not r["answerable"]]
    hit = lambda r, n: r["rank"] is not None and r["rank"] <= n  # noqa: E731
    abstained = [r for r in rows if not r["answered"]]
    correct_abstentions = [r for r in abstained if not r["answerable"]]
    n = max(len(answerable), 1)
    return {
        "answerable": len(answerable),
        "unanswerable": len(other),
        "hit@1": sum(hit(r, 1) for r in answerable) / n,
        "hit@3": sum(hit(r, 3) for r in answerable) / n,
        "mrr": sum(1 / r["rank"] for r in answerable if r["rank"]) / n,
        "answerable_recall": sum(r["answered"] for r in answerable) / n,
        "abstention_precision": len(correct_abstentions) / len(abstained) if abstained else 1.0,
        "abstention_recall": len(correct_abstentions) / len(other) if other else 1.0,
        "unanswerable_answered": sum(r["answered"] for r in other),
        "confusion": confusion(rows),
        "categories": per_category(rows),
    }


def confusion(rows: list[dict]) -> dict:
    """Counts of (answerable?, answered?)."""
    return {
        "answerable_answered": sum(r["answerable"] and r["answered"] for r in rows),
        "answerable_abstained": sum(r["answerable"] and not r["answered"] for r in rows),
        "unanswerable_answered": sum(not r["answerable"] and r["answered"] for r in rows),
        "unanswerable_abstained": sum(not r["answerable"] and not r["answered"] for r in rows),
    }


def per_category(rows: list[dict]) -> dict:
    """Per category: how many, how many handled right (answered if answerable, else abstained),
    recall, and precision. Answerable: right answers among all answers. An unanswerable kind:
    its abstentions among its own and the answerable questions' abstentions."""
    out = {}
    answered = sum(r["answered"] for r in rows)
    wrongly_refused = sum(r["answerable"] and not r["answered"] for r in rows)
    label = lambda r: f"{r['category']} ({r['why']})" if r.get("why") else r["category"]  # noqa: E731
    for cat in dict.fromkeys(map(label, rows)):
        mine = [r for r in rows if label(r) == cat]
        right = sum(r["answered"] == r["answerable"] for r in mine)
        decided = answered if mine[0]["answerable"] else right + wrongly_refused
        out[cat] = {
            "n": len(mine),
            "right": right,
            "recall": right / len(mine),
            "precision": right / decided if decided else 1.0,
        }
    return out


def fraction(figure: dict) -> str:
    """ "3 of 65 (4.6%)", or "-" when nothing was counted."""
    if not figure["of"]:
        return "-"
    return f"{figure['n']} of {figure['of']} ({figure['rate']:.1%})"
