"""Build the held-out evaluation set's documents into a folder (questions.toml in this folder asks them).

    python tests/eval_heldout/build_set.py /tmp/heldout        # then:
    assistant ingest /tmp/heldout --index /tmp/heldout-index
    assistant eval --set tests/eval_heldout --index /tmp/heldout-index

Four short documents in genres and layouts that tests/eval does not use (README.md here says
how they were written). Riverford, Easterly Vale, Hollowmere, every person and every local
figure are invented; the only real facts are public ones about the Panel and its 2020 report.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docbuilders import build_docx, build_pdf  # noqa: E402


def para(text: str) -> tuple:
    """A PDF paragraph wrapped to the page width."""
    return ("p", textwrap.wrap(" ".join(text.split()), 84))


# ---------------------------------------------------------------- a practice review excerpt (PDF)

REVIEW = [
    [
        ("title", "Child R"),
        ("subtitle", "Local child safeguarding practice review: executive summary"),
        para("""Riverford Safeguarding Children Partnership. Published September 2022. An excerpt written
        for a test set: Riverford, the family and every professional named here are fictional."""),
        ("h1", "1. Introduction"),
        para("""1.1 This review concerns a baby boy, called Child R in this report (his family chose the
        name Reuben for him here), who was admitted to hospital at eleven weeks old in February 2022
        with a broken arm and bruising behind his left ear."""),
        para("""1.2 The partnership notified the Child Safeguarding Practice Review Panel on 9 February
        2022. The rapid review met within the expected 15 working days and recommended a local child
        safeguarding practice review, led by an independent reviewer, Dr Helen Okafor."""),
        para("""1.3 The review looks at the period from the mother's first midwife appointment in June
        2021 until Reuben went into hospital."""),
        ("h1", "2. The family"),
        para("""2.1 Reuben lived with his mother, who was nineteen, and her partner, Mr D, who is not his
        birth father. Mr D's two older children from an earlier relationship stayed with them every
        other weekend."""),
        para("""2.2 The mother had spent her teenage years in foster care and was still supported by a
        personal adviser from the leaving care team. She had no contact with her own parents."""),
        para("""2.3 Reuben now lives with his great-aunt under a special guardianship order, and sees
        his mother twice a week."""),
    ],
    [
        ("h1", "3. What happened"),
        para("""3.1 Midwives saw the mother eleven times during the pregnancy. At three of those
        appointments she said she felt exhausted and low. She was given a leaflet about perinatal
        mental health, but nobody referred her to the perinatal mental health team."""),
        para("""3.2 The health visitor made the new birth visit when Reuben was twelve days old. Mr D was
        at work. The record says "father present", although the man in the flat that day was a
        friend of the mother's who did not live there."""),
        para("""3.3 On a Sunday afternoon in late January 2022 the mother took Reuben to the emergency
        department with a small bruise on his cheek, which she said a toy rattle had caused. He was
        sent home the same evening. The hospital did not follow the partnership's protocol for
        bruising in babies who are not yet mobile, and no referral was made to children's social
        care."""),
        para("""3.4 Eight days later the GP saw Reuben for his first immunisations and noticed a mark near
        his ear. The GP accepted that a car seat strap had rubbed it and did not look at the
        hospital's discharge letter."""),
        para("""3.5 On 6 February 2022 a friend of the mother called an ambulance because Reuben would not
        stop screaming when his arm was touched. X-rays showed a fracture that doctors judged to be
        several days old."""),
    ],
    [
        ("h1", "4. Findings"),
        para("""Finding 1. The men in the household were invisible to services. Professionals knew Mr D's
        first name but nobody checked who he was, whether he had children of his own or how much of
        Reuben's care he gave."""),
        para("""Finding 2. The bruising protocol was not used. Staff in the emergency department told the
        review they had understood it as guidance for community staff rather than for the hospital."""),
        para("""Finding 3. The mother's history as a care leaver was known to her personal adviser but was
        not passed to the midwives or the health visitor, so nobody saw the whole picture of a very
        young mother with little family support."""),
        para("""Finding 4. Practitioners accepted explanations for marks on a baby without asking whether
        they fitted what an eleven-week-old can do."""),
        ("h1", "5. Recommendations"),
        para("""5.1 The partnership should relaunch the bruising protocol across the hospital trust, and
        train every emergency department team in it by the end of March 2023."""),
        para("""5.2 Health visitors should record the name, date of birth and role of every adult in the
        household at the new birth visit, and see each of them at least once."""),
        para("""5.3 The leaving care service should ask young parents whether their history may be shared
        with maternity services, and record the answer."""),
        ("h1", "6. What the family told the review"),
        para("""6.1 Reuben's mother met the reviewer twice. She said she had wanted someone to ask how she
        was coping at night, and that she had felt judged at the hospital."""),
    ],
]

