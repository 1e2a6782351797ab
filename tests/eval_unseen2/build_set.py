"""Build the second unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen2/build_set.py /tmp/unseen2      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen2 --index /tmp/unseen2-index
    assistant eval --set unseen2 --index /tmp/unseen2-index

Four documents written after INBOX.md and before the questions (README.md here says how).
Wexcombe, Pellingbrook, Marrowfield Primary School, Child D and every person, family and local
figure are invented; the only real facts are public ones about the Panel and its Annual Report 2020.
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


# ---------------------------------------------------------------- a multi-agency strategy discussion procedure (PDF)

PROCEDURE = [
    [
        ("title", "Strategy discussions and meetings"),
        ("subtitle", "Wexcombe Safeguarding Children Partnership: multi-agency procedure"),
        para("""Version 3, in force from 2 September 2024, replacing version 2 of January 2022. Written for a
        test set; Wexcombe and everyone named in it are fictional."""),
        ("h1", "1. Purpose"),
        para("""1.1 A strategy discussion is held whenever there is reasonable cause to suspect that a child is
        suffering, or is likely to suffer, significant harm. It decides whether enquiries under section 47
        of the Children Act 1989 (s47 enquiries) are needed, who will carry them out, and what must happen
        to keep the child safe in the meantime."""),
        para("""1.2 A strategy discussion can be held by phone or video call. A strategy meeting, face to face
        or online, is held instead when the concerns are complex: several children or families, organised
        or institutional abuse, fabricated or induced illness, or the death of a child."""),
        para("""1.3 This procedure applies to every agency working with children who live in Wexcombe. It does
        not cover children who live in Pellingbrook, whose partnership has its own procedure."""),
        ("h1", "2. Who convenes it"),
        para("""2.1 The strategy discussion is convened by the team manager in the Multi-Agency Safeguarding
        Hub (MASH) or, once a case is allocated, by the allocated social worker's team manager. A newly
        qualified social worker never convenes one alone."""),
        para("""2.2 Any practitioner may ask for a strategy discussion by ringing the MASH on 01632 960 240 and
        saying so. If the MASH team manager decides not to hold one, they tell the practitioner why on the
        same day, and the practitioner may use the steps in section 7."""),
        para("""2.3 Out of hours, the Emergency Duty Service (01632 960 318) holds a strategy discussion with the
        police when the child's safety cannot wait until the next working day."""),
        ("h1", "3. Timescales"),
        para("""3.1 Where a child may be at immediate risk, the strategy discussion takes place the same day. In
        every other case it takes place within two working days of the decision that one is needed."""),
        para("""3.2 An initial child protection conference is held within 15 working days of the strategy
        discussion at which the s47 enquiry was started."""),
        para("""3.3 For an unborn baby, the strategy discussion is held by the 20th week of pregnancy wherever
        possible, and the pre-birth conference by the 28th week."""),
    ],
    [
        ("h1", "4. Who takes part"),
        para("""4.1 Every strategy discussion includes, as a minimum, children's social care, the police (the
        Child Abuse Investigation Team), health, and the agency that made the referral. Health is
        represented by the named nurse for safeguarding or by a health practitioner who knows the child."""),
        para("""4.2 When the child goes to a school or nursery, its designated safeguarding lead is invited. For
        an unborn baby or a baby under one, a community midwife or health visitor must be invited, and the
        discussion goes ahead without one only if the convening manager records the reason."""),
        para("""4.3 A GP who joins, including a locum, brings a summary of the child's health record and what is
        known of the parents' health, including appointments the child was not brought to. Information may
        be shared without the parents' consent where that is needed to protect a child."""),
        para("""4.4 Where the concern is about an adult who works or volunteers with children, the convening
        manager consults the Local Authority Designated Officer (LADO) before the discussion."""),
        para("""4.5 Police community support officers and youth workers do not usually take part. What they know
        reaches the discussion through the MASH, so they should pass their concerns to the MASH in writing
        the same day."""),
        ("h1", "5. Recording and sharing the decisions"),
        para("""5.1 The convening manager writes up the discussion on the strategy discussion record within one
        working day. The decisions and actions are sent to everyone who took part within two working days;
        anyone who joined by phone, such as a GP, receives them by secure email."""),
        para("""5.2 The social worker usually tells the parents about the strategy discussion and its outcome,
        unless doing so would put the child at greater risk or get in the way of a police investigation."""),
        ("h1", "6. Outcomes"),
        para("""6.1 A strategy discussion ends with one of four decisions: a joint s47 enquiry by social care and
        the police; a single-agency s47 enquiry by social care; a child and family assessment without an
        s47 enquiry; or no further action, with advice to the referrer."""),
        para("""6.2 Every decision is recorded with its reason, and names the person who will explain it to the
        child in words the child can understand."""),
        ("h1", "7. When agencies disagree"),
        para("""7.1 Raise the disagreement with the convening manager on the day. If it is not resolved within
        two working days, take it to the head of service for children's social care, and then use the
        partnership's resolving professional differences protocol."""),
    ],
    [
        ("h1", "8. Why this version changed: learning from Child D"),
        para("""8.1 Child D, a boy of four, went to a nursery in Wexcombe. In the spring of 2023 nursery staff saw
        bruises on his ear on three occasions over six weeks, and made a referral each time."""),
        para("""8.2 A strategy discussion was held after the third referral, at 4.45 pm on a Friday. Nobody from
        health took part and the police joined late. It decided on a single-agency assessment without an s47
        enquiry."""),
        para("""8.3 Eleven days later Child D was taken to hospital with a broken arm. His mother's partner was
        later convicted of assault."""),
        para("""8.4 The local review, published in March 2024, found that the three referrals had been treated as
        separate events, that the discussion relied on his mother's account, and that nobody asked the
        nursery what Child D himself had said. He had told his key worker that "Mummy's friend pulls my
        ears"."""),
        para("""8.5 Two changes in this version come from that review: health now takes part in every strategy
        discussion (4.1), and a third referral about the same child within twelve months always leads to a
        strategy discussion."""),
        para("""8.6 A second local review, of Child G, is still in progress and will be summarised here when it is
        published."""),
        ("h1", "9. The national picture"),
        para("""9.1 The Child Safeguarding Practice Review Panel's Annual Report 2020, published on 14 May 2021,
        described 482 serious incident notifications about 514 children; 206 of the children died and 267
        suffered serious harm. The Panel, chaired by Annie Hudson, drew its learning together in six
        practice themes, which the partnership used when it revised this procedure."""),
        ("h1", "10. Contacts"),
        para("""10.1 Wexcombe MASH: 01632 960 240, Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm.
        Emergency Duty Service: 01632 960 318, evenings, weekends and bank holidays. If a child is in
        immediate danger, ring 999."""),
    ],
]

