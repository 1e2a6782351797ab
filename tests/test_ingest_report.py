"""Documents as people save them, through the real CLI in subprocesses: a Markdown briefing with
a ``# Title`` and a "Published:" line, a text file, a PDF with junk metadata and a dated cover,
and a scanned PDF (text rendered to an image, then to PDF) read with OCR. Ingest reports each
document (title, author and date with where each came from, warnings), ``documents`` shows the
origins, and the scanned page answers a question with its quote marked as recognised text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docbuilders import build_layout_pdf, scan_pages
from layouts import chapter_heads_pdf

CMD = [sys.executable, "-m", "assistant"]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": os.getcwd()}

BRIEFING = """# Rapid reviews and local learning

Published: 3 March 2022

From: Northshire Safeguarding Children Partnership

A rapid review is finished within fifteen working days of the notifica-
tion, and its findings go to the national panel. Guidance is at https://www.example.org/northshire/
rapid-reviews/guide or from learning.team@north
shire.example.org for anyone who asks.
"""

NOTES = """Supervision notes for new staff

Updated: 12 January 2023

Supervision happens every four weeks and is written up on the child's file within two
working days, so that the reasons for each safe-
guarding decision can be found later.
"""


def scanned_note() -> bytes:
    page = [
        ("line", "Outreach visits", 17, True),
        (
            "p",
            [
                "The outreach team visits families on Tuesday and Thursday afternoons,",
                "and the duty worker covers Saturday and Sunday from the office.",
            ],
        ),
    ]
    return scan_pages(build_layout_pdf([page], title="scan0001.pdf"))


def run(*args, **env) -> subprocess.CompletedProcess:
    return subprocess.run([*CMD, *args], capture_output=True, text=True, timeout=300, env={**ENV, **env})


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("saved")
    folder = root / "docs"
    folder.mkdir()
    (folder / "lcspr_and_rapid_reviews.md").write_text(BRIEFING, encoding="utf-8")
    (folder / "supervision.txt").write_text(NOTES, encoding="utf-8")
    (folder / "report_final_v3.pdf").write_bytes(chapter_heads_pdf())
    (folder / "outreach-scan.pdf").write_bytes(scanned_note())
    result = run("ingest", str(folder), "--index", str(root / "ix"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return root / "ix", {d["id"]: d for d in report["documents"]}


def test_markdown_briefing_title_date_and_author_from_its_own_lines(ingested):
    _, docs = ingested
    md = docs["lcspr-and-rapid-reviews"]
    assert (md["title"], md["date"], md["author"]) == (
        "Rapid reviews and local learning",
        "2022-03-03",
        "Northshire Safeguarding Children Partnership",
    )
    assert md["origin"] == {"title": "first heading", "author": "From line", "date": "Published line"}
    txt = docs["supervision"]
    assert (txt["title"], txt["date"]) == ("Supervision notes for new staff", "2023-01-12")
    assert txt["origin"] == {"title": "first line", "date": "Updated line"}


def test_pdf_cover_wins_over_junk_metadata_and_pages_are_counted(ingested):
    _, docs = ingested
    pdf = docs["report-final-v3"]
    assert (pdf["title"], pdf["author"], pdf["date"]) == (
        "Study notes 2020",
        "Northshire Safeguarding Children Partnership",
        "2021-03",
    )
    assert pdf["origin"] == {"title": "cover", "author": "cover", "date": "cover"}
    assert (pdf["pages"], pdf["sections"]) == (9, 8) and pdf["passages"] >= 8
    assert pdf["warnings"] == []


def test_documents_lists_where_title_author_and_date_came_from(ingested):
    index, _ = ingested
    result = run("documents", "--index", str(index))
    assert result.returncode == 0, result.stderr
    assert "title: cover, author: cover, date: cover" in result.stdout
    assert "title: first heading, author: From line, date: Published line" in result.stdout
    assert "text recognised from a scan on page(s) 1" in result.stdout
    rows = {r["id"]: r for r in json.loads(run("documents", "--index", str(index), "--json").stdout)}
    assert rows["report-final-v3"]["origin"]["date"] == "cover"
    assert rows["outreach-scan"]["scanned"] == [1]


def test_line_repairs_in_text_and_markdown(ingested):
    index, _ = ingested
    result = run("ask", "How quickly is a rapid review finished?", "--index", str(index), "--json")
    text = " ".join(q["text"] for q in json.loads(result.stdout)["quotes"])
    assert "fifteen working days of the notification, and" in text
    assert "https://www.example.org/northshire/rapid-reviews/guide" in text
    assert "learning.team@northshire.example.org for anyone" in text
    result = run("ask", "When is supervision written up on the child's file?", "--index", str(index), "--json")
    assert "each safeguarding decision" in " ".join(q["text"] for q in json.loads(result.stdout)["quotes"])


def test_a_scanned_page_answers_with_its_quote_marked(ingested):
    index, docs = ingested
    scan = docs["outreach-scan"]
    assert scan["scanned"] == [1]
    assert "text recognised from a scan (OCR) on page 1" in scan["warnings"]
    assert scan["title"] == "Outreach visits"  # the file's own title is a scanner's file name
    result = run("ask", "Who covers the weekend?", "--index", str(index), "--json")
    answer = json.loads(result.stdout)
    assert answer["answered"], answer
    quote = answer["quotes"][0]
    assert quote["document"]["id"] == "outreach-scan"
    assert "duty worker covers Saturday and Sunday" in quote["text"]
    assert quote["notes"] == ["text recognised from a scan"]
    plain = run("ask", "Who covers the weekend?", "--index", str(index))
    assert "(text recognised from a scan)" in plain.stdout


def test_with_ocr_off_ingest_names_the_pages_without_text(tmp_path):
    mixed = scan_pages(chapter_heads_pdf(), {3, 5})
    (tmp_path / "mixed.pdf").write_bytes(mixed)
    (tmp_path / "scan.pdf").write_bytes(scanned_note())
    result = run("ingest", str(tmp_path / "mixed.pdf"), str(tmp_path / "scan.pdf"), "--index", str(tmp_path / "ix"))
    assert result.returncode == 0  # OCR on by default: both read
    result = run(
        "ingest",
        str(tmp_path / "mixed.pdf"),
        str(tmp_path / "scan.pdf"),
        "--index",
        str(tmp_path / "ix"),
        ASSISTANT_OCR="false",
    )
    assert result.returncode == 0, result.stderr
    assert "Note: mixed: 2 pages without text: 3, 5 (OCR is off" in result.stderr
    assert "scan.pdf: the PDF has no text layer" in result.stderr and "page 1 has no text (OCR is off" in result.stderr
    result = run("ingest", str(tmp_path / "mixed.pdf"), "--index", str(tmp_path / "ix2"), "--json", ASSISTANT_OCR="0")
    report = json.loads(result.stdout)
    assert report["documents"][0]["warnings"][0].startswith("2 pages without text: 3, 5 (OCR is off")
