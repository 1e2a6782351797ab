"""GOV.UK publications by URL, against a local server speaking the Content API's JSON shape.

The server (threaded http.server) answers ``/government/publications/<slug>`` with an HTML page
and ``/api/content/government/publications/<slug>`` with a content item whose attachments are
generated documents on the same origin. Nothing here reaches the real GOV.UK.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from docbuilders import build_html, report_pdf
from typer.testing import CliRunner

from assistant.cli import app
from assistant.index.build import ingest
from assistant.index.store import ChunkSettings, load
from assistant.ingest.documents import DocumentError
from assistant.ingest.sources import CROWN_LICENCE, FetchLimits, allowed_origins, is_publication, read_publication

ORG = "Northshire Safeguarding Review Board"
SUMMARY = build_html(
    "Summary",
    """<article><h1>Annual Review 2031: summary</h1>
<p>The summary explains that every lighthouse review in Northshire now ends with a short
letter to the family, written in plain words, about what will change.</p></article>""",
)


def item(base: str, attachments: list[dict], **extra) -> dict:
    """A content item of schema "publication", reduced to the fields the reader uses."""
    return {
        "base_path": "/government/publications/annual-review-2031",
        "title": "Northshire Annual Review 2031",
        "description": "The board's review of local serious incidents notified in 2031.",
        "document_type": "corporate_report",
        "first_published_at": "2032-05-14T09:30:00.000+01:00",
        "links": {"organisations": [{"title": ORG, "base_path": "/government/organisations/northshire"}]},
        "details": {"attachments": attachments},
        **extra,
    }


def pdf_attachment(base: str, path: str = "/media/annual-review-2031.pdf") -> dict:
    return {
        "title": "Annual Review 2031",
        "url": base + path,
        "content_type": "application/pdf",
        "attachment_type": "file",
    }


class Site:
    """Routes (path -> (status, content type, body, delay), or a function given the request
    handler, for hostile behaviours) served by a threaded http.server."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes, float]] = {}
        self.hits: list[str] = []
        self.auth: list[str] = []  # Authorization headers received
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                site.hits.append(self.path)
                if self.headers.get("Authorization"):
                    site.auth.append(self.headers["Authorization"])
                route = site.routes.get(self.path, (404, "text/plain", b"not here", 0))
                if callable(route):
                    return route(self)
                status, ctype, body, delay = route
                time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def __enter__(self) -> Site:
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()

    def publish(self, slug: str, content, pdf: bytes | None = None, html: bytes | None = None) -> str:
        body = content if isinstance(content, bytes) else json.dumps(content).encode()
        self.routes[f"/api/content/government/publications/{slug}"] = (200, "application/json", body, 0)
        self.routes[f"/government/publications/{slug}"] = (200, "text/html", build_html(slug, "<p>Page</p>"), 0)
        if pdf is not None:
            self.routes["/media/annual-review-2031.pdf"] = (200, "application/pdf", pdf, 0)
        if html is not None:
            self.routes[f"/government/publications/{slug}/summary"] = (200, "text/html; charset=utf-8", html, 0)
        return f"{self.base}/government/publications/{slug}"


@pytest.fixture(scope="module")
def site():
    with Site() as s:
        yield s


@pytest.fixture(scope="module")
def publication(site) -> str:
    attachments = [
        pdf_attachment(site.base),
        {
            "title": "Annual Review 2031: summary",
            "url": "/government/publications/annual-review-2031/summary",
            "content_type": "text/html",
        },
        {"title": "Figures (spreadsheet)", "url": site.base + "/media/figures.csv", "content_type": "text/csv"},
    ]
    return site.publish("annual-review-2031", item(site.base, attachments), pdf=report_pdf(), html=SUMMARY)


def test_publication_pages_are_recognised_on_any_host():
    assert is_publication(
        "https://www.gov.uk/government/publications/child-safeguarding-practice-review-panel-annual-report-2020"
    )
    assert is_publication("http://127.0.0.1:8123/government/publications/x/")
    assert not is_publication("https://www.gov.uk/government/publications/x/an-html-attachment")
    assert not is_publication("https://www.gov.uk/government/news/x")
    # GOV.UK serves attachment files from its asset host; a local page only from itself.
    assert allowed_origins("https://www.gov.uk/government/publications/x") == {
        ("https", "www.gov.uk", 443),
        ("https", "assets.publishing.service.gov.uk", 443),
    }
    assert allowed_origins("http://127.0.0.1:8123/government/publications/x") == {("http", "127.0.0.1", 8123)}


def test_every_pdf_and_html_attachment_is_read_with_the_content_items_metadata(site, publication):
    docs, problems = read_publication(publication)
    assert problems == []  # the spreadsheet is not prose: passed over, not an error
    assert "/media/figures.csv" not in site.hits
    pdf, summary = docs
    assert (pdf.format, summary.format) == ("pdf", "html")
    assert pdf.meta.title == "Annual Review 2031" and summary.meta.title == "Annual Review 2031: summary"
    for doc in docs:
        assert doc.meta.author == doc.meta.publisher == ORG
        assert doc.meta.date == "2032-05-14"
        assert doc.meta.licence == CROWN_LICENCE
        assert doc.meta.description.startswith("The board's review")
        assert doc.meta.kind == "report"  # a corporate_report is cited as the report, with no [kind]
        assert doc.publication == publication
        assert doc.source == doc.meta.source_url  # the attachment's own address, so #page=N works
    assert pdf.source == site.base + "/media/annual-review-2031.pdf"
    assert summary.source == publication + "/summary"
    assert "question the account given by parents" in pdf.text
    assert {p.label for p in pdf.pages if p.index == 5} == {"23"}


