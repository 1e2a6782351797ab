"""Answers: exact quotes, highlights, citations, abstention, follow-ups and the evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.answering.answers import ABSTAINED, ANSWERED, effective_query
from assistant.answering.evaluation import DEFAULT_QUESTIONS, evaluate, load_questions
from assistant.quoting.citations import Citation, markdown
from assistant.settings import BUNDLED_CORPUS

QUESTIONS = load_questions(DEFAULT_QUESTIONS)
SOURCE = (BUNDLED_CORPUS / "panel-annual-report-2020-news.txt").read_text(encoding="utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def results(assistant):
    return evaluate(assistant, QUESTIONS)


def test_evaluation_set_is_big_enough():
    assert sum(q.answerable for q in QUESTIONS) >= 30
    assert sum(not q.answerable for q in QUESTIONS) >= 10


def test_retrieval_quality_on_the_evaluation_set(results):
    assert results["hit@3"] >= 0.9, results
    assert results["hit@1"] >= 0.8, results
    assert results["mrr"] >= 0.85, results


def test_no_unanswerable_question_is_answered_as_a_match(results):
    # An unanswerable question abstains, or (a topic the news item only brushes) is quoted
    # as the closest passages with the words they lack: never as a plain match.
    for r in results["rows"]:
        if not r["answerable"] and r["answered"]:
            assert r["missing"], r["question"]
    # The shipped default is fit on the development sets, not on this set, which is kept for
    # regression: the floors below are what the default fit there gave here (docs/answers.md, "How
    # we measure"). Fit on six sets pooled it refuses two weak matches here (16 of 18 refusals right).
    assert results["abstention_precision"] >= 0.85, results
    assert results["abstention_recall"] >= 0.75, results


def test_shipped_calibration_separates_the_bundled_classes(results, assistant):
    # Without a calibration.json the shipped default applies. It keeps 93% of the development
    # sets' answerable questions; on the bundled corpus (not fit on) it refuses two at most.
    assert results["calibration"] == "shipped default"
    assert results["answerable_recall"] >= 32 / 34, results
    assert results["auc"] >= 0.95, results
    print({k: round(v, 3) if isinstance(v, float) else v for k, v in results.items() if k not in ("rows", "fitted")})


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.question[:40])
def test_every_quote_is_an_exact_slice(assistant, q):
    answer = assistant.ask(q.question, history=q.history, threshold=-1.0)
    assert answer.quotes
    for quote in answer.quotes:
        doc = assistant.index.documents[quote.document.id]
        assert doc.text[quote.start : quote.end] == quote.text
        # ... and of the source file, up to whitespace.
        assert squash(quote.text) in squash(SOURCE)
        for start, end in quote.highlights:
            assert 0 <= start < end <= len(quote.text)
        assert quote.highlights, "the best sentence is always marked"


def test_highlight_marks_the_sentence_that_answers(assistant):
    answer = assistant.ask("Which perennial problems is the Panel prioritising in its work programme?")
    top = answer.quotes[0]
    marked = [top.text[s:e] for s, e in top.highlights]
    assert any("work programme" in m for m in marked)
    assert all(m.strip() == m for m in marked)


def test_answer_shape_and_citation(assistant):
    answer = assistant.ask("Who chairs the Panel?", k=2)
    assert answer.answered and answer.message == ANSWERED
    assert 1 <= len(answer.quotes) <= 2
    quote = answer.quotes[0]
    assert "Annie Hudson" in quote.text
    assert quote.citation.startswith("Croydon Safeguarding Children Partnership (2021) *National Safeguarding")
    assert quote.link.startswith("https://croydonlcsb.org.uk/")
    assert quote.document.title.startswith("National Safeguarding Practice Review Panel")


@pytest.mark.parametrize(
    "question",
    ["What is the capital of France?", "asdkjh qwpoeiru zmxncb", "🙂🙂🙂", "¿Dónde está la estación de tren?"],
)
def test_off_topic_questions_abstain_with_the_fixed_message(assistant, question):
    answer = assistant.ask(question)
    assert not answer.answered
    assert answer.message == ABSTAINED
    assert answer.quotes == []


def test_overlapping_passages_are_merged_not_repeated(assistant):
    answer = assistant.ask(
        "What are the messages about information sharing, risk assessment and professional curiosity?", k=5
    )
    spans = [(q.start, q.end) for q in answer.quotes]
    for i, (a0, a1) in enumerate(spans):
        for b0, b1 in spans[i + 1 :]:
            assert a1 <= b0 or b1 <= a0, "two quotes overlap"


def test_follow_up_rule():
    history = ["What does the report say about information sharing?"]
    assert effective_query("and for babies?", history) == f"{history[0]} and for babies?"
    assert effective_query("What about it in schools?", history).startswith(history[0])
    long_question = "What does the Panel say about the impact of learning from local practice reviews?"
    assert effective_query(long_question, history) is None
    # Self-contained: enough words of its own, no pronoun, no continuation word.
    assert effective_query("what did Annie Hudson say", ["what are the six themes"]) is None
    assert effective_query("How are practice reviews changing?", history) is None
    assert effective_query("what does that mean?", history) == f"{history[0]} what does that mean?"
    assert effective_query("what did she say about them?", history).startswith(history[0])
    assert effective_query("and for babies?", []) is None
    # A question that stands alone is never merged: "it" is the documents, or a pronoun opens
    # a clause about the question's own words.
    assert effective_query("What does it say about fathers?", history) is None
    assert effective_query("Does it mention fathers?", history) is None
    assert effective_query("What should practitioners do when they suspect neglect?", history) is None
    assert effective_query("How do schools share their concerns?", history) is None
    assert effective_query("What did the panel say about it?", history).startswith(history[0])


def test_follow_up_is_answered_in_the_light_of_the_previous_question(assistant):
    answer = assistant.ask("And the final one?", history=["What is the first message of the report?"])
    assert answer.interpreted_as == "What is the first message of the report? And the final one?"
    assert any("Our final message" in q.text for q in answer.quotes)


def test_every_citation_output_renders_the_same_runs():
    from assistant.quoting.citations import Citation, markdown, plain, runs, source_line

    c = Citation(
        author="A Partnership", year="2021", title="Review *of* care", kind="news item", pages="12–13", section="Voice"
    )
    assert runs(c) == [
        ("A Partnership (2021) ", False),
        ("Review *of* care", True),
        (" [news item], pp. 12–13, “Voice”", False),
    ]
    assert plain(c) == "A Partnership (2021) Review *of* care [news item], pp. 12–13, “Voice”"
    # Markdown escapes what the title holds, so its asterisks stay literal.
    assert markdown(c) == "A Partnership (2021) *Review \\*of\\* care* [news item], pp. 12–13, “Voice”"
    assert plain(c, "plain") == "A Partnership (2021) Review *of* care [news item], pp. 12–13, Voice"
    assert source_line(c) == "A Partnership (2021) Review *of* care [news item]"
    anonymous = Citation(year="n.d.", title="Notes", kind="report", pages="4")
    assert markdown(anonymous) == "*Notes* (n.d.), p. 4" and plain(anonymous, "plain") == "Notes (n.d.), p. 4"


def cite(doc, section_path, page, style="harvard") -> str:
    """The Markdown citation of a place in ``doc``, as an export writes it."""
    return markdown(Citation.of(doc, section_path, page), style)


def test_citation_styles(assistant):
    doc = assistant.index.documents["panel-annual-report-2020-news"]
    doc_copy = type(doc)(**{**doc.__dict__})
    doc_copy.meta = type(doc.meta)(
        **{
            **doc.meta.__dict__,
            "author": "Child Safeguarding Practice Review Panel",
            "title": "Annual Report 2020",
            "kind": "report",
        }
    )
    harvard = cite(doc_copy, ["Annual Report 2020", "Critical thinking and challenge"], "23")
    assert (
        harvard == "Child Safeguarding Practice Review Panel (2021) *Annual Report 2020*, p. 23, "
        "“Critical thinking and challenge”"
    )
    assert (
        cite(doc_copy, None, "12–13")
        == "Child Safeguarding Practice Review Panel (2021) *Annual Report 2020*, pp. 12–13"
    )
    assert (
        cite(doc_copy, ["Annual Report 2020", "Themes"], "4", style="plain")
        == "Child Safeguarding Practice Review Panel (2021) Annual Report 2020, p. 4, Themes"
    )
    # A news item says so, so no one credits it as the report (the kind comes from the sidecar).
    assert cite(doc, None, None).endswith(
        "*National Safeguarding Practice Review Panel – 2020 Annual Report* [news item]"
    )
    assert (
        cite(doc, None, None, style="plain") == "Croydon Safeguarding Children Partnership (2021) "
        "National Safeguarding Practice Review Panel – 2020 Annual Report [news item]"
    )


def test_a_follow_up_does_not_ask_the_earlier_questions_figures_again(assistant):
    """ "every 5 minutes" in the earlier question is the asker's way of speaking; the follow-up asks
    its own thing, so a passage need not hold 5 (years still say which period)."""
    history = ["do we still get a new social worker every 5 minutes or is it better than it was"]
    got = assistant.candidates("so will i get one who stays the whole year now or not", history)
    assert "5" not in got.terms.numbers
    own = assistant.candidates("and how many of the 40 audits in 2021 were late?", ["how many in 2020?"])
    assert {"40", "2021"} <= own.terms.numbers
