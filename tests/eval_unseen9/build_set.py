"""Build the ninth unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen9/build_set.py /tmp/unseen9      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen9 --index /tmp/unseen9-index
    assistant eval --set unseen9 --index /tmp/unseen9-index

Five documents written after ASKERS.md and before the questions (README.md here says how).
Tessford, Calderwick, Ostmere, Pellbridge, Dunmarsh, Tessford Borough Council, the Tessford Safeguarding
Children Partnership, its Children's Advice and Duty Service (CADS), the Tessford Interpreting Hub, the
Sanctuary Children's Team, Harbrook FM, Calderwick College, Pellbridge Family Advocacy, Child Opal, Child
Agate, Baby Garnet and every person and local figure are invented; the only real facts are public ones about
the Panel and its Annual Report 2020, and the names of national laws and schemes.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docbuilders import build_docx, build_html, build_layout_pdf, write_set  # noqa: E402


def para(text: str) -> tuple:
    """A PDF paragraph wrapped to the page width."""
    return ("p", textwrap.wrap(" ".join(text.split()), 84, break_on_hyphens=False))


def bullets(*items: str) -> tuple:
    """A PDF bulleted list, each item wrapped to the indented width."""
    return ("bullets", [textwrap.wrap(" ".join(i.split()), 80, break_on_hyphens=False) for i in items])


# ---------------------------------------------------------------- a multi-agency continuum of need (PDF)

CONTINUUM = [
    [
        ("line", "Tessford Safeguarding Children Partnership", 15, True),
        ("line", "The continuum of need: levels of help for children and families", 12, False),
        (
            "line",
            "For everyone who works with children in Tessford. September 2025. Written for a test set; fictional.",
            8,
            False,
        ),
        ("space", 8),
        ("h2", "Why we have a continuum of need"),
        para("""Children's needs change over time, and most families need some help at some point. The
        continuum of need is a shared way for schools, health services, the police, the council and
        voluntary groups in Tessford to describe how much help a child needs, and who should give it. It
        is a guide to help you think, not a checklist: always use your professional judgement, and talk to
        the family."""),
        ("h2", "The four levels"),
        (
            "table",
            [
                ["Level", "What it is called", "Who helps"],
                ["Level 1", "Universal", "Schools, GPs, health visitors"],
                ["Level 2", "Early help", "A lead practitioner"],
                ["Level 3", "Child in need", "A social worker (section 17)"],
                ["Level 4", "Child protection", "A social worker (section 47)"],
            ],
        ),
        ("h2", "Level 1: universal"),
        para("""The child's needs are met by the services every child uses, such as school, nursery, the
        GP and the health visitor. Example: a child who is healthy, goes to school and is cared for
        well."""),
        ("h2", "Level 2: early help"),
        para("""The child has additional needs that one or two agencies can meet with the family's
        agreement. An Early Help Assessment is completed with the family, and one practitioner becomes the
        lead practitioner. Examples: school attendance below 90%, a parent who is struggling with routines
        after a new baby, a family newly arrived in the country who do not know how to register with a
        GP."""),
        ("h2", "Level 3: child in need"),
        para("""The child's needs are complex, and the child is unlikely to be healthy or to develop well
        without help from children's social care under section 17 of the Children Act 1989. Examples: a
        parent's drinking or mental health is affecting the care of the child, a young carer who looks
        after a disabled parent most evenings, a child who has started going missing."""),
        ("h2", "Level 4: child protection"),
        para("""The child is suffering, or is likely to suffer, significant harm. Children's social care
        and the police hold a strategy discussion and may start an enquiry under section 47. Examples: an
        injury that has no clear explanation, any bruise on a baby who is not yet mobile, a child who says
        they have been hurt or sexually abused, a child left alone at home for long periods without food."""),
    ],
    [
        ("h2", "How to ask for help"),
        para("""Contact the Children's Advice and Duty Service (CADS) on 01632 962 400, Monday to Friday,
        8.30am to 5pm. At other times call the emergency duty team on 01632 962 599. If a child is in
        danger now, call 999."""),
        para("""Professionals can ring CADS for a consultation before they make a request for support. A
        social worker will tell you which level it sounds like. CADS decides what happens to every request within one working day, and within 24 hours when
        the worry is at level 4."""),
        ("h2", "Consent"),
        bullets(
            """At level 2, early help needs the family's agreement.""",
            """At level 3, talk to the family and tell them you are making a request, unless this would put
            the child at risk.""",
            """At level 4, you do not need the family's consent if asking for it could put the child at
            greater risk or delay a response.""",
        ),
        ("h2", "Families who speak little English"),
        para("""If the family do not speak English well, book a professional interpreter when you talk to
        them about a request for support or an assessment. Do not use the child, another child or a
        relative to interpret. The partnership's interpreting and translation standard says how to book
        one."""),
        ("h2", "Stepping up and stepping down"),
        para("""A child's level can go up or down. When a case at level 3 closes and the family still needs
        help, it steps down to early help, and the social worker and the new lead practitioner meet the
        family together first."""),
        ("h2", "What CADS received in 2024 to 2025"),
        para("""Between April 2024 and March 2025 CADS received 9,412 contacts. 38% were passed to early
        help, 21% led to a social work assessment, 9% led to a strategy discussion, and the rest were
        given advice or signposted to other services. Schools made 27% of all contacts, and the police
        made 24%."""),
        ("h2", "If you disagree with a decision"),
        para("""If you disagree with the level CADS has decided, talk first to the CADS team manager within
        two working days. If you still disagree, use the partnership's escalation procedure."""),
        ("h2", "About this document"),
        para("""We revised this document after reading the Child Safeguarding Practice Review Panel's Annual
        Report 2020, published on 14 May 2021, and our own review of Child Opal, in which Opal's family were
        given a level without her mother's view, because no interpreter was used."""),
        para("""This continuum of need was agreed by the partnership's executive group in September 2025
        and will be reviewed in September 2027. Questions to the partnership's business manager, Marguerite
        Fennick."""),
    ],
]


