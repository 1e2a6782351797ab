"""Layouts of real publications (tests/layouts.py), generated, ingested with the real model
and index and questioned through the real Assistant: every quote cites the printed page and
the section it comes from, and no running head, cover, licence or web-page furniture is
ever a section or inside a quote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from layouts import (
    BACK_MATTER,
    CHAPTER_HEADS,
    CHARITY,
    FIGURES_TEXT,
    LAYOUTS,
    NUMBERED_HEADS,
    PDF_LAYOUTS,
    PRESS,
    SHARES_TEXT,
    table_docx,
    table_html,
    table_pdf,
)

from assistant.ingest.documents import load_document, page_text


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("layouts")
    for layout in LAYOUTS:
        (root / layout.name).write_bytes(layout.build())
    return root


@pytest.fixture(scope="module")
def helper(build_index, make_assistant, folder):
    return make_assistant(build_index([folder], "layouts-index"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def found_quote(helper, layout, expect):
    """The first quote from the layout's document that contains the expected phrase, or None."""
    doc_id = Path(layout.name).stem
    answer = helper.ask(expect.question, k=10, threshold=0.0)  # the page check, not the ranking
    for q in answer.quotes:
        doc = helper.index.documents[q.document.id]
        assert doc.text[q.start : q.end] == q.text  # every quote an exact slice
        if q.document.id == doc_id and squash(expect.phrase) in squash(q.text):
            return q
    return None


def passages_of(helper, doc_id: str) -> list[str]:
    doc = helper.index.documents[doc_id]
    return [doc.text[p.start : p.end] for p in helper.index.passages if p.doc_id == doc_id]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[lay.name for lay in LAYOUTS])
def test_layout_pages_sections_and_quotes(helper, layout):
    doc_id = Path(layout.name).stem
    doc = helper.index.documents[doc_id]
    assert [s.title for s in doc.sections] == layout.sections
    if layout.labels:
        assert {p.index: p.label for p in doc.pages if p.label} == layout.labels
    passages = passages_of(helper, doc_id)
    assert passages
    for text in passages:
        for furniture in layout.absent:
            assert furniture.lower() not in text.lower(), (furniture, text)
        assert len(re.findall(r"[A-Za-z]{2,}", text)) >= 3, f"orphan passage {text!r}"
    for expect in layout.expects:
        quote = found_quote(helper, layout, expect)
        assert quote is not None, expect.question
        assert quote.page == expect.page, (expect.question, quote.page)
        assert quote.section.split(" › ")[-1] == expect.section
        if expect.page:
            assert quote.pdf_page is not None


def test_running_heads_never_reach_the_text(folder):
    for layout in PDF_LAYOUTS:
        body = load_document(folder / layout.name).text
        for head in (
            "CHILD SAFEGUARDING PRACTICE REVIEW PANEL",
            "ANNUAL REPORT 2020",
            "LEARNING FROM NATIONAL",
            "ABOUT THE NOTIFICATIONS",
            "Knowledge Bite |",
            "Study notes: serious incidents",
        ):
            assert head not in body, (layout.name, head)


def test_sentence_over_a_page_break_cites_both_pages(helper):
    doc = helper.index.documents["numbered-heads"]
    sentence = (
        "In several of the cases the group discussed, the fact that no single agency held the whole "
        "history of the family was a factor that the reviewers returned to again and again in their "
        "conclusions."
    )
    start = doc.text.index(sentence)  # no running head inside it
    pages = doc.pages_for(start, start + len(sentence))
    assert [p.index for p in pages] == [7, 8]
    assert page_text((pages[0].label, pages[-1].label)) == "13–14"
    quote = found_quote(helper, NUMBERED_HEADS, NUMBERED_HEADS.expects[3])
    assert ", pp. 13–14, “Drawing the learning together”" in quote.citation
    assert quote.link == "" and quote.pdf_page == 7


def test_bold_lead_paragraphs_are_body_text(helper):
    doc = helper.index.documents["bold-lead"]
    assert (
        "Across the year the Panel received 482 notifications about 514 children, and these notes look at "
        "what that number means for a local partnership in 2020.\n\n"
    ) in doc.text
    assert "\n\n2020.\n\n" not in doc.text
    # A bold one-line sentence is a paragraph; a bold short line without a full stop is a heading.
    assert "Before the next meeting\n\nRead one local review before the next meeting.\n\n" in doc.text
    assert not any(s.title.startswith(("Across", "The six themes", "Read one")) for s in doc.sections)