# ---------------------------------------------------------------- a 7-minute briefing (DOCX)

BRIEFING = [
    ("title", "7-minute briefing: seeing the men in a baby's life"),
    (
        "p",
        "Easterly Vale Safeguarding Partnership. Briefing number 14, May 2023. Written for a test set; Easterly Vale is fictional.",
    ),
    ("h1", "1. Background"),
    (
        "p",
        "The Child Safeguarding Practice Review Panel's Annual Report 2020, published on 14 May 2021, names work "
        "with fathers and male carers as one of six practice themes. In September 2021 the Panel followed it with a "
        "national review called The Myth of Invisible Men.",
    ),
    ("h1", "2. Why it matters"),
    (
        "p",
        "Men are often the people about whom professionals know least, even when they do much of the daily care. "
        "A father or a mother's new partner can be a source of risk, a source of protection, or both.",
    ),
    ("h1", "3. Information"),
    (
        "p",
        "Fathers and male carers are rarely invited to antenatal appointments and are seldom seen alone. Services "
        "tend to arrange visits during working hours, when men who work are out.",
    ),
    ("h1", "4. What we found locally"),
    ("p", "The partnership looked again at its own rapid reviews from 2021 to 2022."),
    (
        "table",
        [
            ["Rapid reviews, 2021 to 2022", "Number"],
            ["Rapid reviews held", "14"],
            ["Concerning a baby under one", "6"],
            ["Father or male carer never assessed", "5"],
        ],
    ),
    (
        "p",
        "In five of the six reviews about babies, the man in the home had never been spoken to by any agency.",
    ),
    ("h1", "5. Questions to ask yourself"),
    ("bullet", "Who lives in the home, and who stays over at weekends?"),
    ("bullet", "Who looks after the baby when the mother is at work or asleep?"),
    ("bullet", "Have I offered an appointment at a time a working father can come to?"),
    ("h1", "6. What good looks like"),
    (
        "p",
        "Good practice names every adult in the household in the record, with their relationship to the child. "
        "It speaks to fathers directly, by phone or in person, rather than passing messages through the mother.",
    ),
    (
        "p",
        "Since January 2023 every health visiting team in Easterly Vale offers one evening clinic a week so that "
        "working parents can attend.",
    ),
    ("h1", "7. Resources"),
    (
        "p",
        "The partnership's learning hub holds a recorded webinar on engaging fathers, 40 minutes long, and a "
        "one-page prompt card for home visits.",
    ),
]

# ---------------------------------------------------------------- a statutory-guidance-like page (HTML)

GUIDANCE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Learning from serious incidents: local reviews (test page)</title>
<meta name="description" content="A page laid out like statutory guidance, written for a test set.">
</head><body>
<a href="#main" class="skip">Skip to main content</a>
<header><p>Example Government Portal</p></header>
<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/children">Children</a></li></ol></nav>
<main id="main">
<h1>Learning from serious incidents: local reviews</h1>
<p>Statutory-style guidance for safeguarding partners. This page was written for a test set. It imitates the layout of guidance; it is not official guidance.</p>
<p>Applies to England. First published 1 July 2022.</p>
<nav aria-label="Contents"><h2>Contents</h2><ol><li><a href="#notify">Notifying the Panel</a></li><li><a href="#rapid">Rapid reviews</a></li><li><a href="#local">Local reviews</a></li><li><a href="#publish">Publishing a review</a></li><li><a href="#sharing">Sharing information</a></li></ol></nav>
<h2 id="notify">Notifying the Panel</h2>
<p>4.1 A local authority must tell the Child Safeguarding Practice Review Panel of a serious incident within five working days of learning of it.</p>
<p>4.2 A serious incident is one where abuse or neglect of a child is known or suspected and the child has died or been seriously harmed.</p>
<p>4.3 The local authority must also tell Ofsted within the same five working days.</p>
<h2 id="rapid">Rapid reviews</h2>
<p>4.4 Safeguarding partners should complete a rapid review and send it to the Panel within 15 working days of the notification.</p>
<p>4.5 The rapid review establishes the facts, considers whether there is immediate action needed to keep other children safe, and decides whether a local review is appropriate.</p>
<h2 id="local">Local reviews</h2>
<p>4.6 A local child safeguarding practice review should be completed and published within six months of the decision to carry it out.</p>
<p>4.7 The partners appoint a reviewer who is independent of the case and of the agencies involved.</p>
<p>4.8 Reviewers should talk to the child's family, and to the child where that is appropriate, and explain how their views will be used.</p>
<h2 id="publish">Publishing a review</h2>
<p>4.9 Reports are published unless there are serious reasons not to. Names are replaced by pseudonyms chosen with the family where possible.</p>
<p>4.10 Partners send the final report to the Panel and to the Secretary of State for Education at least seven working days before it is published.</p>
<p>4.11 A published report should stay on the partnership's website for at least one year.</p>
<h2 id="sharing">Sharing information</h2>
<p>4.12 Fear of breaking data protection law must not stop practitioners sharing information to keep a child safe. The Data Protection Act 2018 and UK GDPR allow information to be shared without consent where that is needed to protect a child.</p>
<p>4.13 Practitioners should record what they shared, with whom, when and why, including when they decided not to share.</p>
<h2>About the Panel</h2>
<p>4.14 The Panel is an independent group of experts appointed by the Secretary of State for Education. It commissions national reviews of cases it considers complex or of national importance.</p>
</main>
<footer><p>Example Government Portal. Cookies. Accessibility statement.</p></footer>
</body></html>
"""

# ---------------------------------------------------------------- a partnership newsletter (Markdown)

NEWSLETTER = """# Hollowmere Safeguarding Children Partnership: practitioner newsletter