def continuum_pdf() -> bytes:
    """Two pages with a running header and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "right", "Tessford Safeguarding Children Partnership | Continuum of need"),
            ("bottom", "left", "Agreed September 2025 (fictional)"),
            ("bottom", "right", f"Page {n} of 2"),
        ]
        for n in (1, 2)
    }
    return build_layout_pdf(
        CONTINUUM,
        heads,
        title="The continuum of need: levels of help for children and families",
        author="Tessford Safeguarding Children Partnership",
    )


# ---------------------------------------------------------------- an interpreting and translation standard (DOCX)

INTERPRETING = [
    ("title", "Interpreting and translation in safeguarding work: practice standard"),
    (
        "p",
        "Tessford Borough Council children's services, agreed with the Tessford Safeguarding Children "
        "Partnership. Approved 3 March 2026; next review March 2028. Written for a test set; the council, the "
        "hub and everyone named here are fictional.",
    ),
    ("h1", "Who this standard is for"),
    (
        "p",
        "Every social worker, family support worker, early help practitioner and manager in children's "
        "services, and every partner agency that takes part in child protection work in Tessford.",
    ),
    ("h1", "The rule"),
    (
        "p",
        "When you talk with a parent, carer or child about a worry for a child's safety, and they are not "
        "fluent in English, you must use a professional interpreter. This includes British Sign Language.",
    ),
    (
        "p",
        "Never ask a child to interpret, even for a short conversation. Never use a family member, a friend, "
        "a neighbour or a member of the same place of worship as an interpreter. They may be the person who "
        "is harming the child, they may be afraid of that person, and they may change what is said.",
    ),
    (
        "p",
        "Bilingual staff may use their own language to greet a family or to book a visit. They may only "
        "interpret in an assessment, a strategy meeting or a conference if they are on the council's register "
        "of staff interpreters.",
    ),
    ("h1", "How much notice to give"),
    (
        "table",
        [
            ["Situation", "Kind of interpreting", "When to book"],
            ["Strategy meeting", "Telephone or video", "Same day, within two hours"],
            ["Section 47 home visit", "Face to face or video", "Same day"],
            ["Child protection conference", "Face to face", "At least five working days before"],
            ["Core group meeting", "Face to face or video", "At least three working days before"],
            ["Police video interview of a child", "Registered interpreter", "Booked by the police"],
            ["Translating a written plan", "Written translation", "Ten working days"],
            ["British Sign Language", "Registered BSL interpreter", "Ten working days where possible"],
        ],
    ),
    ("h1", "How to book"),
    (
        "p",
        "Book through the Tessford Interpreting Hub on 01632 962 515, Monday to Friday, 8am to 6pm, or "
        "with the online booking form. Out of hours, the emergency duty team on 01632 962 599 can book a "
        "telephone interpreter at any time. The team that books pays. Cost is never a reason not to book.",
    ),
    ("h1", "Before you book: ask the family"),
    (
        "bullet",
        "Which language and which dialect they speak, for example Sorani or Kurmanji Kurdish, or Dari or Pashto.",
    ),
    ("bullet", "Whether they would prefer a male or a female interpreter."),
    ("bullet", "Whether they can read in their own language, so that letters and plans can be translated."),
    (
        "p",
        "In small communities the interpreter may know the family. Tell the hub the family's surname, so "
        "that it can offer an interpreter who does not know them. If the family know the interpreter, ask "
        "them whether they are happy to go ahead.",
    ),
    ("h1", "Confidentiality"),
    (
        "p",
        "Every interpreter the hub books has signed a confidentiality agreement. Interpreters must not "
        "discuss a family with anyone outside the meeting, must not give the family advice, and must not be "
        "left alone with the family or the child before or after the meeting.",
    ),
    ("h1", "During the meeting"),
    ("bullet", "Meet the interpreter for ten minutes before the meeting to explain its purpose."),
    ("bullet", "Speak to the family, not to the interpreter, and use the first person."),
    ("bullet", "Use short sentences and avoid jargon such as core group, section 47 or threshold."),
    ("bullet", "Check that the family have understood by asking them to tell you back in their own words."),
    ("bullet", "Offer the interpreter a short debrief after a distressing meeting."),
    ("h1", "Written translation"),
    (
        "p",
        "The child protection plan and the conference report are translated into the family's language "
        "within ten working days of the conference. If a parent cannot read, the social worker and an "
        "interpreter read the plan aloud with them at the next visit.",
    ),
    ("h1", "Children's own language"),
    (
        "p",
        "Children should be seen and heard in the language they are most comfortable in. A child who speaks "
        "English at school may want to talk about home in their first language. Ask the child which they "
        "prefer.",
    ),
    ("h1", "Recording"),
    (
        "p",
        "Write in the child's record the interpreter's name or booking number, the language and dialect, "
        "and whether they attended in person, by video or by telephone. If you could not get an interpreter, "
        "record why and what you did instead.",
    ),
    ("h1", "Who to ask"),
    (
        "p",
        "Questions about this standard go to the council's language services manager, Benedikt Halloway.",
    ),
]


# ---------------------------------------------------------------- a council's guide for families to the child protection conference (HTML)

CONFERENCE_BODY = """
<h1>Child protection conferences: a guide for families</h1>
<p>Tessford Borough Council. Written for a test set; the council and everyone named here are fictional.</p>

