"""A report-shaped PDF built with reportlab, ingested with the real model and index and
questioned through the real Assistant: printed pages, sections, clean text, citations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docbuilders import (
    encrypt_pdf,
    image_only_pdf,
    label_pages,
    report_pdf,
)

from assistant.ingest.documents import DocumentError, load_document

SIDECAR = """\
id = "annual-review-2031"
title = "Annual Review 2031"
author = "Example Safeguarding Partnership"
date = "2032-05-14"
source_url = "https://example.org/annual-review-2031.pdf"
licence = "Open Government Licence v3.0"
"""


@pytest.fixture(scope="module")
def report_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pdf-corpus")
    path = folder / "annual-review-2031.pdf"
    path.write_bytes(report_pdf())
    (folder / "annual-review-2031.meta.toml").write_text(SIDECAR, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def doc(report_path):
    return load_document(report_path)


@pytest.fixture(scope="module")
def helper(build_index, make_assistant, report_path):
    return make_assistant(build_index([report_path.parent], "pdf-index"))


def ask(helper, question: str):
    answer = helper.ask(question, threshold=0.0)
    assert answer.quotes, question
    for q in answer.quotes:  # every quote is an exact slice of its document's text
        assert helper.index.documents[q.document.id].text[q.start : q.end] == q.text
    return answer.quotes[0]


def test_quote_cites_printed_page_and_section(helper):
    quote = ask(helper, "Who protected children more reliably by questioning what parents said?")
    assert "question the account given by parents" in quote.text
    assert quote.page == "23"  # printed number, not the PDF index
    assert quote.pdf_page == 5
    assert quote.section == "Practice themes › Critical thinking and challenge"
    assert quote.citation == (
        "Example Safeguarding Partnership (2032) *Annual Review 2031*, p. 23, “Critical thinking and challenge”"
    )
    assert quote.link == "https://example.org/annual-review-2031.pdf#page=5"


def test_paragraph_over_a_page_break_cites_both_pages(helper, doc):
    assert (
        "assumed that another agency held the rest, so that the overall risk to the baby was never assembled"
        in doc.text
    )
    quote = ask(helper, "Each agency saw a small part of the picture and assumed another agency held the rest")
    assert "overall risk to the baby" in quote.text
    assert quote.page == "22–23"
    assert ", pp. 22–23, “Working with fathers”" in quote.citation


def test_no_running_header_footer_or_page_number_in_any_passage(helper, doc):
    assert "Northshire" not in doc.text  # both running lines carry the word
    passages = [p for p in helper.index.passages if p.doc_id == doc.id]
    assert len(passages) >= 6
    for p in passages:
        text = doc.text[p.start : p.end]
        assert "Northshire" not in text
        assert not re.search(r"(^|\n)\s*2[1-4]\s*($|\n)", text), text


def test_hyphenated_line_ends_come_back_whole(doc):
    assert "how well children were safeguarded when families moved" in doc.text
    assert "and that information about older siblings" in doc.text
    assert "how the multi-agency partners shared" in doc.text  # a real hyphen stays
    assert "safe-" not in doc.text and "infor-" not in doc.text


def test_footnote_markers_are_separated_and_footnotes_kept(doc):
    assert "the lighthouse reviews[1] that local agencies" in doc.text
    assert "Several reviews[2] described" in doc.text
    assert "1 A lighthouse review is a short local review chosen for its learning value." in doc.text
    # The footnote of page 22 comes after the paragraph that runs on to page 23, never inside it.
    tail = doc.text.index("in one place by anyone.")
    assert doc.text.index("2 Twelve of the reviews") > tail
    note = doc.text.index("2 Twelve of the reviews")
    assert [p.label for p in doc.pages_for(note, note + 10)] == ["22"]


def test_contents_page_is_kept_but_never_indexed(helper, doc):
    at = doc.text.index("Critical thinking and challenge … 23")
    assert any(a <= at < b for a, b in doc.unindexed)
    for p in helper.index.passages:
        assert "…" not in doc.text[p.start : p.end] if p.doc_id == doc.id else True
    assert "...." not in doc.text  # dot leaders are collapsed


def test_headings_lists_and_tables(doc):
    by_title = {s.title: s for s in doc.sections}
    assert by_title["Introduction"].level == 1
    assert by_title["Practice themes"].level == 1
    assert by_title["Working with fathers"].level == 2
    assert by_title["Critical thinking and challenge"].path == ["Practice themes", "Critical thinking and challenge"]
    assert by_title["Critical thinking and challenge"].page_label == "23"
    assert "Contents" not in by_title  # contents entries are not sections
    assert (
        "\nworkers did not ask who else lived in the household, even when the mother described a new partner\n"
        in doc.text
    )
    assert "Theme | Reviews | Share\nNeglect | 41 | 38%\nDomestic abuse | 29 | 27%" in doc.text


def test_two_column_page_reads_column_by_column(doc):
    north = doc.text.index("In the northern locality, the pilot of joint home visits")
    end_north = doc.text.index("planned for the end of the second year.")
    south = doc.text.index("In the southern locality, a weekly clinic for school nurses")
    assert north < end_north < south
    assert "so that rural schools can join it." in doc.text


def test_metadata_from_the_pdf_when_there_is_no_sidecar(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf())
    loaded = load_document(path)
    assert loaded.meta.title == "Annual Review 2031"
    assert loaded.meta.author == "Example Safeguarding Partnership"
    assert loaded.format == "pdf"


def test_page_labels_win_over_footer_numbers(tmp_path):
    path = tmp_path / "labelled.pdf"
    path.write_bytes(label_pages(report_pdf(), [(0, 1, "/r", 1), (2, 5, "/D", 101)]))
    loaded = load_document(path)
    assert [(p.index, p.label) for p in loaded.pages if p.index in (1, 2, 3, 6)] == [
        (1, "i"),
        (2, "ii"),
        (3, "101"),
        (6, "104"),
    ]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("locked.pdf", lambda: encrypt_pdf(report_pdf()), "encrypted"),
        ("broken.pdf", lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "damaged"),
        ("truncated.pdf", lambda: report_pdf()[:2000], "damaged"),
        ("scan.pdf", image_only_pdf, "no text layer"),
        ("empty.pdf", lambda: b"", "empty"),
        ("slides.pptx", lambda: b"PK\x03\x04 not supported", "unsupported"),
    ],
)
def test_unreadable_files_say_why(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data())
    with pytest.raises(DocumentError, match=reason):
        load_document(path)


def test_a_pdf_laid_out_by_a_word_processor(tmp_path):
    from docbuilders import flowed_pdf

    path = tmp_path / "flowed.pdf"
    path.write_bytes(flowed_pdf())
    flowed = load_document(path)
    assert "running head" not in flowed.text
    assert [p.label for p in flowed.pages][:2] == [None, "12"]  # the footer's number, not the PDF index
    levels = {s.title: s.level for s in flowed.sections}
    assert levels["2. Chapter 2 findings"] == 1 and levels["2.1 Theme 2.1"] == 2
    # Justified lines are never mistaken for table cells; the real table is.
    rows = [line for line in flowed.text.split("\n") if " | " in line]
    assert rows == ["Theme | Count | Share", "Neglect 1 | 41 | 38%"] + [
        r for ch in (2, 3) for r in ("Theme | Count | Share", f"Neglect {ch} | 41 | 38%")
    ]
    for ch in (1, 2, 3):
        for sec in (1, 2):
            # Each paragraph comes back whole, whatever page it started on.
            assert (
                f"Paragraph 3 of theme {ch}.{sec} explains how practitioners, supervisors and designated "
                "safeguarding leads reviewed decisions about referrals, and how partnership arrangements "
                "helped professionals challenge assumptions, record observations accurately and escalate "
                "concerns about neglect[3] to managers without delay."
            ) in flowed.text
            assert (
                f"\nBullet 2 of theme {ch}.{sec} asks whether the voice of the child was heard and recorded "
                "in every assessment and plan."
            ) in flowed.text


REPORT_QUESTIONS = """
[[question]]
q = "Who protected children more reliably?"
expect = "protected children more reliably"

