"""Re-ingesting a folder adds, updates (by content hash) and removes documents without
touching the others; unreadable files are reported by name and the previous index stays."""

from __future__ import annotations

import pytest
from docbuilders import build_docx, build_html, encrypt_pdf, image_only_pdf, report_pdf

from assistant.index.build import check_sources, ingest
from assistant.index.store import ChunkSettings, IndexProblem, current_build, load
from assistant.ingest.documents import DocumentError


def news(text: str) -> bytes:
    return build_html("Local news", f"<article><h1>Local news</h1><p>{text}</p></article>")


@pytest.fixture
def run(embedder):
    def go(sources, root, **kwargs):
        return ingest([str(s) for s in sources], root, embedder, ChunkSettings(), **kwargs)

    return go


def test_add_update_remove_and_bad_files(tmp_path, run, embedder):
    corpus, root = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "review.pdf").write_bytes(report_pdf())
    (corpus / "news.html").write_bytes(news("The duty desk now opens at eight in the morning."))
    (corpus / "handbook.docx").write_bytes(build_docx([("h1", "Supervision"), ("p", "Supervise monthly.")]))

    first = run([corpus], root)
    assert sorted(first.documents) == ["handbook", "news", "review"]
    assert first.stats.documents_embedded == 3 and first.problems == []
    assert check_sources(root, ChunkSettings(), embedder.name).reason is None

    # Update one, remove one, add one, and drop in files that cannot be read.
    (corpus / "news.html").write_bytes(news("The duty desk now opens at nine in the morning."))
    assert check_sources(root, ChunkSettings(), embedder.name).reason.endswith("news.html changed")
    (corpus / "handbook.docx").unlink()
    (corpus / "notes.md").write_text("# Notes\n\nThe duty desk closes at five.\n", encoding="utf-8")
    (corpus / "locked.pdf").write_bytes(encrypt_pdf(report_pdf()))
    (corpus / "scan.pdf").write_bytes(image_only_pdf())
    (corpus / "empty.docx").write_bytes(b"")

    second = run([corpus], root)
    assert sorted(second.documents) == ["news", "notes", "review"]
    assert second.removed == ["handbook"]
    assert second.stats.documents_embedded == 2  # news (changed) and notes (new)
    assert second.stats.documents_reused == 1  # the PDF was not re-embedded
    problems = {name.rsplit("/", 1)[-1]: reason for name, reason in second.problems}
    assert set(problems) == {"locked.pdf", "scan.pdf", "empty.docx"}
    assert "encrypted" in problems["locked.pdf"]
    assert "no text layer" in problems["scan.pdf"]
    assert "empty" in problems["empty.docx"]
    index = load(root, embedder.name, embedder.dimensions)
    assert "nine in the morning" in index.documents["news"].text
    assert index.documents["review"].pages[2].label == "21"


def test_a_document_that_breaks_keeps_its_previous_version(tmp_path, run, embedder):
    corpus, root = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "review.pdf").write_bytes(report_pdf())
    (corpus / "news.html").write_bytes(news("Training on neglect starts in March."))
    run([corpus], root)
    build_before = current_build(root)

    (corpus / "review.pdf").write_bytes(report_pdf()[:1500])  # a download cut short
    report = run([corpus], root)
    assert report.kept == ["review"]
    assert [name.rsplit("/", 1)[-1] for name, _ in report.problems] == ["review.pdf"]
    assert "damaged" in report.problems[0][1]
    index = load(root, embedder.name, embedder.dimensions)
    assert "question the account given by parents" in index.documents["review"].text

    # When nothing at all can be read, no build is written anywhere.
    build_now = current_build(root)
    assert build_now != build_before
    (corpus / "news.html").write_bytes(b"")
    fresh = tmp_path / "fresh-index"
    with pytest.raises(DocumentError, match="nothing to index") as failure:
        run([corpus / "news.html", corpus / "review.pdf"], fresh)
    assert "news.html: the file is empty" in str(failure.value)
    with pytest.raises(IndexProblem):
        current_build(fresh)
    assert current_build(root) == build_now
    assert "Training on neglect" in load(root, embedder.name, embedder.dimensions).documents["news"].text


def test_add_and_remove_by_id_leave_the_others(tmp_path, run, embedder):
    root = tmp_path / "index"
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("# A\n\nThe first note is about supervision.\n", encoding="utf-8")
    b.write_text("# B\n\nThe second note is about escalation.\n", encoding="utf-8")
    run([a], root)
    added = run([b], root, add=True)
    assert sorted(added.documents) == ["a", "b"]
    assert added.stats.documents_reused == 1
    removed = run([], root, add=True, remove=["a"])
    assert removed.documents == ["b"]


def test_a_reader_that_crashes_skips_that_source_only(tmp_path, run, embedder, monkeypatch):
    """Any unexpected exception in a reader is "Skipped <source>: <reason>"; the rest lands."""
    from assistant.ingest.formats import html

    def crash(data, *limits):
        raise RuntimeError("the parser fell over\n  on line 3")

    corpus, root = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "review.pdf").write_bytes(report_pdf())
    (corpus / "news.html").write_bytes(news("The duty desk now opens at eight in the morning."))
    (corpus / "notes.md").write_text("# Notes\n\nThe duty desk closes at five.\n", encoding="utf-8")
    monkeypatch.setattr(html, "read", crash)
    report = run([corpus], root)
    assert sorted(report.documents) == ["notes", "review"]
    assert report.problems == [
        (str(corpus / "news.html"), "the reader failed (RuntimeError: the parser fell over on line 3)")
    ]
    assert sorted(load(root, embedder.name, embedder.dimensions).documents) == ["notes", "review"]

    # Through the CLI: the same line on stderr, no traceback, exit 0.
    from typer.testing import CliRunner

    from assistant.cli import app

    result = CliRunner().invoke(app, ["ingest", str(corpus), "--index", str(tmp_path / "cli-index")])
    assert result.exit_code == 0, result.output
    assert (
        f"Skipped {corpus / 'news.html'}: the reader failed (RuntimeError: the parser fell over on line 3)"
        in result.output
    )
    assert "Traceback" not in result.output and "Indexed 2 document(s)" in result.output


def test_an_html_page_without_landmarks_needs_no_missing_module(tmp_path, run):
    """trafilatura falls back to jusText, which needs lxml_html_clean (declared in pyproject)."""
    page = tmp_path / "plain.html"
    words = " ".join(["The partnership reviewed how referrals were handled across the county."] * 6)
    page.write_bytes(f"<html><body><div><p>{words}</p></div><div><p>Short.</p></div></body></html>".encode())
    report = run([page], tmp_path / "index")
    assert report.problems == [] and report.documents == ["plain"]
