"""Build the third unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen3/build_set.py /tmp/unseen3      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen3 --index /tmp/unseen3-index
    assistant eval --set unseen3 --index /tmp/unseen3-index

Four documents written after QUESTIONS_HEARD.md and before the questions (README.md here says how).
Hollinsford, Bracklow, Greystone Lane Dental Practice, Hollinsford Homes, Eastmere Ambulance Service,
Baby N and every person, family and local figure are invented; the only real facts are public ones
about the Panel and its Annual Report 2020.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docbuilders import build_docx, build_layout_pdf, write_set  # noqa: E402


def para(text: str) -> tuple:
    """A PDF paragraph wrapped to the page width."""
    return ("p", textwrap.wrap(" ".join(text.split()), 84, break_on_hyphens=False))


# ---------------------------------------------------------------- a rapid review summary with a table (PDF)

REVIEW = [
    [
        ("title", "Rapid review summary: Baby N"),
        ("subtitle", "Hollinsford Safeguarding Children Partnership"),
        para("""Published 12 February 2025. This is the public summary of a rapid review. Written for a test
        set; Hollinsford, Baby N and everyone named in it are fictional."""),
        ("h1", "1. What happened"),
        para("""Baby N was a girl aged seven months. She lived in Hollinsford with her mother, her brother,
        who was three, and her mother's partner, who had moved in during the summer of 2024."""),
        para("""On 3 November 2024 an ambulance crew took Baby N to Hollinsford General Hospital with a
        serious head injury. She died two days later. Her mother's partner was arrested and the
        criminal investigation is continuing."""),
        ("h1", "2. The rapid review"),
        para("""The partnership notified the Child Safeguarding Practice Review Panel on 4 November 2024,
        the day after Baby N was admitted. The rapid review meeting took place on 18 November 2024,
        within 15 working days of the notification, and was chaired by Gareth Linley, the
        partnership's independent scrutineer."""),
        ("h1", "3. Agencies that knew the family"),
        (
            "table",
            [
                ["Agency", "Contact", "At the review"],
                ["Children's social care", "Two contacts, 2023", "Yes"],
                ["Police", "One call, August 2024", "Yes"],
                ["GP practice", "Missed immunisations", "Yes"],
                ["Health visiting", "New birth visit", "Yes"],
                ["Nursery (the brother)", "Daily, term time", "Yes"],
                ["Ambulance service", "999 call only", "Yes"],
                ["Probation", "No record", "Checked records"],
            ],
        ),
        para("""Probation checked its records for the review and found that the mother's partner was not
        known to probation in Hollinsford. He had a conviction for assault from 2019 in another area,
        which the police found only after Baby N's death."""),
    ],
    [
        ("h1", "4. What the review found"),
        para("""4.1 The mother's partner was not known to the health visitor or the GP. Nobody asked who else
        lived in the home, so the man in the household was invisible to the services that saw the
        baby."""),
        para("""4.2 Baby N missed her eight-week and twelve-week immunisations and was not brought to a
        health visitor check at three months. Each missed appointment was recorded, but nobody
        followed them up or saw them together."""),
        para("""4.3 The brother's nursery noticed that he was often hungry on Mondays and that he was
        collected late twice in October 2024. Staff recorded this but did not pass it to the
        designated safeguarding lead."""),
        para("""4.4 In August 2024 the police attended a shouting incident at the home. No offence was
        recorded, and the health visitor was not told even though a baby lived there."""),
        ("h1", "5. What will change"),
        para("""5.1 Health visitors will ask at every contact who lives in the home, and record the name of
        any man who lives there or visits often."""),
        para("""5.2 When a baby misses two immunisation appointments, the GP practice will tell the health
        visitor within five working days."""),
        para("""5.3 The police will tell the health visiting service within 24 hours about any domestic
        incident at a home where a child under one lives."""),
        para("""5.4 Nurseries and childminders will be reminded that a worry about a child's sibling should
        reach the designated safeguarding lead the same day."""),
        ("h1", "6. What happens next"),
        para("""The review decided that a local child safeguarding practice review is needed, and the Panel
        agreed. It will be published when the criminal trial has finished. Two other Hollinsford
        reviews, of Baby U and of Child O, are also in progress and are not summarised here."""),
        ("h1", "7. The national picture"),
        para("""The Child Safeguarding Practice Review Panel's Annual Report 2020, published on 14 May 2021,
        described 482 serious incident notifications about 514 children; 206 of the children died and
        267 suffered serious harm. The Panel, chaired by Annie Hudson, set out six practice themes."""),
    ],
]

# ---------------------------------------------------------------- a dental practice safeguarding policy (DOCX)

