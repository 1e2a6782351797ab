"""Hostile files for the reader caps, built from text written here: a zip bomb DOCX, a zip
that understates its sizes, nested divs, a run without sentence ends, a giant word.
Used by tests/test_hostile_files.py and bench/hostile_files.py."""

from __future__ import annotations

import io
import zipfile

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