def test_cli_ingests_a_publication_and_quotes_link_to_the_pdf_page(
    site, publication, tmp_path, embedder, make_assistant
):
    root = tmp_path / "ix"
    result = CliRunner().invoke(app, ["ingest", publication, "--index", str(root)])
    assert result.exit_code == 0, result.output
    assert "Indexed 2 document(s)" in result.output
    listing = CliRunner().invoke(app, ["documents", "--index", str(root), "--json"])
    rows = {r["id"]: r for r in json.loads(listing.output)}
    assert set(rows) == {"annual-review-2031", "annual-review-2031-summary"}
    assert rows["annual-review-2031"]["publication"] == publication
    assert rows["annual-review-2031"]["format"] == "pdf" and rows["annual-review-2031"]["pages"] == 6

    answer = make_assistant(root).ask("Who questioned the account given by parents and escalated disagreements?")
    assert answer.answered
    quote = answer.quotes[0]
    assert quote.document.id == "annual-review-2031" and quote.page == "23"
    assert quote.link == f"{site.base}/media/annual-review-2031.pdf#page=5"
    assert quote.citation == f"{ORG} (2032) *Annual Review 2031*, p. 23, “Critical thinking and challenge”"


def test_a_publication_that_fails_later_keeps_its_documents(site, tmp_path, embedder):
    page = site.publish("kept-review", item(site.base, [pdf_attachment(site.base)]), pdf=report_pdf())
    root = tmp_path / "ix"
    first = ingest([page], root, embedder, ChunkSettings())
    assert first.documents == ["annual-review-2031"]
    site.routes["/api/content/government/publications/kept-review"] = (503, "text/plain", b"down", 0)
    again = ingest([page], root, embedder, ChunkSettings())
    assert again.kept == ["annual-review-2031"] and again.removed == []
    assert "503" in again.problems[0][1] and again.problems[0][0] == page
    assert "annual-review-2031" in load(root, embedder.name, embedder.dimensions).documents


@pytest.mark.parametrize(
    "slug, content, reason",
    [
        (
            "not-json",
            b"<html>Sorry, try later</html>",
            "/api/content/government/publications/not-json did not answer with a JSON content item",
        ),
        ("a-list", b"[1, 2]", "did not answer with a JSON content item"),
        ("no-attachments", {"title": "Empty", "details": {}}, "lists no attachments (GOV.UK Content API: http://"),
        (
            "only-data",
            {"details": {"attachments": [{"url": "/x.csv", "content_type": "text/csv", "title": "Data"}]}},
            "no readable attachment in the publication (none is a PDF or an HTML page)",
        ),
        ("elsewhere", "ELSEWHERE", "localhost:"),
        (
            "missing-file",
            {"details": {"attachments": [{"url": "/media/gone.pdf", "content_type": "application/pdf"}]}},
            "/media/gone.pdf: the server answered 404 Not Found",
        ),
    ],
)
def test_bad_publications_are_clear_errors_naming_the_url(site, slug, content, reason):
    if content == "ELSEWHERE":  # the same server under another host name: refused before any download
        port = site.base.rsplit(":", 1)[1]
        content = {"details": {"attachments": [pdf_attachment(f"http://localhost:{port}")]}}
    page = site.publish(slug, content)
    with pytest.raises(DocumentError) as failure:
        read_publication(page)
    assert reason in str(failure.value)
    if slug == "elsewhere":
        assert "is not on an allowed origin (http://127.0.0.1:" in str(failure.value)
        assert not any(h.startswith("/media/") for h in site.hits[-1:])


def test_missing_content_api_and_download_limits(site):
    with pytest.raises(
        DocumentError, match="Content API at .*/api/content/government/publications/nowhere: the server answered 404"
    ):
        read_publication(f"{site.base}/government/publications/nowhere")
    page = site.publish("big-file", item(site.base, [pdf_attachment(site.base, "/media/big.pdf")]))
    site.routes["/media/big.pdf"] = (200, "application/pdf", b"%PDF" + b"x" * 200_000, 0)
    with pytest.raises(DocumentError, match="big.pdf: the document is larger than the 100000 bytes limit"):
        read_publication(page, FetchLimits(max_bytes=100_000))
    page = site.publish("slow-file", item(site.base, [pdf_attachment(site.base, "/media/slow.pdf")]))
    site.routes["/media/slow.pdf"] = (200, "application/pdf", report_pdf(), 2.0)
    with pytest.raises(DocumentError, match="slow.pdf: the server did not answer in full within 0.5 seconds"):
        read_publication(page, FetchLimits(timeout=0.5))


def test_cli_reports_a_bad_publication_and_indexes_the_rest(site, publication, tmp_path, embedder):
    bad = site.publish("cli-bad", b"not json at all")
    result = CliRunner().invoke(app, ["ingest", bad, publication, "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0, result.output
    assert (
        f"Skipped {bad}: the GOV.UK Content API at {site.base}/api/content/government/publications/cli-bad"
        in result.output
    )
    assert "Indexed 2 document(s)" in result.output
    assert "Traceback" not in result.output


def test_other_paths_are_read_as_plain_urls(site, publication):
    """An HTML attachment's own address (one level below the publication) is an ordinary page."""
    from assistant.ingest.sources import read_source

    docs, problems = read_source(publication + "/summary")
    assert problems == [] and len(docs) == 1 and docs[0].format == "html" and docs[0].publication == ""
    assert "letter to the family" in docs[0].text


def test_an_attachment_without_a_content_type_is_read_by_its_extension(site, publication):
    page = site.publish(
        "untyped", item(site.base, [{"title": "Annual Review 2031", "url": "/media/annual-review-2031.pdf"}])
    )
    docs, problems = read_publication(page)
    assert problems == [] and [d.format for d in docs] == ["pdf"]
    assert docs[0].meta.source_url == site.base + "/media/annual-review-2031.pdf"
