"""Ingest throughput: the bundled corpus, synthetic text (passages/s) and a generated PDF (pages/s)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench import corpus_gen
from bench.common import timer


def _ingest(sources: list[Path], embedder) -> tuple[float, dict]:
    from dataclasses import asdict

    from assistant.index import ChunkSettings
    from assistant.ingest import ingest

    root = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        with timer() as t:
            report = ingest([str(s) for s in sources], root, embedder, ChunkSettings())
        return t["s"], asdict(report.stats)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def make_pdf(path: Path, pages: int, seed: int = 3) -> None:
    """A text PDF of ``pages`` A4 pages with headings and paragraphs (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    texts = corpus_gen.passages(pages * 4, seed=seed, words_per_passage=90)
    story = []
    for p in range(pages):
        story.append(Paragraph(f"Section {p + 1}", styles["Heading2"]))
        story += [Paragraph(t, styles["BodyText"]) for t in texts[p * 4 : p * 4 + 4]]
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4, title="Synthetic benchmark report").build(story)


def run(embedder, n_passages: int, pdf_pages: int) -> list[dict]:
    from assistant.settings import BUNDLED_CORPUS

    rows = []
    seconds, stats = _ingest([BUNDLED_CORPUS], embedder)
    rows.append({"input": "bundled corpus", "seconds": round(seconds, 2),
                 "passages": stats.get("passages_embedded"), "sentences": stats.get("sentences_embedded"),
                 "rate": f"{stats.get('passages_embedded', 0) / seconds:.1f} passages/s"})
    folder = Path(tempfile.mkdtemp(prefix="bench-text-"))
    try:
        corpus_gen.write_documents(corpus_gen.passages(n_passages), folder)
        seconds, stats = _ingest([folder], embedder)
        rows.append({"input": f"synthetic text, {n_passages:,} paragraphs", "seconds": round(seconds, 2),
                     "passages": stats.get("passages_embedded"), "sentences": stats.get("sentences_embedded"),
                     "rate": f"{stats.get('passages_embedded', 0) / seconds:.1f} passages/s"})
        pdf = folder / "report.pdf"
        make_pdf(pdf, pdf_pages)
        for f in folder.glob("*.txt"):
            f.unlink()
        try:
            seconds, stats = _ingest([pdf], embedder)
            rate = f"{pdf_pages / seconds:.2f} pages/s"
        except Exception as exc:  # the PDF reader is another module; report, don't crash the suite
            seconds, stats, rate = float("nan"), {}, f"n/a ({type(exc).__name__}: {str(exc)[:80]})"
        rows.append({"input": f"generated PDF, {pdf_pages} pages", "seconds": round(seconds, 2),
                     "passages": stats.get("passages_embedded"), "sentences": stats.get("sentences_embedded"),
                     "rate": rate})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows
