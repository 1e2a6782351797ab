"""Exports over the fake index: every format written, then read back with its own reader
(markdown-it, csv, BeautifulSoup, python-docx), holding each quote's exact words."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from bs4 import BeautifulSoup

from assistant.quoting import exports
from assistant.quoting.citations import md_escape

FORMATS = list(exports.EXPORTERS)
STYLES = ["harvard", "plain"]
QUESTIONS = [
    "What is a chronology of small concerns?",
    "What is the risk of co-sleeping after drinking alcohol?",
    "How many rapid reviews did the Riverside partnership complete?",
    "What did the reviews say about working with fathers?",
]
TODAY = dt.date(2033, 3, 4)


@pytest.fixture(scope="module")
def basket(assistant) -> list[dict]:
    """One quote from each of four documents (a PDF, HTML, DOCX and Markdown)."""
    items = []
    for question in QUESTIONS:
        q = assistant.ask(question).quotes[0]
        items.append({"doc_id": q.document.id, "start": q.start, "end": q.end, "edition": q.document.edition})
    assert len({i["doc_id"] for i in items}) == 4
    return items


def exact(index, item: dict) -> str:
    return index.documents[item["doc_id"]].text[item["start"] : item["end"]].strip()


def held(index, item: dict, text: str) -> bool:
    """Every paragraph of the quote is in ``text``, word for word (each opens with its own quotation mark)."""
    return all(flat(p) in text for p in re.split(r"\n\s*\n", exact(index, item)))


def flat(text: str) -> str:
    return " ".join(text.split())


def read_back(fmt: str, data: bytes) -> str:
    """The file's text as its reader sees it (quotes, citations, headings)."""
    if fmt == "docx":
        import docx

        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    text = data.decode("utf-8")
    if fmt == "md":
        from markdown_it import MarkdownIt

        html = MarkdownIt().render(text)
        return BeautifulSoup(html, "html.parser").get_text(" ")
    if fmt == "html":
        return BeautifulSoup(text, "html.parser").get_text(" ")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert rows[0] == exports.CSV_HEADER
        return "\n".join(cell for row in rows[1:] for cell in row)
    return text


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_export_reads_back_with_every_quote_and_citation(client, index, basket, fmt, style):
    r = client.post("/api/export", json={"items": basket, "format": fmt, "style": style, "title": "Handout"})
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"].endswith(f'.{fmt}"')
    assert r.headers["content-type"].split(";")[0] == exports.EXPORTERS[fmt].media_type.split(";")[0]
    text = flat(read_back(fmt, r.content))
    for item in basket:
        assert held(index, item, text)
        assert index.documents[item["doc_id"]].meta.title in text
    assert "Handout" in text or fmt == "csv"  # a table has no title row
    if style == "harvard":
        assert "Available at:" in text or fmt == "csv"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_form_export_takes_triples(client, index, basket, fmt):
    triples = [[i["doc_id"], i["start"], i["end"], i["edition"]] for i in basket]
    r = client.post("/quotes/export", data={"items": json.dumps(triples), "format": fmt})
    assert r.status_code == 200
    text = flat(read_back(fmt, r.content))
    assert all(held(index, i, text) for i in basket)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_file_name_and_the_accessed_date_are_todays(index, basket, fmt):
    data, media, name = exports.export(index, basket, fmt, today=TODAY, organisation="Riverside trainers")
    assert name.endswith(f"-2033-03-04.{fmt}")
    text = read_back(fmt, data)
    assert ("4 March 2033" in text) or ("2033-03-04" in text)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([], "empty"),
        ([{"doc_id": "nope", "start": 0, "end": 5}], "no document"),
        ([{"doc_id": "riverside-review", "start": 5, "end": 5}], "offsets"),
        ([{"doc_id": "riverside-review", "start": -1, "end": 5}], "offsets"),
        ([{"doc_id": "riverside-review", "start": 0, "end": 10**9}], "offsets"),
        ([{"doc_id": "riverside-review", "start": "0", "end": 5}], "offsets"),
        ([{"doc_id": "riverside-review", "start": 0, "end": 5, "edition": "000000000000"}], "earlier edition"),
    ],
)
def test_a_basket_that_names_no_real_slice_is_refused(index, items, message):
    with pytest.raises(exports.ExportError, match=message):
        exports.export(index, items, "md")