<h2>What a child protection conference is</h2>
<p>A child protection conference is a meeting between you and the professionals who know your child. It
happens after children's social care have made enquiries under section 47 of the Children Act 1989 because
they were worried that your child may be suffering significant harm. The conference decides whether your
child needs a child protection plan, and what that plan should say.</p>
<p>A conference is not a court, and nobody there can take your child away from you.</p>

<h2>When it happens</h2>
<p>The first conference, called the initial child protection conference, must take place within 15 working
days of the strategy discussion that started the enquiries. In 2025 Tessford held 312 initial conferences,
and 86% of them decided that the child needed a plan.</p>

<h2>Who will be there</h2>
<ul>
<li>the chair, a senior social worker called a child protection chair, who has not worked with your family</li>
<li>you, and other adults who care for your child</li>
<li>your child, if they are old enough and want to come, usually from the age of 12</li>
<li>your social worker and their manager</li>
<li>people from your child's school or nursery, the health visitor or school nurse, and sometimes the police</li>
<li>an interpreter, if you need one</li>
<li>a minute taker, who writes down what is said</li>
</ul>
<p>Your GP may send a written report instead of coming.</p>

<h2>Bringing someone with you</h2>
<p>You can bring a friend, a relative or an advocate to support you. An advocate from Pellbridge Family
Advocacy can help you prepare and can speak with you at the conference; call them on 01632 962 488. You can
bring a solicitor, but they come to advise you, not to speak for you.</p>

