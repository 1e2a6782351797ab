"""Hostile files at ingest: each is refused with a message naming its cap, or read correctly,
and none ties up the ingest. Every file is built here; the times are measured in
bench/hostile_files.py and written to docs/operations.md, never asserted."""

from __future__ import annotations

import io
import subprocess
import sys
import tracemalloc

import pytest

from assistant.ingest.documents import DocumentError, load_document
from assistant.ingest.formats import ReadLimits
from assistant.ingest.formats import read as read_file
from assistant.ingest.passages import _indexable_ranges, make_passages
from assistant.settings import PASSAGE_MAX_CHARS, Settings
from tests.conftest import child_env
from tests.docbuilders import build_docx
from tests.hostile import nested_divs, run_on, understate, zip_bomb_docx

BELL, RLO, LRI, PDI = "\x07", "\u202e", "\u2066", "\u2069"


def limits(**caps) -> ReadLimits:
    return ReadLimits.from_settings(Settings(**caps))


# ---------------------------------------------------------------- DOCX


def test_a_zip_bomb_docx_is_refused_from_its_directory_with_little_memory():
    bomb = zip_bomb_docx(300)
    assert len(bomb) < 1_000_000  # 300 MB of XML packed into about 300 KB
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as caught:
            read_file(bomb, ".docx", "bomb.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "would unpack to 300.8 MB" in str(caught.value)
    assert "ASSISTANT_DOCX_MAX_UNZIPPED_BYTES" in str(caught.value)
    assert peak < 30_000_000, f"{peak / 1e6:.0f} MB allocated to refuse a zip bomb"


def test_a_tightly_packed_docx_part_is_refused_by_its_ratio():
    bomb = zip_bomb_docx(20)  # under the size cap, but 20 MB from 20 KB
    with pytest.raises(DocumentError) as caught:
        read_file(bomb, ".docx", "bomb.docx")
    assert "word/document.xml unpacks to" in str(caught.value) and "ASSISTANT_DOCX_MAX_RATIO" in str(caught.value)


def test_a_docx_that_understates_its_unpacked_size_is_refused_as_damaged():
    bomb = understate(zip_bomb_docx(20), b"word/document.xml", 4000)
    with pytest.raises(DocumentError, match="damaged"):
        read_file(bomb, ".docx", "bomb.docx")


def test_a_docx_over_the_unpacked_cap_is_refused_and_a_normal_one_read():
    normal = build_docx([("h1", "Supervision"), ("p", "Supervision gives room to think.")])
    blocks, _, _ = read_file(normal, ".docx", "normal.docx")
    assert [b.text for b in blocks] == ["Supervision", "Supervision gives room to think."]
    with pytest.raises(DocumentError, match="would unpack to .* over the cap of 1,000 bytes"):
        read_file(normal, ".docx", "normal.docx", limits(docx_max_unzipped_bytes=1000))


def test_a_docx_with_tens_of_thousands_of_parts_is_refused_before_any_is_read():
    import zipfile

    normal = build_docx([("h1", "Supervision"), ("p", "Supervision gives room to think.")])
    padded = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(normal)) as src, zipfile.ZipFile(padded, "w") as out:
        for part in src.infolist():
            out.writestr(part, src.read(part))
        for n in range(20_000):
            out.writestr(f"customXml/item{n}.xml", b"")
    with pytest.raises(DocumentError) as caught:
        read_file(padded.getvalue(), ".docx", "many.docx")
    assert "holds 20,0" in str(caught.value) and "ASSISTANT_DOCX_MAX_PARTS" in str(caught.value)
    # The same file is read when the operator raises the cap.
    blocks, _, _ = read_file(padded.getvalue(), ".docx", "many.docx", limits(docx_max_parts=30_000))
    assert blocks[0].text == "Supervision"


# ---------------------------------------------------------------- HTML


def test_thousands_of_nested_divs_are_refused_by_depth():
    with pytest.raises(DocumentError) as caught:
        read_file(nested_divs(8000), ".html", "nested.html")
    assert "nests elements too deep, over the cap of 256 levels" in str(caught.value)
    assert "ASSISTANT_HTML_MAX_DEPTH" in str(caught.value)


