"""The quotation finder through the real app: search modes, filters, lengths, browse pages, exports.

The test documents are invented here: a Markdown file with nested headings, a plain-text
file with curly quotes and a word hyphenated across a line break, and a PDF with printed
page numbers and a contents page (never quoted).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).parent))
from docbuilders import report_pdf  # noqa: E402

TRAINING_MD = """# Learning for trainers

This guide opens with Professional Curiosity, as every session should.

## Professional curiosity

Practitioners showed ‘professional curiosity’ when they asked who else lived in the home. Weak "professional curiosity" was noted in six reviews. The unprofessional curiosity of a neighbour is not the same thing.

### In supervision

Supervisors can model professional curiosity in every meeting. Multi-agency meetings — and single-agency ones — helped. The multi–agency plan was kept and the multi - agency review met.

## Escaping

Staff wrote <script>alert(1)</script> & "quotes" in the notes about professional curiosity.
"""

TRAINING_META = """id = "training"
title = "Learning for trainers"
author = "Example Partnership"
date = "2030-04-01"
source_url = "https://example.org/training"
"""

NOTES_TXT = """Notes on professional
curiosity

The Panel asked for more profes-
sional curiosity in every agency. It said ‘PROFESSIONAL CURIOSITY’ is a habit, not a
checklist, and that the Panel’s own reviews showed it.

