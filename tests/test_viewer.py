"""Open in the report, on the server: the index keeps a copy of each PDF it ingests (from a file
or a URL, through the real CLI), serves only those, and the viewer page carries the quote cut by
PDF page; anything that is not a PDF goes to the text version."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).parent))
from docbuilders import report_pdf  # noqa: E402

from tests.conftest import child_env  # noqa: E402

PDF = report_pdf()  # made once: the PDF carries its creation time
NOTES = "# Notes\n\nA short note that is not a PDF, about the annual review.\n"


@pytest.fixture(scope="module")
def moved(build_index, tmp_path_factory):
    """An index of a PDF and a Markdown file whose sources were then moved away."""
    folder = tmp_path_factory.mktemp("viewer-docs")
    (folder / "review.pdf").write_bytes(PDF)
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    root = build_index([folder], "viewer-index")
    shutil.move(folder, tmp_path_factory.mktemp("moved") / "elsewhere")
    return root


@pytest.fixture(scope="module")
def vclient(make_app, moved):
    from fastapi.testclient import TestClient

    with TestClient(make_app(moved)) as c:
        yield c


def test_the_build_keeps_a_copy_of_each_pdf(moved):
    from assistant.index.store import current_build, original_path, read_manifest

    build = current_build(moved)
    assert original_path(build, "review").read_bytes() == PDF
    assert not original_path(build, "notes").exists()  # only PDFs: the text is the document itself
    assert "originals/review.pdf" in read_manifest(build)["files"]  # checked like every index file


def test_the_copy_is_served_after_the_file_moved(vclient):
    r = vclient.get("/documents/review/report.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content == PDF
    assert r.headers["content-disposition"] == 'inline; filename="review.pdf"'


@pytest.mark.parametrize(
    "path",
    [
        "/documents/notes/report.pdf",  # held, but not a PDF
        "/documents/nope/report.pdf",
        "/documents/..%2Fmanifest/report.pdf",
        "/documents/review%2F..%2F..%2Fmanifest.json/report.pdf",
        "/documents/.../report.pdf",
    ],
)
def test_only_ingested_pdfs_are_served(vclient, path):
    r = vclient.get(path)
    assert r.status_code == 404
    assert "%PDF" not in r.text and "model" not in r.text


def quote_in(client, text: str) -> dict:
    found = client.get("/api/search", params={"q": text, "document": "review"}).json()["results"]
    assert found, text
    return found[0]


def test_the_viewer_page_carries_the_quote_by_page(vclient):
    q = quote_in(vclient, "fathers")
    page = vclient.get(f"/documents/review/report?start={q['start']}&end={q['end']}")
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    box = soup.select_one("[data-viewer]")
    pieces = json.loads(box["data-pieces"])
    assert int(box["data-page"]) == q["pdf_page"] == pieces[0]["page"]
    assert " ".join(" ".join(p["pieces"]) for p in pieces).split() == q["text"].split()
    assert box["data-pdf"] == "/documents/review/report.pdf"
    assert box["data-pdfjs"].startswith("/static/vendor/pdfjs/")
    assert soup.select_one(".viewer__quote blockquote").get_text() == q["text"]
    assert soup.h1.get_text() == f"Annual Review 2031, page {q['page']}"
    fallback = soup.find("a", string="Read this passage as text")
    assert fallback["href"] == f"/documents/review?start={q['start']}&end={q['end']}#passage"
    # Without offsets: the first page, nothing to mark; bad offsets are ignored, not an error.
    for query in ("", "?start=x&end=99999999"):
        plain = BeautifulSoup(vclient.get("/documents/review/report" + query).text, "html.parser")
        assert plain.select_one("[data-viewer]")["data-page"] == "1" and not plain.select(".viewer__quote")


def test_the_viewer_falls_back_to_the_text(vclient):
    r = vclient.get("/documents/notes/report?start=2&end=9", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/documents/notes?start=2&end=9#passage"
    assert vclient.get("/documents/nope/report").status_code == 404


def test_links_open_in_the_report_only_for_pdfs(vclient):
    q = quote_in(vclient, "fathers")
    href = f"/documents/review/report?start={q['start']}&end={q['end']}"
    results = BeautifulSoup(vclient.get("/quotes", params={"q": "fathers"}).text, "html.parser")
    assert href in [a["href"] for a in results.select(".result__actions a")]
    doc_page = BeautifulSoup(vclient.get(f"/documents/review?start={q['start']}&end={q['end']}").text, "html.parser")
    assert doc_page.select_one("a.doc-passage-report")["href"] == href
    notes = BeautifulSoup(vclient.get("/quotes", params={"q": "annual review"}).text, "html.parser")
    assert not any("/report" in a["href"] for a in notes.select(".result__actions a"))


def test_a_kept_document_keeps_its_copy_and_a_url_ingest_has_one(moved, tmp_path):
    """Through the real CLI: adding a URL keeps the moved file's copy and stores the fetched PDF."""
    from test_govuk import Site

    from assistant.index.store import current_build, original_path

    site = Site()
    try:
        site.routes["/media/other-review.pdf"] = (200, "application/pdf", PDF, 0)
        root = tmp_path / "index"
        shutil.copytree(moved, root)
        result = subprocess.run(
            [sys.executable, "-m", "assistant", "ingest", "--add", site.base + "/media/other-review.pdf"]
            + ["--index", str(root)],
            capture_output=True,
            text=True,
            timeout=300,
            env=child_env(),
        )
    finally:
        site.server.shutdown()
    assert result.returncode == 0, result.stderr
    build = current_build(root)
    copies = sorted(p.name for p in (build / "originals").iterdir())
    assert "review.pdf" in copies and len(copies) == 2, copies  # the moved file's, and the URL's
    assert all(p.read_bytes() == PDF for p in (build / "originals").iterdir())
    assert original_path(build, "review").read_bytes() == PDF
