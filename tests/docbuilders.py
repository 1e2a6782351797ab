"""Build test documents (PDF with reportlab, HTML, DOCX with python-docx) from text written here.

Every text is invented for the tests ("Northshire", "Annual Review 2031"); none of it is
quoted from the real report.

PDF pages are lists of items drawn with explicit line breaks, so a test controls exactly
where a word is hyphenated across lines and where a paragraph runs over a page break:

    ("title", text) ("subtitle", text) ("h1", text) ("h2", text)
    ("p", [line, ...])           a paragraph; "word^1" draws a raised footnote marker
    ("bullets", [[line, ...], ...])
    ("table", [[cell, ...], ...]) the first row in bold
    ("toc", [(entry, page), ...]) a contents list with dot leaders
    ("columns", [line, ...], [line, ...])  two columns of body text
    ("footnote", text)           drawn small at the foot of the page
    ("bold_p", [line, ...])      a paragraph set in bold at body size (a "lead" paragraph)
    ("line", text, size, bold)   one line in any size
    ("space", points)            vertical space
    ("figures", [[cell, ...], ...]) a table whose bold header labels are centred over
                                 right-aligned numbers, as report designers set them

``build_layout_pdf`` draws running heads given per page, so a test can alternate them
left and right or put the printed page number inside them.
"""

from __future__ import annotations

import io

A4 = (595.27, 841.89)
LEFT, RIGHT = 72, 523
BODY, LEADING = 11, 14


def build_pdf(
    pages: list[list[tuple]],
    header: str | None = None,
    footer: str | None = None,
    numbers: dict[int, int] | None = None,
    title: str = "",
    author: str = "",
    top_margin: float = 100,
) -> bytes:
    """A4 PDF. ``header``/``footer`` are drawn on pages that have an entry in ``numbers``
    (PDF index -> printed page number), the number at the right of the footer."""
    heads: dict[int, list[tuple[str, str, str]]] = {}
    for index, printed in (numbers or {}).items():
        heads[index] = [("top", "left", header), ("top", "right", "Northshire")] if header else []
        heads[index] += [("bottom", "left", footer)] if footer else []
        heads[index].append(("bottom", "right", str(printed)))
    return build_layout_pdf(pages, heads, title, author, top_margin)


def _rich(c, x: float, y: float, line: str, size: float, font: str = "Helvetica") -> None:
    """Draw a line; ``word^12`` draws 12 as a raised, smaller footnote marker."""
    for n, part in enumerate(line.split("^")):
        if n > 0:
            digits = len(part) - len(part.lstrip("0123456789"))
            c.setFont(font, size * 0.62)
            c.drawString(x, y + size * 0.38, part[:digits])
            x += c.stringWidth(part[:digits], font, size * 0.62)
            part = part[digits:]
        c.setFont(font, size)
        c.drawString(x, y, part)
        x += c.stringWidth(part, font, size)


