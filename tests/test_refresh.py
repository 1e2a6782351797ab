"""Kept current: ``assistant ingest --refresh`` and takedowns, through the real CLI in subprocesses
against the local Content-API server of tests/test_govuk.py.

A refresh re-checks every recorded source: an updated publication is read again, a withdrawn
one is kept and flagged (its notice on every quote), one that is gone (410) is kept and
reported, a new file in a recorded folder is added. A takedown hides a document from answers,
the finder and the pages, survives re-ingest and refresh, is listed, and can be undone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docbuilders import build_html
from fastapi.testclient import TestClient
from test_govuk import Site, item

from tests.conftest import child_env

# Answer whatever scores best: these checks are about which documents may be quoted, not abstention.
ENV = child_env(PYTHONPATH=os.getcwd(), ASSISTANT_MIN_CONFIDENCE="0")
NOTICE = {
    "explanation": '<div class="govspeak"><p>This review has been replaced by the <a href="/x">2033 review</a>.</p>'
    "</div>",
    "withdrawn_at": "2033-03-03T10:00:00.000+00:00",
}


def cli(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, timeout=300, env=ENV
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def page(title: str, text: str) -> bytes:
    return build_html(title, f"<article><h1>{title}</h1><p>{text}</p></article>")


def publish(site: Site, slug: str, title: str, text: str, more: tuple = (), **extra) -> str:
    """A publication whose HTML attachment says ``text`` (and ``more`` attachments before it)."""
    attachment = {"title": title, "url": f"/government/publications/{slug}/summary", "content_type": "text/html"}
    return site.publish(slug, item(site.base, [*more, attachment], **extra), html=page(title, text))


def documents(root: Path) -> dict[str, dict]:
    listed = cli("documents", "--index", str(root), "--json")
    assert listed.returncode == 0, listed.stderr
    return {row["id"]: row for row in json.loads(listed.stdout)}


def ask(root: Path, question: str) -> list[dict]:
    answer = cli("ask", question, "--index", str(root), "--json", "-k", "5")
    assert answer.returncode == 0, answer.stderr
    return json.loads(answer.stdout)["quotes"]


@pytest.fixture
def site():
    with Site() as s:
        yield s


def test_refresh_reads_updates_flags_withdrawals_keeps_gone_sources_and_adds_new_files(site, tmp_path, make_app):
    annex = {"title": "Lantern annex", "url": "/media/annex", "content_type": "text/html"}
    site.routes["/media/annex"] = (200, "text/html", page("Lantern annex", "Lantern oil was bought in bulk."), 0)
    lanterns = publish(
        site, "lanterns", "Lantern review", "Lantern keepers visited every family twice a year.", more=[annex]
    )
    harbour = publish(site, "harbour", "Harbour review", "Harbour pilots reported worries about children at once.")
    ferry = publish(site, "ferry", "Ferry review", "Ferry crews were trained to notice children travelling alone.")
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "gulls.md").write_text("# Gull notes\n\nGull wardens wrote down every injured chick they found.\n")
    root = tmp_path / "ix"
    first = cli("ingest", lanterns, harbour, ferry, str(folder), "--index", str(root))
    assert first.returncode == 0, first.stderr
    assert set(documents(root)) == {"lantern-review", "lantern-annex", "harbour-review", "ferry-review", "gulls"}

    # Updated (new text, new public_updated_at, the annex no longer listed), withdrawn, gone; a new file.
    publish(
        site,
        "lanterns",
        "Lantern review",
        "Lantern keepers now visit every family four times a year, with a nurse.",
        public_updated_at="2033-01-10T09:00:00.000+00:00",
    )
    publish(
        site,
        "harbour",
        "Harbour review",
        "Harbour pilots reported worries about children at once.",
        withdrawn_notice=NOTICE,
    )
    site.routes["/api/content/government/publications/ferry"] = (410, "application/json", b'{"error": "gone"}', 0)
    (folder / "terns.md").write_text("# Tern notes\n\nTern counters closed the beach while the chicks fledged.\n")
    current = (root / "CURRENT").read_text()

    refreshed = cli("ingest", "--refresh", "--index", str(root))
    assert refreshed.returncode == 0, refreshed.stderr
    assert "Updated lantern-review" in refreshed.stdout and "Added terns" in refreshed.stdout
    assert "Withdrawn by its publisher: harbour-review (kept; its quotes say so)" in refreshed.stderr
    assert f"Skipped {ferry}: the GOV.UK Content API at" in refreshed.stderr and "410 Gone" in refreshed.stderr
    assert "Kept the previous version of ferry-review" in refreshed.stderr
    assert f"Skipped {site.base}/media/annex: no longer listed by {lanterns}; kept as indexed" in refreshed.stderr
    assert (root / "CURRENT").read_text() != current

    rows = documents(root)
    assert set(rows) == {"lantern-review", "lantern-annex", "harbour-review", "ferry-review", "gulls", "terns"}
    withdrawn = (
        "The publisher withdrew this document on 3 March 2033: This review has been replaced by the 2033 review."
    )
    assert rows["harbour-review"]["withdrawn_notice"] == withdrawn
    assert not rows["lantern-review"]["withdrawn_notice"]
    listing = cli("documents", "--index", str(root)).stdout
    assert withdrawn in listing

    quotes = {q["document"]["id"]: q for q in ask(root, "How often do lantern keepers visit families?")}
    assert "four times a year" in quotes["lantern-review"]["text"]
    plain = cli("ask", "Who reported worries about children at once?", "--index", str(root), "-k", "5").stdout
    assert withdrawn in plain
    harbour_quote = next(
        q for q in ask(root, "Who reported worries about children at once?") if q["document"]["id"] == "harbour-review"
    )
    assert harbour_quote["document"]["withdrawn"] == withdrawn
    with TestClient(make_app(root, min_confidence=0.0)) as client:  # the quote card says so too
        chat = client.post("/", data={"question": "Who reported worries about children at once?"})
        assert chat.status_code == 200 and f'<p class="quote__withdrawn"><strong>{withdrawn}</strong></p>' in chat.text
    current = (root / "CURRENT").read_text()

    # Nothing changed since: no new build, and it says so.
    again = cli("ingest", "--refresh", "--index", str(root))
    assert again.returncode == 0, again.stderr
    assert "is up to date with its sources" in again.stdout
    assert "Kept the previous version of ferry-review" in again.stderr  # still reported
    assert (root / "CURRENT").read_text() == current


def test_a_takedown_hides_a_document_survives_reingest_and_refresh_and_can_be_undone(tmp_path, make_app):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "otters.md").write_text("# Otter notes\n\nOtter watchers logged the family of five on the river.\n")
    (folder / "herons.md").write_text("# Heron notes\n\nHeron watchers counted the nests in the tall pines.\n")
    root = tmp_path / "ix"
    assert cli("ingest", str(folder), "--index", str(root)).returncode == 0

    missing = cli("documents", "--withdraw", "otters", "--index", str(root))
    assert missing.returncode == 2 and "--reason" in missing.stderr
    unknown = cli("documents", "--withdraw", "badgers", "--reason", "x", "--index", str(root))
    assert unknown.returncode == 1 and "there is no document 'badgers'" in unknown.stderr
    down = cli("documents", "--withdraw", "otters", "--reason", "Court order 12/34", "--index", str(root))
    assert down.returncode == 0, down.stderr
    assert "Took down otters" in down.stdout
    assert json.loads((root / "takedowns.json").read_text())["otters"]["reason"] == "Court order 12/34"

    def hidden() -> None:
        rows = documents(root)
        assert {"otters", "herons"} <= set(rows)  # kept, and listed
        assert rows["otters"]["takedown"]["reason"] == "Court order 12/34" and rows["otters"]["passages"] == 0
        assert "TAKEN DOWN" in cli("documents", "--index", str(root)).stdout
        quoted = {q["document"]["id"] for q in ask(root, "Who logged the otter family on the river?")}
        assert "herons" in quoted and "otters" not in quoted

    hidden()
    assert cli("ingest", str(folder), "--index", str(root)).returncode == 0  # re-ingest
    hidden()
    (folder / "otters.md").write_text("# Otter notes\n\nOtter watchers logged the family of six on the river.\n")
    assert cli("ingest", "--refresh", "--index", str(root)).returncode == 0  # a changed file, refreshed
    hidden()
    (folder / "voles.md").write_text("# Vole notes\n\nVole surveys found burrows along the bank.\n")
    added = cli("ingest", "--index", str(root))  # no sources: the recorded folder's new file, no fetching
    assert added.returncode == 0 and "Added voles" in added.stdout, added.stderr
    hidden()
    assert cli("ingest", "--remove", "voles", "--index", str(root)).returncode == 0
    kept_out = cli("ingest", "--index", str(root))  # removed by id: not a "new file" again
    assert "up to date" in kept_out.stdout and "voles" not in documents(root)

    with TestClient(make_app(root)) as client:  # the finder and the pages
        assert client.get("/documents/otters").status_code == 404
        assert "Otter notes" not in client.get("/documents").text
        found = client.get("/quotes", params={"q": "otter watchers", "mode": "phrase"})
        assert found.status_code == 200 and "family of" not in found.text
        assert "Heron" in client.get("/quotes", params={"q": "heron watchers", "mode": "phrase"}).text

    back = cli("documents", "--restore", "otters", "--index", str(root))
    assert back.returncode == 0, back.stderr
    assert "family of six" in ask(root, "Who logged the otter family on the river?")[0]["text"]
    assert documents(root)["otters"]["takedown"] is None
    assert cli("documents", "--restore", "otters", "--index", str(root)).returncode == 1