# ---------------------------------------------------------------- a school's child protection policy extract (DOCX)

POLICY = [
    ("title", "Marrowfield Primary School: child protection and safeguarding policy"),
    (
        "p",
        "Extract for staff, volunteers, trainees and visitors. Approved by the governing board on 9 October 2024; next "
        "review October 2025. Marrowfield Primary School is in Wexcombe. Written for a test set; the school and "
        "everyone named here are fictional.",
    ),
    ("h1", "1. Key contacts"),
    (
        "table",
        [
            ["Role", "Name", "How to reach them"],
            ["Designated safeguarding lead (DSL)", "Corinne Ashworth, deputy head", "Room 4, or extension 201"],
            ["Deputy DSL", "Tobias Wren, special educational needs coordinator", "Extension 214"],
            ["Deputy DSL", "Niamh Fairbairn, family support worker", "Extension 230, mobile 07700 900 415"],
            ["Head teacher", "Helena Strand", "Extension 200"],
            ["Safeguarding governor", "Rashid Pembury", "Through the school office"],
            ["Chair of governors", "Stuart Haldane", "Through the clerk to the governors"],
            ["Local Authority Designated Officer (LADO)", "Yusuf Tennant", "01632 960 274"],
            ["Wexcombe MASH", "Duty social worker", "01632 960 240"],
            ["Emergency Duty Service", "Out of hours", "01632 960 318"],
        ],
    ),
    ("h1", "2. If you are worried about a child"),
    (
        "p",
        "Tell the DSL straight away, and in any case before the end of the school day. If the DSL is not on site, "
        "tell one of the deputy DSLs; if none of them is available, tell the head teacher. Office staff, lunchtime "
        "staff and volunteers follow the same route.",
    ),
    (
        "p",
        "If a child may be at risk of immediate harm, do not wait for the DSL: ring the MASH or, in an emergency, 999, "
        "and tell the DSL afterwards.",
    ),
    (
        "p",
        "Write down what you saw or heard on a yellow concern form, using the child's own words, and sign and date it. "
        "Do not investigate, do not ask leading questions and do not promise to keep a secret.",
    ),
    ("h1", "3. Attendance and children missing education"),
    (
        "p",
        "The school office rings parents on the first morning of any absence that has not been explained. If a child "
        "has been absent without explanation for 10 school days in a row, or a family says they have gone abroad "
        "and gives no date of return, the DSL tells the council's children missing education officer.",
    ),
    (
        "p",
        "A child with a child protection plan who is absent without explanation is reported to their social worker "
        "on the same day.",
    ),
    ("h1", "4. Suspensions and exclusions"),
    (
        "p",
        "Before a child who has a social worker is suspended or excluded, the head teacher speaks to that social "
        "worker. Since the review of Child Y, the school also invites the social worker to the meeting when the "
        "child returns.",
    ),
    ("h1", "5. Allegations against staff, volunteers and visitors"),
    (
        "p",
        "A concern that a member of staff, a volunteer or a visitor may have harmed a child, or may pose a risk to "
        "children, is reported to the head teacher. The head teacher tells the LADO within one working day, before "
        "the school carries out any investigation of its own.",
    ),
    (
        "p",
        "An allegation about the head teacher is reported to the chair of governors, who contacts the LADO. Concerns "
        "that do not meet the threshold for the LADO are recorded as low-level concerns by the head teacher.",
    ),
    ("h1", "6. Training"),
    (
        "p",
        "All staff and volunteers have safeguarding training when they join and again every September. The DSL and "
        "the deputy DSLs complete the partnership's designated lead course every two years, and update their "
        "knowledge at least once a term.",
    ),
    (
        "p",
        "Governors complete online safeguarding training within three months of appointment. Trainee teachers on "
        "placement join the September training or, if they arrive later, have an induction with the DSL in their "
        "first week.",
    ),
    ("h1", "7. Phones and online safety"),
    (
        "p",
        "Pupils who bring a mobile phone hand it in at the office at the start of the day and collect it at home "
        "time. Staff never use their own phones to photograph children. A worry about something a child has seen "
        "or shared online is treated like any other safeguarding concern.",
    ),
    ("h1", "8. Early help"),
    (
        "p",
        "Where a family needs support but there is no risk of significant harm, the DSL may offer an early help "
        "assessment, with the family's agreement. Niamh Fairbairn leads early help in school and meets parents in "
        "the Willow Room every Tuesday morning.",
    ),
]