<h2>If you need an interpreter</h2>
<p>Tell your social worker which language and dialect you speak. We will book a professional interpreter
for you and pay for them. We will never ask your children, your relatives or your friends to interpret at a
conference. You can ask for the reports and the plan in your own language.</p>

<h2>Before the conference</h2>
<ul>
<li>Your social worker will share their report with you at least two working days before the conference.</li>
<li>The chair will meet you for about 15 minutes before the conference starts, to explain what will happen.</li>
<li>If there is something you do not want to say in front of everyone, you can talk to the chair alone.</li>
</ul>

<h2>What happens at the conference</h2>
<p>Each professional says what they know about your child and your family, what is going well and what
worries them. You will be asked what you think. The people at the conference then decide whether your child
is likely to suffer significant harm. If they are, your child will have a child protection plan under one of
four categories: neglect, physical abuse, emotional abuse or sexual abuse.</p>

<h2>The child protection plan</h2>
<p>The plan says what needs to change to keep your child safe, who will do what, and by when.</p>
<ul>
<li>A core group, made up of you and the professionals who work most closely with your child, meets within
10 working days of the conference, and then at least every six weeks.</li>
<li>Your social worker will visit at least every 10 working days and will see your child on their own.</li>
<li>The first review conference is held within three months, and then at least every six months.</li>
</ul>
<p>The plan ends when a review conference decides that your child is no longer likely to suffer significant
harm. Most plans in Tessford last between six and twelve months.</p>

<h2>After the conference</h2>
<p>The minutes, the written record of the conference, are sent to you within 20 working days.</p>

<h2>If you are unhappy</h2>
<p>If you disagree with the decision, you can ask the manager of the child protection chairs to look at it
again. You must ask within 15 working days of the conference. Call the chairs' office on 01632 962 470.</p>
"""


# ---------------------------------------------------------------- a factsheet on separated and asylum-seeking children (Markdown)

SANCTUARY = """# Separated children seeking asylum: a factsheet

The Sanctuary Children's Team, Tessford Borough Council. Updated January 2026.
(Written for a test set; the council, the team and everyone named here are fictional.)

## Who we work with

We work with unaccompanied asylum-seeking children (UASC): children under 18 who have come to the United
Kingdom without a parent or a carer and who are seeking asylum. A separated child who has no one to care for
them becomes a looked after child, usually under section 20 of the Children Act 1989, and the council is
their corporate parent.

On 31 March 2026 Tessford was looking after 64 unaccompanied children, and supporting 112 care leavers who
first came to the UK as unaccompanied children. The most common countries of origin were Afghanistan,
Eritrea, Sudan and Vietnam.

## The National Transfer Scheme

Under the National Transfer Scheme, a council that already looks after many unaccompanied children can ask
for a child to be transferred to another council. Tessford takes part in the scheme. A child who is
transferred to Tessford is met at the station by their new social worker and an interpreter.

## The first days

- The child is placed in a foster home or in supported accommodation on the day we meet them.
- A social worker sees the child within one working day, with an interpreter.
- We make sure that the child has a solicitor for their asylum claim, paid for by legal aid.
- The first days matter most for safety: children who have been trafficked are most likely to go missing
  in the first 72 hours. If we think a child may have been trafficked, we refer them to the National
  Referral Mechanism.

