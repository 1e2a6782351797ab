"""The handout writers without the model: each format is written, then read back as a reader would
(markdown-it for Markdown, BeautifulSoup for HTML, python-docx for Word, csv for CSV).

Cite Them Right Harvard: after each quote "(Author, Year, p. N)"; once per source, in a
reference list, "Author (Year) *Title*. Place: Publisher. Available at: URL (Accessed: D Month YYYY)."
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from bs4 import BeautifulSoup

from assistant.quoting.citations import Citation, in_text, reference
from assistant.quoting.exports import Handout, Item, file_name, to_csv, to_docx, to_html, to_markdown, to_text

TODAY = dt.date(2026, 12, 5)
ACCESSED = "5 December 2026"
PANEL = "Child Safeguarding Practice Review Panel"
REPORT = Citation(
    author=PANEL,
    year="2021",
    title="Annual Report 2020",
    kind="report",
    pages="23",
    section="Neglect",
    url="https://example.org/annual-report.pdf#page=25",
    publisher=PANEL,
    place="London",
)
NEWS = Citation(
    author="A Partnership",
    year="2021",
    title="The report is out",
    kind="news item",
    section="News",
    url="https://example.org/news?a=1&b=2",
    publisher="A Partnership",
)
REPORT_REF = (
    f"{PANEL} (2021) Annual Report 2020. London: {PANEL}. "
    f"Available at: https://example.org/annual-report.pdf (Accessed: {ACCESSED})."
)
NEWS_REF = (
    "A Partnership (2021) The report is out [news item]. "
    f"Available at: https://example.org/news?a=1&b=2 (Accessed: {ACCESSED})."
)
TWO_PARAS = "Neglect was present in many reviews.\n\nIt was often *long-standing* and <unseen>."
ITEMS = [
    Item(TWO_PARAS, REPORT, "report"),
    Item("The report is published today.", NEWS, "news"),
    Item("A second quote from page 23.", REPORT, "report"),
]
# What each quote reads as: an opening mark on each paragraph, the closing one on the last, then the citation.
WANT = [
    [
        "“Neglect was present in many reviews.",
        f"“It was often *long-standing* and <unseen>.” ({PANEL}, 2021, p. 23)",
    ],
    ["“The report is published today.” (A Partnership, 2021, section “News”)"],
    [f"“A second quote from page 23.” ({PANEL}, 2021, p. 23)"],
]
REFS = [REPORT_REF, NEWS_REF]  # once per source, in the order the handout first quotes it
QUOTED = ["Quoted from p. 23 (2 quotations).", "Quoted from section “News”."]  # under each reference


def handout(style="harvard"):
    return Handout(title="Neglect training", organisation="Org", today=TODAY, style=style)


def test_harvard_in_text_and_reference_renderers():
    assert "".join(t for t, _ in in_text(REPORT)) == f"({PANEL}, 2021, p. 23)"
    assert "".join(t for t, _ in in_text(REPORT.model_copy(update={"pages": "12–13"}))) == f"({PANEL}, 2021, pp. 12–13)"
    ref = reference(REPORT, ACCESSED)
    assert "".join(t for t, _ in ref) == REPORT_REF
    assert [t for t, k in ref if k == "title"] == ["Annual Report 2020"]
    assert [t for t, k in ref if k == "url"] == ["https://example.org/annual-report.pdf"]
    anonymous = Citation(year="n.d.", title="Notes.", pages="4")
    assert "".join(t for t, _ in in_text(anonymous)) == "(Notes., n.d., p. 4)"
    assert "".join(t for t, _ in reference(anonymous, ACCESSED)) == "Notes. (n.d.)."
    # A title ending in its own full stop gets no second one.
    ask = REPORT.model_copy(update={"title": "What went wrong?", "place": "", "url": "", "publisher": "HM Government"})
    assert "".join(t for t, _ in reference(ask, ACCESSED)) == f"{PANEL} (2021) What went wrong? HM Government."
    # Published by its own author, with no place: named once, as Cite Them Right gives a web page.
    own = REPORT.model_copy(update={"place": ""})
    assert "".join(t for t, _ in reference(own, ACCESSED)).startswith(f"{PANEL} (2021) Annual Report 2020. Available")


def test_plain_style_keeps_author_and_year():
    line = "".join(t for t, _ in in_text(REPORT, "plain"))
    assert line == f"— {PANEL} (2021) Annual Report 2020, p. 23, Neglect"
    assert all(k != "title" for _, k in reference(REPORT, ACCESSED, "plain"))


def test_text_export_reads_back():
    text = to_text(ITEMS, handout())
    blocks = text.split("\n\n")
    assert blocks[0] == "Neglect training\n3 quotations compiled by Org on 5 December 2026."
    assert blocks[1 : 1 + 4] == [p for quote in WANT for p in quote]
    assert blocks[5] == "References"
    assert blocks[6].strip().split("\n") == [REFS[0], "    " + QUOTED[0], REFS[1], "    " + QUOTED[1]]
    assert text.count("Available at:") == 2  # once per source, never after a quote


def test_markdown_export_reads_back():
    from markdown_it import MarkdownIt

    md = to_markdown(ITEMS, handout())
    page = BeautifulSoup(MarkdownIt().render(md), "html.parser")
    assert page.h1.get_text() == "Neglect training"
    quotes = [[p.get_text() for p in q.find_all("p")] for q in page.find_all("blockquote")]
    assert quotes == WANT
    assert page.h2.get_text() == "References"
    refs = [p for p in page.h2.find_all_next("p")]
    assert [p.get_text() for p in refs] == REFS
    assert [p.em.get_text() for p in refs] == ["Annual Report 2020", "The report is out"]
    assert [p.a["href"] for p in refs] == ["https://example.org/annual-report.pdf", "https://example.org/news?a=1&b=2"]
    assert [li.get_text() for li in page.select("li")] == QUOTED
    assert "\\." not in md and not page.find("unseen")


def test_html_export_reads_back():
    raw = to_html(ITEMS, handout())
    page = BeautifulSoup(raw, "html.parser")
    assert page.html["lang"] == "en-GB" and page.title.get_text() == "Neglect training"
    assert [[p.get_text() for p in q.find_all("p")] for q in page.find_all("blockquote")] == WANT
    refs = page.select(".references p")
    assert [p.get_text() for p in refs] == REFS
    assert [p.cite.get_text() for p in refs] == ["Annual Report 2020", "The report is out"]
    assert [li.get_text() for li in page.select(".references li")] == QUOTED
    assert "&lt;unseen&gt;" in raw and "<unseen>" not in raw


def test_docx_export_reads_back_a4_en_gb():
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Mm

    document = docx.Document(io.BytesIO(to_docx(ITEMS, handout())))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert lang.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert document.core_properties.language == "en-GB" and document.core_properties.title == "Neglect training"
    texts = [p.text for p in document.paragraphs]
    assert [p.text for p in document.paragraphs if p.style.name == "Quote"] == [p for q in WANT for p in q]
    refs = texts[texts.index("References") + 1 :]
    assert refs == [REFS[0], QUOTED[0], REFS[1], QUOTED[1]]
    first = document.paragraphs[texts.index("References") + 1]
    assert [r.text for r in first.runs if r.italic] == ["Annual Report 2020"]
    assert [p.style.name for p in document.paragraphs[-4:]] == ["Normal", "List Bullet"] * 2


def test_csv_export_has_in_text_and_reference_columns():
    rows = list(csv.reader(io.StringIO(to_csv(ITEMS, handout()).lstrip("\ufeff"))))
    head = rows[0]
    assert head[-1] == "reference"
    first = dict(zip(head, rows[1], strict=True))
    assert first["quote"] == TWO_PARAS and first["citation"] == f"({PANEL}, 2021, p. 23)"
    assert first["reference"] == REPORT_REF and first["source URL"].endswith("#page=25")


def read_back(fmt: str, h: Handout) -> tuple[list[str], list[str]]:
    """(quote paragraphs, reference entries each followed by where its quotes are) as a reader of the file sees them."""
    import docx
    from markdown_it import MarkdownIt

    if fmt == "txt":
        blocks = to_text(ITEMS, h).split("\n\n")
        return blocks[1:5], [line.strip() for line in blocks[6].strip().split("\n")]
    if fmt == "docx":
        paras = docx.Document(io.BytesIO(to_docx(ITEMS, h))).paragraphs
        texts = [p.text for p in paras]
        return [p.text for p in paras if p.style.name == "Quote"], texts[texts.index("References") + 1 :]
    raw = MarkdownIt().render(to_markdown(ITEMS, h)) if fmt == "md" else to_html(ITEMS, h)
    page = BeautifulSoup(raw, "html.parser")
    listed = [e.get_text() for e in page.h2.find_all_next(["p", "li"])]
    return [p.get_text() for p in page.select("blockquote p")], listed


@pytest.mark.parametrize("style", ["harvard", "plain"])
def test_every_format_gives_the_same_quotes_and_references(style):
    """One rendering of each citation, whatever the file: all four formats read back the same."""
    h = handout(style)
    got = {fmt: read_back(fmt, h) for fmt in ("txt", "md", "html", "docx")}
    assert len({repr(v) for v in got.values()}) == 1, got
    quotes, refs = got["txt"]
    assert refs == [
        REFS[0],
        QUOTED[0],
        REFS[1],
        QUOTED[1],
    ]  # the same words in both styles; only Harvard sets titles in italics
    if style == "harvard":
        assert quotes == [p for q in WANT for p in q]
    else:
        assert quotes[1].endswith(f"<unseen>.” — {PANEL} (2021) Annual Report 2020, p. 23, Neglect")


@pytest.mark.parametrize(
    "title, name",
    [
        ("Neglect training", "neglect-training-2026-12-05.docx"),
        ("  Neglect:  training / week 3!  ", "neglect-training-week-3-2026-12-05.docx"),
        ('../../etc/passwd"\r\nX-Bad: 1', "etc-passwd-x-bad-1-2026-12-05.docx"),
        ("Children’s services: réunion", "childrens-services-reunion-2026-12-05.docx"),
        ("", "quotations-2026-12-05.docx"),
        ("—", "quotations-2026-12-05.docx"),
    ],
)
def test_file_name_follows_the_title_safely(title, name):
    got = file_name(title, TODAY, "docx")
    assert got == name and re.fullmatch(r"[a-z0-9-]+\.docx", got)


def test_the_references_are_grouped_by_report_in_the_order_first_quoted():
    """One entry per document, in the order the handout first quotes it, with the places of its quotes."""
    guide = Citation(author="A Partnership", year="2022", title="Guide", pages="iv", publisher="A Partnership")
    bare = Citation(year="n.d.", title="Notes")
    items = [
        Item("One.", REPORT.model_copy(update={"pages": "5"}), "report"),
        Item("Two.", guide, "guide"),
        Item("Three.", REPORT.model_copy(update={"pages": "7–8"}), "report"),
        Item("Four.", REPORT.model_copy(update={"pages": "5"}), "report"),
        Item("Five.", bare, "notes"),
        Item("Six.", REPORT.model_copy(update={"pages": "9"}), "report"),
    ]
    h = handout()
    want = [
        (f"{PANEL} (2021) Annual Report 2020.", "Quoted from p. 5 (2 quotations), pp. 7–8 and p. 9."),
        ("A Partnership (2022) Guide.", "Quoted from p. iv."),
        ("Notes (n.d.).", "1 quotation."),
    ]
    lines = to_text(items, h).split("\n\nReferences\n\n")[1].strip().split("\n")
    assert [
        (ref.split(" London")[0].split(" Available")[0], quoted.strip())
        for ref, quoted in zip(lines[::2], lines[1::2], strict=True)
    ] == want

    from markdown_it import MarkdownIt

    page = BeautifulSoup(MarkdownIt().render(to_markdown(items, h)), "html.parser")
    refs = [p.get_text() for p in page.h2.find_all_next("p")]
    assert [r.split(" London")[0].split(" Available")[0] for r in refs] == [r for r, _ in want]
    assert [li.get_text() for li in page.select("li")] == [q for _, q in want]

    import docx

    paras = docx.Document(io.BytesIO(to_docx(items, h))).paragraphs
    texts = [p.text for p in paras]
    listed = texts[texts.index("References") + 1 :]
    assert listed[1::2] == [q for _, q in want]
    assert [r.split(" London")[0].split(" Available")[0] for r in listed[::2]] == [r for r, _ in want]
