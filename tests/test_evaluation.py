"""The yardstick: the held-out set's labels, the evaluation figures computed from rows (no model),
and `assistant eval --set` run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from assistant.answering import calibration, evalmetrics
from assistant.answering.evaluation import EvalQuestion, SetProblem, groups, load_questions, resolve_set, warnings
from assistant.settings import SHIPPED_EVAL_SET, Settings
from tests.conftest import child_env

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "eval_heldout"
FIT = ROOT / "tests" / "eval_fit"
UNSEEN = ROOT / "tests" / "eval_unseen"
UNSEEN2 = ROOT / "tests" / "eval_unseen2"
UNSEEN3 = ROOT / "tests" / "eval_unseen3"
UNSEEN4 = ROOT / "tests" / "eval_unseen4"
UNSEEN5 = ROOT / "tests" / "eval_unseen5"
UNSEEN6 = ROOT / "tests" / "eval_unseen6"
UNSEEN7 = ROOT / "tests" / "eval_unseen7"
UNSEEN8 = ROOT / "tests" / "eval_unseen8"
UNSEEN9 = ROOT / "tests" / "eval_unseen9"
UNSEEN10 = ROOT / "tests" / "eval_unseen10"
UNSEEN11 = ROOT / "tests" / "eval_unseen11"
UNSEEN12 = ROOT / "tests" / "eval_unseen12"
UNSEEN13 = ROOT / "tests" / "eval_unseen13"


def _builder(folder: Path = HELDOUT):
    """A set's build_set.py, under a name of its own (tests/eval has a build_set too)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"{folder.name}_build_set", folder / "build_set.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


heldout_docs = _builder()
fit_docs = _builder(FIT)
unseen_docs = _builder(UNSEEN)
unseen2_docs = _builder(UNSEEN2)
unseen3_docs = _builder(UNSEEN3)
unseen4_docs = _builder(UNSEEN4)
unseen5_docs = _builder(UNSEEN5)
unseen6_docs = _builder(UNSEEN6)
unseen7_docs = _builder(UNSEEN7)
unseen8_docs = _builder(UNSEEN8)
unseen9_docs = _builder(UNSEEN9)
unseen10_docs = _builder(UNSEEN10)
unseen11_docs = _builder(UNSEEN11)
unseen12_docs = _builder(UNSEEN12)
unseen13_docs = _builder(UNSEEN13)

QUESTIONS = load_questions(HELDOUT)
FIT_QUESTIONS = load_questions(FIT)
UNSEEN_QUESTIONS = load_questions(UNSEEN)
UNSEEN2_QUESTIONS = load_questions(UNSEEN2)
UNSEEN3_QUESTIONS = load_questions(UNSEEN3)
UNSEEN4_QUESTIONS = load_questions(UNSEEN4)
UNSEEN5_QUESTIONS = load_questions(UNSEEN5)
UNSEEN6_QUESTIONS = load_questions(UNSEEN6)
UNSEEN7_QUESTIONS = load_questions(UNSEEN7)
UNSEEN8_QUESTIONS = load_questions(UNSEEN8)
UNSEEN9_QUESTIONS = load_questions(UNSEEN9)
UNSEEN10_QUESTIONS = load_questions(UNSEEN10)
UNSEEN11_QUESTIONS = load_questions(UNSEEN11)
UNSEEN12_QUESTIONS = load_questions(UNSEEN12)
UNSEEN13_QUESTIONS = load_questions(UNSEEN13)


# ---------------------------------------------------------------- the held-out set


def test_heldout_set_has_every_kind_in_numbers():
    by = {}
    for q in QUESTIONS:
        by.setdefault(q.category, []).append(q)
    assert len(by["answerable"]) >= 60 and len(by["case"]) >= 10
    assert len(by["near_miss"]) >= 20 and len(by["off_topic"]) >= 10 and len(by["urgent"]) >= 10
    assert all(q.expect and q.answer and q.doc for q in by["answerable"] + by["case"])
    assert all(not q.expect and q.why and q.doc for q in by["near_miss"])
    assert all(not q.expect for q in by["off_topic"] + by["urgent"])
    assert not [q for q in QUESTIONS if not q.scored and q.category != "urgent"]