DENTAL = [
    ("title", "Greystone Lane Dental Practice: safeguarding children policy"),
    (
        "p",
        "For every member of the practice team. Agreed at the practice meeting on 6 March 2025; next review "
        "March 2026. Greystone Lane Dental Practice is in Hollinsford. Written for a test set; the practice "
        "and everyone named here are fictional.",
    ),
    ("h1", "1. Who to go to"),
    (
        "table",
        [
            ["Role", "Name", "How to reach them"],
            ["Safeguarding lead", "Dr Priya Kalsi, principal dentist", "Surgery 1, or extension 11"],
            ["Deputy safeguarding lead", "Martin Oduya, practice manager", "Extension 12"],
            ["Hollinsford MASH", "Duty social worker", "01632 961 400"],
            ["Emergency Duty Team", "Evenings and weekends", "01632 961 499"],
        ],
    ),
    (
        "p",
        "Any member of the team with a worry about a child talks to the safeguarding lead the same day. If "
        "the safeguarding lead and the deputy are both away, the dentist who saw the child rings the "
        "Hollinsford MASH directly.",
    ),
    ("h1", "2. Dental neglect"),
    (
        "p",
        "Dental neglect is when a parent or carer keeps failing to look after a child's teeth in a way that "
        "harms the child's health, comfort or development. Tooth decay on its own is not neglect.",
    ),
    (
        "p",
        "It becomes a safeguarding concern when a child has untreated decay that causes pain, infection or "
        "lost sleep, and the parent has been told what the child needs and has still not acted.",
    ),
    ("h2", "Three stages"),
    ("bullet", "Stage 1: the dentist explains the problem to the parent, gives written advice and books a review."),
    ("bullet", "Stage 2: if nothing changes, the dentist talks to the child's health visitor, school nurse or GP."),
    ("bullet", "Stage 3: if the child is still at risk, the dentist refers to the Hollinsford MASH."),
    ("h1", "3. Children who are not brought to appointments"),
    (
        "p",
        "We say a child was not brought, not that the child did not attend: a child cannot bring themselves.",
    ),
    (
        "p",
        "After two missed appointments in a row, the dentist rings the parent. After a third, the dentist "
        "tells the child's health visitor or school nurse and writes to the parent.",
    ),
    (
        "p",
        "We never discharge a child from the practice only because they were not brought. This replaces our "
        "old rule, which discharged patients after three missed appointments.",
    ),
    ("h1", "4. Telling the parents"),
    (
        "p",
        "We usually tell a parent that we are worried and that we will refer, unless telling them could put "
        "the child at greater risk. You do not need the parent's consent to refer a child.",
    ),
    ("h1", "5. Records and photographs"),
    (
        "p",
        "Write in the dental record what you saw, what the child and parent said, and what you did, with the "
        "date. Clinical photographs of the mouth are taken only with the parent's consent and stored in the "
        "record, never on a personal phone.",
    ),
    ("h1", "6. Training"),
    (
        "p",
        "Reception staff complete level 1 safeguarding training. Dentists, dental nurses and hygienists "
        "complete level 2 every three years. The safeguarding lead completes level 3 every three years.",
    ),
    ("h1", "7. Adults"),
    (
        "p",
        "This policy is about children. Worries about an adult patient at risk are covered by the practice's "
        "separate adult safeguarding policy.",
    ),
]

# ---------------------------------------------------------------- a housing service's web page (HTML)

HOUSING_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Spotting the signs of neglect: a guide for Hollinsford Homes staff</title>
<meta name="description" content="A housing service page written for a test set.">
</head><body>
<header><p>Hollinsford Homes</p>
<nav><ul><li><a href="/">Home</a></li><li><a href="/staff">Staff hub</a></li></ul></nav></header>
<main>
<h1>Spotting the signs of neglect: a guide for Hollinsford Homes staff</h1>
<p>Updated January 2025. For housing officers, repairs operatives and estate staff. Written for a test set; Hollinsford Homes and its services are fictional.</p>

<h2>What neglect is</h2>
<p>Neglect is the ongoing failure to meet a child's basic needs: food, warmth, clean clothes, a safe home, medical care and supervision. It is the most common reason a child in Hollinsford needs a child protection plan.</p>

<h2>What you might see on a home visit</h2>
<ul>
<li>No food in the kitchen, or children who ask you for food.</li>
<li>Children sleeping on the floor, with no beds or mattresses of their own.</li>
<li>Dog mess, rubbish or needles where children play.</li>
<li>Young children left alone, or in charge of younger brothers and sisters.</li>
<li>Children at home during school hours in term time.</li>
<li>A home so full of belongings that children cannot move around safely.</li>
</ul>

<h2>Damp, mould and repairs</h2>
<p>Damp and mould are a repairs matter first: report them and book the work. They become a safeguarding concern when a family will not let the repair happen, or a child keeps getting ill and nothing changes.</p>

