"""Property-based tests (hypothesis) of normalisation, sentence splitting and chunking, on any
Unicode: every passage is an exact slice of its document, offsets are ordered, no sentence is lost."""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.ingest.documents import Block, DocumentError, DocumentMeta, assemble, build_document, clean_line
from assistant.ingest.formats import text as text_format
from assistant.ingest.passages import _indexable_ranges, make_passages, split_sentences

# PROPERTY_EXAMPLES=5000 for a longer hunt; CI runs the default.
FAST = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Words, punctuation and spacing that exercise the splitters, plus anything Unicode has.
PIECES = st.sampled_from(
    [
        "The Panel",
        "said",
        "children",
        "Mr.",
        "e.g.",
        "No. 3",
        "1.5",
        "U.K.",
        "“quoted”",
        "(aside)",
        "—",
        "–",
        "...",
        "…",
        "?",
        "!",
        ".",
        ";",
        ":",
        "•",
        "- ",
        "1.",
        "a)",
        "Ü",
        "ß",
        "é",
        "e\u0301",
        "مرحبا",
        "中文。",
        "😀",
        "👩‍👧",
        "\u200b",
        "\ufeff",
        "\u00a0",
        "\t",
        "  ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "#",
        "## Heading",
        "\x00",
        "\x7f",
    ]
)
TEXT = st.one_of(
    st.lists(PIECES, max_size=60).map(" ".join),
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join),
)
BLOCK = st.builds(
    Block,
    text=TEXT,
    kind=st.sampled_from(["paragraph", "heading", "list_item", "table_row"]),
    level=st.integers(0, 4),
    page=st.one_of(st.none(), st.integers(1, 5)),
    continues=st.booleans(),
    indexed=st.booleans(),
)


def check_document(doc, max_words: int = 20, overlap: int = 1) -> None:
    text = doc.text
    passages = make_passages(doc, max_words, overlap)
    ranges = _indexable_ranges(doc)
    sentences_in_passages = {s for p in passages for s in p.sentences}
    last_start = -1
    for p in passages:
        slice_ = text[p.start : p.end]
        assert slice_ and slice_ == slice_.strip(), "a passage is a trimmed, non-empty slice"
        assert p.sentences == sorted(p.sentences), "sentences in order"
        assert p.sentences[0][0] == p.start and p.sentences[-1][1] == p.end
        for (_s0, e0), (s1, _e1) in zip(p.sentences, p.sentences[1:], strict=False):
            assert e0 <= s1, "sentences never overlap"
        assert any(lo <= p.start and p.end <= hi for lo, hi, _ in ranges), "inside one section body"
        assert p.start >= last_start, "passages in document order"
        last_start = p.start
    for lo, hi, _ in ranges:
        sentences = split_sentences(text, lo, hi)
        covered = set()
        for s in sentences:
            assert lo <= s.start < s.end <= hi
            assert text[s.start : s.end] == text[s.start : s.end].strip()
            covered.update(range(s.start, s.end))
            assert (s.start, s.end) in sentences_in_passages, "every sentence is in some passage"
        lost = [i for i in range(lo, hi) if not text[i].isspace() and i not in covered]
        assert not lost, f"characters lost by sentence splitting: {text[lost[0] : lost[0] + 20]!r}"
    for lo, hi in doc.unindexed:  # text kept for reading is never quoted
        assert all(p.end <= lo or p.start >= hi for p in passages)


@FAST
@given(st.text(max_size=200))
def test_clean_line_normalises_any_unicode(line):
    out = clean_line(line)
    assert out == out.strip() and "  " not in out
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\r" for c in out)
    assert "\u200b" not in out and "\ufeff" not in out
    assert unicodedata.is_normalized("NFC", out)
    assert clean_line(out) == out, "normalising twice changes nothing"


@FAST
@given(st.lists(BLOCK, min_size=1, max_size=8))
def test_assembled_blocks_chunk_into_exact_ordered_slices(blocks):
    doc = assemble(blocks, DocumentMeta(id="d", title="D"), "text", "d.txt")
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= len(doc.text)
    for page in doc.pages:
        assert 0 <= page.start <= page.end <= len(doc.text)
    check_document(doc)


@FAST
@given(TEXT, st.booleans(), st.integers(1, 60), st.integers(0, 2))
def test_any_text_file_reads_and_chunks(text, markdown, max_words, overlap):
    blocks = text_format.read(text, markdown=markdown)
    try:
        doc = build_document(blocks, {}, "markdown" if markdown else "text", "x.txt", "x.txt", {})
    except DocumentError:
        assume(False)  # no text at all: refused with a reason, which is right
        return
    check_document(doc, max_words, overlap)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones at 3 p.m. on the U.K. border. They talked.",
        "“Is it?” she asked. ‘Yes.’ (It was.)",
        "Numbers 1.5 and 2.75 stay whole. Lists: a) one; b) two.",
        "中文句子。第二句！مرحبا. 😀 Emoji end.",
    ],
)
def test_sentence_splitting_examples_lose_nothing(text):
    doc = assemble([Block(text)], DocumentMeta(id="d", title="D"), "text", "d.txt")
    check_document(doc, max_words=5)