[[question]]
q = "Were fathers invited to health visits?"
expect = "fathers and male carers were rarely invited"

[[question]]
q = "What was often missing from referrals?"
expect = "information about older siblings"

[[question]]
q = "How many families did the joint home visits pilot reach?"
expect = "reached sixty families"

[[question]]
q = "What is a lighthouse review?"
expect = "short local review chosen for its learning value"

[[question]]
q = "What did the clinic for school nurses change?"
expect = "returned referrals fell by a third"

[[question]]
q = "What is the capital city of Peru?"
"""


def test_evaluation_harness_runs_over_an_ingested_pdf(helper, tmp_path):
    from assistant.answering.evaluation import evaluate, load_questions

    path = tmp_path / "questions.toml"
    path.write_text(REPORT_QUESTIONS, encoding="utf-8")
    result = evaluate(helper, load_questions(path))
    print({k: result[k] for k in ("hit@1", "hit@3", "mrr", "abstention_recall")})
    assert result["answerable"] == 6 and result["unanswerable"] == 1
    assert result["hit@3"] >= 5 / 6


def test_columns_that_reach_into_the_page_margins(tmp_path):
    from docbuilders import REPORT_PAGES, build_pdf

    columns = REPORT_PAGES[5][1]
    openings = ["Appendix A lists the reviews.", "Appendix B lists the agencies.", "Appendix C gives the method."]
    pages = [[("p", [text])] for text in openings] + [[columns]]
    path = tmp_path / "tight.pdf"
    path.write_bytes(build_pdf(pages, header="Appendix", numbers={1: 7, 2: 8, 3: 9, 4: 10}, top_margin=52))
    tight = load_document(path)
    assert "Northshire" not in tight.text and "Appendix\n" not in tight.text
    assert "Appendix B lists the agencies." in tight.text
    assert tight.text.index("reached sixty families") < tight.text.index("In the southern locality, a weekly")
    assert [p.label for p in tight.pages] == ["7", "8", "9", "10"]


def test_contents_without_dot_leaders_is_not_indexed(tmp_path):
    from docbuilders import build_pdf

    toc = [("h1", "Contents")] + [
        ("p", [f"{title}     {page}"])
        for title, page in (("Foreword", 3), ("Key messages", 5), ("Themes", 9), ("Next steps", 14))
    ]
    body = [("h1", "Foreword"), ("p", ["The foreword thanks every practitioner who took part."])]
    path = tmp_path / "toc.pdf"
    path.write_bytes(build_pdf([toc, body]))
    loaded = load_document(path)
    at = loaded.text.index("Key messages")
    assert any(a <= at < b for a, b in loaded.unindexed)
    assert [s.title for s in loaded.sections] == ["Foreword"]


@pytest.mark.parametrize(
    "first, second, joined",
    [
        ("children were safe-", "guarded at home", "children were safeguarded at home"),
        ("the multi-", "agency partners", "the multi-agency partners"),
        ("the well-", "being of staff", "the well-being of staff"),  # hyphenated elsewhere in the text
        ("the year 2020-", "21 report", "the year 2020-21 report"),
        ("a long sen\u00ad", "tence", "a long sentence"),
        ("the North-", "East region", "the North-East region"),
        ("ends here", "next line", "ends here next line"),
        ("a child-", "focused plan", "a child-focused plan"),  # "childfocused" is no word
        ("the over-", "all picture", "the overall picture"),  # a prefix, but "overall" is a common word
        (
            "see https://www.gov.uk/government/",
            "publications/x for",
            "see https://www.gov.uk/government/publications/x for",
        ),
        (
            "at https://example.org/child-",
            "safeguarding-review now",
            "at https://example.org/child-safeguarding-review now",
        ),
        ("to team@north", "shire.example.org today", "to team@northshire.example.org today"),
        ("at www.gov.uk.", "Then we met", "at www.gov.uk. Then we met"),
        ("see https://example.org", "for more", "see https://example.org for more"),
    ],
)
def test_line_end_hyphen_rule(first, second, joined):
    from assistant.ingest.formats.pdf import join_wrapped

    plain = {"safeguarded", "well", "being", "partners"}
    assert join_wrapped(first, second, plain, {"well-being"}) == joined


def test_page_labels_that_only_count_pdf_pages_lose_to_printed_numbers(tmp_path):
    path = tmp_path / "counted.pdf"
    path.write_bytes(label_pages(report_pdf(), [(0, 5, "/D", 1)]))
    assert {p.index: p.label for p in load_document(path).pages if p.index >= 3} == {3: "21", 4: "22", 5: "23", 6: "24"}


def test_pages_without_text_are_named_when_ocr_cannot_run(tmp_path, monkeypatch):
    from docbuilders import scan_pages

    from assistant.ingest.formats import ocr

    path = tmp_path / "mixed.pdf"
    path.write_bytes(scan_pages(report_pdf(), {4}))
    monkeypatch.setattr(ocr, "available", lambda: False)  # a machine without tesseract-ocr
    doc = load_document(path)
    assert doc.warnings == [
        "page 4 has no text (OCR failed: tesseract is not installed (Debian package tesseract-ocr))"
    ]
    assert doc.scanned == [] and 4 not in [p.index for p in doc.pages]
    monkeypatch.setenv("ASSISTANT_OCR", "false")
    assert load_document(path).warnings[0].startswith("page 4 has no text (OCR is off")
    path.write_bytes(image_only_pdf())
    with pytest.raises(DocumentError, match="no text layer .* page 1 has no text .OCR is off"):
        load_document(path)


def test_a_scanned_page_is_read_with_ocr(tmp_path):
    from docbuilders import scan_pages

    path = tmp_path / "mixed.pdf"
    path.write_bytes(scan_pages(report_pdf(), {5}))
    doc = load_document(path)
    assert doc.scanned == [5] and doc.warnings == []
    assert "question the account given by parents" in doc.text
    assert "Critical thinking and challenge" in [s.title for s in doc.sections]
    assert {p.index: p.label for p in doc.pages if p.index >= 3} == {3: "21", 4: "22", 5: "23", 6: "24"}


def test_a_cover_with_the_publisher_set_largest(tmp_path):
    """The Panel's name in the largest type is the author; the title is the next size down;
    the file's own title, a login name and today's date are ignored."""
    from docbuilders import build_layout_pdf

    pages = [
        [
            ("line", "Child Safeguarding Practice Review Panel", 28, True),
            ("line", "Annual Report 2020", 22, True),
            ("line", "Patterns in practice and the year ahead", 14, False),
            ("space", 100),
            ("line", "May 2021", 12, False),
        ],
        [("line", "Introduction", 17, True), ("p", ["The Panel received 482 notifications about 514 children."])],
        [("line", "Themes", 17, True), ("p", ["Six practice themes run through the reviews read in the year."])],
    ]
    path = tmp_path / "CSPRP_AR_2020_FINAL.pdf"
    path.write_bytes(build_layout_pdf(pages, title="Microsoft Word - CSPRP_AR_2020_FINAL.docx", author="hudsona"))
    meta = load_document(path).meta
    assert (meta.title, meta.author, meta.date) == (
        "Annual Report 2020",
        "Child Safeguarding Practice Review Panel",
        "2021-05",
    )
    assert meta.year == "2021" and meta.origin == {"title": "cover", "author": "cover", "date": "cover"}


@pytest.mark.parametrize(
    "title, junk",
    [
        ("Microsoft Word - report_final_v3.docx", True),
        ("report_final_v3", True),
        ("Untitled", True),
        ("Document1", True),
        ("Annual Report 2020", False),
        ("Seeing the whole family", False),
    ],
)
def test_junk_titles(title, junk):
    from assistant.ingest.formats.metadata import junk_title

    assert junk_title(title) is junk


@pytest.mark.parametrize(
    "author, junk",
    [("jsmith01", True), ("j.smith", True), ("CORP\\jsmith", True), ("Admin", True), ("Annie Hudson", False)],
)
def test_login_names_are_no_authors(author, junk):
    from assistant.ingest.formats.metadata import junk_author

    assert junk_author(author) is junk


@pytest.mark.parametrize(
    "line, found",
    [
        ("Published: 3 March 2022", ("date", "2022-03-03")),
        ("Date: 14/05/2021", ("date", "2021-05-14")),  # British order
        ("Last updated 2 June 2021", ("updated", "2021-06-02")),
        (
            "From: Northshire Safeguarding Children Partnership",
            ("author", "Northshire Safeguarding Children Partnership"),
        ),
        ("From the start of the year visits doubled", None),
        ("By March 2021 all partnerships had published plans", None),
        ("Updated guidance was published in May 2021.", None),
        ("The report was published on 14 May 2021 and read widely.", None),
    ],
)
def test_labelled_lines(line, found):
    """Publishing details are lines of their own; a sentence that mentions a date is not one."""
    from assistant.ingest.formats.metadata import labelled

    assert labelled(line) == found