=SUM(A1:A2) was how one partner began its spreadsheet of actions.
"""

PHRASES = [
    "professional curiosity",
    "‘Professional Curiosity’",
    '"professional curiosity"',
    "PROFESSIONAL\n  curiosity",
    "multi-agency",
    "multi — agency",
    "Introduction",
    "the Panel's own",
    "review",
    "agencies",
]
QUOTE_FIELDS = {
    "id",
    "text",
    "highlights",
    "document",
    "section",
    "section_id",
    "page",
    "pdf_page",
    "start",
    "end",
    "score",
    "citation",
    "link",
}


@pytest.fixture(scope="module")
def quotes_index(build_index, tmp_path_factory):
    folder = tmp_path_factory.mktemp("quotes-docs")
    (folder / "training.md").write_text(TRAINING_MD, encoding="utf-8")
    (folder / "training.meta.toml").write_text(TRAINING_META, encoding="utf-8")
    (folder / "notes.txt").write_text(NOTES_TXT, encoding="utf-8")
    (folder / "review.pdf").write_bytes(report_pdf())
    return build_index([folder], "quotes-index")


@pytest.fixture(scope="module")
def qclient(make_app, quotes_index):
    """The real app over the test documents (a module of its own, beside the session's corpus app)."""
    from fastapi.testclient import TestClient

    with TestClient(make_app(quotes_index)) as c:
        yield c


@pytest.fixture(scope="module")
def qapp(qclient):
    return qclient.app


@pytest.fixture(scope="module")
def docs(qapp):
    return qapp.state.assistant.index.documents


def search(client, q, **params):
    response = client.get("/api/search", params={"q": q, "limit": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()


def plain_scan(doc, query: str) -> set[tuple[str, int, int]]:
    """Occurrences found by a regular expression over the document text, written independently."""
    query = re.sub(r"\s*([-–—])\s*", r"\1", query.strip())
    parts = []
    for ch in query:
        if ch.isspace():
            if parts and parts[-1] == r"\s+":
                continue
            parts.append(r"\s+")
        elif ch in "'‘’":
            parts.append("['‘’]")
        elif ch in '"“”':
            parts.append('["“”]')
        elif ch in "-–—":
            parts.append(r"\s*[-–—]\s*")
        else:
            parts.append(re.escape(ch))
    pattern = "".join(parts)
    if query[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if query[-1].isalnum():
        pattern += r"(?!\w)"
    found = set()
    for m in re.finditer(pattern, doc.text, re.IGNORECASE):
        if not any(a < m.end() and m.start() < b for a, b in doc.unindexed):
            found.add((doc.id, m.start(), m.end()))
    return found


# ---------------------------------------------------------------- exact phrase


@pytest.mark.parametrize("phrase", PHRASES)
def test_phrase_search_finds_every_occurrence_and_nothing_else(qclient, docs, phrase):
    expected = set().union(*(plain_scan(d, phrase) for d in docs.values()))
    found = search(qclient, phrase, mode="phrase")
    got = {(r["document"]["id"], *r["match"]) for r in found["results"]}
    assert got == expected
    assert found["count"] == len(expected) == len(found["results"])
    for r in found["results"]:
        doc = docs[r["document"]["id"]]
        assert QUOTE_FIELDS <= set(r)
        assert r["text"] == doc.text[r["start"] : r["end"]]
        a, b = r["match"]
        assert r["start"] <= a < b <= r["end"]
        assert [[a - r["start"], b - r["start"]]] == r["highlights"]


def test_phrase_search_copes_with_curly_quotes_and_broken_words(qclient, docs):
    found = search(qclient, "professional curiosity", mode="phrase", document="notes")
    # The heading broken across two lines, the word hyphenated across a line, the curly-quoted capitals.
    assert found["count"] == 3
    texts = [docs["notes"].text[a:b] for a, b in (r["match"] for r in found["results"])]
    assert "PROFESSIONAL CURIOSITY" in texts
    spellings = {r["document"]["id"] for r in search(qclient, "‘professional curiosity’")["results"]}
    assert spellings == {"training", "notes"}
    straight = search(qclient, "'PROFESSIONAL curiosity'")
    assert straight["count"] == 2  # ‘…’ in each file; the double-quoted one is not a match
    assert search(qclient, "unprofessional curiosity")["count"] == 1
    assert search(qclient, "multi-agency", document="training")["count"] == 3  # -, – and " - "
    assert search(qclient, "fessional curiosity")["count"] == 0  # whole words only


def test_contents_pages_are_never_quoted(qclient, docs):
    review = next(d for d in docs.values() if d.format == "pdf")
    found = search(qclient, "Critical thinking and challenge", document=review.id)
    assert found["count"] >= 1
    for r in found["results"]:
        assert not any(a < r["end"] and r["start"] < b for a, b in review.unindexed)


# ---------------------------------------------------------------- lengths, filters, order


def test_quote_lengths_are_exact_slices_that_grow(qclient, docs):
    by_length = {
        length: search(qclient, "model professional curiosity", length=length)["results"]
        for length in ("sentence", "context", "passage")
    }
    s, c, p = (by_length[k][0] for k in ("sentence", "context", "passage"))
    doc = docs["training"]
    for r in (s, c, p):
        assert r["text"] == doc.text[r["start"] : r["end"]]
        assert r["match"] == s["match"]
        a, b = r["highlights"][0]
        assert r["text"][a:b] == "model professional curiosity"
    assert s["text"] == "Supervisors can model professional curiosity in every meeting."
    assert c["start"] <= s["start"] and c["end"] > s["end"]  # the next sentence joins it
    assert "Multi-agency meetings" in c["text"]
    assert p["start"] <= s["start"] and p["end"] >= s["end"]
    assert s["section"] == "Learning for trainers › Professional curiosity › In supervision"
    assert s["citation"] == "Example Partnership (2030) *Learning for trainers*, “In supervision”"


def test_filters_by_document_and_section(qclient, docs):
    everywhere = search(qclient, "professional curiosity")
    assert {r["document"]["id"] for r in everywhere["results"]} == {"training", "notes"}
    only = search(qclient, "professional curiosity", document="training")
    assert {r["document"]["id"] for r in only["results"]} == {"training"}
    section = next(s for s in docs["training"].sections if s.id == "professional-curiosity")
    inside = search(qclient, "professional curiosity", section="training:professional-curiosity")
    assert inside["count"] == 4  # two in its text (‘…’ and "…"), one under its sub-section, the heading
    for r in inside["results"]:
        assert section.start <= r["match"][0] and r["match"][1] <= section.end
    sub = search(qclient, "professional curiosity", document="training", section="in-supervision")
    assert sub["count"] == 1


def test_order_by_position_or_relevance(qclient):
    by_position = search(qclient, "curiosity", order="position", document="training")["results"]
    assert [r["match"][0] for r in by_position] == sorted(r["match"][0] for r in by_position)
    by_relevance = search(qclient, "curiosity", order="relevance")["results"]
    scores = [r["score"] for r in by_relevance]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) > 1


def test_all_words_mode_finds_every_sentence_with_all_the_words(qclient, qapp):
    from assistant.index.lexical import words

    index = qapp.state.assistant.index
    wanted = {"agency", "multi"}
    expected = set()
    for doc_id, s, e in index.sentence_keys:
        if wanted <= set(words(index.documents[doc_id].text[s:e])):
            expected.add((doc_id, s, e))
    found = search(qclient, "Agency MULTI", mode="words")
    assert {(r["document"]["id"], *r["match"]) for r in found["results"]} == expected
    assert expected
    for r in found["results"]:
        marked = {words(r["text"][a:b])[0] for a, b in r["highlights"]}
        assert marked == wanted


def test_meaning_mode_quotes_passages_of_similar_meaning(qclient, docs):
    found = search(qclient, "asking questions about who lives with the baby", mode="meaning", limit=5)
    assert found["mode"] == "meaning" and 0 < len(found["results"]) <= 5
    for r in found["results"]:
        assert QUOTE_FIELDS <= set(r)
        assert r["text"] == docs[r["document"]["id"]].text[r["start"] : r["end"]]
    only = search(qclient, "asking questions at home", mode="meaning", document="notes")
    assert {r["document"]["id"] for r in only["results"]} <= {"notes"}


@pytest.mark.parametrize(
    "params, words",
    [
        ({"q": ""}, "type something"),
        ({"q": "   "}, "type something"),
        ({"q": "x", "mode": "fuzzy"}, "mode"),
        ({"q": "x", "length": "chapter"}, "length"),
        ({"q": "x", "order": "random"}, "order"),
        ({"q": "x", "limit": "0"}, "limit"),
        ({"q": "x", "offset": "-1"}, "offset"),
        ({"q": "x", "document": "nope"}, "no document"),
        ({"q": "x", "document": "training", "section": "nope"}, "no section"),
        ({"q": "x" * 5000}, "too long"),
        ({}, "q"),
    ],
)
def test_bad_search_parameters_get_a_readable_422(qclient, params, words):
    response = qclient.get("/api/search", params=params)
    assert response.status_code == 422
    assert words in response.json()["detail"].lower()


# ---------------------------------------------------------------- pages


def html(response) -> BeautifulSoup:
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def test_quotes_page_renders_results_with_marks_and_escapes_text(qclient):
    response = qclient.get("/quotes", params={"q": "alert(1)", "mode": "phrase"})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    page = html(response)
    assert page.select_one("#results-title").get_text() == "1 match for “alert(1)”"
    result = page.select_one(".result")
    assert len(result.select(".variant")) == 3
    shown = result.select_one(".variant.is-default blockquote")
    assert '<script>alert(1)</script> & "quotes"' in shown.get_text()
    assert shown.select_one("mark").get_text() == "alert(1)"
    assert result.select_one("a[href='/documents/training#section-escaping']")
    assert not page.find(style=True) and not page.select("script:not([src])")


def test_quotes_page_without_a_search_and_with_an_error(qclient):
    empty = html(qclient.get("/quotes"))
    assert empty.select_one("form[method=get][action='/quotes#results-title'] input[name=q]")
    assert not empty.select(".result")
    response = qclient.get("/quotes", params={"q": "x", "document": "nope"})
    assert response.status_code == 422
    assert "no document" in html(response).select_one(".error-summary").get_text().lower()


def test_quotes_page_pages_through_many_matches(qclient):
    first = html(qclient.get("/quotes", params={"q": "the", "mode": "words"}))
    count = int(re.match(r"(\d+)", first.select_one("#results-title").get_text()).group(1))
    assert len(first.select(".result")) == min(count, 50)
    if count > 50:
        nxt = first.select_one(".pager a").get("href")
        second = html(qclient.get(nxt))
        assert second.select_one(".result").get("id") == "result-51"


def test_documents_pages_list_contents_and_link_every_section(qclient, docs):
    listing = html(qclient.get("/documents"))
    links = {a.get("href") for a in listing.select(".doc-list__title a")}
    assert links == {f"/documents/{d}" for d in docs}
    review = next(d for d in docs.values() if d.format == "pdf")
    page = html(qclient.get(f"/documents/{review.id}"))
    toc = {a.get("href"): a.parent.get_text(" ", strip=True) for a in page.select(".toc a")}
    for s in review.sections:
        assert page.select_one(f"section#section-{s.id}"), s.id
        assert f"#section-{s.id}" in toc
        if s.page_label:
            assert f"p. {s.page_label}" in toc[f"#section-{s.id}"]
    assert "p. 22" in toc["#section-working-with-fathers"]
    body = page.select_one(".doc-text").get_text(" ")
    squash = lambda t: " ".join(t.split())  # noqa: E731
    sentence = "Reviewers found that the quality of record keeping varied widely across the partnership"
    assert sentence in squash(body)
    # Heading levels follow the nesting: no level is skipped.
    levels = [int(h.name[1]) for h in page.select("h1, h2, h3, h4, h5, h6")]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    assert qclient.get("/documents/no-such-doc").status_code == 404


# ---------------------------------------------------------------- exports


@pytest.fixture(scope="module")
def basket(qclient, docs):
    """Three quotes: curly quotes, an =formula start, and HTML-like text."""
    picks = [
        search(qclient, "model professional curiosity")["results"][0],
        search(qclient, "=SUM(A1:A2)")["results"][0],
        search(qclient, "alert(1)")["results"][0],
    ]
    return [{"doc_id": r["document"]["id"], "start": r["start"], "end": r["end"]} for r in picks]


def expected(qapp, basket, style="harvard"):
    """(exact text, what follows it in the handout, the reference entry) per quote."""
    import datetime

    from assistant.ingest.documents import page_text
    from assistant.quoting.citations import Citation, in_text, reference

    today = datetime.date.today()
    out = []
    for item in basket:
        doc = qapp.state.assistant.index.documents[item["doc_id"]]
        section = doc.section_at(item["start"])
        pages = doc.pages_for(item["start"], item["end"])
        page = page_text((pages[0].label, pages[-1].label)) if pages else None
        c = Citation.of(doc, section.path if section else None, page, pages[0].index if pages else None)
        after = "".join(t for t, _ in in_text(c, style))
        ref = "".join(t for t, _ in reference(c, f"{today.day} {today:%B %Y}", style))
        out.append((doc.text[item["start"] : item["end"]], after, ref))
    return out


def export(client, basket, fmt, style="harvard", title=None, name="quotations"):
    response = client.post("/api/export", json={"items": basket, "format": fmt, "style": style, "title": title})
    assert response.status_code == 200, response.text
    import datetime

    assert (
        response.headers["content-disposition"]
        == f'attachment; filename="{name}-{datetime.date.today().isoformat()}.{fmt}"'
    )
    return response


def test_csv_export_parses_back_with_a_formula_guard(qclient, qapp, basket):
    content = export(qclient, basket, "csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    head = "quote,document,document kind,section,page,citation,source URL,accessed,reference"
    assert rows[0] == head.split(",")
    assert len(set(rows[0])) == len(rows[0])
    for row, (text, after, ref) in zip(rows[1:], expected(qapp, basket), strict=True):
        assert row[0] == ("'" + text if text.startswith("=") else text)
        assert row[5] == after and row[8] == ref
        assert row[1] != row[3]  # the section column never repeats the document title
    assert rows[2][0].startswith("'=SUM")
    assert rows[1][5] == "(Example Partnership, 2030, section “In supervision”)"


@pytest.mark.parametrize("style", ["harvard", "plain"])
def test_markdown_export_parses_back(qclient, qapp, basket, style):
    import datetime

    from markdown_it import MarkdownIt

    md = export(qclient, basket, "md", style).content.decode("utf-8")
    page = BeautifulSoup(MarkdownIt().render(md), "html.parser")
    quotes = [q.get_text().strip() for q in page.select("blockquote")]
    want = expected(qapp, basket, style)
    assert quotes == [f"“{t}” {after}" for t, after, _ in want]
    today = datetime.date.today()
    assert page.select_one("h1").get_text() == f"Quotations, {today.day} {today:%B %Y}"
    assert page.select_one("h2").get_text() == "References"
    refs = [p.get_text() for p in page.h2.find_all_next("p")]
    assert list(dict.fromkeys(r for _, _, r in want)) == refs  # grouped by report, in the order first quoted
    assert any(r.startswith("Example Partnership (2030) Learning for trainers. Available at: https://") for r in refs)
    # Readable as plain text: nothing escaped that did not need it.
    assert "\\." not in md and "\\(" not in md
    assert not page.select("script")
    if style == "harvard":
        assert "Learning for trainers" in [e.get_text() for e in page.select("em")]


def test_html_and_text_exports_escape_and_keep_the_quotes(qclient, qapp, basket):
    want = expected(qapp, basket)
    raw = export(qclient, basket, "html").text
    assert "<script>alert" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    page = BeautifulSoup(raw, "html.parser")
    assert [q.get_text() for q in page.select("blockquote")] == [f"“{t}” {after}" for t, after, _ in want]
    text = export(qclient, basket, "txt").text
    blocks = text.strip().split("\n\n")[1:]  # after the title and date
    assert blocks[: len(want)] == [f"“{t}” {after}" for t, after, _ in want]
    assert blocks[len(want)] == "References"


def test_docx_export_opens_in_python_docx(qclient, qapp, basket):
    import docx

    document = docx.Document(io.BytesIO(export(qclient, basket, "docx").content))
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    want = expected(qapp, basket)
    assert quotes == [f"“{t}” {after}" for t, after, _ in want]
    texts = [p.text for p in document.paragraphs]
    refs = document.paragraphs[texts.index("References") + 1 :]
    assert any(r.italic and r.text == "Learning for trainers" for p in refs for r in p.runs)
    props = document.core_properties
    assert props.author == "Safeguarding report assistant" and props.author != "python-docx"
    assert props.title.startswith("Quotations, ")
    import datetime

    assert props.created.date() == datetime.date.today()


def test_export_title_and_organisation(qclient, basket):
    import docx

    r = export(qclient, basket, "docx", title="Supervision session, week 3", name="supervision-session-week-3")
    document = docx.Document(io.BytesIO(r.content))
    assert document.core_properties.title == "Supervision session, week 3"
    assert document.paragraphs[0].text == "Supervision session, week 3"
    assert "References" in [p.text for p in document.paragraphs]


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("The Panel (2021) said so.", "The Panel (2021) said so."),
        ("2021. A year", "2021\\. A year"),
        ("- a dash", "\\- a dash"),
        ("# not a heading", "\\# not a heading"),
        ("a *star* and _under_", "a \\*star\\* and \\_under\\_"),
        ("<b>x</b> &amp; [link](y) [news item]", "\\<b\\>x\\</b\\> &amp;amp; [link\\](y) [news item]"),
    ],
)
def test_markdown_escapes_only_what_it_must(text, escaped):
    from markdown_it import MarkdownIt

    from assistant.quoting.exports import md_escape

    assert md_escape(text) == escaped
    assert BeautifulSoup(MarkdownIt().render(md_escape(text)), "html.parser").get_text().strip() == text


def test_form_export_for_the_basket_form(qclient, basket):
    import json

    response = qclient.post("/quotes/export", data={"items": json.dumps(basket), "format": "txt", "style": "plain"})
    assert response.status_code == 200 and response.text.split("\n\n", 1)[1].startswith("“Supervisors can model")
    assert "— Example Partnership (2030) Learning for trainers, In supervision" in response.text
    titled = qclient.post(
        "/quotes/export", data={"items": json.dumps(basket), "format": "md", "title": "Neglect: day 1"}
    )
    assert 'filename="neglect-day-1-' in titled.headers["content-disposition"]
    assert titled.text.startswith("# Neglect: day 1\n")


@pytest.mark.parametrize(
    "body, words",
    [
        ({"items": []}, "items"),
        ({"items": [{"doc_id": "training", "start": 0, "end": 10**6}]}, "inside the document"),
        ({"items": [{"doc_id": "training", "start": 5, "end": 5}]}, "inside the document"),
        ({"items": [{"doc_id": "nope", "start": 0, "end": 5}]}, "no document"),
        ({"items": [{"doc_id": "training", "start": "0", "end": 5}]}, "start"),
        ({"items": [{"doc_id": "training", "start": 0, "end": 5}], "format": "exe"}, "format"),
        ({"items": [{"doc_id": "training", "start": 0, "end": 5}], "style": "apa"}, "style"),
        ({"items": [{"doc_id": "training", "start": 0, "end": 5}] * 151}, "items"),
    ],
)
def test_export_rejects_bad_baskets_readably(qclient, body, words):
    response = qclient.post("/api/export", json=body)
    assert response.status_code == 422
    assert words in response.json()["detail"].lower()


def test_export_refuses_offsets_into_another_edition(qclient, qapp, basket):
    """A basket collected before a re-ingest changed the text is refused, not exported wrongly."""
    import json

    doc = qapp.state.assistant.index.documents[basket[0]["doc_id"]]
    current = [{**basket[0], "edition": doc.content_hash[:12]}]
    assert qclient.post("/api/export", json={"items": current, "format": "txt"}).status_code == 200
    stale = [{**basket[0], "edition": "000000000000"}]
    response = qclient.post("/api/export", json={"items": stale, "format": "txt"})
    assert response.status_code == 422 and "earlier edition" in response.json()["detail"]
    quad = [[basket[0]["doc_id"], basket[0]["start"], basket[0]["end"], "000000000000"]]
    response = qclient.post("/quotes/export", data={"items": json.dumps(quad), "format": "md"})
    assert response.status_code == 422 and "earlier edition" in response.json()["detail"]
    # Search results carry the edition their offsets refer to.
    assert search(qclient, "model professional curiosity")["results"][0]["document"]["edition"] == doc.content_hash[:12]


def test_form_export_rejects_broken_json(qclient):
    response = qclient.post("/quotes/export", data={"items": "{not json", "format": "md"})
    assert response.status_code == 422 and "basket" in response.json()["detail"]


def test_a_full_basket_fits_the_body_limit(qclient, qapp, basket):
    """150 quotes (the basket's maximum) export by JSON and by the basket's multipart form,
    even with a 40-character document id and six-digit offsets."""
    import json

    from assistant.quoting.exports import MAX_ITEMS

    limit = qapp.state.settings.max_body_bytes
    worst = [{"doc_id": "d" * 40, "start": 999_000, "end": 999_999, "edition": "0123456789ab"}] * MAX_ITEMS
    assert len(json.dumps({"items": worst, "format": "docx", "style": "harvard"})) < limit
    assert len(json.dumps([[i["doc_id"], i["start"], i["end"], i["edition"]] for i in worst])) < limit * 0.8
    full = (basket * MAX_ITEMS)[:MAX_ITEMS]
    assert qclient.post("/api/export", json={"items": full, "format": "csv"}).status_code == 200
    triples = [[i["doc_id"], i["start"], i["end"]] for i in full]
    response = qclient.post("/quotes/export", files={"items": (None, json.dumps(triples)), "format": (None, "csv")})
    assert response.status_code == 200, response.text
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == MAX_ITEMS + 1


# ---------------------------------------------------------------- the folding itself (no model)

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ALPHABET = "abAB é’‘'\"“”-–— \n\t,."


def table_for(text: str):
    from assistant.ingest.documents import Document, DocumentMeta
    from assistant.quoting.quotes import DocTable, fold

    return DocTable(Document(DocumentMeta("t", "T"), text, "text", "t"), fold(text), [], [], 0)


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=60), st.data())
def test_every_phrase_match_folds_to_the_query_and_each_slice_is_found(text, data):
    from assistant.quoting.quotes import find_phrase, fold_query

    table = table_for(text)
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    query = text[i:j]
    phrase = fold_query(query)
    if not phrase:
        return
    matches = find_phrase(table, phrase)
    for m in matches:  # nothing else: every match reads as the query once folded
        assert fold_query(text[m.start : m.end]) == phrase
    # Every occurrence: a slice that starts and ends on a word edge with letters is found.
    edges = (
        i < j
        and text[i].isalnum()
        and text[j - 1].isalnum()
        and (i == 0 or not text[i - 1].isalnum())
        and (j == len(text) or not text[j].isalnum())
    )
    if edges:
        assert any(m.start == i and m.end == j for m in matches), (text, query)


