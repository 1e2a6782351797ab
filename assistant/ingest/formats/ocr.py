"""OCR for PDF pages without a text layer (scans): pypdfium2 renders the page, Debian's
``tesseract`` (package tesseract-ocr, run as a subprocess: no Python binding needed) reads
it, and its words come back shaped like pdfplumber's, with boxes in PDF points, so the
rest of the PDF reader (lines, headings, paragraphs, running heads) treats them alike.

Type size comes from tesseract's own estimate for each line (hOCR's ``x_size``, which
allows for ascenders and descenders); lines within 8 % of the page's usual size are given
that size, so the body text reads as one size and only clearly larger or smaller lines
(headings, running heads) stand out."""

from __future__ import annotations

import html
import re
import shutil
import statistics
import subprocess

from assistant.errors import OCRUnavailable  # noqa: F401  (raised here; importable from here too)

DPI = 300


def available() -> bool:
    return shutil.which("tesseract") is not None


def recognise(data: bytes, page: int, timeout: float = 120.0) -> list[dict]:
    """Words (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size``, ``fontname``) on one
    1-based ``page``, read by tesseract; OCRUnavailable when it cannot."""
    if not available():
        raise OCRUnavailable("tesseract is not installed (Debian package tesseract-ocr)")
    png = _render(data, page)
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", "eng", "--psm", "3", "hocr"],
            input=png,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise OCRUnavailable(f"tesseract took longer than {timeout:.0f} s") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OCRUnavailable(f"tesseract failed ({reason[-1] if reason else done.returncode})")
    return _words(done.stdout.decode("utf-8", "replace"), 72 / DPI)


def _render(data: bytes, page: int) -> bytes:
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        image = pdf[page - 1].render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


_LINE = re.compile(r"<span class='ocr_(?:line|header|textfloat|caption)'[^>]*title=\"([^\"]*)\"")
_WORD = re.compile(r"<span class='ocrx_word'[^>]*title='bbox (\d+) (\d+) (\d+) (\d+)[^']*'[^>]*>(.*?)</span>", re.S)
_SIZE = re.compile(r"x_size ([\d.]+)")


def _words(hocr: str, scale: float) -> list[dict]:
    found: list[tuple[float, dict]] = []
    starts = [(m.start(), m) for m in _LINE.finditer(hocr)]
    for n, (at, line) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(hocr)
        x_size = _SIZE.search(line.group(1))
        bbox = [int(v) for v in line.group(1).split(";")[0].split()[1:5]]
        line_size = float(x_size.group(1)) if x_size else float(bbox[3] - bbox[1])
        for w in _WORD.finditer(hocr, at, end):
            text = html.unescape(re.sub(r"<[^>]+>", "", w.group(5))).strip()
            if not text:
                continue
            x0, top, x1, bottom = (int(v) * scale for v in w.groups()[:4])
            found.append((line_size * scale, {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom}))
    if not found:
        return []
    usual = statistics.median(size for size, _ in found)
    for size, box in found:
        box["size"] = round((usual if abs(size - usual) <= 0.08 * usual else size) * 2) / 2
        box["fontname"] = ""
    return [box for _, box in found]
