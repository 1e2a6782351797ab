"""The extension points are one table each: readable formats (assistant/ingest/formats/registry.py)
and exports (assistant/quoting/exports.py). Every row is complete, the docs show the tables, and no
other module lists what a table holds."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from assistant.ingest.formats import registry
from assistant.quoting import exports

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "assistant"


def string_constants(path: Path) -> set[str]:
    return {
        n.value
        for n in ast.walk(ast.parse(path.read_text()))
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def modules_naming(values: set[str], skip: Path) -> dict[str, set[str]]:
    """Modules of the package (but ``skip``) holding any of ``values`` as a string literal."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path != skip and (hits := string_constants(path) & values):
            found[str(path.relative_to(ROOT))] = hits
    return found


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize("fmt", registry.FORMATS, ids=lambda f: f.name)
def test_every_format_has_a_reader_suffixes_and_media_types(fmt):
    module, _, function = fmt.reader.partition(":")
    assert callable(getattr(importlib.import_module(f"assistant.ingest.formats.{module}"), function))
    assert fmt.suffixes and all(s.startswith(".") and s == s.lower() for s in fmt.suffixes)
    assert fmt.media_types and all("/" in m and m == m.lower() for m in fmt.media_types)
    assert fmt.kind in fmt.accepts and fmt.label and fmt.what


def test_no_suffix_or_media_type_names_two_formats():
    suffixes = [s for f in registry.FORMATS for s in f.suffixes]
    types = [m for f in registry.FORMATS for m in f.media_types]
    assert len(suffixes) == len(set(suffixes)) and len(types) == len(set(types))
    assert len({f.name for f in registry.FORMATS}) == len(registry.FORMATS)


def test_readable_suffixes_and_media_types_are_listed_in_one_module():
    table = Path(registry.__file__)
    assert modules_naming({s for f in registry.FORMATS for s in f.suffixes}, table) == {}
    # The exporter table names the Word type too, as a type it writes.
    named = modules_naming({m for f in registry.FORMATS for m in f.media_types}, table)
    assert set(named) <= {"assistant/quoting/exports.py"}


def test_the_ingest_docs_show_the_format_table():
    assert registry.markdown_table() in (ROOT / "docs" / "ingest.md").read_text()


@pytest.mark.parametrize(
    ("name", "data", "want"),
    [
        ("notes.md", b"# Notes\n\nThe Panel published its report.", "markdown"),
        ("notes.MARKDOWN", b"# Notes\n\nThe Panel published its report.", "markdown"),
        ("notes.txt", b"Notes\n\nThe Panel published its report.", "text"),
        ("page.htm", b"<html><body><h1>Notes</h1><p>The Panel published its report.</p></body></html>", "html"),
    ],
)
def test_a_file_is_read_by_the_format_its_suffix_names(tmp_path, name, data, want):
    from assistant.ingest.documents import load_document

    path = tmp_path / name
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.format == want and "The Panel published its report." in doc.text


def test_a_folder_yields_only_readable_files(tmp_path):
    from assistant.ingest.documents import discover

    for name in ("a.md", "b.csv", "c.TXT", "d.htm", "README.md"):
        (tmp_path / name).write_text("Words.")
    found, problems = discover([str(tmp_path)])
    assert [Path(f).name for f in found] == ["a.md", "c.TXT", "d.htm"] and not problems


def test_an_unknown_suffix_is_refused_by_name(tmp_path):
    from assistant.ingest.documents import DocumentError, load_document

    path = tmp_path / "figures.csv"
    path.write_text("year,count\n2020,482\n")
    with pytest.raises(DocumentError, match=r"unsupported file type \.csv"):
        load_document(path)


@pytest.mark.parametrize(
    ("content_type", "url", "data", "want"),
    [
        ("text/markdown; charset=utf-8", "http://x/notes", b"# Notes\n\nWords.", ".md"),
        ("text/x-rst", "http://x/notes.markdown", b"Notes\n\nWords.", ".markdown"),
        ("text/x-rst", "http://x/notes", b"Notes\n\nWords.", ".txt"),
        ("application/xhtml+xml", "http://x/page", b"<html><body><p>Words.</p></body></html>", ".html"),
        ("", "http://x/notes.text", b"Notes\n\nWords.", ".text"),
    ],
)
def test_a_download_is_read_by_its_declared_type(content_type, url, data, want):
    from assistant.ingest.sources import pick_suffix

    assert pick_suffix(content_type, url, data) == want