def test_cover_licence_and_contents_are_neither_sections_nor_quoted(helper):
    doc = helper.index.documents["knowledge-bite"]
    assert "© Crown copyright 2021" in doc.text  # kept for reading...
    for phrase in ("© Crown copyright", "Knowledge Bite", "May 2021", "Why this briefing … 3", "Why this briefing 3"):
        at = doc.text.find(phrase)
        if at >= 0:
            assert any(a <= at < b for a, b in doc.unindexed), phrase  # ...never quoted
    answer = helper.ask("Who holds the copyright and under which licence is it published?", threshold=0.0)
    for q in answer.quotes:
        assert "licence" not in q.text.lower() and "copyright" not in q.text.lower()


def test_tables_keep_their_header_row_in_every_format(tmp_path):
    for name, data in (("t.pdf", table_pdf()), ("t.docx", table_docx()), ("t.html", table_html())):
        path = tmp_path / name
        path.write_bytes(data)
        doc = load_document(path)
        assert FIGURES_TEXT in doc.text, name
        assert "Outcome | Notifications" not in [s.title for s in doc.sections]
    # A header row with no label over the row labels' column.
    assert SHARES_TEXT in load_document(tmp_path / "t.pdf").text


def test_docx_table_cells_repeat_only_when_merged(tmp_path):
    import io

    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Theme", "2019", "2020"], ["Neglect", "12", "12"], ["Both years", "", ""]]):
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    table.cell(2, 1).merge(table.cell(2, 2)).text = "24"
    buf = io.BytesIO()
    document.save(buf)
    path = tmp_path / "merged.docx"
    path.write_bytes(buf.getvalue())
    assert "Theme | 2019 | 2020\nNeglect | 12 | 12\nBoth years | 24" in load_document(path).text


def test_html_footnote_markers_chrome_and_dates(helper, folder):
    press = load_document(folder / PRESS.name)
    assert "in December 2020.[1] The incidents concerned 514 children." in press.text
    assert "raised most often.[2]" in press.text
    assert "\n1 The year runs from January to December.\n2 The order of the briefings may change." in press.text
    assert press.meta.date == "2021-05-14"  # govuk:first-published-at, not the update
    assert press.meta.title == "Panel publishes its yearly look at serious incidents"
    # A saved GOV.UK page is cited as the organisation on its "From:" line, not as "GOV.UK".
    assert (press.meta.author, press.meta.publisher) == ("Child Safeguarding Practice Review Panel", "GOV.UK")
    assert press.meta.origin == {"title": "page title", "author": "From line", "date": "meta tags"}
    charity = load_document(folder / CHARITY.name)
    assert "in the year.[1] Our volunteers" in charity.text
    assert charity.meta.date == "2021-05-24"  # from the "Last updated: 24 May 2021" line
    assert charity.meta.publisher == "Hearthstone Families"
    quote = found_quote(helper, CHARITY, CHARITY.expects[1])
    assert quote.citation.startswith("Hearthstone Families (2021) *Our summary of the Panel's 2020 report*")
    assert "(n.d.)" not in quote.citation
    for layout in (PRESS, CHARITY):
        text = load_document(folder / layout.name).text
        for furniture in layout.absent:
            assert furniture not in text, (layout.name, furniture)


def test_pages_right_over_the_suite(helper):
    """The figure for docs/ingest.md: printed page right on every PDF quote checked."""
    rows = []
    for layout in PDF_LAYOUTS:
        for expect in layout.expects:
            quote = found_quote(helper, layout, expect)
            rows.append((layout.name, expect.question, quote.page if quote else None, expect.page))
    right = sum(1 for _, _, got, want in rows if got == want)
    print(f"\npages right / quotes checked: {right}/{len(rows)}")
    for name, question, got, want in rows:
        print(f"  {name}: {question!r} cited {got!r}, expected {want!r}")
    assert right == len(rows) >= 20


def test_a_heading_at_the_top_of_two_pages_is_no_running_head(tmp_path):
    from docbuilders import build_layout_pdf

    heads = {
        i: [("top", "left" if i % 2 else "right", "Case notes"), ("bottom", "centre", str(i))] for i in range(1, 8)
    }
    words = ["Reading", "Listening", "Planning", "Visiting", "Recording", "Reviewing", "Closing"]
    pages = [
        [("line", "Case study", 11, True), ("p", [f"{words[i - 1]} is the theme of this case."])]
        if i in (2, 5)
        else [("p", [f"{words[i - 1]} comes first on this page."])]
        for i in range(1, 8)
    ]
    path = tmp_path / "cases.pdf"
    path.write_bytes(build_layout_pdf(pages, heads, top_margin=58))
    doc = load_document(path)
    assert [(s.title, s.page_label) for s in doc.sections] == [("Case study", "2"), ("Case study", "5")]
    assert "Case notes" not in doc.text