## Where children live

- Children under 16 live in foster care.
- Young people aged 16 and 17 live in foster care, in supported lodgings with a host family, or in
  supported accommodation with staff.
- We never place a child in a hotel.

## Age assessments

Sometimes a young person's age is not known, and there is a real reason to doubt the age they give. Only
then do we carry out an age assessment. It is done by two social workers trained in age assessment, with an
interpreter, over at least two meetings. The young person can bring an appropriate adult, someone
independent who is there to support them. While the assessment is going on, the young person is treated as
a child. We do not decide age from looks alone.

If a young person disagrees with the outcome, they can ask their solicitor to challenge it.

## Health

Every child has an initial health assessment within 20 working days of coming into care. This includes a
check for tuberculosis and the vaccinations they may have missed. Many children have lived through war,
loss and dangerous journeys. The Sanctuary Wellbeing Clinic offers counselling in the child's own language,
through an interpreter.

## School and college

- Children under 16 are offered a school place within 20 school days.
- Young people aged 16 and 17 can study English for Speakers of Other Languages (ESOL) at Calderwick
  College.
- Every looked after child has a personal education plan, reviewed each term.

## Pathway plans and leaving care

From the age of 16 every young person has a pathway plan, which sets out the help they will get to become
independent, and a personal adviser. The personal adviser stays in touch until the young person is at least
21, and up to 25 if they want support. Young people whose asylum claim has been refused are still supported,
and we help them to get legal advice.

## Reviews

Each looked after child has an independent reviewing officer who chairs their reviews. An interpreter in the
child's own language comes to every review, not only to the first one.

## Languages

In 2025 the team's most requested languages were Pashto, Dari, Tigrinya, Arabic and Kurdish Sorani.

## How to reach us

- The Sanctuary Children's Team: 01632 962 530, Monday to Friday, 9am to 5pm.
- Out of hours: the emergency duty team on 01632 962 599.
- If a child is in danger now, call 999.
"""


# ---------------------------------------------------------------- a community radio interview about a local review (plain text)

RADIO = """HARBROOK FM, COMMUNITY RADIO FOR CALDERWICK
"Calderwick Talks", broadcast on 3 March 2026 at 10am
Transcript of the interview about the local review of Child Opal

This transcript was written for a test set. Harbrook FM, the Tessford Safeguarding Children Partnership,
Child Opal, her family and everyone named here are fictional.

PRESENTER (Kasia Halloway): Good morning, Calderwick. Today I am talking with Dr Adaeze Marwood, the
independent reviewer who wrote the local review of a little girl the report calls Child Opal. Dr Marwood,
thank you for coming in.

REVIEWER (Dr Adaeze Marwood): Thank you for having me.

PRESENTER: First, what is a local review?

REVIEWER: When a child dies or is seriously harmed and abuse or neglect is known or suspected, the local
safeguarding partnership can carry out a local child safeguarding practice review. It looks at how the
agencies worked together, so that we can learn. It does not decide who is to blame, and it is not a police
investigation.

PRESENTER: Who was Opal?

REVIEWER: Opal is not her real name. Opal was four years old when she was taken to hospital with a serious
head injury in March 2025. She lived in Ostmere with her mother, her brother, who was nine, and her
mother's partner. Her family had come to England two years before, and her mother spoke very little English.
Opal survived, and she now lives with foster carers. Her mother's partner was later charged with causing her
injuries.

PRESENTER: What did you find?

REVIEWER: Many people saw Opal and her family. In the 18 months before her injury, her nursery told
children's social care twice about bruises on her arms. Her health visitor visited the home four times. Her
mother went to the GP three times. But at almost every one of those meetings, the person who interpreted was
Opal's brother, a nine-year-old boy, or her mother's partner. Nobody booked a professional interpreter.

PRESENTER: Why does that matter so much?

REVIEWER: Because Opal's mother never had a chance to speak for herself. Her partner told professionals
what he wanted them to hear. We now know that he was also hurting her mother. A child cannot be asked to
translate questions about violence at home, and the man who is causing the harm certainly cannot.

