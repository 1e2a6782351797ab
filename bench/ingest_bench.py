"""A generated text PDF for ingest runs (the ingest figures themselves: bench/encoders_bench.py)."""

from __future__ import annotations

from pathlib import Path

from bench import corpus_gen


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