@pytest.fixture(scope="module")
def heldout_texts(tmp_path_factory) -> dict[str, str]:
    from assistant.ingest.documents import load_document

    folder = heldout_docs.build(tmp_path_factory.mktemp("heldout-docs"))
    docs = [load_document(p) for p in sorted(folder.iterdir()) if not p.name.endswith(".meta.toml")]
    return {d.meta.id: d.text for d in docs}


def test_every_fragment_is_in_the_built_text_of_its_document(heldout_texts):
    assert len(heldout_texts) == 4
    for q in QUESTIONS:
        assert q.doc is None or q.doc in heldout_texts, q.question
        for fragment in q.expect:
            assert any(fragment in text for text in heldout_texts.values()), (q.question, fragment)
        if q.expect:
            # The labelled document holds one of the right passages, and the answer lies in one.
            assert any(f in heldout_texts[q.doc] for f in q.expect), q.question
            assert any(a in heldout_texts[d] for a in q.answer for d in heldout_texts), q.question


def test_leave_one_document_out_groups_every_question_once(heldout_texts):
    class Doc:
        def __init__(self, text):
            self.text = text

    documents = {k: Doc(v) for k, v in heldout_texts.items()}
    keys = groups(QUESTIONS, documents)
    assert set(keys) == set(heldout_texts) and len(keys) == len(QUESTIONS)
    # Questions about no document (off the subject, urgent) are dealt out, not lumped together.
    dealt = [k for q, k in zip(QUESTIONS, keys, strict=True) if q.doc is None]
    assert len(set(dealt)) == 4
    one = {"only": Doc("the Panel received 482 notifications")}
    few = [EvalQuestion("How many?", ["482 notifications"], [])] * 7
    assert groups(few, one) == [f"questions {i % 5 + 1} of 5" for i in range(7)]


# ---------------------------------------------------------------- the fit set


def test_fit_set_has_every_kind_the_heldout_set_has():
    by: dict[str, list] = {}
    for q in FIT_QUESTIONS:
        by.setdefault(q.category, []).append(q)
    assert len(FIT_QUESTIONS) >= 100 and len(by["answerable"]) >= 60 and len(by["case"]) >= 10
    assert len(by["near_miss"]) >= 20 and len(by["off_topic"]) >= 8 and len(by["urgent"]) >= 8
    assert all(q.expect and q.answer and q.doc for q in by["answerable"] + by["case"])
    assert all(not q.expect and q.why and q.doc for q in by["near_miss"])
    assert {q.why for q in by["near_miss"]} >= {"other_place", "other_year", "figure_not_given", "review_only_named"}
    assert all(not q.expect for q in by["off_topic"] + by["urgent"])
    # Written apart from the other sets: no question is asked word for word in either.
    others = {q.question.lower() for q in QUESTIONS + load_questions(ROOT / "tests/eval/realistic.toml")}
    assert not [q.question for q in FIT_QUESTIONS if q.question.lower() in others]


def test_every_fit_fragment_is_in_the_built_text_of_its_document(tmp_path):
    from assistant.ingest.documents import load_document

    folder = fit_docs.build(tmp_path / "fit-docs")
    docs = [load_document(p) for p in sorted(folder.iterdir()) if not p.name.endswith(".meta.toml")]
    texts = {d.meta.id: d.text for d in docs}
    assert len(texts) == 5 and {Path(name).suffix for name, _, _ in fit_docs.documents()} == {
        ".pdf",
        ".docx",
        ".html",
        ".md",
        ".txt",
    }
    for q in FIT_QUESTIONS:
        assert q.doc is None or q.doc in texts, q.question
        for fragment in q.expect + q.answer:
            assert fragment in texts[q.doc], (q.question, fragment)


def test_the_shipped_default_is_fit_on_the_development_sets_only():
    from assistant.answering.evidence import FEATURES
    from bench.fit_default import FIT_SETS, set_digest

    d = calibration.DEFAULT
    assert d.method == "shipped default" and d.fitted_on["sets"] == ",".join(FIT_SETS)
    # The regression and held-out sets are never fit on (a new unseen set joins only once measured).
    assert not {"eval", "eval_heldout"} & set(FIT_SETS)
    scored = [q for folder in FIT_SETS for q in load_questions(ROOT / "tests" / folder) if q.scored]
    refit = "re-run python -m bench.fit_default"
    assert d.fitted_on["questions"] == len(scored), f"a development set changed since the default was fit: {refit}"
    assert d.fitted_on["answerable"] == sum(q.answerable for q in scored), refit
    assert set(d.weights) == set(FEATURES), f"the evidence features changed: {refit}"
    assert d.fitted_on["set_sha256"] == set_digest(), f"a development set's questions or documents changed: {refit}"
    assert 0 < d.threshold < 1