@pytest.mark.parametrize("cls", ["wrapper", "share-links"])
def test_deep_but_allowed_nesting_reads_the_page(cls):
    """200 levels, 40 times over: read in one pass; furniture-named wrappers go, the article stays."""
    blocks, meta, _ = read_file(nested_divs(200, 40, cls), ".html", "nested.html")
    texts = [b.text for b in blocks]
    assert texts[:2] == ["Northshire notes", "Supervision gives practitioners room to think about risk."]
    assert texts.count("deep text.") == (40 if cls == "wrapper" else 0)


def test_a_page_with_too_many_tags_is_refused():
    page = ("<html><body><main>" + "<b>x</b>" * 3000 + "</main></body></html>").encode()
    assert read_file(page, ".html", "tags.html")[0]
    with pytest.raises(DocumentError, match=r"about 6,\d+ tags, over the cap of 5,000 .*ASSISTANT_HTML_MAX_TAGS"):
        read_file(page, ".html", "tags.html", limits(html_max_tags=5000))


# ---------------------------------------------------------------- long text


def check_passages(doc, cap: int = PASSAGE_MAX_CHARS) -> list:
    passages = make_passages(doc)
    assert passages
    covered = set()
    for p in passages:
        assert p.end - p.start <= cap, "no passage over the cap"
        for s, e in p.sentences:
            assert doc.text[s:e] == doc.text[s:e].strip() and e - s <= cap
            covered.update(range(s, e))
    lost = [i for lo, hi, _ in _indexable_ranges(doc) for i in range(lo, hi) if i not in covered]
    lost = [i for i in lost if not doc.text[i].isspace()]
    assert not lost, "every character is in a passage"
    return passages


def test_two_megabytes_without_a_sentence_end_are_cut_into_passages(tmp_path):
    paragraph = run_on(2_000_000)
    path = tmp_path / "run-on.txt"
    path.write_text("Run on\n\n" + paragraph + "\n", encoding="utf-8")
    doc = load_document(path)
    passages = check_passages(doc)
    assert len(passages) > 1000
    first = doc.text[passages[0].start : passages[0].end]
    assert first.startswith("the health visitor") and doc.text[passages[0].end] == " ", "cut between words"


def test_a_two_million_character_word_is_hard_split(tmp_path):
    path = tmp_path / "word.txt"
    path.write_text("A short opening sentence.\n\n" + "x" * 2_000_000 + "\n", encoding="utf-8")
    doc = load_document(path)
    passages = check_passages(doc)
    assert max(p.end - p.start for p in passages) == PASSAGE_MAX_CHARS
    assert len(passages) >= 2_000_000 // PASSAGE_MAX_CHARS


def test_sentences_are_kept_whole_when_a_long_paragraph_is_cut():
    from assistant.ingest.documents import Block, DocumentMeta, assemble

    sentence = "Professional curiosity means asking about what a family says and what is seen. "
    doc = assemble([Block(sentence * 300)], DocumentMeta(id="d", title="D"), "text", "d.txt")
    for p in check_passages(doc):
        for s, e in p.sentences:
            assert doc.text[s:e] == sentence.strip()


def test_the_text_cap_is_a_setting(tmp_path, monkeypatch):
    path = tmp_path / "long.md"
    path.write_text("# Notes\n\n" + "Supervision helps. " * 2000, encoding="utf-8")
    assert load_document(path).text
    monkeypatch.setenv("ASSISTANT_MAX_TEXT_CHARS", "10000")
    with pytest.raises(DocumentError, match=r"has 3\d,\d+ characters of text, over the cap of 10,000 characters"):
        load_document(path)


# ---------------------------------------------------------------- text hygiene


