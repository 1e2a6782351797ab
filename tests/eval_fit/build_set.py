"""Build the fit set's documents into a folder (questions.toml in this folder asks them).

    python tests/eval_fit/build_set.py /tmp/fit        # then:
    assistant ingest /tmp/fit --index /tmp/fit-index
    assistant eval --set fit --index /tmp/fit-index

Five short documents in genres neither tests/eval nor tests/eval_heldout uses (README.md here
says how they were written, and TASKS.md the list they were written from). Wendlemoor,
Brackenfold, Selvey, Orrinsby, Kelderside, every person, scheme and local figure are invented;
the only real facts are public ones about the Panel and its Annual Report 2020. The shipped
default calibration is fit on this set (``python -m bench.fit_default``).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docbuilders import build_docx, build_pdf, write_set  # noqa: E402


def para(text: str) -> tuple:
    """A PDF paragraph wrapped to the page width (never broken at a hyphen)."""
    return ("p", textwrap.wrap(" ".join(text.split()), 84, break_on_hyphens=False))


# ---------------------------------------------------------------- the findings of a local review (PDF)

FINDINGS = [
    [
        ("title", "Child K"),
        ("subtitle", "Local child safeguarding practice review: findings"),
        para("""Wendlemoor Safeguarding Children Partnership. Commissioned in March 2023, published
        November 2023. Section 5 of the review, written for a test set: Wendlemoor, the family and
        every professional named here are fictional."""),
        ("h1", "5. Findings"),
        para("""5.1 Child K is a boy who was eight years old when this review was commissioned. He
        lived with his mother and two younger sisters. The review was commissioned after a
        neighbour found him alone at home with his sisters for two days in February 2023, with
        no food in the house and the heating off."""),
        para("""5.2 The reviewer, Ms Carys Pennant, a former head of children's services, read the
        records of seven agencies and spoke with twenty-two practitioners and with Child K's
        mother and grandmother."""),
        ("h2", "Finding 1: missed health appointments were not treated as a warning"),
        para("""5.3 Child K was not brought to nine hospital and dental appointments over three years.
        Each missed appointment was recorded as a "did not attend" and a letter was sent to the
        mother. No service added the missed appointments together, and nobody told the GP."""),
        para("""5.4 By the time he was seen by a dentist in 2023, Child K needed six teeth removed under
        general anaesthetic because of decay."""),
    ],
    [
        ("h2", "Finding 2: school absence was seen one term at a time"),
        para("""5.5 Child K's attendance fell to 61 per cent in the school year 2021 to 2022. The school
        followed its attendance procedure, but each term started afresh, so the pattern across
        the year was never put in front of the designated safeguarding lead."""),
        para("""5.6 In September 2022 the mother told the school she would educate Child K at home. He
        was taken off the school roll within a week. The local authority's elective home
        education officer wrote to the family twice but did not visit, and saw Child K for the
        first time only after the February incident."""),
        ("h2", "Finding 3: the family's move across the border was not followed up"),
        para("""5.7 The family moved to Wendlemoor from a neighbouring authority in 2020. The previous
        authority had closed a child in need plan two weeks before the move. Its records were
        sent by post and reached Wendlemoor children's services four months later."""),
        ("h2", "Finding 4: the mother's own needs were not explored"),
        para("""5.8 The mother had told her GP in 2021 that she was drinking every day to cope with
        the loss of her job. She was given details of the local alcohol service but no one
        asked who was caring for the children when she was unwell."""),
    ],
    [
        ("h2", "Finding 5: professionals did not hear from Child K himself"),
        para("""5.9 Nobody asked Child K what life at home was like. He told the reviewer, through his
        grandmother, that he had been "in charge of breakfast and bedtime" for his sisters since
        he was six."""),
        ("h1", "6. Recommendations"),
        para("""6.1 The partnership should agree a shared approach to children who are not brought to
        appointments, so that three missed health appointments in a year lead to a conversation
        with the GP and the school. Owner: the designated nurse. To be in place by June 2024."""),
        para("""6.2 Schools should look at attendance across a whole year, not term by term, when
        deciding whether to refer to early help. Owner: the education safeguarding lead."""),
        para("""6.3 The elective home education team should see every child within 20 school days of
        the child being taken off roll, and the child on their own where possible."""),
        para("""6.4 When a family moves in, children's services should ask the previous authority by
        phone for its records within five working days, rather than waiting for them by post."""),
        ("h1", "7. The family's view"),
        para("""7.1 Child K's grandmother said the family had been "visited by letters, not by
        people". Child K now lives with her, and his sisters live with their father."""),
    ],
]