Issue 9, winter 2021. Written for a test set; Hollowmere and everyone named in it are fictional.

## The Panel's annual report for 2020

The Child Safeguarding Practice Review Panel published its Annual Report 2020 on 14 May 2021. It
covers 482 serious incident notifications about 514 children; 206 of the children died and 267 were
seriously harmed. Annie Hudson, the Panel's chair, introduces the report.

Our board discussed the report in June and agreed to look first at how we work with fathers.

## Our year in numbers: 2020 to 2021

Hollowmere held 11 rapid reviews and started 3 local child safeguarding practice reviews.
Referrals to children's social care rose by 8 per cent, to 4,312.

## New faces

Priya Sandhu joined the partnership as business manager in October. Tom Eze is the new designated
nurse for safeguarding children, and leads the health subgroup.

## Safe sleep over Christmas

Our safe sleep campaign, Room to Breathe, runs from 1 December to 6 January. Families are more likely
to change where a baby sleeps when they stay with relatives over the holidays, so health visitors will
talk about a safe place to sleep at every December contact.

## Young carers

One in five young carers who answered our schools survey said there was no adult they could talk to
about home. The young carers service now runs a drop-in at every secondary school once a month.

## Learning from local reviews

The Child T review, about a fourteen-year-old exploited by a county lines gang, will be published in
March 2022.

## Training dates

Neglect toolkit training runs online on Tuesday 18 January 2022, from 9.30 to 12.30. Multi-agency
training on child exploitation is on 3 February 2022 at Hollowmere Civic Centre. Book through the
partnership's learning portal.

## Out of hours

The emergency duty team covers evenings, weekends and bank holidays, on 01632 960 400.
"""


def sidecar(path: Path, **fields: str) -> None:
    body = "".join(f'{k} = "{v}"\n' for k, v in fields.items())
    path.with_name(path.stem + ".meta.toml").write_text(body, encoding="utf-8")


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The four documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "riverford-child-r-review.pdf",
            build_pdf(
                REVIEW,
                header="Child R: executive summary",
                footer="Riverford Safeguarding Children Partnership",
                numbers={0: 1, 1: 2, 2: 3},
                title="Child R: local child safeguarding practice review",
                author="Riverford Safeguarding Children Partnership",
            ),
            dict(
                id="riverford-child-r-review",
                title="Child R: local child safeguarding practice review (test excerpt)",
                author="Riverford Safeguarding Children Partnership",
                date="2022-09-01",
                kind="review",
            ),
        ),
        (
            "easterly-vale-7-minute-briefing.docx",
            build_docx(BRIEFING),
            dict(
                id="easterly-vale-7-minute-briefing",
                title="7-minute briefing: seeing the men in a baby's life (Easterly Vale)",
                author="Easterly Vale Safeguarding Partnership",
                date="2023-05-01",
                kind="briefing",
            ),
        ),
        (
            "local-reviews-guidance.html",
            GUIDANCE_HTML.encode(),
            dict(
                id="local-reviews-guidance",
                title="Learning from serious incidents: local reviews (test page)",
                author="Held-out evaluation set",
                date="2022-07-01",
                kind="guidance",
            ),
        ),
        (
            "hollowmere-newsletter-winter-2021.md",
            NEWSLETTER.encode(),
            dict(
                id="hollowmere-newsletter-winter-2021",
                title="Practitioner newsletter, winter 2021 (Hollowmere)",
                author="Hollowmere Safeguarding Children Partnership",
                date="2021-12-01",
                kind="newsletter",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the four documents (and their metadata) into ``folder``; return it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content, meta in documents():
        (folder / name).write_bytes(content)
        sidecar(folder / name, **meta)
    return folder


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "heldout-set")))