def test_a_declared_type_the_bytes_contradict_is_refused():
    from assistant.ingest.sources import DocumentError, pick_suffix

    with pytest.raises(DocumentError, match="the bytes are an HTML page"):
        pick_suffix("application/pdf", "http://x/r.pdf", b"<html><body><p>Sign in</p></body></html>")
    with pytest.raises(DocumentError, match="unsupported content type application/zip"):
        pick_suffix("application/zip", "http://x/r.zip", b"PK\x03\x04")


# ---------------------------------------------------------------- exports


@pytest.mark.parametrize("exporter", exports.EXPORTERS.values(), ids=lambda e: e.name)
def test_every_export_has_a_writer_a_suffix_and_a_media_type(exporter):
    assert callable(exporter.writer) and exporter.label and "/" in exporter.media_type
    assert exporter.suffix.isalnum() and exporter.name in exports.EXPORTERS


def test_the_api_offers_exactly_the_exporters(app):
    schema = app.openapi()["components"]["schemas"]["ExportRequest"]["properties"]["format"]
    assert schema["enum"] == list(exports.EXPORTERS) and schema["default"] == "md"


def test_the_basket_form_offers_exactly_the_exporters(client):
    page = BeautifulSoup(client.get("/quotes").text, "html.parser")
    options = page.select("#export-format option")
    assert [(o["value"], o.get_text()) for o in options] == [(e.name, e.choice) for e in exports.EXPORTERS.values()]


def test_the_quotes_docs_show_the_export_table():
    assert exports.markdown_table() in (ROOT / "docs" / "quotes.md").read_text()


def test_an_unknown_export_format_is_refused_with_the_choices(client):
    r = client.post("/api/export", json={"items": [{"doc_id": "x", "start": 0, "end": 1}], "format": "pdf"})
    assert r.status_code == 422 and all(name in r.text for name in exports.EXPORTERS)


# ---------------------------------------------------------------- finder modes and fusion methods


def test_every_finder_mode_has_a_search_and_the_api_offers_exactly_them(app):
    from assistant.quoting.quotes import FINDERS, Mode

    assert set(FINDERS) == set(Mode) and all(callable(f.find) and f.label for f in FINDERS.values())
    schemas = app.openapi()["components"]["schemas"]
    assert schemas["SearchRequest"]["properties"]["mode"]["enum"] == [m.value for m in Mode]
    param = next(p for p in app.openapi()["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "mode")
    assert param["schema"]["enum"] == [m.value for m in Mode]


def test_the_finder_page_offers_every_mode(client):
    from assistant.quoting.quotes import FINDERS

    page = BeautifulSoup(client.get("/quotes").text, "html.parser")
    offered = [(i["value"], page.find("label", attrs={"for": i["id"]}).get_text()) for i in page.select("[name=mode]")]
    assert offered == [(m.value, f.label) for m, f in FINDERS.items()]


@pytest.mark.parametrize("mode", ["phrase", "words", "meaning"])
def test_each_mode_finds_through_its_own_search(client, mode):
    r = client.get("/api/search", params={"q": "chronology of small concerns", "mode": mode})
    assert r.status_code == 200 and r.json()["mode"] == mode and r.json()["count"] >= 1


def test_an_unknown_mode_is_a_readable_422(client):
    r = client.get("/api/search", params={"q": "chronology", "mode": "regex"})
    assert r.status_code == 422 and "phrase" in r.text


def test_every_fusion_method_has_a_function_and_a_setting_value(monkeypatch):
    from pydantic import ValidationError

    from assistant.answering.retrieval import FUSIONS
    from assistant.settings import Fusion, Settings

    assert set(FUSIONS) == set(Fusion) and all(callable(f) for f in FUSIONS.values())
    for method in Fusion:
        monkeypatch.setenv("ASSISTANT_FUSION", method.value)
        assert Settings().fusion is method
    monkeypatch.setenv("ASSISTANT_FUSION", "max")
    with pytest.raises(ValidationError, match="linear"):
        Settings()