# ---------------------------------------------------------------- a health-visiting practice note (DOCX)

PRACTICE_NOTE = [
    ("title", "Practice note 7: when a child is not brought"),
    (
        "p",
        "Brackenfold Community Health Services NHS Trust, health visiting service. Issued April 2024, "
        "review due April 2026. Written for a test set; Brackenfold and its trust are fictional.",
    ),
    ("h1", "Purpose"),
    (
        "p",
        "This note tells health visitors and community nursery nurses what to do when a baby or young child "
        "misses a contact. We say a child was not brought, rather than did not attend, because a young child "
        "cannot bring themselves to an appointment.",
    ),
    ("h1", "The contacts every family is offered"),
    (
        "table",
        [
            ["Contact", "When"],
            ["Antenatal visit", "from 28 weeks of pregnancy"],
            ["New birth visit", "10 to 14 days after the birth"],
            ["Six to eight week review", "6 to 8 weeks"],
            ["One year review", "9 to 12 months"],
            ["Two year review", "2 to 2 and a half years"],
        ],
    ),
    ("h1", "When a contact is missed"),
    (
        "p",
        "Try to reach the parent by phone on the same working day. If you cannot, send a text message and "
        "make one more attempt within 48 hours.",
    ),
    (
        "p",
        "If a baby under one year old is not brought twice in a row, tell the GP practice in writing and "
        "discuss the family with your safeguarding supervisor within five working days.",
    ),
    ("bullet", "Check the electronic record for other missed appointments in any service."),
    ("bullet", "Check whether the child has a social worker or an early help worker, and tell them."),
    ("bullet", "Never close a case only because the family did not respond to letters."),
    ("h1", "Escalation"),
    (
        "p",
        "If you still cannot see the child after ten working days, make a referral to the children's "
        "services front door. If you disagree with the outcome of a referral, use the partnership's "
        "resolution and escalation procedure, starting with a call to the team manager.",
    ),
    ("h1", "Recording"),
    (
        "p",
        "Write down every adult living in the home, their name, their relationship to the child and whether "
        "you have met them. A new partner of the mother or father should be seen at the next contact.",
    ),
    ("h1", "Why this matters in Brackenfold"),
    (
        "p",
        "In 2022 to 2023, 1 in 4 families in the service missed at least one of the five contacts. An audit of "
        "40 case files found that repeated missed contacts had been escalated in only 9 of them.",
    ),
    ("h1", "Who to ask"),
    (
        "p",
        "The named nurse for safeguarding children, Grace Adeyemi, leads the safeguarding supervision "
        "programme and can be reached through the trust's safeguarding advice line.",
    ),
]

# ---------------------------------------------------------------- a partnership FAQ page (HTML)

FAQ_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Safeguarding reviews: your questions answered | Selvey Safeguarding Children Partnership</title>
<meta name="description" content="Frequently asked questions about safeguarding reviews, written for a test set.">
</head><body>
<a href="#content">Skip to content</a>
<header><p>Selvey Safeguarding Children Partnership</p>
<nav aria-label="Main"><ul><li><a href="/">Home</a></li><li><a href="/reviews">Reviews</a></li>
<li><a href="/report">Report a concern</a></li></ul></nav></header>
<main id="content">
<h1>Safeguarding reviews: your questions answered</h1>
<p>This page was written for a test set. Selvey and its partnership are fictional. Last updated 2 October 2023.</p>