def _draw(c, item: tuple, y: float) -> float:
    kind = item[0]
    if kind in ("title", "subtitle", "h1", "h2"):
        size = {"title": 26, "subtitle": 15, "h1": 17, "h2": 13}[kind]
        c.setFont("Helvetica-Bold", size)
        c.drawString(LEFT, y, item[1])
        return y - size * 1.9
    if kind == "p":
        for line in item[1]:
            _rich(c, LEFT, y, line, BODY)
            y -= LEADING
        return y - 8
    if kind == "bullets":
        for lines in item[1]:
            c.setFont("Helvetica", BODY)
            c.drawString(LEFT + 6, y, "•")
            for line in lines:
                _rich(c, LEFT + 20, y, line, BODY)
                y -= LEADING
            y -= 3
        return y - 6
    if kind == "table":
        xs = [LEFT, LEFT + 200, LEFT + 320]
        for r, row in enumerate(item[1]):
            font = "Helvetica-Bold" if r == 0 else "Helvetica"
            for x, cell in zip(xs, row, strict=False):
                c.setFont(font, BODY)
                c.drawString(x, y, cell)
            c.line(LEFT, y - 4, RIGHT, y - 4)
            y -= LEADING + 4
        return y - 8
    if kind == "toc":
        c.setFont("Helvetica", BODY)
        for entry, page in item[1]:
            c.drawString(LEFT, y, entry)
            start = LEFT + c.stringWidth(entry, "Helvetica", BODY) + 6
            dots = "." * int((RIGHT - 20 - start) / c.stringWidth(".", "Helvetica", BODY))
            c.drawString(start, y, dots)
            c.drawRightString(RIGHT, y, str(page))
            y -= LEADING + 6
        return y
    if kind == "columns":
        top = y
        for x, lines in ((LEFT, item[1]), (LEFT + 236, item[2])):
            y = top
            for line in lines:
                _rich(c, x, y, line, BODY)
                y -= LEADING
        return top - LEADING * max(len(item[1]), len(item[2])) - 8
    if kind == "footnote":
        return y
    if kind == "bold_p":
        for line in item[1]:
            _rich(c, LEFT, y, line, BODY, "Helvetica-Bold")
            y -= LEADING
        return y - 8
    if kind == "line":
        _, text, size, bold = item
        _rich(c, LEFT, y, text, size, "Helvetica-Bold" if bold else "Helvetica")
        return y - size * 1.6
    if kind == "space":
        return y - item[1]
    if kind == "figures":
        rights = [LEFT + 290, LEFT + 400]  # numbers end here; labels are centred over them
        for r, row in enumerate(item[1]):
            font = "Helvetica-Bold" if r == 0 else "Helvetica"
            c.setFont(font, BODY)
            c.drawString(LEFT, y, row[0])
            for right, cell in zip(rights, row[1:], strict=False):
                if r == 0:
                    c.drawCentredString(right - 12, y, cell)
                else:
                    c.drawRightString(right, y, cell)
            y -= LEADING + 4
        return y - 8
    raise ValueError(kind)


