"""What a PDF's page content unpacks to, counted before pdfplumber reads the file: a page (or a
form it draws) whose stream is 1 GB of spaces packs into 1 MB, and pdfminer would unpack all of
it into memory before the text cap could say no.

pypdf walks each page's /Contents and the Form XObjects its resources name (nested forms too,
each stream once); FlateDecode, the filter a bomb uses, is inflated here a chunk at a time and
only counted, so memory stays at a chunk whatever the stream holds. Other text filters (LZW,
run length, ASCII hex/85) are decoded by pypdf with its output limits set to what is left of
the cap. Images (/Subtype /Image) are never counted: text extraction does not decode them.
"""

from __future__ import annotations

import zlib

from assistant.ingest.formats.base import over_cap, size

_CHUNK = 1 << 20  # bytes inflated at a time
_FLATE = ("/FlateDecode", "/Fl")
_OTHER = ("/LZWDecode", "/LZW", "/RunLengthDecode", "/RL", "/ASCIIHexDecode", "/AHx", "/ASCII85Decode", "/A85")


def check_unpacked(reader, cap: int) -> None:
    """Refuse (DocumentError) a PDF, opened by pypdf's ``reader``, whose page content streams
    unpack to more than ``cap`` bytes."""
    try:
        pages = list(reader.pages)
    except Exception:  # noqa: BLE001 - a damaged page tree: pdf._open has said so already
        return
    total = 0
    seen: set[int] = set()
    for number, page in enumerate(pages, start=1):
        for stream in _page_streams(page, seen):
            try:
                total += _unpacked(stream, cap - total)
            except Exception:  # noqa: BLE001 - a damaged stream dictionary: pdfminer reports it or skips it
                continue
            if total > cap:
                found = f"the PDF's page content unpacks to more than {size(cap)} by page {number}"
                raise over_cap(found, size(cap), "pdf_max_unpacked_bytes")


def _page_streams(page, seen: set[int]):
    """The content streams of one page and of the forms it draws, each object once per file."""
    from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

    contents = _get(page, "/Contents")
    todo: list = list(contents) if isinstance(contents, ArrayObject) else [contents]
    todo.append(_get(page, "/Resources"))
    while todo:
        item = _resolved(todo.pop())
        if not isinstance(item, DictionaryObject) or id(item) in seen:
            continue  # a stream is a dictionary too
        seen.add(id(item))  # the reader caches objects, so a shared one is the same Python object
        if isinstance(item, StreamObject):
            yield item
            todo.append(_get(item, "/Resources"))  # a form's own resources name its nested forms
            continue
        xobjects = _get(item, "/XObject")  # ``item`` is a resource dictionary
        if isinstance(xobjects, DictionaryObject):
            for name in list(xobjects):
                xobject = _get(xobjects, name)
                if isinstance(xobject, StreamObject) and _get(xobject, "/Subtype") == "/Form":
                    todo.append(xobject)


def _get(dictionary, key: str):
    """One entry of a PDF dictionary, resolved (None when missing or unreadable)."""
    try:
        return _resolved(dictionary.raw_get(key)) if key in dictionary else None
    except Exception:  # noqa: BLE001 - a damaged object is pdfminer's to report
        return None


def _resolved(obj):
    """The object an indirect reference points at (None when pypdf cannot read it)."""
    try:
        return obj.get_object() if obj is not None else None
    except Exception:  # noqa: BLE001 - a damaged object is pdfminer's to report
        return None


def _unpacked(stream, budget: int) -> int:
    """Bytes ``stream`` unpacks to, counted no further than just past ``budget``."""
    from pypdf import apply_configuration, filters
    from pypdf.errors import LimitReachedError

    names = _as_list(_get(stream, "/Filter"))
    params = _as_list(_get(stream, "/DecodeParms"))
    data = stream._data  # the stored (still encoded) bytes
    for i, name in enumerate(names):
        if name in _FLATE and i == len(names) - 1:
            return _inflated(data, budget, keep=False)[0]
        if name in _FLATE:
            count, data = _inflated(data, budget, keep=True)
        elif name in _OTHER:
            parms = params[i] if i < len(params) and params[i] else None
            try:
                with apply_configuration(
                    lzw_maximum_output_length=budget + 1, run_length_maximum_output_length=budget + 1
                ):
                    data = _decode(filters, name, data, parms)
            except LimitReachedError:
                return budget + 1
            except Exception:  # noqa: BLE001 - a damaged stream: pdfminer reads what it can
                break
        else:
            break  # an image filter no text extraction decodes: counted as stored
        if len(data) > budget:
            break
    return len(data)


def _decode(filters, name: str, data: bytes, parms) -> bytes:
    if name in ("/LZWDecode", "/LZW"):
        return filters.LZWDecode.decode(data, parms)
    if name in ("/RunLengthDecode", "/RL"):
        return filters.RunLengthDecode.decode(data)
    if name in ("/ASCIIHexDecode", "/AHx"):
        return filters.ASCIIHexDecode.decode(data)
    return filters.ASCII85Decode.decode(data)


def _inflated(data: bytes, budget: int, keep: bool) -> tuple[int, bytes]:
    """Bytes a zlib stream inflates to, a chunk at a time, stopping once past ``budget``; with
    ``keep`` the bytes too (for a filter after it, so at most ``budget`` plus a chunk)."""
    inflater = zlib.decompressobj()
    count, kept = 0, []
    try:
        while data and count <= budget and not inflater.eof:
            chunk = inflater.decompress(data, _CHUNK)
            data = inflater.unconsumed_tail
            count += len(chunk)
            if keep:
                kept.append(chunk)
            if not chunk and not data:
                break
    except zlib.error:
        pass  # a damaged stream: pdfminer keeps what inflated before the damage
    return count, b"".join(kept)


def _as_list(value) -> list:
    value = _resolved(value)
    if value is None:
        return []
    return [_resolved(v) for v in value] if isinstance(value, list) else [value]
