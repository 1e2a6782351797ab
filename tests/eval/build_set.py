"""Build the realistic evaluation set's documents into a folder (tests/eval/realistic.toml asks them).

    python tests/eval/build_set.py /tmp/realistic        # then:
    assistant ingest /tmp/realistic --index /tmp/realistic-index
    assistant eval tests/eval/realistic.toml --index /tmp/realistic-index

Four documents of different kinds, every word written for these tests:

- ``annual-report-2020.pdf``: a report-style summary of the Panel's Annual Report 2020 in our
  own words, with its public figures (482 notifications about 514 children, 206 deaths,
  267 serious harm; six practice themes; chair Annie Hudson; published 14 May 2021).
- ``annual-report-2019-test-edition.pdf``: an INVENTED 2019 edition with made-up figures, so
  that a question about 2019 and one about 2020 have different right answers.
- ``notifying-serious-incidents.html``: a GOV.UK-style guidance page, written by us.
- ``babies-briefing.docx``: a local practice briefing for a fictional partnership (Northshire).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docbuilders import build_docx, build_html, build_pdf  # noqa: E402


def para(text: str) -> tuple:
    """A PDF paragraph wrapped to the page width."""
    return ("p", textwrap.wrap(" ".join(text.split()), 84))


REPORT_2020 = [
    [
        ("title", "Annual Report 2020"),
        ("subtitle", "Child Safeguarding Practice Review Panel"),
        para("""Test document for the evaluation set: a summary written in our own words, not the
        Panel's text. The figures are those the Panel published for 2020. Published on 14 May 2021."""),
        ("h1", "Foreword from the chair"),
        para("""Annie Hudson chairs the Child Safeguarding Practice Review Panel. In her foreword she
        describes 2020 as a year of great strain for families and for everyone who works to keep
        children safe, as the pandemic closed schools and moved many services online."""),
        para("""She thanks local safeguarding partners for continuing to notify incidents and to hold
        rapid reviews through lockdown, often by video call."""),
        ("h1", "Serious incident notifications in 2020"),
        para("""In 2020 the Panel received 482 serious incident notifications about 514 children.
        Of these children, 206 died and 267 suffered serious harm. Notifications come from
        local authorities when abuse or neglect is known or suspected and a child has died or
        been seriously harmed."""),
        para("""Babies under one year old made up the largest single age group in the notifications.
        Teenagers formed the second largest group, often harmed outside the home."""),
    ],
    [
        ("h1", "Six practice themes"),
        para("""The report sets out six practice themes that recur across the reviews the Panel read
        during the year."""),
        (
            "bullets",
            [
                ["Understanding what the child's daily life is like."],
                ["Working with families and in particular with fathers and male carers."],
                ["Assessing risk in a way that holds more than one explanation in mind."],
                ["Sharing information between agencies promptly and in full."],
                ["Critical thinking and challenge between professionals."],
                ["Organisational leadership and culture that support good practice."],
            ],
        ),
        ("h1", "Rapid reviews"),
        para("""A rapid review is the first step after a notification. Local safeguarding partners
        gather the facts quickly and decide whether a local child safeguarding practice review
        is needed. The Panel found that most rapid reviews in 2020 were completed within the
        expected 15 working days."""),
        para("""The best rapid reviews asked why things happened, not only what happened, and they
        spoke with the practitioners who knew the family."""),
        ("h1", "Local child safeguarding practice reviews"),
        para("""Local reviews varied in quality. Strong reviews focused on a small number of clear
        findings and showed how the learning would change practice; weaker ones repeated
        recommendations from earlier reviews without asking why they had not worked."""),
    ],
    [
        ("h1", "The Panel's work programme for 2021 to 2022"),
        para("""In the coming year the Panel will publish a national review into the safeguarding of
        children with disabilities in residential settings, and will look at how partnerships
        respond to harm caused by non-accidental injury to infants."""),
        para("""The Panel will also work more closely with the Department for Education and with
        Ofsted to make sure lessons from reviews reach frontline practice."""),
        ("h1", "Membership of the Panel"),
        para("""The Panel is an independent body of experts from social work, health, policing and
        education. Its members are appointed by the Secretary of State for Education."""),
    ],
]

REPORT_2019 = [
    [
        ("title", "Annual Report 2019"),
        ("subtitle", "Invented test edition"),
        para("""Invented test edition written for the evaluation set. Every figure in this document is
        made up for testing and is not a real statistic. Published on 2 March 2020."""),
        ("h1", "Introduction"),
        para("""This invented 2019 edition describes a first year of work under new arrangements, in
        which local safeguarding partnerships replaced the old safeguarding boards."""),
        ("h1", "Serious incident notifications in 2019"),
        para("""In 2019 the panel received 391 serious incident notifications about 418 children.
        Of these children, 187 died and 203 suffered serious harm, according to this invented
        edition."""),
        para("""Most notifications in 2019 arrived later than the five working days that guidance
        expects, which the invented edition puts down to unfamiliar new forms."""),
    ],
    [
        ("h1", "Themes from the first year"),
        para("""The invented 2019 edition names four themes: poor recording of the child's own words,
        weak planning when families move between areas, drift in cases of long-term neglect, and
        gaps in out-of-hours services."""),
        ("h1", "Training for reviewers"),
        para("""In 2019 the panel ran twelve workshops for independent reviewers on writing short,
        readable reviews that families can understand."""),
        ("h1", "Priorities for 2020"),
        para("""For 2020 the invented edition plans to test a new template for rapid reviews and to
        publish guidance on involving families in local reviews."""),
    ],
]

