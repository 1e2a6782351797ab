"""HTML (main content only) and DOCX (heading styles) readers, several documents in one
index, and URL ingestion against a local HTTP server."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docbuilders import build_docx, build_html, report_pdf

from assistant.ingest.documents import DocumentError, load_document
from assistant.ingest.sources import FetchLimits, load_url

NEWS_BODY = """
<article>
  <header><h1>Partnership publishes its review of neglect cases</h1>
  <p class="byline">Posted on <time datetime="2032-06-02">2 June 2032</time></p></header>
  <p>The Northshire partnership has published a review of how schools, health visitors and
  social workers responded to <strong>long-term neglect</strong> in twelve families.</p>
  <h2>What the review found</h2>
  <p>Referrals were clearer when a school nurse had talked the case through first.</p>
  <ul><li>Chronologies were kept by every agency</li><li>Escalation was rare</li></ul>
  <h3>Figures</h3>
  <table><tr><th>Agency</th><th>Referrals</th></tr><tr><td>Schools</td><td>31</td></tr></table>
  <div class="share-links"><a href="#">Share this page on social media</a></div>
</article>
"""
NEWS_META = {"author": "Northshire Partnership Communications Team", "description": "A news item."}

DOCX_ITEMS = [
    ("title", "Training handbook 2032"),
    ("h1", "Supervision"),
    ("p", "Supervisors should make time each month to reflect on cases where a child was not seen."),
    ("h2", "Reflective questions"),
    ("bullet", "What would the child say about their day?"),
    ("bullet", "Who else lives in the household?"),
    ("h1", "Escalation"),
    ("p", "Any practitioner may escalate a disagreement about a referral to a named manager."),
    ("table", [["Step", "Who"], ["First", "Team manager"], ["Second", "Head of service"]]),
]
DOCX_CORE = {
    "title": "Training handbook 2032",
    "author": "Example Learning Hub",
    "subject": "Practice guidance",
    "created": datetime(2032, 3, 1, tzinfo=UTC),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed-corpus")
    (folder / "news.html").write_bytes(build_html("News | Northshire", NEWS_BODY, NEWS_META))
    (folder / "handbook.docx").write_bytes(build_docx(DOCX_ITEMS, DOCX_CORE))
    (folder / "annual-review-2031.pdf").write_bytes(report_pdf())
    (folder / "annual-review-2031.meta.toml").write_text(
        'author = "Example Safeguarding Partnership"\ndate = "2032-05-14"\n', encoding="utf-8"
    )
    (folder / "notes.md").write_text("# Local notes\n\nThe duty desk is open on weekdays only.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def helper(build_index, make_assistant, corpus):
    return make_assistant(build_index([corpus], "mixed-index"))


def test_html_keeps_main_content_only(corpus):
    doc = load_document(corpus / "news.html")
    for chrome in ("cookies", "Training courses", "Northshire Partnership home", "Copyright", "Share this page"):
        assert chrome not in doc.text
    assert "responded to long-term neglect in twelve families." in doc.text
    assert "Chronologies were kept by every agency\nEscalation was rare" in doc.text
    assert "Agency | Referrals\nSchools | 31" in doc.text
    paths = {s.title: s.path for s in doc.sections}
    assert paths["Figures"] == [
        "Partnership publishes its review of neglect cases",
        "What the review found",
        "Figures",
    ]
    assert doc.meta.author == "Northshire Partnership Communications Team"
    assert doc.meta.date == "2032-06-02"
    assert doc.meta.title == "News | Northshire"


def test_html_without_landmarks_uses_trafilatura(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {n} explains how the local panel chose cases for rapid review and what it learned.</p>"
        for n in range(6)
    )
    page = (
        "<html><head><title>Plain page</title></head><body>"
        "<div class='menu'><a href='/'>Home</a> <a href='/a'>About us</a></div>"
        f"<div><h2>Rapid reviews</h2>{paragraphs}</div>"
        "<div class='site-footer'>Footer links and copyright</div></body></html>"
    )
    path = tmp_path / "plain.html"
    path.write_text(page, encoding="utf-8")
    doc = load_document(path)
    assert "Paragraph 5 explains how the local panel chose cases" in doc.text
    assert "About us" not in doc.text and "Footer links" not in doc.text
    assert [s.title for s in doc.sections] == ["Rapid reviews"]


def test_docx_heading_styles_become_sections(corpus):
    doc = load_document(corpus / "handbook.docx")
    by_title = {s.title: s for s in doc.sections}
    assert by_title["Reflective questions"].path[-2:] == ["Supervision", "Reflective questions"]
    assert by_title["Reflective questions"].level == 2
    assert by_title["Escalation"].level == 1
    assert "What would the child say about their day?\nWho else lives in the household?" in doc.text
    assert "Step | Who\nFirst | Team manager\nSecond | Head of service" in doc.text
    assert doc.meta.title == "Training handbook 2032"
    assert doc.meta.author == "Example Learning Hub"
    assert doc.meta.description == "Practice guidance"
    assert doc.meta.date == "2032-03-01"


def test_corrupt_docx_and_unreadable_html_say_why(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04this is not a zip archive")
    with pytest.raises(DocumentError, match="damaged"):
        load_document(bad)
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav><main></main></body></html>")
    with pytest.raises(DocumentError, match="no readable text|no text"):
        load_document(empty)


@pytest.mark.parametrize(
    "question, doc_id, section, citation",
    [
        (
            "Who may escalate a disagreement about a referral?",
            "handbook",
            "Escalation",  # the Title style is a level-1 heading of its own
            "Example Learning Hub (2032) *Training handbook 2032*, “Escalation”",
        ),
        (
            "When were school nurse referrals clearer?",
            "news",
            "Partnership publishes its review of neglect cases › What the review found",
            "Northshire Partnership Communications Team (2032) *News | Northshire*, “What the review found”",
        ),
        (
            "Who protected children by questioning parents' accounts?",
            "annual-review-2031",
            "Practice themes › Critical thinking and challenge",
            "Example Safeguarding Partnership (2032) *Annual Review 2031*, p. 23, “Critical thinking and challenge”",
        ),
    ],
)
def test_several_documents_in_one_index(helper, question, doc_id, section, citation):
    assert set(helper.index.documents) == {"news", "handbook", "annual-review-2031", "notes"}
    quote = helper.ask(question, threshold=0.0).quotes[0]
    assert quote.document.id == doc_id
    assert quote.section == section
    assert quote.citation == citation
    assert helper.index.documents[doc_id].text[quote.start : quote.end] == quote.text


# ---------------------------------------------------------------- URLs, against a local server


@pytest.fixture(scope="module")
def site(serve) -> str:
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    pdf = report_pdf()
    html = build_html("News | Northshire", NEWS_BODY, NEWS_META)
    docx_bytes = build_docx(DOCX_ITEMS, DOCX_CORE)

    async def handler(request):
        name = request.path_params["name"]
        if name == "report":
            return Response(pdf, media_type="application/pdf")
        if name == "news":
            return Response(html, media_type="text/html; charset=utf-8")
        if name == "handbook.docx":
            return Response(docx_bytes, media_type="application/octet-stream")
        if name == "slow":
            await asyncio.sleep(3)
            return Response("late", media_type="text/plain")
        if name == "big":
            return Response(b"x" * 300_000, media_type="text/plain")
        if name == "image":
            return Response(b"\x89PNG\r\n\x1a\n", media_type="image/png")
        if name == "broken":
            return Response("oops", status_code=500)
        return Response("not here", status_code=404)

    return serve(Starlette(routes=[Route("/{name}", handler)]))


def test_url_pdf_html_and_docx(site):
    report = load_url(f"{site}/report")
    assert report.format == "pdf" and report.source == f"{site}/report"
    assert report.meta.source_url == f"{site}/report"
    assert "question the account given by parents" in report.text
    assert {p.label for p in report.pages if p.index == 5} == {"23"}
    news = load_url(f"{site}/news")
    assert news.format == "html" and "Copyright" not in news.text
    handbook = load_url(f"{site}/handbook.docx")
    assert handbook.format == "docx" and handbook.meta.id == "handbook"


@pytest.mark.parametrize(
    "path, reason, kwargs",
    [
        ("missing", "404 Not Found", {}),
        ("broken", "500 Internal Server Error", {}),
        ("slow", "within 0.5 seconds", {"limits": FetchLimits(timeout=0.5)}),
        ("big", "larger than the 100000 bytes limit", {"limits": FetchLimits(max_bytes=100_000)}),
        ("image", "unsupported content type image/png", {}),
    ],
)
def test_url_failures_say_why(site, path, reason, kwargs):
    with pytest.raises(DocumentError, match=reason):
        load_url(f"{site}/{path}", **kwargs)


def test_url_that_cannot_connect():
    from tests.conftest import free_port

    with pytest.raises(DocumentError, match="could not fetch"):
        load_url(f"http://127.0.0.1:{free_port()}/nothing", FetchLimits(timeout=2))


def test_cli_ingests_a_url_and_reports_a_failing_one(site, tmp_path):
    from typer.testing import CliRunner

    from assistant.cli import app

    result = CliRunner().invoke(app, ["ingest", f"{site}/report", f"{site}/missing", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0, result.output
    assert "Indexed 1 document(s)" in result.output
    assert f"Skipped {site}/missing: the server answered 404 Not Found" in result.output


def test_cli_fetch_limits_come_from_options_or_the_environment(site, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from assistant.cli import app

    runner = CliRunner()
    ix = str(tmp_path / "ix")
    monkeypatch.setenv("ASSISTANT_FETCH_MAX_BYTES", "100000")
    result = runner.invoke(
        app, ["ingest", f"{site}/news", f"{site}/big", f"{site}/slow", "--index", ix, "--fetch-timeout", "0.5"]
    )
    assert result.exit_code == 0, result.output
    assert f"Skipped {site}/big: " in result.output and "larger than the 100000 bytes limit" in result.output
    assert f"Skipped {site}/slow: " in result.output and "within 0.5 seconds" in result.output
    assert "Indexed 1 document(s)" in result.output

    bad = runner.invoke(app, ["ingest", f"{site}/news", "--index", ix, "--fetch-timeout", "0"])
    assert bad.exit_code == 2 and "invalid setting (fetch_timeout: Input should be greater than 0)" in bad.output
    assert "Traceback" not in bad.output
