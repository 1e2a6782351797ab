"""The words beside the last answer: "the bit after that", "and the sentence before that", "the
next key message". A trainer copying a passage line by line for a slide asks for the sentence next
to the one just marked. It is found by its place in the document, not by meaning (its words need
not be the question's, nor the question's the words of the sentence), and quoted with its passage,
the sentence marked. The last answer is found again by asking the question before (history holds
questions, not answers), so the same question always gives the same quote.
"""

from __future__ import annotations

import re

# "the bit after that", "and the sentence before that one?", "the next key message please", "what
# comes after that": a unit of text and a direction, and nothing else asked.
_UNIT = r"(?:bit|sentence|line|paragraph|part|passage|point|key\s+message|message|step|item|one)"
_BESIDE = re.compile(
    r"^\W*(?:(?:and|ok|okay|so|then|now|right)\W+)*(?:(?:what\s+about|give\s+me|can\s+i\s+have|i\s+need)\s+)?"
    r"(?:(?:the|that)\s+)?(?:"
    r"(?:" + _UNIT + r")\s+(?P<dir>after|before)\s+(?:that|this|it)(?:\s+one)?"
    r"|(?P<order>next|previous)\s+(?:" + _UNIT + r")s?"
    r"|(?:what\s+)?comes\s+(?P<comes>next|after\s+(?:that|this|it)|before\s+(?:that|this|it))"
    r")\W*(?:please|pls|thanks)?\W*$",
    re.I,
)


def step_asked(question: str) -> int:
    """+1 for the sentence after the last answer, -1 for the one before, 0 for any other question."""
    m = _BESIDE.match(question)
    if not m:
        return 0
    said = (m.group("dir") or m.group("order") or m.group("comes") or "").lower()
    return -1 if said.startswith(("before", "previous")) else 1


# Each step back re-asks one question, so a run of "the bit after that" costs a question a step: it
# is followed this many steps at most (the chat keeps as many turns), then searched as any question.
MAX_STEPS = 10


def steps_back(history: list[str]) -> int:
    """How many of the last questions of ``history`` themselves asked for the words beside an answer."""
    n = 0
    for asked in reversed(history):
        if not step_asked(asked):
            break
        n += 1
    return n


def marked_span(quote) -> tuple[int, int]:
    """Where in its document the quote's marked sentences stand, as the reader saw them: "the bit
    after that" is after the last one marked, "the sentence before that" before the first; the
    whole quote when none is marked."""
    if not quote.highlights:
        return quote.start, quote.end
    return quote.start + quote.highlights[0][0], quote.start + quote.highlights[-1][1]


def beside(index, doc_id: str, span: tuple[int, int], step: int) -> tuple[int, int, int, int, str] | None:
    """The sentence next to ``span`` (after it for +1, before it for -1) among the document's
    quotable sentences, and the passage holding it: (passage start, end, sentence start, end,
    passage id); None at the document's edge."""
    from assistant.answering.marking import doc_sentences
    from assistant.answering.retrieval import sentence_passages

    spans = doc_sentences(index, doc_id)
    after = [s for s in spans if s[0] >= span[1]]
    before = [s for s in spans if s[1] <= span[0]]
    if not (after if step > 0 else before):
        return None
    s, e = after[0] if step > 0 else before[-1]
    # the passages holding it follow the first one that does (a document's passages are in order)
    row = int(sentence_passages(index)[index.sentence_keys[(doc_id, s, e)]])
    holding = []
    while 0 <= row < len(index.passages) and index.passages[row].doc_id == doc_id and index.passages[row].start <= s:
        if e <= index.passages[row].end:
            holding.append(index.passages[row])
        row += 1
    if not holding:
        return None
    # the passage the sentence opens (or stands nearest the start of): it is quoted with what follows it
    p = min(holding, key=lambda p: s - p.start)
    return p.start, p.end, s, e, p.id