<h2>About reviews</h2>
<h3>What is a safeguarding practice review?</h3>
<p>When a child dies or is seriously harmed and abuse or neglect is known or suspected, the agencies that
work with children look back at what happened. The aim is to learn how services can protect children
better, not to blame individual workers.</p>
<h3>Who decides whether there will be a review?</h3>
<p>The three safeguarding partners decide together: the council, the integrated care board for health,
and the chief officer of police. In Selvey they meet as the partnership's executive group.</p>
<h3>How long does a review take?</h3>
<p>Most local reviews in Selvey take between six and nine months from the decision to publication. A
review can take longer if there is a criminal trial, because it must not affect the trial.</p>
<h3>Will the child or family be named?</h3>
<p>No. Reports use a pseudonym or a letter instead of the child's name, and leave out details that could
identify the family, such as the street or the school.</p>
<h3>Can I read the reports?</h3>
<p>Yes. Published reviews stay on the Reviews page of this website for at least twelve months. The
national Panel also keeps a library of published local reviews from across England.</p>
<h3>Has Selvey published reviews before?</h3>
<p>Yes. Our most recent reviews are those about Child S (2021) and Child W (2022). Both are on the
Reviews page.</p>

<h2>The national Panel</h2>
<h3>What is the Child Safeguarding Practice Review Panel?</h3>
<p>An independent national panel that looks at serious child safeguarding cases in England and decides
which ones need a national review. Its chair is Annie Hudson.</p>
<h3>What did the Panel's annual report for 2020 say?</h3>
<p>Published on 14 May 2021, it covers 482 serious incident notifications about 514 children, of whom
206 died and 267 were seriously harmed. It sets out six practice themes for local partnerships.</p>

<h2>Worried about a child?</h2>
<h3>How do I report a concern about a child?</h3>
<p>Call the Selvey children's services front door on 01632 960 118, Monday to Friday, 8.30am to 5pm. At
other times call the emergency duty team on 01632 960 119. If a child is in immediate danger, call 999.</p>
<h3>Do I have to give my name?</h3>
<p>You can report a concern without giving your name, but it helps if the social worker can call you
back.</p>
<h3>Can I tell you something about a review?</h3>
<p>If you have information about a child in a review, you can email the partnership's business unit at
reviews@selvey.example, and your message will be passed to the reviewer.</p>
</main>
<footer><p>Selvey Safeguarding Children Partnership. Privacy. Accessibility.</p></footer>
</body></html>
"""

# ---------------------------------------------------------------- a multi-agency training handout (Markdown)

HANDOUT = """# Recognising and responding to neglect: participant handout

Orrinsby Safeguarding Children Partnership, multi-agency training, level 2. Edition 3, January 2024.
Written for a test set; Orrinsby, the Fenwick family and the trainers are fictional.

## About this course

A one-day course for practitioners from any agency who work with children or their parents. It runs
from 9.30am to 4pm, with lunch at 12.30, and is delivered by two trainers, one from health and one
from children's social care. Places are limited to 24 so that everyone can take part in the exercises.

## Learning outcomes

By the end of the day you will be able to:

- describe the four kinds of neglect the course uses: physical, emotional, medical and educational;
- use a graded tool to describe a child's care, rather than relying on a general impression;
- explain why a single missed appointment matters less than a pattern;
- say how to escalate when you think another agency has closed a case too soon.

## Morning: what neglect looks like

Neglect is the most common reason for a child protection plan in England. It rarely has a single
incident that prompts action: it builds up over time, and practitioners can get used to it. This is
sometimes called the start-again syndrome, when each new worker starts from the beginning.

Signs you might see in a young child include a nappy that has not been changed for a long time, severe
nappy rash, being often hungry, and missed immunisations. In an older child you may see poor attendance,
untreated tooth decay, clothes that are dirty or too small, and being left to look after younger children.

## Afternoon: case exercise, the Fenwick family

Work in groups of four. Read the chronology for Jayden Fenwick, aged five, and his brother Tyler, aged
two. Mark each entry as a concern, a strength or not relevant, then answer these prompts:

1. What would Jayden say a normal day is like?
2. Which agencies knew something, and did anyone know everything?
3. At what point should someone have called a multi-agency meeting?

## Key messages

- Look at the child's lived experience, not only the parent's account.
- Count the pattern: three missed appointments are a message, not an accident.
- Talk to the other agencies; do not wait for them to talk to you.
- Neglect often sits alongside parental alcohol use, mental ill health or domestic abuse.

## After the course

We will send you a short online evaluation three months after the course, asking how you have used it.
The next courses are on 14 March 2024 and 9 May 2024 at Orrinsby Fire Station training rooms. A
half-day refresher for designated safeguarding leads runs each autumn.

## Further reading

