"""Loading and normalising documents, sentences and passages (plain text and Markdown)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.ingest.documents import DocumentError, discover, load_document
from assistant.ingest.passages import make_passages, split_sentences
from assistant.settings import BUNDLED_CORPUS

NEWS = BUNDLED_CORPUS / "panel-annual-report-2020-news.txt"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def news():
    return load_document(NEWS)


def test_bundled_corpus_metadata_comes_from_the_sidecar(news):
    assert news.meta.id == "panel-annual-report-2020-news"
    assert news.meta.publisher == "Croydon Safeguarding Children Partnership"
    assert news.meta.date == "2021-05-15"
    assert news.meta.source_url.startswith("https://croydonlcsb.org.uk/")
    assert news.meta.year == "2021"


def test_only_the_article_is_kept(news):
    # The post date before the article and the partner names after it are page furniture.
    assert not news.text.startswith("May 15")
    assert "NHS South London" not in news.text
    assert "Read the full report here" not in news.text
    assert news.text.startswith("National Safeguarding Practice Review Panel – 2020 Annual Report")


def test_a_sentence_broken_across_lines_is_rejoined(news):
    assert "in reflecting on the quality and impact of practice.”" in news.text
    assert "on the\nquality" not in news.text


def test_stray_whitespace_is_collapsed_and_the_text_matches_the_source(news):
    assert "  " not in news.text
    assert "protect  children" not in news.text
    source = NEWS.read_text(encoding="utf-8")
    assert squash(news.text) in squash(source)


def test_sentences_never_lose_text(news):
    sentences = split_sentences(news.text, 0, len(news.text))
    joined = "".join(news.text[s.start : s.end] for s in sentences)
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", news.text)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    texts = [news.text[s.start : s.end] for s in sentences]
    assert "“This report has three important messages." in texts
    # A closing quotation mark stays with its sentence.
    assert texts[-2].endswith("practice.”")


def test_passages_are_exact_runs_of_whole_sentences(news):
    passages = make_passages(news, max_words=80, overlap=1)
    assert len(passages) >= 5
    starts = {s.start for s in split_sentences(news.text, 0, len(news.text))}
    for p in passages:
        assert p.start in starts
        assert news.text[p.start : p.end] == news.text[p.sentences[0][0] : p.sentences[-1][1]]
        assert len(news.text[p.start : p.end].split()) <= 80 or len(p.sentences) == 1
    assert [p.seq for p in passages] == list(range(len(passages)))


def test_markdown_headings_become_sections_and_passages_never_cross_them(tmp_path):
    md = tmp_path / "guide.md"
    md.write_text(
        "# Practice guide\n\nIntro text that sets the scene for the reader.\n\n"
        "## Information sharing\n\nAgencies must share information early. Delay costs children dearly.\n\n"
        "- Share early\n- Record decisions\n\n"
        "## Professional curiosity\n\nAsk what lies behind a parent's account. Check it against\nwhat you see.\n",
        encoding="utf-8",
    )
    doc = load_document(md)
    assert [s.title for s in doc.sections] == ["Practice guide", "Information sharing", "Professional curiosity"]
    assert doc.sections[1].path == ["Practice guide", "Information sharing"]
    assert "Check it against what you see." in doc.text
    for p in make_passages(doc, max_words=200):
        section = doc.section_at(p.start)
        assert p.end <= section.end
        assert section.title not in doc.text[p.start : p.end]
    curious = next(p for p in make_passages(doc) if "parent's account" in doc.text[p.start : p.end])
    assert doc.section_at(curious.start).path == ["Practice guide", "Professional curiosity"]
    assert curious.section_id == doc.section_at(curious.start).id


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"   \n\n  ", "empty"),
        ("binary.txt", b"\x00\x01\x02PK\x00", "binary"),
        ("slides.pptx", b"whatever", "unsupported"),
    ],
)
def test_unreadable_files_say_why(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=reason):
        load_document(path)


def test_discover_expands_folders_and_reports_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha text here.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# B\n\nBeta text.", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes about the corpus", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    files, problems = discover([str(tmp_path), str(tmp_path / "missing.pdf")])
    assert sorted(Path(f).name for f in files) == ["a.txt", "b.md"]
    assert problems == [(str(tmp_path / "missing.pdf"), "no such file or folder")]


def test_windows_1252_text_is_decoded(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The Panel\u2019s report \u2013 caf\u00e9 culture.".encode("cp1252"))
    assert "Panel’s report – café" in load_document(path).text


def test_passages_of_an_older_index_still_load():
    """Fields no code read (the joined section path, page numbers) left the Passage; an index
    written before that keeps loading, so nothing ingested is lost."""
    from assistant.ingest.passages import Passage

    old = {
        "id": "d:0",
        "doc_id": "d",
        "start": 0,
        "end": 9,
        "sentences": [[0, 9]],
        "section_id": "s",
        "section": "A › B",
        "page_start": 1,
        "page_end": 1,
        "page_label_start": "1",
        "page_label_end": "1",
        "seq": 0,
    }
    p = Passage.from_dict(old)
    assert (p.id, p.sentences, p.section_id, p.seq) == ("d:0", [(0, 9)], "s", 0)
    assert Passage.from_dict(p.to_dict()) == p