def test_control_and_bidi_characters_leave_text_and_metadata(tmp_path):
    path = tmp_path / "spoof.html"
    path.write_bytes(
        f"<html><head><title>Annual{BELL} review {RLO}1302</title></head><body><main>"
        f"<h1>Lessons{BELL} {LRI}learned{PDI}</h1><p>Text with a{BELL} bell and {RLO}reversed words. "
        f"It goes on.</p></main></body></html>".encode()
    )
    (tmp_path / "spoof.meta.toml").write_text('author = "Northshire\\u0007 \\u202eCouncil"\n', encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title == "Annual review 1302"
    assert doc.meta.author == "Northshire Council"
    assert [s.title for s in doc.sections] == ["Lessons learned"]
    assert "Text with a bell and reversed words." in doc.text
    for c in (BELL, RLO, LRI, PDI):
        assert c not in doc.text
    check_passages(doc)


def test_the_docx_export_drops_characters_xml_cannot_hold():
    """The last line of defence: a title (from an older index, or typed) with a bell."""
    import datetime as dt

    import docx

    from assistant.quoting import exports
    from assistant.quoting.citations import Citation

    items = [exports.Item(f"A quote{BELL}.", Citation(title=f"Annual{BELL} review", author=f"Panel{BELL}"))]
    handout = exports.Handout(title=f"Week{BELL} 3", organisation=f"Org{BELL}", today=dt.date(2031, 1, 2))
    document = docx.Document(io.BytesIO(exports.to_docx(items, handout)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Week 3" in text and "A quote." in text and "Panel () Annual review" in text
    assert BELL not in text and document.core_properties.title == "Week 3"


# ---------------------------------------------------------------- through the real CLI and app


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "good.md").write_text(
        "# Supervision\n\nSupervision gives practitioners room to think about risk to a child.\n", encoding="utf-8"
    )
    (folder / "bomb.docx").write_bytes(zip_bomb_docx(300))
    (folder / "nested.html").write_bytes(nested_divs(8000))
    (folder / "spoof.md").write_text(
        f"# Escalation {RLO}policy\n\nEscalation{BELL} means taking a concern further when it is not resolved.\n",
        encoding="utf-8",
    )
    (folder / "spoof.meta.toml").write_text(
        'title = "Northshire\\u0007 escalation \\u202eguide"\npublisher = "Northshire\\u2066 Council"\n',
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def hostile_index(hostile_folder, tmp_path_factory):
    index = tmp_path_factory.mktemp("hostile-index")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", str(hostile_folder), "--index", str(index)],
        capture_output=True,
        text=True,
        timeout=600,
        env=child_env(),
    )
    return index, result


@pytest.mark.model  # the CLI loads the model in its own process
def test_the_cli_reports_each_hostile_file_and_indexes_the_rest(hostile_index):
    _, result = hostile_index
    assert result.returncode == 0, result.stderr
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    lines = out.splitlines()
    bomb = next(line for line in lines if "bomb.docx" in line)
    assert "would unpack to 300.8 MB" in bomb and "ASSISTANT_DOCX_MAX_UNZIPPED_BYTES" in bomb
    nested = next(line for line in lines if "nested.html" in line)
    assert "nests elements too deep" in nested and "ASSISTANT_HTML_MAX_DEPTH" in nested
    assert "Indexed 2 document(s)" in result.stdout


def test_a_spoofed_title_is_clean_in_citations_and_the_docx_export(hostile_index, make_app):
    import docx
    from fastapi.testclient import TestClient

    index, _ = hostile_index
    with TestClient(make_app(index)) as client:
        search = client.get("/api/search", params={"q": "Escalation means taking a concern further"})
        found = search.json()["results"][0]
        assert found["document"]["title"] == "Northshire escalation guide"
        item = {"doc_id": found["document"]["id"], "start": found["start"], "end": found["end"]}
        r = client.post("/api/export", json={"items": [item], "format": "docx", "title": f"Week{BELL} {RLO}3"})
        assert r.status_code == 200, r.text
    document = docx.Document(io.BytesIO(r.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Northshire escalation guide" in text and "Escalation means taking a concern further" in text
    assert BELL not in text and "Northshire Council" in text


def test_titles_stored_before_the_cleaning_are_cleaned_as_they_load():
    from assistant.ingest.documents import Document, DocumentMeta, Section

    old = Document(
        DocumentMeta(id="d", title=f"Annual{BELL} {RLO}review"),
        "Heading\n\nText.",
        "text",
        "d.txt",
        [Section("heading", f"Head{RLO}ing", 1, [f"Head{RLO}ing"], 0, 16)],
    )
    doc = Document.from_dict(old.to_dict())
    assert doc.meta.title == "Annual review" and doc.meta.id == "d"
    assert (doc.sections[0].title, doc.sections[0].path) == ("Heading", ["Heading"])
    assert doc.text == old.text, "the text, which offsets point into, is left as it was"