<h2>What to do</h2>
<ol>
<li>If a child is in immediate danger, ring 999.</li>
<li>Otherwise, ring the Hollinsford MASH on 01632 961 400, Monday to Friday 9am to 5pm, or the Emergency Duty Team on 01632 961 499 at other times.</li>
<li>Then tell Dawn Etheridge, the Hollinsford Homes safeguarding lead, on extension 3320.</li>
<li>Write down what you saw, with the date and time, on the tenancy file.</li>
</ol>

<h2>Do I need the tenant's permission?</h2>
<p>No. You do not need the tenant's permission to refer a child. Tell the tenant you are doing it, unless that would put the child at greater risk.</p>

<h2>Our figures</h2>
<p>In 2024, Hollinsford Homes staff made 63 referrals about children to the MASH, up from 41 in 2023.</p>
</main>
<footer><p>Hollinsford Homes, staff hub. Page SG-4.</p></footer>
</body></html>
"""

# ---------------------------------------------------------------- an ambulance service quick guide (Markdown)

AMBULANCE = """# Safeguarding referrals: a quick guide for crews

Eastmere Ambulance Service NHS Trust. Version 2, April 2025, for paramedics, technicians and
emergency care assistants working in Hollinsford and Bracklow. Written for a test set; the trust
and everyone named here are fictional.

## When to refer

Refer whenever you think a child or an adult at risk may be being abused or neglected, or their
home is not safe for them. You do not have to be sure. Examples from our crews: a baby with a
bruise that nobody explains, a child caring alone for a sick parent, or a home too cluttered
and dirty for children to live in safely.

## How to refer

- Ring the Safeguarding Referral Line on 0306 999 0412. It is open 24 hours a day, every day.
- Make the referral once the patient is handed over, from the vehicle or the hospital, and
  always before the end of your shift.
- Give your name, your call sign, the incident number and what you saw and heard.
- The referral line passes the referral to the right children's or adults' service within
  four hours.

## If a child is at immediate risk

Do not leave a child you believe is in danger. Ask control for police attendance straight away
and stay until the police arrive.

## If a parent will not let you see the child

If a parent refuses to let you see a child you are worried about, do not force your way in.
Leave safely, ask control to contact the police, and make a referral.

## Telling the family

Tell the parent or carer that you are making a referral, unless telling them would put the
child or you at greater risk. You do not need their consent.

## Records and photographs

Never photograph a patient, a child or a home on a personal phone. Describe what you saw in
the patient care record, in plain words, as exactly as you can.

## Our figures

In 2024 to 2025 the Safeguarding Referral Line took 4,812 referrals from crews, of which
2,106 were about children.

## Contacts

- Safeguarding Referral Line: 0306 999 0412 (24 hours).
- Named professional for safeguarding: Ruth Achebe, 0306 999 0430, office hours.
- Emergency: through control, or 999.
"""


def review_pdf() -> bytes:
    """Two pages with a running footer that holds the printed page number ("Page 2 of 2")."""
    heads = {
        n: [
            ("bottom", "left", "Hollinsford Safeguarding Children Partnership | Rapid review summary: Baby N"),
            ("bottom", "right", f"Page {n} of 2"),
        ]
        for n in (1, 2)
    }
    return build_layout_pdf(
        REVIEW,
        heads,
        title="Rapid review summary: Baby N (Hollinsford)",
        author="Hollinsford Safeguarding Children Partnership",
    )


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The four documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "hollinsford-rapid-review-baby-n.pdf",
            review_pdf(),
            dict(
                id="hollinsford-rapid-review-baby-n",
                title="Rapid review summary: Baby N (Hollinsford, test document)",
                author="Hollinsford Safeguarding Children Partnership",
                date="2025-02-12",
                kind="review",
            ),
        ),
        (
            "greystone-lane-dental-safeguarding-policy.docx",
            build_docx(DENTAL),
            dict(
                id="greystone-lane-dental-safeguarding-policy",
                title="Safeguarding children policy (Greystone Lane Dental Practice)",
                author="Greystone Lane Dental Practice",
                date="2025-03-06",
                kind="other",
            ),
        ),
        (
            "hollinsford-homes-signs-of-neglect.html",
            HOUSING_HTML.encode(),
            dict(
                id="hollinsford-homes-signs-of-neglect",
                title="Spotting the signs of neglect: a guide for Hollinsford Homes staff",
                author="Hollinsford Homes",
                date="2025-01-15",
                kind="other",
            ),
        ),
        (
            "eastmere-ambulance-referral-quick-guide.md",
            AMBULANCE.encode(),
            dict(
                id="eastmere-ambulance-referral-quick-guide",
                title="Safeguarding referrals: a quick guide for crews (Eastmere Ambulance Service)",
                author="Eastmere Ambulance Service NHS Trust",
                date="2025-04-01",
                kind="guidance",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the four documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen3-set")))