PRESENTER: Some listeners will say, interpreters are expensive, people are busy.

REVIEWER: I understand that. But a telephone interpreter can be on the line in a few minutes. In this
review, staff told me that booking felt slow, and that the family seemed to manage. That feeling that the
family manage is exactly what the review asks people to question.

PRESENTER: What else did you find?

REVIEWER: When the nursery's second referral came in, it was decided at early help level, and the family
were not asked what they thought, because no interpreter was used. And Opal's mother was never asked about
domestic abuse on her own.

PRESENTER: What happens now? What did the review recommend?

REVIEWER: There are four recommendations. First, every agency must use a professional interpreter for any
conversation about a child's safety, and never a child or a family member. Second, the partnership should
check, once a year, how often interpreters are used. Third, health visitors and GPs should ask every mother
about domestic abuse when she is alone, with an interpreter who is not known to the family. Fourth, CADS
should look again at any second referral about bruising to a child under five.

PRESENTER: And has anything changed already?

REVIEWER: Yes. The council has written a new interpreting and translation standard, which began in March
2026, and the partnership has changed its continuum of need to say the same thing.

PRESENTER: When was the review published, and where can people read it?

REVIEWER: The review was published on 10 February 2026 on the partnership's website. The partnership has
also published a short summary in six languages: Polish, Romanian, Arabic, Urdu, Bengali and Ukrainian.
Printed copies are at Calderwick Library.

PRESENTER: Did the review look at the national picture?

REVIEWER: I read the Child Safeguarding Practice Review Panel's Annual Report 2020, which was published on
14 May 2021. It is important to me that local learning connects to what the Panel has found across England.

PRESENTER: Are there other reviews going on in Tessford?

REVIEWER: The partnership is also carrying out reviews of Child Agate and Baby Garnet. I am not involved
in them, so I cannot talk about them today.

PRESENTER: Last question. What would you like our listeners to take away?

REVIEWER: If you are worried about a child, tell someone, in whatever language you speak. You can call
CADS on 01632 962 400 and ask for an interpreter. If a child is in danger now, call 999.

PRESENTER: Dr Adaeze Marwood, thank you. This has been "Calderwick Talks" on Harbrook FM.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    return [
        (
            "tessford-continuum-of-need.pdf",
            continuum_pdf(),
            dict(
                id="tessford-continuum-of-need",
                title="The continuum of need: levels of help for children and families (Tessford Safeguarding Children Partnership, test document)",
                author="Tessford Safeguarding Children Partnership",
                date="2025-09-15",
                kind="guidance",
            ),
        ),
        (
            "tessford-interpreting-and-translation-standard.docx",
            build_docx(INTERPRETING),
            dict(
                id="tessford-interpreting-and-translation-standard",
                title="Interpreting and translation in safeguarding work: practice standard (Tessford Borough Council)",
                author="Tessford Borough Council",
                date="2026-03-03",
                kind="guidance",
            ),
        ),
        (
            "tessford-child-protection-conference-guide.html",
            build_html("Child protection conferences: a guide for families", CONFERENCE_BODY),
            dict(
                id="tessford-child-protection-conference-guide",
                title="Child protection conferences: a guide for families (Tessford Borough Council)",
                author="Tessford Borough Council",
                date="2026-01-20",
                kind="guidance",
            ),
        ),
        (
            "tessford-separated-children-factsheet.md",
            SANCTUARY.encode(),
            dict(
                id="tessford-separated-children-factsheet",
                title="Separated children seeking asylum: a factsheet (Tessford Borough Council Sanctuary Children's Team)",
                author="Tessford Borough Council",
                date="2026-01-12",
                kind="guidance",
            ),
        ),
        (
            "child-opal-radio-interview.txt",
            RADIO.encode(),
            dict(
                id="child-opal-radio-interview",
                title="Child Opal: community radio interview about the local review (Harbrook FM, transcript)",
                author="Harbrook FM",
                date="2026-03-03",
                kind="review",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen9-set")))
