"""Hostile files for the reader caps, built from text written here: a zip bomb DOCX, a zip
that understates its sizes, nested divs, a run without sentence ends, a giant word.
Used by tests/test_hostile_files.py and bench/hostile_files.py."""

from __future__ import annotations

import io
import zipfile
import zlib

from tests.docbuilders import build_docx

WORDS = "the health visitor saw the family at home and wrote down what the child said".split()


def zip_bomb_docx(megabytes: int) -> bytes:
    """A real DOCX whose document.xml holds ``megabytes`` MB of spaces: about 1 KB packed per MB."""
    plain = build_docx([("p", "A short note on supervision.")])
    src = zipfile.ZipFile(io.BytesIO(plain))
    out = io.BytesIO()
    chunk = b" " * 1_048_576
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "word/document.xml":
                z.writestr(info, data)
                continue
            head, tail = data.split(b"<w:body>")
            part = zipfile.ZipInfo("word/document.xml")
            part.compress_type = zipfile.ZIP_DEFLATED
            with z.open(part, "w", force_zip64=True) as fh:
                fh.write(head + b"<w:body><w:p><w:r><w:t>")
                for _ in range(megabytes):
                    fh.write(chunk)
                fh.write(b"</w:t></w:r></w:p>" + tail)
    return out.getvalue()


def understate(data: bytes, name: bytes, size: int) -> bytes:
    """The zip with ``name``'s unpacked size in its central directory (what readers trust) set to ``size``."""
    import struct

    buf = bytearray(data)
    at = buf.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", buf, at + 28)[0]
        if bytes(buf[at + 46 : at + 46 + name_len]) == name:
            struct.pack_into("<I", buf, at + 24, size)
        at = buf.find(b"PK\x01\x02", at + 4)
    return bytes(buf)


def nested_divs(depth: int, chains: int = 1, cls: str = "wrapper") -> bytes:
    chain = f'<div class="{cls}">' * depth + "deep text. " + "</div>" * depth
    return (
        "<html><head><title>Northshire notes</title></head><body><main>"
        "<h1>Northshire notes</h1><p>Supervision gives practitioners room to think about risk.</p>"
        + chain * chains
        + "</main></body></html>"
    ).encode()


def run_on(chars: int) -> str:
    """``chars`` characters of words with no sentence end."""
    return " ".join(WORDS[i % len(WORDS)] for i in range(chars // 4))[:chars]


def deflated(head: bytes, megabytes: int, tail: bytes = b"", fill: bytes = b" ") -> bytes:
    """A zlib stream of ``head``, ``megabytes`` MB of ``fill`` repeated and ``tail``, built in well
    under a second: after a full flush deflate forgets what came before, so every MB packs to the
    same bytes, packed once and repeated."""
    spaces = fill * (1_048_576 // len(fill))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the zlib header and checksum are added here
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(spaces) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(tail) + packer.flush()
    checksum = zlib.adler32(head)
    for _ in range(megabytes):
        checksum = zlib.adler32(spaces, checksum)
    checksum = zlib.adler32(tail, checksum)
    return b"\x78\xda" + first + block * megabytes + last + checksum.to_bytes(4, "big")


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1; the first is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(header: bytes, data: bytes) -> bytes:
    return b"<< " + header + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def pdf_bomb(megabytes: int, where: str = "page", image_megabytes: int = 0, fill: bytes = b" ") -> bytes:
    """A one-page PDF saying one sentence, then ``megabytes`` MB of spaces (or ``fill``, e.g. the
    operator ``0 0 Td``) FlateDecode-packed (about 1 KB a MB) in the page's content stream
    (``where="page"``) or in a form the page draws (``"form"``); with ``image_megabytes`` the page
    also draws an image that inflates that much."""
    text = b"BT /F1 12 Tf 72 720 Td (Supervision gives practitioners room to think.) Tj ET\n"
    draw = b"q /X1 Do Q\n" if where == "form" else b""
    draw += b"q 10 0 0 10 72 600 cm /Im1 Do Q\n" if image_megabytes else b""
    page = deflated(draw + text, megabytes if where == "page" else 0, fill=fill)
    form = deflated(b"", megabytes if where == "form" else 0, fill=fill)
    side = 1024 * int((image_megabytes * 1_048_576 / 3) ** 0.5 / 1024 + 1) if image_megabytes else 1
    image = deflated(b"", 0, b"\x80" * (3 * side * side)) if image_megabytes else deflated(b"\x80\x80\x80", 0)
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R /Im1 7 0 R >> >> >>",
            _stream(b"/Filter /FlateDecode", page),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode", form),
            _stream(
                b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8"
                b" /Filter /FlateDecode" % (side, side),
                image,
            ),
        ]
    )