# ---------------------------------------------------------------- browse by section (no words)


def test_browse_a_section_with_no_words_lists_its_passages_in_order(qclient, docs):
    doc = docs["training"]
    section = next(s for s in doc.sections if s.id == "professional-curiosity")
    page = qclient.get("/quotes", params={"section": "training:professional-curiosity"})
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    heading = soup.select_one("#results-title").get_text()
    assert re.fullmatch(r"\d+ passages? in “Professional curiosity” in Learning for trainers", heading)
    shown = [r.select_one(".variant.is-default") for r in soup.select(".result")]
    starts = [int(v["data-start"]) for v in shown]
    ends = [int(v["data-end"]) for v in shown]
    assert starts == sorted(starts) and all(e <= s for e, s in zip(ends, starts[1:], strict=False))  # in order, once
    assert section.start <= starts[0] and ends[-1] <= section.end  # sub-sections included, nothing outside
    text = " ".join(v.select_one("blockquote").get_text() for v in shown)
    for sentence in ("Practitioners showed", "Supervisors can model", "single-agency ones"):
        assert sentence in text
    assert "Staff wrote" not in text  # the next section


def test_browse_a_section_with_nothing_to_quote_says_so(build_index, make_app, tmp_path):
    from fastapi.testclient import TestClient

    (tmp_path / "plan.md").write_text(
        "# Plan\n\nThe plan has an opening sentence.\n\n## Still to write\n\n## Written\n\nThis part is written.\n",
        encoding="utf-8",
    )
    with TestClient(make_app(build_index([tmp_path], "browse-empty-index"))) as client:
        page = client.get("/quotes", params={"document": "plan", "section": "plan:still-to-write"})
        assert page.status_code == 200
        soup = BeautifulSoup(page.text, "html.parser")
        assert (
            soup.select_one("#results-title").get_text() == "0 passages in “Still to write” in Plan"
        )  # titled by its # Plan
        assert "no text of its own to quote" in soup.select_one(".results .hint").get_text()
        assert not soup.select(".result")
        # A section that does not exist in the chosen document is a readable 422 on the page.
        bad = client.get("/quotes", params={"document": "plan", "section": "plan:nowhere"})
        assert bad.status_code == 422 and "no section with that id" in bad.text
        # The whole document, in order.
        whole = BeautifulSoup(client.get("/quotes", params={"document": "plan"}).text, "html.parser")
        assert whole.select_one("#results-title").get_text() == "2 passages in Plan"
        texts = [r.select_one(".variant.is-default blockquote").get_text() for r in whole.select(".result")]
        assert texts == ["The plan has an opening sentence.", "This part is written."]