GUIDANCE_HTML = """
<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/children">Children and safeguarding</a></nav>
<h1>Notifying a serious child safeguarding incident</h1>
<p class="lead">Guidance for local authorities and safeguarding partners. Test page written for the evaluation set; it is not official guidance.</p>
<p>Last updated 3 February 2021.</p>
<h2>When to notify</h2>
<p>A local authority must notify the Child Safeguarding Practice Review Panel within five working days of becoming aware that a child has died or been seriously harmed and abuse or neglect is known or suspected.</p>
<p>The duty also applies when a looked after child dies, whether or not abuse or neglect is suspected.</p>
<h2>How to notify</h2>
<p>Notifications are made through the online notification form. The form asks for the child's age, the agencies involved and a short account of what happened.</p>
<p>Do not delay a notification while you wait for more information; it can be updated later.</p>
<h2>What serious harm means</h2>
<p>Serious harm includes serious or long-term impairment of a child's mental health or intellectual, emotional, social or behavioural development, as well as serious physical injury.</p>
<h2>After a notification</h2>
<p>The safeguarding partners hold a rapid review and send it to the Panel within 15 working days. The rapid review recommends whether a local child safeguarding practice review should follow.</p>
<p>The Panel may decide that a case raises issues of national importance and carry out a national review itself.</p>
<h2>Contact</h2>
<p>Questions about the notification form go to the Panel's secretariat by email, not by phone.</p>
"""

BRIEFING = [
    ("title", "Practice briefing: keeping babies safe"),
    (
        "p",
        "Northshire Safeguarding Children Partnership, practice briefing 7, October 2021. Written for the "
        "evaluation set; Northshire is fictional.",
    ),
    ("h1", "Why babies"),
    (
        "p",
        "Babies cannot tell anyone what is happening to them and depend entirely on the adults around them. "
        "In Northshire, 9 of the 22 rapid reviews held in 2020 to 2021 concerned a baby under one.",
    ),
    ("h1", "Bruising in non-mobile babies"),
    (
        "p",
        "Any bruise on a baby who is not yet crawling or cruising must be taken seriously. Practitioners "
        "should refer to children's social care the same day and arrange a medical assessment by a paediatrician.",
    ),
    ("h1", "Safe sleep"),
    (
        "p",
        "Sudden unexpected death in infancy is more likely when a baby shares a sofa or a bed with an adult "
        "who has drunk alcohol or taken drugs. Health visitors talk through a safe sleep plan at every contact, including when the family's routine changes at Christmas or on holiday.",
    ),
    ("h1", "Fathers and male carers"),
    (
        "p",
        "Reviews keep finding that the men in a baby's life were not seen or assessed. Ask who lives in the "
        "home and who looks after the baby, and record their names and roles.",
    ),
    ("h1", "Coping with crying"),
    (
        "p",
        "Persistent crying is a common trigger for shaking. Every new parent in Northshire is given the "
        "coping with crying leaflet before leaving hospital, and midwives check it was understood.",
    ),
    ("h1", "What to do"),
    ("bullet", "Share concerns about a baby with the multi-agency safeguarding hub on the same working day."),
    ("bullet", "Ask the designated safeguarding lead in your service for advice if you are unsure."),
    ("bullet", "Use the partnership's escalation policy if you disagree with a decision about a baby."),
]


def sidecar(path: Path, **fields: str) -> None:
    body = "".join(f'{k} = "{v}"\n' for k, v in fields.items())
    path.with_name(path.stem + ".meta.toml").write_text(body, encoding="utf-8")


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The four documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "annual-report-2020.pdf",
            build_pdf(REPORT_2020, title="Annual Report 2020", author="Evaluation set"),
            dict(
                id="annual-report-2020",
                title="Annual Report 2020 (test summary)",
                author="Evaluation set",
                date="2021-05-14",
                kind="report",
                description="A summary of the Panel's Annual Report 2020 written for tests.",
            ),
        ),
        (
            "annual-report-2019-test-edition.pdf",
            build_pdf(REPORT_2019, title="Annual Report 2019", author="Evaluation set"),
            dict(
                id="annual-report-2019-test-edition",
                title="Annual Report 2019 (invented test edition)",
                author="Evaluation set",
                date="2020-03-02",
                kind="report",
                description="Invented figures, for tests only.",
            ),
        ),
        (
            "notifying-serious-incidents.html",
            build_html("Notifying a serious child safeguarding incident - GOV.UK", GUIDANCE_HTML),
            dict(
                id="notifying-serious-incidents",
                title="Notifying a serious child safeguarding incident (test page)",
                author="Evaluation set",
                date="2021-02-03",
                kind="guidance",
            ),
        ),
        (
            "babies-briefing.docx",
            build_docx(BRIEFING),
            dict(
                id="babies-briefing",
                title="Practice briefing: keeping babies safe (Northshire)",
                author="Northshire Safeguarding Children Partnership",
                date="2021-10-01",
                kind="briefing",
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
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "realistic-set")))