The national Panel's report The Myth of Invisible Men, published in September 2021, and our own local
review of Child P are recommended reading before the course.
"""

# ---------------------------------------------------------------- a police and schools briefing (plain text)

BRIEFING = """KELDERSIDE POLICE AND SCHOOLS: JOINT BRIEFING NOTE 2/2024

OPERATION DAYBREAK: TELLING SCHOOLS ABOUT DOMESTIC ABUSE INCIDENTS

Issued by Kelderside Police and Kelderside Council Education Safeguarding Team, February 2024.
Written for a test set. Kelderside, Operation Daybreak and the people named are fictional.

1. WHAT THE SCHEME IS

1.1 When police officers attend a domestic abuse incident in a home where a child of school age lives,
the police tell the child's school before the start of the next school day. The school's designated
safeguarding lead (DSL) receives a secure email by 8.30am.

1.2 The aim is that a trusted adult at school knows the child may have had a frightening night, and
can offer quiet support from the first lesson.

2. WHAT THE SCHOOL RECEIVES

2.1 The email gives the child's name and date of birth, the date and time of the incident, and
whether the child was present. It does not give details of what happened.

2.2 Incidents on a Friday or Saturday night are sent on Monday morning. Incidents in the school
holidays are not sent, because no one may be there to read them.

3. WHAT THE SCHOOL SHOULD DO

3.1 The DSL decides who in school needs to know, and records the notification on the child's
safeguarding file.

3.2 Do not tell the parents that the information came from the police, and do not question the child
about the incident. Watch how the child is, and listen if they want to talk.

3.3 If the child tells you something new that worries you, follow your usual safeguarding procedure
and refer to children's services the same day.

4. FIRST YEAR IN FIGURES (SEPTEMBER 2022 TO JULY 2023)

4.1 The police sent 1,146 notifications about 702 children to 87 schools.

4.2 In a survey of DSLs at the end of the year, 9 in 10 said the notifications helped them support a
child, and 3 in 4 said they had learned of a child's situation for the first time.

5. CONTACTS

5.1 Questions about the scheme go to Detective Sergeant Amir Rahman at the police safeguarding hub.
Schools can ask for training through the Education Safeguarding Team.

5.2 Notifications must be kept with the child's safeguarding file and passed on to the new school
if the child moves.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The five documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "wendlemoor-child-k-findings.pdf",
            build_pdf(
                FINDINGS,
                header="Child K: findings",
                footer="Wendlemoor Safeguarding Children Partnership",
                numbers={0: 14, 1: 15, 2: 16},
                title="Child K: local child safeguarding practice review, findings",
                author="Wendlemoor Safeguarding Children Partnership",
            ),
            dict(
                id="wendlemoor-child-k-findings",
                title="Child K: local child safeguarding practice review, findings (test excerpt)",
                author="Wendlemoor Safeguarding Children Partnership",
                date="2023-11-01",
                kind="review",
            ),
        ),
        (
            "brackenfold-was-not-brought-note.docx",
            build_docx(PRACTICE_NOTE),
            dict(
                id="brackenfold-was-not-brought-note",
                title="Practice note 7: when a child is not brought (Brackenfold health visiting)",
                author="Brackenfold Community Health Services NHS Trust",
                date="2024-04-01",
                kind="guidance",
            ),
        ),
        (
            "selvey-reviews-faq.html",
            FAQ_HTML.encode(),
            dict(
                id="selvey-reviews-faq",
                title="Safeguarding reviews: your questions answered (Selvey)",
                author="Selvey Safeguarding Children Partnership",
                date="2023-10-02",
                kind="faq",
            ),
        ),
        (
            "orrinsby-neglect-training-handout.md",
            HANDOUT.encode(),
            dict(
                id="orrinsby-neglect-training-handout",
                title="Recognising and responding to neglect: participant handout (Orrinsby)",
                author="Orrinsby Safeguarding Children Partnership",
                date="2024-01-01",
                kind="training",
            ),
        ),
        (
            "kelderside-operation-daybreak-briefing.txt",
            BRIEFING.encode(),
            dict(
                id="kelderside-operation-daybreak-briefing",
                title="Operation Daybreak: joint police and schools briefing (Kelderside)",
                author="Kelderside Police and Kelderside Council",
                date="2024-02-01",
                kind="briefing",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "fit-set")))