# ---------------------------------------------------------------- a public leaflet web page for parents (HTML)

LEAFLET_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Worried about a child? A guide for parents, carers and families (Wexcombe)</title>
<meta name="description" content="A leaflet for families written for a test set.">
</head><body>
<header><p>Wexcombe Safeguarding Children Partnership</p>
<nav><ul><li><a href="/">Home</a></li><li><a href="/families">For families</a></li></ul></nav></header>
<main>
<h1>Worried about a child? A guide for parents, carers and families</h1>
<p>Published April 2024. Written for a test set; Wexcombe and its services are fictional.</p>

<h2>If a child is in danger right now</h2>
<p>Ring 999 and ask for the police. Do not wait to be sure.</p>

<h2>Who to tell</h2>
<ul>
<li>Wexcombe MASH (children's social care): 01632 960 240, Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm.</li>
<li>Emergency Duty Service, evenings, weekends and bank holidays: 01632 960 318.</li>
<li>The child's school, nursery, health visitor or GP, who will know what to do.</li>
</ul>

<h2>Do I have to give my name?</h2>
<p>No. You can tell us about a worry without giving your name. If you do give it, we will not tell the family who contacted us.</p>

<h2>What happens after you contact us</h2>
<ol>
<li>A social worker in the MASH listens to you and writes down what you say.</li>
<li>They may check what the child's school, GP or the police already know.</li>
<li>Within one working day they decide whether the child needs help, and what kind.</li>
<li>If you are the child's parent, we will usually talk to you first.</li>
</ol>
<p>Most contacts lead to advice or support for the family. Very few children leave their home because someone rang us.</p>

<h2>Early help is not the same as social services</h2>
<p>Early help is support for a family from people such as family support workers, school staff and health visitors. It is voluntary: the family agrees to it and can stop it at any time. Family hubs in Wexcombe town centre, Hazelgarth and Copperwell are open Monday to Friday, 9am to 4pm, without an appointment.</p>

<h2>Looking after someone else's child</h2>
<p>If a child under 16 (under 18 if disabled) lives for 28 days or more with an adult who is not their parent or a close relative, this is private fostering, and the council must be told. Ring the fostering team on 01632 960 355.</p>
<ul>
<li>Close relatives are grandparents, brothers and sisters, uncles and aunts, and step-parents.</li>
<li>A friend's parent who has a child to stay for a month is a private foster carer.</li>
</ul>

<h2>Leaving children at home alone</h2>
<p>Our advice for families:</p>
<ul>
<li>Never leave babies and young children alone, even for a few minutes.</li>
<li>Children under 12 are rarely ready to be left alone for long.</li>
<li>No child under 16 should be left alone overnight.</li>
<li>Before you go out, agree with your child who they can ring and what to do if something goes wrong.</li>
</ul>

<h2>Signs that a child may need help</h2>
<ul>
<li>Bruises or marks that are not explained, especially on a baby who is not yet crawling.</li>
<li>A child who seems afraid to go home, or of a particular adult.</li>
<li>A child who is often hungry, dirty or left without care.</li>
<li>A child who goes missing, or has new things and money that nobody can explain.</li>
</ul>
</main>
<footer><p>Wexcombe Safeguarding Children Partnership. Leaflet F3, for families.</p></footer>
</body></html>
"""

# ---------------------------------------------------------------- a data commentary / dashboard note (Markdown)

DASHBOARD = """# Front door dashboard: commentary for quarter 2, 2024 to 2025

Wexcombe Safeguarding Children Partnership. Prepared by Beth Lindqvist, performance analyst, and
published on 30 October 2024. Written for a test set; Wexcombe and everyone named here are fictional.

## The period

This note covers quarter 2 of 2024 to 2025: 1 July to 30 September 2024. It compares the quarter with
quarter 1 (April to June 2024) and with the same quarter a year earlier.

## The figures

| Measure | Q2 2023-24 | Q1 2024-25 | Q2 2024-25 |
| --- | --- | --- | --- |
| Contacts to the MASH | 2,915 | 3,208 | 3,377 |
| Contacts decided within one working day | 88% | 91% | 94% |
| Referrals to children's social care | 702 | 744 | 781 |
| Strategy discussions held | 214 | 236 | 251 |
| Strategy discussions with police and health present | 71% | 83% | 90% |
| Section 47 enquiries started | 166 | 179 | 188 |
| Initial child protection conferences | 58 | 61 | 64 |
| Conferences held within 15 working days | 79% | 82% | 86% |
| Children on child protection plans (end of quarter) | 312 | 298 | 305 |
| Referrals to the LADO | 27 | 33 | 41 |
| Private fostering notifications | 3 | 2 | 5 |

## What counts as a contact

A contact is any enquiry to the MASH about a child, from a professional or a member of the public,
whether or not it leads to a referral. A call about a family of three children counts as three
contacts. Police notifications of domestic abuse are counted as contacts too.

## Commentary

Contacts rose by about 5 per cent on the quarter before and by 16 per cent on the same quarter last
year. Schools made 38 per cent of the contacts in September, when children went back after the
summer holidays.

The share of strategy discussions with both the police and health present rose to 90 per cent. Most
of the rise came after version 3 of the strategy discussion procedure came into force on 2 September.
The remaining gap is mainly in discussions held out of hours, where health joined fewer than half.

Conferences held within 15 working days rose to 86 per cent. Most of the late conferences were put
back so that a parent could attend with an advocate.

There were 305 children on child protection plans at 30 September 2024. Neglect was the main
category of concern for 58 per cent of them.

Referrals to the LADO rose to 41. The LADO, Yusuf Tennant, puts much of the rise down to training for
nurseries and out-of-school clubs during the summer.

One rapid review, about Baby J, was sent to the national Panel in August 2024.

## National context

The Panel's Annual Report 2020, published on 14 May 2021, covered 482 serious incident notifications
about 514 children across England.

## What this note does not cover

Figures for single schools are not published. Pellingbrook publishes its own dashboard. Figures for
the whole year 2023 to 2024 are in the partnership's annual report. The quarter 3 commentary is due
at the end of January 2025.
"""


def procedure_pdf() -> bytes:
    """Three pages with a running footer that holds the printed page number ("Page 2 of 3")."""
    heads = {
        n: [
            (
                "bottom",
                "left",
                "Wexcombe Safeguarding Children Partnership | Strategy discussions procedure, version 3",
            ),
            ("bottom", "right", f"Page {n} of 3"),
        ]
        for n in (1, 2, 3)
    }
    return build_layout_pdf(
        PROCEDURE,
        heads,
        title="Strategy discussions and meetings: multi-agency procedure (Wexcombe, version 3)",
        author="Wexcombe Safeguarding Children Partnership",
    )


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The four documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "wexcombe-strategy-discussion-procedure.pdf",
            procedure_pdf(),
            dict(
                id="wexcombe-strategy-discussion-procedure",
                title="Strategy discussions and meetings: multi-agency procedure, version 3 (Wexcombe, test document)",
                author="Wexcombe Safeguarding Children Partnership",
                date="2024-09-02",
                kind="guidance",
            ),
        ),
        (
            "marrowfield-child-protection-policy.docx",
            build_docx(POLICY),
            dict(
                id="marrowfield-child-protection-policy",
                title="Child protection and safeguarding policy, extract (Marrowfield Primary School)",
                author="Marrowfield Primary School",
                date="2024-10-09",
                kind="other",
            ),
        ),
        (
            "wexcombe-worried-about-a-child-leaflet.html",
            LEAFLET_HTML.encode(),
            dict(
                id="wexcombe-worried-about-a-child-leaflet",
                title="Worried about a child? A guide for parents, carers and families (Wexcombe)",
                author="Wexcombe Safeguarding Children Partnership",
                date="2024-04-01",
                kind="other",
            ),
        ),
        (
            "wexcombe-front-door-dashboard-q2-2024-25.md",
            DASHBOARD.encode(),
            dict(
                id="wexcombe-front-door-dashboard-q2-2024-25",
                title="Front door dashboard: commentary for quarter 2, 2024 to 2025 (Wexcombe)",
                author="Wexcombe Safeguarding Children Partnership",
                date="2024-10-30",
                kind="other",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the four documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen2-set")))