def test_fit_default_rewrites_the_block_it_reads():
    from bench.fit_default import default_source, rewrite_default

    source = (ROOT / "assistant/answering/calibration.py").read_text(encoding="utf-8")
    assert source.count(default_source(calibration.DEFAULT)) == 1  # the shipped block is in the written format
    other = calibration.Calibration({"coverage": 1.5, "gap": -0.25}, -1.0, 0.25, "x", {"set": "eval_fit", "n": 3})
    rewritten = rewrite_default(source, other)
    namespace: dict = {}
    exec(compile(rewritten, "calibration.py", "exec"), namespace)
    written = namespace["DEFAULT"]
    assert (written.weights, written.bias, written.threshold) == ({"coverage": 1.5, "gap": -0.25}, -1.0, 0.25)
    assert written.method == "shipped default" and written.fitted_on == {"set": "eval_fit", "n": 3}
    assert rewritten.replace(default_source(other), "") == source.replace(default_source(calibration.DEFAULT), "")


def test_sets_are_named_for_the_cli():
    assert resolve_set(Path("fit")) == FIT / "questions.toml"
    assert resolve_set(Path("heldout")) == HELDOUT / "questions.toml"
    assert resolve_set(Path("own")) == ROOT / "tests/eval/questions.toml"
    assert resolve_set(Path("realistic")) == ROOT / "tests/eval/realistic.toml"


# ---------------------------------------------------------------- the unseen set (report only: labels, never a run)


def asked_elsewhere(*sets: list[EvalQuestion]) -> set[str]:
    """Every question of the bundled, realistic and fit sets and of ``sets``, in lower case."""
    out = {q.question.lower() for q in QUESTIONS + FIT_QUESTIONS + [q for s in sets for q in s]}
    return out | {
        q.question.lower()
        for name in ("questions", "realistic")
        for q in load_questions(ROOT / f"tests/eval/{name}.toml")
    }


def by_category(questions: list[EvalQuestion]) -> dict[str, list[EvalQuestion]]:
    by: dict[str, list] = {}
    for q in questions:
        by.setdefault(q.category, []).append(q)
    return by


NEAR_MISS_KINDS = (
    "other_place",
    "other_year",
    "figure_not_given",
    "review_only_named",
    "other_person",
    "other_agency",
    "not_covered",
)


def labelled_as_written(by: dict[str, list[EvalQuestion]]) -> None:
    """Right and case questions carry fragments and a document; near misses a kind and a
    document; off-topic and urgent ones neither."""
    assert all(q.expect and q.answer and q.doc for q in by["answerable"] + by["case"])
    assert all(not q.expect and q.why and q.doc for q in by["near_miss"])
    assert all(not q.expect and not q.doc for q in by["off_topic"] + by["urgent"])


def test_unseen_set_has_every_kind_in_numbers():
    by = by_category(UNSEEN_QUESTIONS)
    assert len(by["answerable"]) >= 65 and len(by["case"]) >= 10
    assert len(by["near_miss"]) >= 24 and len(by["off_topic"]) >= 12 and len(by["urgent"]) >= 12
    labelled_as_written(by)
    assert all(sum(q.why == kind for q in by["near_miss"]) >= 3 for kind in NEAR_MISS_KINDS)
    assert [q for q in by["answerable"] if q.history], "follow-ups are part of the set"
    # Written apart from the other sets: no question is asked word for word in any of them.
    assert not [
        q.question
        for q in UNSEEN_QUESTIONS
        if q.question.lower()
        in asked_elsewhere(
            UNSEEN7_QUESTIONS,
            UNSEEN8_QUESTIONS,
            UNSEEN9_QUESTIONS,
            UNSEEN10_QUESTIONS,
            UNSEEN11_QUESTIONS,
            UNSEEN12_QUESTIONS,
            UNSEEN13_QUESTIONS,
        )
    ]