@pytest.mark.parametrize(("fmt", "style"), [("pdf", "harvard"), ("md", "apa")])
def test_unknown_format_or_style_is_refused(index, basket, fmt, style):
    with pytest.raises(exports.ExportError):
        exports.export(index, basket, fmt, style)


@pytest.mark.parametrize(
    "body",
    [
        {"items": []},
        {"items": [{"doc_id": "riverside-review", "start": 0, "end": 5}], "format": "pdf"},
        {"items": [{"doc_id": "riverside-review", "start": 0, "end": 5}], "style": "apa"},
        {"items": [{"doc_id": "riverside-review", "start": 0.5, "end": 5}]},
        {"items": [{"doc_id": "nope", "start": 0, "end": 5}]},
        {"items": [{"doc_id": "riverside-review", "start": 0, "end": 5}], "extra": True},
        {"items": [{"doc_id": "riverside-review", "start": 0, "end": 5}], "title": "t" * 121},
    ],
)
def test_a_bad_export_request_is_a_readable_422(client, body):
    r = client.post("/api/export", json=body)
    assert r.status_code == 422 and r.json()["detail"]


@pytest.mark.parametrize("raw", ["", "not json", "{}", "[[1, 2]]"])
def test_a_broken_form_basket_is_a_readable_4xx(client, raw):
    r = client.post("/quotes/export", data={"items": raw, "format": "md"})
    assert 400 <= r.status_code < 500


def test_a_title_with_characters_xml_forbids_still_makes_a_word_file(index, basket):
    data, _, _ = exports.export(index, basket, "docx", title="Hand\x00out\x0b 2033")
    assert "Handout 2033" in read_back("docx", data)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("*bold*", "\\*bold\\*"),
        ("# heading", "\\# heading"),
        ("2021. A year", "2021\\. A year"),
        ("[a](b)", "[a\\](b)"),
        ("a <b> tag", "a \\<b\\> tag"),
        ("&amp; entity", "&amp;amp; entity"),
        ("plain words. (kept)", "plain words. (kept)"),
        ("- list", "\\- list"),
    ],
)
def test_markdown_escapes_only_what_would_be_markup(text, escaped):
    assert md_escape(text) == escaped


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("plain", "plain"), ("", "")],
)
def test_csv_cells_never_start_a_formula(value, cell):
    assert exports.csv_cell(value) == cell


def test_references_list_each_document_once(index, basket):
    items = exports.resolve(index, basket + basket)
    listed = exports.sources(items, exports.Handout(today=TODAY))
    assert len(listed) == 4 and all(s.quotes == 2 for s in listed)
    assert exports.compiled(items, exports.Handout(today=TODAY)) == "8 quotations compiled on 4 March 2033."


@pytest.mark.parametrize("fmt", ["md", "docx", "html", "txt"])
def test_the_handout_groups_its_references_by_report(client, index, basket, fmt):
    """One reference per report, in the order the basket first quotes it, with where its quotes are under it."""
    items = [basket[2], basket[0], basket[2], basket[1]]
    r = client.post("/api/export", json={"items": items, "format": fmt, "title": "Grouped"})
    assert r.status_code == 200, r.text
    text = read_back(fmt, r.content)
    listed = text[text.rindex("References") :]
    titles = [index.documents[items[n]["doc_id"]].meta.title for n in (0, 1, 3)]
    at = [listed.index(t) for t in titles]
    assert at == sorted(at) and len(set(at)) == 3
    first = listed[at[0] : at[1]]
    assert "(2 quotations)" in first or "2 quotations." in first  # the report quoted twice says so once