def test_a_copyright_footer_does_not_make_a_licence_page(tmp_path):
    from docbuilders import build_layout_pdf

    page = [
        ("line", "Visiting families", 17, True),
        (
            "p",
            [
                "Volunteers visit families every week and write down what they notice, so that",
                "the duty coordinator hears about any worry on the same day it arises.",
            ],
        ),
        ("p", ["© 2021 Hearthstone Families. All rights reserved."]),
    ]
    path = tmp_path / "two-pages.pdf"
    path.write_bytes(build_layout_pdf([page, page]))
    doc = load_document(path)
    at = doc.text.index("the duty coordinator")
    assert not any(a <= at < b for a, b in doc.unindexed)
    assert [s.title for s in doc.sections] == ["Visiting families", "Visiting families"]


@pytest.mark.parametrize(
    "printed, date",
    [
        ("<p>Published 14 May 2021</p>", "2021-05-14"),
        ("<p>Published: <b>14 May 2021</b></p><p>Last updated 2 June 2021</p>", "2021-05-14"),  # the work's date
        ("<dl><dt>From:</dt><dd>The Panel</dd><dt>Published</dt><dd>14 May 2021</dd></dl>", "2021-05-14"),
        ("<p class='meta'>Last updated: 24 May 2021</p>", "2021-05-24"),
        ("<p>Posted on May 4, 2021</p>", "2021-05-04"),
        ("<p><time datetime='2021-05-14T09:30'>14 May</time></p>", "2021-05-14"),
        ("<p>The Panel's report was published on 14 May 2021 and read widely.</p>", ""),  # a date in the text
    ],
)
def test_html_page_dates(tmp_path, printed, date):
    path = tmp_path / "dated.html"
    path.write_text(
        f"<html><head><title>Notes</title></head><body><main><h1>Notes</h1>{printed}"
        "<p>Volunteers keep a short note of every home visit they make.</p></main></body></html>",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.meta.date == date
    assert doc.meta.year == (date[:4] or "n.d.")
    assert "Published" not in doc.text and "Last updated" not in doc.text and "Posted on" not in doc.text


def test_chapter_names_as_running_heads_leave_the_text_and_the_pages_exact(helper, folder):
    doc = load_document(folder / CHAPTER_HEADS.name)
    for head in ("Study notes 2020\n\nWho", "notified 17", "reactions 19", "schools 21", "next 23"):
        assert head not in doc.text, head
    assert "a need for sharper questions in supervision and for specialist training" in doc.text
    one_page = doc.text.index("Partners reacted")  # wholly on page 19: p. 19, not pp. 18–19
    assert [p.label for p in doc.pages_for(one_page, one_page + 40)] == ["19"]
    quote = found_quote(helper, CHAPTER_HEADS, CHAPTER_HEADS.expects[3])
    assert ", p. 19, “How partners reacted”" in quote.citation


def test_chapter_heads_at_body_size_are_found_by_their_place(tmp_path):
    from layouts import chapter_heads_pdf

    path = tmp_path / "body-size-heads.pdf"
    path.write_bytes(chapter_heads_pdf(head_size=11))  # the body text's own size
    doc = load_document(path)
    for head in ("Study notes 2020\n\nWho", "notified 17", "reactions 19", "schools 21", "next 23"):
        assert head not in doc.text, head
    assert {p.index: p.label for p in doc.pages if p.label} == CHAPTER_HEADS.labels


def test_title_author_and_date_from_the_cover_not_junk_metadata(folder):
    # The information dictionary says "Microsoft Word - study_notes_final_v3.docx", "jsmith01" and today.
    meta = load_document(folder / CHAPTER_HEADS.name).meta
    assert (meta.title, meta.author, meta.date) == (
        "Study notes 2020",
        "Northshire Safeguarding Children Partnership",
        "2021-03",
    )
    assert meta.origin == {"title": "cover", "author": "cover", "date": "cover"}


def test_wrapped_addresses_and_hyphenated_words_come_back_whole(folder):
    text = load_document(folder / BACK_MATTER.name).text
    assert "Good safeguarding starts with the health visitor" in text
    assert "https://www.example.org/northshire/early-years/neglect-guidance and is updated" in text


def test_back_matter_is_marked_and_never_an_answer(helper):
    from assistant.quoting.quotes import Query, search

    doc = helper.index.documents["neglect-briefing"]
    assert {s.title: s.back_matter for s in doc.sections}["References"] == "references"
    kinds = {p.back for p in helper.index.passages if p.doc_id == "neglect-briefing"}
    assert kinds == {"", "references", "licence"}
    for question in (
        "What does neglect in the early years look like?",
        "Which books about recognising neglect in young children are there?",
        "Can I copy and share this briefing free of charge?",
    ):
        for q in helper.ask(question, k=10, threshold=0.0).quotes:
            assert not q.notes, (question, q.text)
            assert "Ashdown" not in q.text and "free of charge" not in q.text, question
    # The finder still finds them, labelled.
    found = search(
        helper.index, helper.encoder, Query("Recognising neglect in young children", document="neglect-briefing")
    )
    assert found["results"] and found["results"][0]["notes"] == ["reference list"]