def test_unseen2_set_has_every_kind_in_numbers():
    by = by_category(UNSEEN2_QUESTIONS)
    assert len(UNSEEN2_QUESTIONS) >= 120
    assert len(by["answerable"]) >= 75 and len(by["case"]) >= 9
    assert len(by["near_miss"]) >= 20 and len(by["off_topic"]) >= 10 and len(by["urgent"]) >= 10
    labelled_as_written(by)
    assert all(sum(q.why == kind for q in by["near_miss"]) >= 3 for kind in NEAR_MISS_KINDS)
    assert [q for q in by["answerable"] if q.history], "follow-ups are part of the set"
    others = asked_elsewhere(
        UNSEEN_QUESTIONS,
        UNSEEN7_QUESTIONS,
        UNSEEN8_QUESTIONS,
        UNSEEN9_QUESTIONS,
        UNSEEN10_QUESTIONS,
        UNSEEN11_QUESTIONS,
        UNSEEN12_QUESTIONS,
        UNSEEN13_QUESTIONS,
    )
    assert not [q.question for q in UNSEEN2_QUESTIONS if q.question.lower() in others]
    assert len({q.question.lower() for q in UNSEEN2_QUESTIONS}) == len(UNSEEN2_QUESTIONS)


# Each unseen set's least counts: questions, answerable, case, near misses, off-topic, urgent, near
# misses of each kind and follow-ups; and the sets none of its questions may repeat.
SET_COUNTS = {
    "unseen3": (
        (85, 50, 8, 15, 8, 8, 2, 4),
        (
            "unseen",
            "unseen2",
            "unseen7",
            "unseen8",
            "unseen9",
            "unseen10",
            "unseen11",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen4": (
        (95, 52, 8, 17, 9, 9, 2, 5),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen7",
            "unseen8",
            "unseen9",
            "unseen10",
            "unseen11",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen5": (
        (97, 54, 8, 19, 9, 9, 2, 5),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen6",
            "unseen7",
            "unseen8",
            "unseen9",
            "unseen10",
            "unseen11",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen6": (
        (105, 58, 10, 20, 10, 10, 3, 12),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen5",
            "unseen7",
            "unseen8",
            "unseen9",
            "unseen10",
            "unseen11",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen7": (
        (105, 58, 10, 20, 10, 10, 3, 12),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen5",
            "unseen6",
            "unseen8",
            "unseen9",
            "unseen10",
            "unseen11",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen8": (
        (110, 60, 10, 21, 10, 10, 3, 12),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen5",
            "unseen6",
            "unseen7",
            "unseen9",
            "unseen10",
            "unseen11",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen9": (
        (110, 60, 10, 21, 10, 10, 3, 12),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen5",
            "unseen6",
            "unseen7",
            "unseen8",
            "unseen10",
            "unseen11",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen10": (
        (130, 75, 12, 24, 10, 10, 3, 20),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen5",
            "unseen6",
            "unseen7",
            "unseen8",
            "unseen9",
            "unseen11",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen11": (
        (130, 75, 12, 24, 10, 10, 3, 25),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen5",
            "unseen6",
            "unseen7",
            "unseen8",
            "unseen9",
            "unseen10",
            "unseen12",
            "unseen13",
        ),
    ),
    "unseen12": (
        (172, 112, 13, 27, 10, 10, 3, 48),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen5",
            "unseen6",
            "unseen7",
            "unseen8",
            "unseen9",
            "unseen10",
            "unseen11",
            "unseen13",
        ),
    ),
    "unseen13": (
        (172, 112, 13, 27, 10, 10, 3, 54),
        (
            "unseen",
            "unseen2",
            "unseen3",
            "unseen4",
            "unseen5",
            "unseen6",
            "unseen7",
            "unseen8",
            "unseen9",
            "unseen10",
            "unseen11",
            "unseen12",
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(SET_COUNTS))
def test_each_later_unseen_set_has_every_kind_in_numbers(name):
    questions = UNSEEN_SETS[name][2]
    (total, answerable, case, near, off, urgent, per_kind, followups), elsewhere = SET_COUNTS[name]
    by = by_category(questions)
    assert len(questions) >= total
    assert len(by["answerable"]) >= answerable and len(by["case"]) >= case
    assert len(by["near_miss"]) >= near and len(by["off_topic"]) >= off and len(by["urgent"]) >= urgent
    labelled_as_written(by)
    assert all(sum(q.why == kind for q in by["near_miss"]) >= per_kind for kind in NEAR_MISS_KINDS)
    assert {q.why for q in by["near_miss"]} <= set(NEAR_MISS_KINDS)
    assert len([q for q in by["answerable"] if q.history]) >= followups, "follow-ups are part of the set"
    others = asked_elsewhere(*(UNSEEN_SETS[other][2] for other in elsewhere))
    assert not [q.question for q in questions if q.question.lower() in others]
    assert len({q.question.lower() for q in questions}) == len(questions)


# Each unseen set: its name for the CLI, its folder, its builder, its questions, and the file
# kinds of its documents.
UNSEEN_SETS = {
    "unseen": (UNSEEN, unseen_docs, UNSEEN_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen2": (UNSEEN2, unseen2_docs, UNSEEN2_QUESTIONS, {".pdf", ".docx", ".html", ".md"}),
    "unseen3": (UNSEEN3, unseen3_docs, UNSEEN3_QUESTIONS, {".pdf", ".docx", ".html", ".md"}),
    "unseen4": (UNSEEN4, unseen4_docs, UNSEEN4_QUESTIONS, {".pdf", ".docx", ".html", ".md"}),
    "unseen5": (UNSEEN5, unseen5_docs, UNSEEN5_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen6": (UNSEEN6, unseen6_docs, UNSEEN6_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen7": (UNSEEN7, unseen7_docs, UNSEEN7_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen8": (UNSEEN8, unseen8_docs, UNSEEN8_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen9": (UNSEEN9, unseen9_docs, UNSEEN9_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen10": (UNSEEN10, unseen10_docs, UNSEEN10_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen11": (UNSEEN11, unseen11_docs, UNSEEN11_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen12": (UNSEEN12, unseen12_docs, UNSEEN12_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
    "unseen13": (UNSEEN13, unseen13_docs, UNSEEN13_QUESTIONS, {".pdf", ".docx", ".html", ".md", ".txt"}),
}


@pytest.fixture(scope="module", params=sorted(UNSEEN_SETS))
def unseen_set(request, tmp_path_factory):
    """(name, questions, file kinds, document id -> built text) of each unseen set."""
    from assistant.ingest.documents import load_document

    folder, builder, questions, kinds = UNSEEN_SETS[request.param]
    built = builder.build(tmp_path_factory.mktemp(f"{request.param}-docs"))
    docs = [load_document(p) for p in sorted(built.iterdir()) if not p.name.endswith(".meta.toml")]
    assert {Path(name).suffix for name, _, _ in builder.documents()} == kinds
    return request.param, questions, {d.meta.id: d.text for d in docs}


def test_every_unseen_fragment_is_in_the_built_text_of_its_document(unseen_set):
    _, questions, texts = unseen_set
    for q in questions:
        assert q.doc is None or q.doc in texts, q.question
        for fragment in q.expect + q.answer:
            assert any(fragment in text for text in texts.values()), (q.question, fragment)
            assert 3 <= len(fragment.split()) <= 12, (q.question, fragment)
        if q.expect:
            # The labelled document holds a right passage, and the answer lies in it.
            assert any(f in texts[q.doc] for f in q.expect), q.question
            assert any(a in texts[q.doc] for a in q.answer), q.question


def test_unseen_leave_one_document_out_groups_every_question_once(unseen_set):
    class Doc:
        def __init__(self, text):
            self.text = text

    _, questions, texts = unseen_set
    documents = {k: Doc(v) for k, v in texts.items()}
    keys = groups(questions, documents)
    assert set(keys) == set(texts) and len(keys) == len(questions)
    dealt = [k for q, k in zip(questions, keys, strict=True) if q.doc is None]
    assert len(set(dealt)) == len(texts)


@pytest.mark.parametrize("name", sorted(UNSEEN_SETS))
def test_unseen_sets_are_named_for_the_cli(name):
    assert resolve_set(Path(name)) == UNSEEN_SETS[name][0] / "questions.toml"


# ---------------------------------------------------------------- figures from rows


def row(category="answerable", answered=True, rank=1, missing=(), signposted=False, mark=True, share=0.3, why=""):
    answerable = category in ("answerable", "case")
    return {
        "question": "q",
        "category": category,
        "why": why,
        "answerable": answerable,
        "answered": answered,
        "confidence": 0.9 if answered else 0.1,
        "missing": list(missing),
        "rank": rank if answerable and answered else None,
        "signposted": signposted,
        "mark_has_answer": mark if answerable and rank == 1 and answered else None,
        "mark_share": share if answerable and rank == 1 and answered else None,
    }


def test_report_counts_each_figure_over_its_own_questions():
    rows = [
        row(),
        row(rank=2, missing=["roughly"]),
        row(answered=False, signposted=True),  # a right answer refused (the abstention signposts)
        row("case", share=0.8, mark=False),
        row("case", signposted=True),  # a false signpost on a question about the documents
        row("near_miss", answered=False, signposted=True, why="other_year"),
        row("near_miss", answered=True, why="figure_not_given"),
        row("off_topic", answered=False, signposted=True),
        row("urgent", answered=True, signposted=True),
        row("urgent", answered=True, signposted=False),
    ]
    r = evalmetrics.report(rows)
    assert (r["hit@1"]["n"], r["hit@1"]["of"]) == (3, 5) and r["hit@3"]["n"] == 4
    assert (r["right_answers_refused"]["n"], r["right_answers_refused"]["of"]) == (1, 5)
    assert (r["near_misses_refused"]["n"], r["near_misses_refused"]["of"]) == (1, 2)
    assert r["off_topic_refused"] == {"n": 1, "of": 1, "rate": 1.0}
    assert (r["urgent_signposted"]["n"], r["urgent_signposted"]["of"]) == (1, 2)
    assert r["signposts_on_document_questions"]["n"] == 1  # the refusal's signpost is not counted
    assert r["case_questions_signposted"] == {"n": 1, "of": 2, "rate": 0.5}
    assert (r["right_answers_listing_missing"]["n"], r["right_answers_listing_missing"]["of"]) == (1, 4)
    assert (r["mark_contains_answer"]["n"], r["mark_contains_answer"]["of"]) == (2, 3)
    assert r["marks_over_limit"]["n"] == 1 and r["mark_share_mean"] == pytest.approx((0.3 + 0.8 + 0.3) / 3, abs=1e-4)
    m = evalmetrics.metrics(rows)  # urgent questions are not counted as unanswerable
    assert (m["answerable"], m["unanswerable"]) == (5, 3)
    assert "near_miss (other_year)" in m["categories"]
    assert evalmetrics.fraction(r["near_misses_refused"]) == "1 of 2 (50.0%)"
    assert "near_misses_refused" in evalmetrics.misses(r) and "off_topic_refused" not in evalmetrics.misses(r)
    assert evalmetrics.target_text("hit@3") == "≥ 95%" and evalmetrics.target_text("hit@1") == ""
    assert evalmetrics.fraction(evalmetrics.count([], bool)) == "-"


def test_the_mark_must_hold_the_answer_whole():
    text = "The Panel met in May. Annie Hudson chairs the Panel. It has six themes."
    chair = [text.index("Annie"), text.index("Panel. It") + len("Panel.")]
    assert evalmetrics.marks_answer(text, [chair], ["Annie Hudson"])
    assert not evalmetrics.marks_answer(text, [chair], ["six themes"])
    # Two marked sentences that touch (only a space between) read as one run.
    themes = [text.index("It has"), len(text)]
    assert evalmetrics.marks_answer(text, [themes, chair], ["the Panel. It has six"])
    assert not evalmetrics.marks_answer(text, [[0, 10]], ["The Panel met in May"])
    assert evalmetrics.marked_share(text, []) == 0.0
    assert evalmetrics.marked_share(text, [[0, len(text)]]) == 1.0
    assert 0.3 < evalmetrics.marked_share(text, [chair]) < 0.45


class Fixed:
    """A calibration stand-in: a fixed score per candidate, and a threshold."""

    def __init__(self, threshold):
        self.threshold = threshold

    def score(self, features):
        return features["p"]


def test_stability_counts_decisions_a_refit_changes():
    candidates = [[{"p": p}] for p in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)]
    steady = evalmetrics.stability(lambda picks: Fixed(0.45), 8, Fixed(0.45), candidates, refits=10)
    assert steady["flips_median"] == 0 and not steady["unstable"]
    # Refits whose threshold depends on which questions were drawn move several decisions.
    shaky = evalmetrics.stability(lambda picks: Fixed(picks[0] / 8), 8, Fixed(0.45), candidates, refits=30)
    assert shaky["flips_median"] > 1 and shaky["unstable"]
    assert shaky["threshold_p10"] <= shaky["threshold_p90"]
    assert evalmetrics.decisions(Fixed(0.45), candidates + [[]]) == [False] * 4 + [True] * 4 + [False]


def test_warnings_for_an_unstable_or_a_degenerate_fit():
    base = {"auc": 0.99, "answerable": 10, "answerable_recall": 1.0, "unanswerable": 5, "abstention_recall": 1.0}
    assert warnings({**base, "calibrated": 0.5}) == []
    unstable = {"flips_median": 3, "flips_p90": 5, "threshold_p10": 0.4, "threshold_p90": 0.7, "unstable": True}
    said = warnings({**base, "calibrated": 0.5, "stability": unstable})
    assert len(said) == 1 and "unstable fit" in said[0] and "one question's worth" in said[0]
    said = warnings({**base, "calibrated": 0.0})
    assert len(said) == 1 and "turns abstention off" in said[0]


# ---------------------------------------------------------------- where sets come from


def test_a_set_is_a_file_or_a_folder_and_bad_ones_are_readable_errors(tmp_path):
    assert resolve_set(HELDOUT) == HELDOUT / "questions.toml"
    with pytest.raises(SetProblem, match="No questions file"):
        load_questions(tmp_path / "nowhere")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[question]\n", encoding="utf-8")
    with pytest.raises(SetProblem, match="not a readable questions file"):
        load_questions(bad)
    bad.write_text('[[question]]\nexpect = "no q"\n', encoding="utf-8")
    with pytest.raises(SetProblem, match="KeyError"):
        load_questions(bad)
    bad.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(SetProblem, match="no \\[\\[question\\]\\]"):
        load_questions(bad)


def test_the_default_set_ships_in_the_wheel_not_read_from_tests():
    assert Settings().eval_set == SHIPPED_EVAL_SET and SHIPPED_EVAL_SET.is_file()
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]
    shipped = wheel["targets"]["wheel"]["force-include"]
    assert shipped["tests/eval/questions.toml"] == "assistant/evalsets/bundled.toml"
    assert Settings(eval_set=HELDOUT).eval_set == HELDOUT


def test_cli_eval_names_a_missing_set_without_a_traceback(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--set", str(tmp_path / "nowhere"), "--index", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
    )
    assert out.returncode == 1 and "No questions file" in out.stderr and "Traceback" not in out.stderr


# ---------------------------------------------------------------- the real CLI on the held-out set


@pytest.mark.model
def test_cli_eval_on_the_heldout_set_reports_every_figure(tmp_path):
    docs = heldout_docs.build(tmp_path / "docs")
    index = tmp_path / "index"
    run = dict(capture_output=True, text=True, timeout=600, env=child_env())
    built = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(docs), "--index", str(index)], **run)
    assert built.returncode == 0, built.stderr
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--set", str(HELDOUT), "--index", str(index), "--json"]
        + ["--calibrate"],
        **run,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)  # warnings go to stderr, so stdout is JSON alone
    assert len(result["rows"]) == len(QUESTIONS) and result["calibration"] == "shipped default"
    for figures in (result["report"], result["leave_one_document_out"]["report"], result["fitted_own_set"]["report"]):
        assert figures["hit@3"]["of"] == 75 and figures["near_misses_refused"]["of"] == 20
        assert figures["off_topic_refused"]["of"] == 10 and figures["urgent_signposted"]["of"] == 10
        assert figures["case_questions_signposted"]["of"] == 10
        for key, value in figures.items():
            if isinstance(value, dict):
                assert value["rate"] is None or 0 <= value["rate"] <= 1, key
    folds = result["leave_one_document_out"]["folds"]
    assert sorted(f["document"] for f in folds) == sorted(heldout_docs_ids())
    assert sum(f["questions"] for f in folds) == len(QUESTIONS)
    assert result["stability"]["refits"] == 50
    assert set(result["misses_targets"]) <= set(evalmetrics.TARGETS)
    assert result["fitted"]["threshold"] == calibration.load(index).threshold
    assert "Wrote the calibration" in out.stderr
    text = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--set", str(HELDOUT), "--index", str(index)], **run
    )
    assert text.returncode == 0, text.stderr
    assert "fitted, held out" in text.stdout and "near_misses_refused" in text.stdout
    assert "near_miss (review_only_named)" in text.stdout


def heldout_docs_ids() -> list[str]:
    return [meta["id"] for _, _, meta in heldout_docs.documents()]
