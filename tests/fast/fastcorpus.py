"""A small corpus for the fast loop, written for these tests (every text invented: "Riverside",
"Northshire"), in each readable format: Markdown, plain text, HTML, DOCX and a paged PDF.

The fake encoder knows no meaning, only shared word pieces, so the questions the tests ask
share their words with the passage that answers them; questions about things no document
mentions share none.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from docbuilders import build_docx, build_html, report_pdf  # noqa: E402

RIVERSIDE_MD = """# Riverside Partnership Learning Review 2032

## Summary

The Riverside partnership completed nine rapid reviews in 2032. Seven of the nine reviews concerned children under five.

## Professional curiosity

Practitioners showed professional curiosity when they asked who else lived in the home. Weak professional curiosity was noted in four reviews, where workers accepted a parent's account without checking it.

### In supervision

Supervisors can model professional curiosity in every meeting by asking what evidence supports a judgement.

## Information sharing

Information sharing between schools and health visitors was slow. Referrals from schools often lacked the names of older siblings, so the full picture of the household was missing.

## Recommendations

The partnership will publish a seven minute briefing on escalation by March 2033. Every agency will name a lead for multi-agency escalation.
"""

RIVERSIDE_META = """id = "riverside-review"
title = "Riverside Partnership Learning Review 2032"
author = "Riverside Safeguarding Partnership"
publisher = "Riverside Safeguarding Partnership"
date = "2033-01-20"
source_url = "https://riverside.example/learning-review-2032"
"""

NOTES_TXT = """Notes from the Riverside training day

Trainers asked delegates to describe a time when curiosity about a lodger changed their assessment. Most delegates said that home visits at different times of day showed who was really living in the household.

Delegates asked for a short guide to escalation, with the names of the people to call in each agency.
"""

NOTES_META = """id = "training-notes"
title = "Notes from the Riverside training day"
author = "Riverside Safeguarding Partnership"
date = "2033-02-03"
"""

HTML_BODY = """<h1>Northshire bulletin: safer sleep</h1>
<p>Health visitors in Northshire talk to every family about safer sleep for babies before the baby is six weeks old.</p>
<h2>Co-sleeping and alcohol</h2>
<p>Co-sleeping after drinking alcohol greatly increases the risk of sudden unexpected death in infancy, so visitors explain the risk to both parents.</p>
<h2>Further reading</h2>
<p>The bulletin lists leaflets that families can take home in six community languages.</p>
"""

DOCX_ITEMS = [
    ("title", "Lantern Trust guidance on neglect"),
    ("h1", "Recognising neglect"),
    ("p", "Neglect is the persistent failure to meet a child's basic needs, such as food, warmth and medical care."),
    ("p", "Teachers often notice neglect first, when a pupil arrives hungry or in unwashed clothes week after week."),
    ("h1", "Chronologies"),
    ("p", "A chronology of small concerns shows a pattern that no single incident shows on its own."),
    ("bullet", "Record each concern on the day it is seen."),
    ("bullet", "Share the chronology with the designated safeguarding lead."),
]


def write_corpus(folder: Path) -> Path:
    """Write every document (and its metadata) into ``folder``; return it."""
    folder = Path(folder)
    (folder / "riverside-review.md").write_text(RIVERSIDE_MD, encoding="utf-8")
    (folder / "riverside-review.meta.toml").write_text(RIVERSIDE_META, encoding="utf-8")
    (folder / "training-notes.txt").write_text(NOTES_TXT, encoding="utf-8")
    (folder / "training-notes.meta.toml").write_text(NOTES_META, encoding="utf-8")
    (folder / "safer-sleep.html").write_bytes(build_html("Northshire bulletin: safer sleep", HTML_BODY))
    (folder / "neglect-guidance.docx").write_bytes(
        build_docx(DOCX_ITEMS, {"title": "Lantern Trust guidance on neglect", "author": "Lantern Trust"})
    )
    (folder / "annual-review-2031.pdf").write_bytes(report_pdf())
    return folder


def text_index(texts: list[str]):
    """A stand-in index over ``texts`` with what the question-reading rules ask of one: its
    documents, BM25 document frequencies, and ``derive`` for what is made once per index."""
    from types import SimpleNamespace

    from assistant.index.lexical import tokenize

    held = [set(tokenize(t)) for t in texts]
    derived: dict = {}
    return SimpleNamespace(
        documents={str(i): SimpleNamespace(text=t) for i, t in enumerate(texts)},
        bm25=SimpleNamespace(df=lambda s: sum(s in h for h in held)),
        derive=lambda key, make: derived[key] if key in derived else derived.setdefault(key, make()),
    )


def admissible(question: str, passage: str, index, gloss, heading: str = "") -> bool:
    """Whether ``passage`` (under ``heading``) may answer ``question``, judged by stems alone."""
    from types import SimpleNamespace

    from assistant.answering import evidence

    terms = evidence.question_terms(question, index, gloss)
    hit = SimpleNamespace(similarity=0.5, bm25=1.0)
    return evidence._candidate(terms, hit, passage, heading, gloss, None, None, 0.0).admissible