def build_layout_pdf(
    pages: list[list[tuple]],
    heads: dict[int, list[tuple[str, str, str]]] | None = None,
    title: str = "",
    author: str = "",
    top_margin: float = 100,
) -> bytes:
    """A4 PDF whose running heads are given per page: ``heads[index]`` is a list of
    (band "top"/"bottom", align "left"/"right"/"centre", text[, size]), drawn in 9pt type
    unless a size is given."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    width, height = A4
    for index, items in enumerate(pages, start=1):
        for band, align, text, *size in (heads or {}).get(index, []):
            c.setFont("Helvetica", size[0] if size else 9)
            y = height - 40 if band == "top" else 30
            if align == "left":
                c.drawString(LEFT, y, text)
            elif align == "right":
                c.drawRightString(RIGHT, y, text)
            else:
                c.drawCentredString(width / 2, y, text)
        y = height - top_margin
        notes_y = 110
        for item in items:
            y = _draw(c, item, y)
            if item[0] == "footnote":
                c.setFont("Helvetica", 8)
                _rich(c, LEFT, notes_y, item[1], 8)
                notes_y -= 11
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypt_pdf(data: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def label_pages(data: bytes, labels: list[tuple[int, int, str, int]]) -> bytes:
    """Add /PageLabels: (first index, last index, style like "/r" or "/D", first number), 0-based."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for first, last, style, start in labels:
        writer.set_page_label(first, last, style=style, start=start)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A 'scan': shapes and no text layer."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(72, 400, 300, 200, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def build_html(title: str, body: str, meta: dict[str, str] | None = None) -> bytes:
    """A page with navigation, a cookie banner and a footer around ``body`` (in <main>)."""
    tags = "".join(f'<meta name="{k}" content="{v}">' for k, v in (meta or {}).items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{tags}</head>
<body>
<div class="cookie-banner" id="cookie-banner"><p>We use cookies to make this site work. Accept all cookies?</p></div>
<header><a href="/">Northshire Partnership home</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/training">Training courses</a></li></ul></nav></header>
<main>
{body}
</main>
<footer><p>Copyright Northshire Partnership. Accessibility statement. Privacy notice.</p></footer>
</body></html>""".encode()


def build_docx(items: list[tuple], core: dict[str, str] | None = None) -> bytes:
    """Items: ("title", t) ("h1", t) ("h2", t) ("p", t) ("bullet", t) ("table", rows)."""
    import docx

    document = docx.Document()
    for key, value in (core or {}).items():
        setattr(document.core_properties, key, value)
    for item in items:
        kind = item[0]
        if kind == "title":
            document.add_heading(item[1], level=0)
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(item[1], level=int(kind[1]))
        elif kind == "p":
            document.add_paragraph(item[1])
        elif kind == "bullet":
            document.add_paragraph(item[1], style="List Bullet")
        elif kind == "table":
            rows = item[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for col, cell in enumerate(row):
                    table.cell(r, col).text = cell
        else:
            raise ValueError(kind)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- a report-shaped PDF

REPORT_HEADER = "Annual Review 2031"
REPORT_FOOTER = "Northshire Safeguarding Children Partnership"
REPORT_NUMBERS = {3: 21, 4: 22, 5: 23, 6: 24}  # PDF index -> printed page number

REPORT_PAGES: list[list[tuple]] = [
    [  # 1: cover
        ("title", "Annual Review 2031"),
        ("subtitle", "Learning from local reviews"),
        ("p", ["Example Safeguarding Partnership, published May 2032."]),
    ],
    [  # 2: contents
        ("h1", "Contents"),
        (
            "toc",
            [
                ("Introduction", 21),
                ("Practice themes", 22),
                ("Critical thinking and challenge", 23),
                ("Local case studies", 24),
            ],
        ),
    ],
    [  # 3: printed 21
        ("h1", "Introduction"),
        (
            "p",
            [
                "This review looks at the lighthouse reviews^1 that local agencies completed during",
                "the year. Every review asked how well children were safe-",
                "guarded when families moved between councils and how the",
                "multi-",
                "agency partners shared what they knew.",
            ],
        ),
        (
            "p",
            [
                "Reviewers found that the quality of record keeping varied widely across the",
                "partnership, and that infor-",
                "mation about older siblings was often missing from referrals.",
            ],
        ),
        ("footnote", "1 A lighthouse review is a short local review chosen for its learning value."),
    ],
    [  # 4: printed 22
        ("h1", "Practice themes"),
        ("h2", "Working with fathers"),
        ("p", ["Three themes stood out in the reviews of babies harmed at home:"]),
        (
            "bullets",
            [
                ["fathers and male carers were rarely invited to health visits"],
                [
                    "workers did not ask who else lived in the household, even when",
                    "the mother described a new partner",
                ],
                ["housing moves broke the continuity of support"],
            ],
        ),
        (
            "p",
            [
                "Several reviews^2 described a pattern in which each agency saw a small part of",
                "the picture and assumed that another agency held the rest, so that the",
            ],
        ),
        ("footnote", "2 Twelve of the reviews concerned babies under one year old."),
    ],
    [  # 5: printed 23
        (
            "p",
            [
                "overall risk to the baby was never assembled in one place by anyone.",
            ],
        ),
        ("h2", "Critical thinking and challenge"),
        (
            "p",
            [
                "Practitioners who felt able to question the account given by parents, and to",
                "escalate disagreements between agencies, protected children more reliably than",
                "those who accepted explanations at face value.",
            ],
        ),
        ("table", [["Theme", "Reviews", "Share"], ["Neglect", "41", "38%"], ["Domestic abuse", "29", "27%"]]),
    ],
    [  # 6: printed 24
        ("h1", "Local case studies"),
        (
            "columns",
            [
                "In the northern locality, the pilot of",
                "joint home visits by a health visitor",
                "and a family support worker reached",
                "sixty families in its first year. Staff",
                "said the shared visits made it easier",
                "to notice when a household changed.",
                "The pilot will continue next year with",
                "funding from the partnership budget.",
                "An independent evaluation is planned",
                "for the end of the second year.",
            ],
            [
                "In the southern locality, a weekly",
                "clinic for school nurses offered advice",
                "on neglect thresholds to staff who had",
                "concerns about a pupil. Referrals from",
                "schools became clearer and the number",
                "of returned referrals fell by a third.",
                "Nurses valued the chance to talk a",
                "case through before making a referral.",
                "The clinic will move online next term",
                "so that rural schools can join it.",
            ],
        ),
    ],
]


def report_pdf() -> bytes:
    return build_pdf(
        REPORT_PAGES,
        header=REPORT_HEADER,
        footer=REPORT_FOOTER,
        numbers=REPORT_NUMBERS,
        title="Annual Review 2031",
        author="Example Safeguarding Partnership",
    )


def flowed_pdf(chapters: int = 3) -> bytes:
    """A PDF laid out by reportlab's platypus (justified text, bullet lists, a table, running
    heads), as word processors lay out real reports, rather than drawn line by line."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Table,
    )

    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=styles["BodyText"], alignment=TA_JUSTIFY, fontSize=11, leading=15, spaceAfter=8
    )
    story = [Paragraph("Flowed Review 2033", styles["Title"]), PageBreak()]
    for ch in range(1, chapters + 1):
        story.append(Paragraph(f"{ch}. Chapter {ch} findings", styles["Heading1"]))
        for sec in range(1, 3):
            story.append(Paragraph(f"{ch}.{sec} Theme {ch}.{sec}", styles["Heading2"]))
            for n in range(1, 4):
                story.append(
                    Paragraph(
                        f"Paragraph {n} of theme {ch}.{sec} explains how practitioners, supervisors and designated "
                        "safeguarding leads reviewed decisions about referrals, and how partnership arrangements "
                        "helped professionals challenge assumptions, record observations accurately and escalate "
                        f"concerns about neglect<super>{n}</super> to managers without delay.",
                        body,
                    )
                )
            story.append(
                ListFlowable(
                    [
                        ListItem(
                            Paragraph(
                                f"Bullet {b} of theme {ch}.{sec} asks whether the voice of the child was "
                                "heard and recorded in every assessment and plan.",
                                body,
                            )
                        )
                        for b in (1, 2)
                    ],
                    bulletType="bullet",
                )
            )
        story.append(Table([["Theme", "Count", "Share"], [f"Neglect {ch}", "41", "38%"]]))

    def running(canvas, doc):
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, 810, "Flowed Review 2033: running head")
        canvas.drawCentredString(297, 25, str(doc.page + 10))

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story, onLaterPages=running)
    return buf.getvalue()


def scan_pages(data: bytes, pages: set[int] | None = None, dpi: int = 200) -> bytes:
    """The PDF with the given 1-based pages (all by default) replaced by pictures of themselves:
    each is rendered to an image (pypdfium2) and drawn on an empty page, so it has no text
    layer, as a scanner makes it."""
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rendered = pdfium.PdfDocument(data)
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    for n, page in enumerate(reader.pages, start=1):
        if pages is not None and n not in pages:
            writer.add_page(page)
            continue
        image = rendered[n - 1].render(scale=dpi / 72, grayscale=True).to_pil()
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=A4)
        c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
        c.save()
        writer.add_page(PdfReader(io.BytesIO(buf.getvalue())).pages[0])
    rendered.close()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_set(folder, documents: list[tuple[str, bytes, dict[str, str]]]):
    """Write an evaluation set's documents into ``folder``, each with a ``.meta.toml`` sidecar."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content, meta in documents:
        (folder / name).write_bytes(content)
        body = "".join(f'{k} = "{v}"\n' for k, v in meta.items())
        (folder / name).with_name(Path(name).stem + ".meta.toml").write_text(body, encoding="utf-8")
    return folder
