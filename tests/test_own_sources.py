"""The index owns its sources: the documented ingest-then-serve flow through the real CLI,
and nothing ingested is ever dropped by ``serve`` or by a rebuild.

docs/ingest.md: ``assistant ingest corpus/ reports/`` then ``assistant serve``. ``serve``
re-reads only the recorded sources that changed, keeps (and warns about) those that are gone,
and rebuilds from its own records -- never from the bundled corpus -- when the model or the
chunking changed.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
from docbuilders import REPORT_FOOTER, REPORT_HEADER, REPORT_NUMBERS, REPORT_PAGES, build_pdf, report_pdf
from typer.testing import CliRunner

from assistant.cli import app
from assistant.index import store as index_mod
from assistant.index.build import check_sources, ingest, refresh
from assistant.index.store import ChunkSettings
from assistant.settings import BUNDLED_CORPUS
from tests.conftest import free_port

CMD = [sys.executable, "-m", "assistant"]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
NEWS = "panel-annual-report-2020-news"
PDF_QUESTION = "Which practitioners protected children more reliably?"
NEWS_QUESTION = "What did Annie Hudson say about the Panel's annual report?"
NEW_TEXT = [
    "Practitioners who kept a written chronology of every home visit noticed",
    "the signs of neglect months sooner than colleagues who relied on memory.",
]


def revised_pdf() -> bytes:
    """The report with its page 23 paragraph rewritten (a corrected edition)."""
    pages = copy.deepcopy(REPORT_PAGES)
    pages[4][2] = ("p", NEW_TEXT)
    return build_pdf(
        pages,
        header=REPORT_HEADER,
        footer=REPORT_FOOTER,
        numbers=REPORT_NUMBERS,
        title="Annual Review 2031",
        author="Example Safeguarding Partnership",
    )


def cli(*args, timeout=300):
    result = subprocess.run([*CMD, *args], capture_output=True, text=True, timeout=timeout, env=ENV)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@contextmanager
def serving(index: Path, log: Path):
    """``assistant serve`` in a subprocess; yields its base URL once it answers."""
    port = free_port()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*CMD, "serve", "--port", str(port), "--index", str(index)],
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            env=ENV,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 300
        while True:
            try:
                httpx.get(f"{base}/healthz", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, log.read_text()
                assert time.time() < deadline, "the server did not start:\n" + log.read_text()
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def top_quote(base: str, question: str) -> dict:
    answer = httpx.post(f"{base}/api/ask", json={"question": question}, timeout=60).json()
    assert answer["answered"], answer
    return answer["quotes"][0]


def documents(index: Path) -> dict[str, dict]:
    result = cli("documents", "--index", str(index), "--json")
    assert result.returncode == 0, result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


def test_the_documented_flow_ingest_then_serve_keeps_every_document(tmp_path):
    reports, index = tmp_path / "reports", tmp_path / "index"
    reports.mkdir()
    pdf = reports / "review.pdf"
    pdf.write_bytes(report_pdf())
    result = cli("ingest", str(BUNDLED_CORPUS), str(reports), "--index", str(index))
    assert result.returncode == 0, result.stderr
    assert "Indexed 2 document(s)" in result.stdout
    listed = documents(index)
    assert set(listed) == {NEWS, "review"}
    assert listed["review"]["source"] == str(pdf) and listed["review"]["format"] == "pdf"
    assert listed["review"]["pages"] == 6 and listed["review"]["passages"] > 0
    assert listed[NEWS]["source"].endswith("panel-annual-report-2020-news.txt")
    text = cli("documents", "--index", str(index)).stdout
    assert "review  Annual Review 2031" in text and f"source: {pdf}" in text and "ingested 20" in text

    # 1. serve: both documents answer, nothing is rebuilt or removed.
    log = tmp_path / "serve-1.log"
    build = index_mod.current_build(index)
    with serving(index, log) as base:
        pdf_quote = top_quote(base, PDF_QUESTION)
        assert pdf_quote["document"]["id"] == "review" and pdf_quote["page"] == "23"
        assert "question the account given by parents" in pdf_quote["text"]
        assert top_quote(base, NEWS_QUESTION)["document"]["id"] == NEWS
    assert "Removed" not in log.read_text() and "Building" not in log.read_text()
    assert index_mod.current_build(index) == build

    # 2. the PDF changes: serve re-reads that one document and keeps the other as it was.
    time.sleep(1.1)  # ingested-at has one-second resolution
    pdf.write_bytes(revised_pdf())
    log = tmp_path / "serve-2.log"
    with serving(index, log) as base:
        quote = top_quote(base, "Who noticed the signs of neglect sooner?")
        assert quote["document"]["id"] == "review" and "written chronology" in quote["text"]
        assert top_quote(base, NEWS_QUESTION)["document"]["id"] == NEWS
    said = log.read_text()
    assert f"{pdf} changed" in said
    assert "Indexed 2 document(s)" in said and "(1 embedded, 1 unchanged;" in said
    assert "Removed" not in said
    assert "Batches" not in said and "Loading weights" not in said  # serve prints no progress bars
    after = documents(index)
    assert after[NEWS]["ingested_at"] == listed[NEWS]["ingested_at"]
    assert after["review"]["ingested_at"] > listed["review"]["ingested_at"]

    # 3. the PDF is deleted: serve keeps the indexed version, says so, and writes no build.
    pdf.unlink()
    build = index_mod.current_build(index)
    log = tmp_path / "serve-3.log"
    with serving(index, log) as base:
        assert top_quote(base, "Who noticed the signs of neglect sooner?")["document"]["id"] == "review"
    said = log.read_text()
    assert f"Warning: {pdf} is no longer there; the index keeps the version it holds" in said
    assert index_mod.current_build(index) == build
    assert set(documents(index)) == {NEWS, "review"}


def test_a_rebuild_for_another_model_or_chunking_uses_the_recorded_sources(tmp_path, embedder):
    folder, root = tmp_path / "mine", tmp_path / "index"
    folder.mkdir()
    (folder / "notes.md").write_text("# Notes\n\nThe duty desk closes at five on Fridays.\n", encoding="utf-8")
    (folder / "gone.md").write_text("# Gone\n\nHome visits are booked a week ahead.\n", encoding="utf-8")
    ingest([str(folder)], root, embedder, ChunkSettings())
    (folder / "gone.md").unlink()

    # Chunking settings changed: every document is re-chunked, the missing one from its stored text.
    check, report = refresh(root, embedder, ChunkSettings(passage_max_words=40))
    assert check.rebuild == "the chunking settings changed" and check.missing == [str(folder / "gone.md")]
    assert sorted(report.documents) == ["gone", "notes"] and report.removed == []
    assert report.stats.documents_embedded == 2

    # The index says it was built by another model: rebuilt from its own records, not the bundled corpus.
    manifest_path = index_mod.current_build(root) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["model"] = "someone/another-model"
    manifest_path.write_text(json.dumps(manifest))
    check, report = refresh(root, embedder, ChunkSettings(passage_max_words=40))
    assert check.rebuild == "the index was built by another version or model"
    assert sorted(report.documents) == ["gone", "notes"] and report.removed == []
    loaded = index_mod.load(root, embedder.name, embedder.dimensions)
    assert "booked a week ahead" in loaded.documents["gone"].text
    assert check_sources(root, ChunkSettings(passage_max_words=40), embedder.name).reason is None


def test_remove_by_id_alone_keeps_everything_else(tmp_path):
    root = tmp_path / "index"
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("# A\n\nThe first note is about supervision.\n", encoding="utf-8")
    b.write_text("# B\n\nThe second note is about escalation.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(a), str(b), "--index", str(root)]).exit_code == 0
    result = runner.invoke(app, ["ingest", "--remove", "a", "--index", str(root)])
    assert result.exit_code == 0, result.output
    assert "Removed a" in result.output and "Indexed 1 document(s)" in result.output
    assert [d["id"] for d in index_mod.list_documents(root)] == ["b"]
    # Without sources, an existing index re-reads only its own sources (never the bundled corpus).
    result = runner.invoke(app, ["ingest", "--index", str(root)])
    assert result.exit_code == 0 and "is up to date with its sources" in result.output
    assert [d["id"] for d in index_mod.list_documents(root)] == ["b"]


def test_a_rebuild_that_would_lose_documents_stops_and_names_them(tmp_path, embedder):
    import pytest

    from assistant.ingest.documents import DocumentError

    note, root = tmp_path / "note.md", tmp_path / "index"
    note.write_text("# Note\n\nThe duty desk closes at five on Fridays.\n", encoding="utf-8")
    ingest([str(note)], root, embedder, ChunkSettings())
    note.unlink()
    (index_mod.current_build(root) / "documents.jsonl").write_text("damaged", encoding="utf-8")
    with pytest.raises(DocumentError, match=f"these sources would be lost: {note}"):
        refresh(root, embedder, ChunkSettings(passage_max_words=40))


def test_serve_goes_on_when_another_ingest_holds_the_index(tmp_path, embedder, capsys):
    import pytest
    import typer

    from assistant.cli import run_refresh
    from assistant.index.build import ingest_lock
    from assistant.settings import Settings

    note, root = tmp_path / "note.md", tmp_path / "index"
    note.write_text("# Note\n\nThe duty desk closes at five on Fridays.\n", encoding="utf-8")
    ingest([str(note)], root, embedder, ChunkSettings())
    note.write_text("# Note\n\nThe duty desk closes at six on Fridays.\n", encoding="utf-8")
    with ingest_lock(root):
        assert run_refresh(Settings(index=root), progress=False, strict=False) is None
        assert "Warning: the index was not updated: another ingest is already writing" in capsys.readouterr().err
        with pytest.raises(typer.Exit):
            run_refresh(Settings(index=root), progress=False)  # `assistant ingest`: an error


def test_documents_without_an_index_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["documents", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "No index found" in result.output and "Traceback" not in result.output


def test_ingest_without_sources_rebuilds_an_index_it_cannot_read(tmp_path, embedder):
    root = tmp_path / "index"
    root.mkdir()
    (root / "CURRENT").write_text("build-that-is-gone\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--index", str(root)])
    assert result.exit_code == 0, result.output
    assert "names a build that is missing" in result.output and "Building it again from" in result.output
    assert [d["id"] for d in index_mod.list_documents(root)] == [NEWS]
