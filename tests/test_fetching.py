"""Fetching against hostile origins on loopback: redirects to other hosts and ports, trickling
servers, bytes that contradict their declared type, and credentials in addresses.

Every case goes through the real code path (read_source / read_publication / the CLI) against
real HTTP servers in threads (test_govuk.Site); nothing reaches the internet.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import subprocess
import sys
import time

import pytest
from docbuilders import build_html, report_pdf
from test_govuk import Site, item

from assistant.ingest.documents import DocumentError
from assistant.ingest.fetching import FetchLimits, fetch, redact
from assistant.ingest.sources import pick_suffix, read_publication, read_source
from tests.conftest import child_env

INTERNAL = b"<html><body><p>INTERNAL ONLY: the staff rota and door codes.</p></body></html>"
PAGE = build_html("Lighthouse", "<p>Every lighthouse review ends with a letter to the family.</p>")


@pytest.fixture(scope="module")
def site():
    with Site() as s:
        yield s


@pytest.fixture(scope="module")
def inside():
    """Another server on the same host, another port: what a redirect must never reach."""
    with Site() as s:
        s.routes["/internal"] = (200, "text/html", INTERNAL, 0)
        yield s


def redirect(location: str, status: int = 302):
    def answer(handler):
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def html_attachment(path: str, title: str = "Lighthouse") -> dict:
    return {"title": title, "url": path, "content_type": "text/html"}


def test_an_attachment_redirected_to_another_port_or_host_is_refused(site, inside):
    port = site.base.rsplit(":", 1)[1]
    site.routes["/media/to-port"] = redirect(inside.base + "/internal")
    site.routes["/media/to-host"] = redirect(f"http://localhost:{port}/media/page")
    site.routes["/media/page"] = (200, "text/html", PAGE, 0)
    site.routes["/media/hop"] = redirect("/media/page", 307)  # within the origin: followed
    page = site.publish(
        "redirects",
        item(
            site.base,
            [
                html_attachment("/media/to-port", "A"),
                html_attachment("/media/to-host", "B"),
                html_attachment("/media/hop"),
            ],
        ),
    )
    before = len(inside.hits)
    docs, problems = read_publication(page)
    assert [d.source for d in docs] == [site.base + "/media/hop"] and "letter to the family" in docs[0].text
    assert len(inside.hits) == before  # never asked
    reasons = dict(problems)
    assert f"{inside.base}/internal is not on an allowed origin ({site.base})" in reasons[site.base + "/media/to-port"]
    assert f"http://localhost:{port}/media/page is not on an allowed origin" in reasons[site.base + "/media/to-host"]
    assert not any("INTERNAL" in d.text for d in docs)


def test_the_content_api_request_does_not_follow_a_redirect_elsewhere(site, inside):
    site.routes["/api/content/government/publications/moved"] = redirect(inside.base + "/api/content/x")
    with pytest.raises(DocumentError, match=r"Content API at .*/moved: .* is not on an allowed origin"):
        read_publication(site.base + "/government/publications/moved")
    assert "/api/content/x" not in inside.hits


def test_a_plain_url_source_redirected_elsewhere_and_redirect_loops(site, inside):
    site.routes["/plain"] = redirect(inside.base + "/internal", 301)
    with pytest.raises(DocumentError, match="is not on an allowed origin"):
        read_source(site.base + "/plain")
    site.routes["/loop"] = redirect("/loop")
    with pytest.raises(DocumentError, match="more than 5 redirects"):
        read_source(site.base + "/loop")
    site.routes["/to-ftp"] = redirect("ftp://127.0.0.1/file")
    with pytest.raises(DocumentError, match="only http"):
        read_source(site.base + "/to-ftp")
    site.routes["/bad-hop"] = redirect("http://[::1")
    with pytest.raises(DocumentError, match=r"redirected to an invalid address: http://\[::1"):
        read_source(site.base + "/bad-hop")
    assert "/internal" not in inside.hits


def test_credentials_are_never_sent_stored_or_shown(site):
    site.routes["/media/page"] = (200, "text/html", PAGE, 0)
    host = site.base.split("//")[1]
    site.routes["/secret-hop"] = redirect(f"http://user:hunter2@{host}/media/page")
    page = site.publish(
        "credentials",
        item(site.base, [html_attachment(f"http://user:hunter2@{host}/media/page"), html_attachment("/secret-hop")]),
    )
    before = len(site.hits)
    with pytest.raises(DocumentError) as failure:
        read_publication(page)
    assert "hunter2" not in str(failure.value) and "user:" not in str(failure.value)
    assert "carries a user name or password: credentials are never sent or stored" in str(failure.value)
    assert "/media/page" not in site.hits[before:] and site.auth == []
    with pytest.raises(DocumentError, match="credentials are never sent") as failure:
        read_source(f"http://user:hunter2@{host}/media/page")
    assert "hunter2" not in str(failure.value)
    assert redact("https://u:p@example.org:8443/a?b#c") == "https://example.org:8443/a?b#c"


def test_one_deadline_for_the_whole_fetch(site):
    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", "40")
        handler.end_headers()
        try:
            for _ in range(40):  # 40 bytes over 16 s, each read well inside the timeout
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(0.4)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def slow_head(handler):
        try:
            handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(40):
                handler.wfile.write(b"X")
                handler.wfile.flush()
                time.sleep(0.4)
        except (BrokenPipeError, ConnectionResetError):
            pass

    site.routes["/trickle"] = trickle
    site.routes["/slow-head"] = slow_head
    site.routes["/hop-to-trickle"] = redirect("/trickle")
    for path in ("/trickle", "/slow-head", "/hop-to-trickle"):
        started = time.monotonic()
        with pytest.raises(DocumentError, match="did not answer in full within 1.5 seconds"):
            read_source(site.base + path, FetchLimits(timeout=1.5))
        assert time.monotonic() - started < 2.5, path


@pytest.mark.parametrize(
    "path, ctype, body, reason",
    [
        ("/m/a.pdf", "text/html", "PDF", "the server calls it text/html but the bytes are a PDF: not read"),
        ("/m/b.pdf", "application/pdf", INTERNAL, "calls it application/pdf but the bytes are an HTML page"),
        ("/m/c", "text/plain", "PDF", "calls it text/plain but the bytes are a PDF"),
        ("/m/d.pdf", "application/octet-stream", INTERNAL, "the address ends .pdf but the bytes are an HTML page"),
        ("/m/e.html", "text/html", b"PK\x03\x04junk", "calls it text/html but the bytes are binary data"),
        ("/m/f", "application/octet-stream", b"\x00\x01\x02 binary", "the bytes are binary data"),
    ],
)
def test_content_type_is_checked_against_the_bytes(site, path, ctype, body, reason):
    site.routes[path] = (200, ctype, report_pdf() if body == "PDF" else body, 0)
    with pytest.raises(DocumentError, match=reason):
        read_source(site.base + path)


def test_an_attachment_must_be_what_its_publication_lists(site):
    """A login page answering for the PDF the content item lists: type and bytes agree, but it is not the PDF."""
    site.routes["/media/login"] = (200, "text/html", INTERNAL, 0)
    page = site.publish(
        "login", item(site.base, [{"title": "Report", "url": "/media/login", "content_type": "application/pdf"}])
    )
    with pytest.raises(
        DocumentError, match="/media/login: the publication lists it as a PDF but the server sent an HTML"
    ):
        read_publication(page)


def test_undeclared_types_are_read_as_sniffed():
    pdf = report_pdf()
    assert pick_suffix("application/octet-stream", "http://x/report", pdf) == ".pdf"
    assert pick_suffix("", "http://x/page", PAGE) == ".html"
    assert pick_suffix("text/html; charset=utf-8", "http://x/notes", b"Plain words only.") == ".html"
    assert pick_suffix("", "http://x/notes.md", b"# Notes\n\nSome words.") == ".md"
    assert pick_suffix("application/pdf", "http://x/r", b"\xef\xbb\xbf\n" + pdf) == ".pdf"


def test_a_host_name_resolving_to_loopback_is_refused_unless_allowed(site):
    name = socket.gethostname()
    assert not ipaddress.ip_address(socket.gethostbyname(name)).is_global  # this machine's own name
    site.routes["/media/page"] = (200, "text/html", PAGE, 0)
    url = f"http://{name}:{site.base.rsplit(':', 1)[1]}/media/page"
    with pytest.raises(DocumentError, match="resolves to a private or loopback address"):
        fetch(url)
    assert b"letter to the family" in fetch(url, FetchLimits(allow_private=True)).data


def test_cli_skips_the_hostile_attachment_and_indexes_the_rest(site, inside, tmp_path, make_app):
    """The real CLI in a subprocess: the redirected attachment is a per-source error, never indexed."""
    site.routes["/media/page"] = (200, "text/html", PAGE, 0)
    site.routes["/media/escape"] = redirect(inside.base + "/internal")
    canonical = build_html(
        "Canonical",
        "<p>The board meets every quarter with the lighthouse keepers.</p>",
        {"og:url": "https://user:hunter2@example.org/board"},
    )
    site.routes["/media/canonical"] = (200, "text/html", canonical, 0)
    page = site.publish(
        "cli-hostile",
        item(site.base, [html_attachment("/media/page"), html_attachment("/media/escape", "Escape")]),
    )
    root = tmp_path / "ix"
    host = site.base.split("//")[1]
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", page, site.base + "/media/canonical", "--index", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        env=child_env(PYTHONPATH=os.getcwd()),
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"Skipped {site.base}/media/escape: {inside.base}/internal is not on an allowed origin" in result.stderr
    assert "Indexed 2 document(s)" in result.stdout
    stored = "".join(p.read_text() for p in root.rglob("*.json*"))
    assert "INTERNAL ONLY" not in stored and "hunter2" not in stored and "user:" not in stored
    assert "/internal" not in inside.hits
    from fastapi.testclient import TestClient

    with TestClient(make_app(root)) as client:  # nothing of the credentials on any page
        for path in ("/about", "/documents", "/documents/canonical", "/api/documents"):
            shown = client.get(path)
            assert shown.status_code == 200 and "hunter2" not in shown.text, path
        assert "https://example.org/board" in client.get("/documents/canonical").text
    bad = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", f"http://user:hunter2@{host}/media/page", "--index", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        env=child_env(PYTHONPATH=os.getcwd()),
    )
    assert "hunter2" not in bad.stdout + bad.stderr and "credentials are never sent or stored" in bad.stderr
    assert json.loads((root / "builds" / (root / "CURRENT").read_text().strip() / "manifest.json").read_text())
