"""Build the sixth unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen6/build_set.py /tmp/unseen6      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen6 --index /tmp/unseen6-index
    assistant eval --set unseen6 --index /tmp/unseen6-index

Five documents written after HANDOVERS.md and before the questions (README.md here says how).
Selwick, Orrinford, Caddon, Wickstead, Selwick Metropolitan Borough Council, the Selwick Safeguarding
Children Partnership, its Single Point of Contact, the Inspectorate for Children's Services, Thistledown
Childminding, Orrinford Academy, the Linden Street Medical Practice, Child Juniper, Baby Tansy, Child
Harebell and every person and local figure are invented; the only real facts are public ones about the
Panel and its Annual Report 2020.
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


# ---------------------------------------------------------------- a letter from an inspectorate (PDF)

LETTER = [
    [
        ("line", "Inspectorate for Children's Services", 15, True),
        ("line", "Quayside House, Selwick SW1 4QT (a fictional address, written for a test set)", 9, False),
        ("space", 10),
        para("""12 February 2027"""),
        para("""Tomasz Nowak, Director of Children's Services, Selwick Metropolitan Borough Council,
        Civic Centre, Orrinford"""),
        para("""Dear Mr Nowak"""),
        ("h2", "Focused visit to Selwick children's services"),
        para("""This letter sets out the findings of the focused visit to Selwick children's services
        on 19 and 20 January 2027. The inspectors were Dr Imelda Farrant (lead inspector) and Kwame
        Mensah-Dale. A focused visit looks closely at one part of a council's services over two days.
        It does not give a judgement grade."""),
        para("""This visit looked at the front door: what happens when someone contacts the council
        because they are worried about a child, including contacts, referrals, strategy discussions
        and the out-of-hours service. Inspectors looked at 62 children's records, spoke with 31 social
        workers and managers and listened to 14 calls to the Single Point of Contact. Services for
        children in care and care leavers were not part of this visit."""),
        ("h2", "What is working well"),
        para("""Children at immediate risk of harm are seen quickly and protected. Strategy discussions
        are held promptly, usually within one working day of a referral, and police, health and
        education attend almost all of them. Call handlers in the Single Point of Contact are calm,
        courteous and skilled at helping callers to describe what they have seen."""),
        ("h2", "What needs to improve"),
        para("""Too many children wait too long for an assessment after a referral is accepted. On the
        first day of the visit, 47 children were waiting for a social worker to be allocated, the
        longest for 23 working days. Managers' oversight on case records is often brief and does not
        set out what must happen next or by when."""),
    ],
    [
        para("""Consent is not always sought or recorded before information is shared with partners
        when there is no risk of significant harm. The views of older children are too often missing
        from assessments: records describe what adults said, not what the young person wanted."""),
        ("h2", "The front door in numbers"),
        (
            "table",
            [
                ["October to December 2026", "Number", "Note"],
                ["Contacts received", "3,914", "all sources"],
                ["Referrals accepted", "1,027", "26% of contacts"],
                ["Strategy discussions", "288", "held"],
                ["Children awaiting allocation", "47", "on 19 January"],
            ],
        ),
        ("h2", "Areas for improvement"),
        bullets(
            "1. The time children wait for allocation and for an assessment to begin.",
            "2. Management oversight and the direction given to social workers.",
            "3. Seeking and recording consent before information is shared.",
            "4. Hearing and recording the views of older children in assessments.",
        ),
        ("h2", "Context"),
        para("""The council's last full inspection, in 2023, found that its services for children
        required improvement to be good. Since then the council has invested in the front door and
        recruited eleven permanent social workers. The Child Safeguarding Practice Review Panel's
        Annual Report 2020, published on 14 May 2021, drew on 482 serious incident notifications about
        514 children and stressed, among other themes, how much depends on hearing the voice of the
        child. Inspectors saw the same need in Selwick."""),
        ("h2", "What happens next"),
        para("""The council must send the Inspectorate a written action plan by 28 April 2027 showing
        how it will tackle the areas for improvement. Inspectors met the Lead Member for Children,
        Councillor Rhiannon Pryce, and will look at progress at the next inspection. This letter will
        be published on the Inspectorate's website."""),
        para("""Yours sincerely, Dr Imelda Farrant, Lead Inspector, Inspectorate for Children's Services"""),
    ],
]


def letter_pdf() -> bytes:
    """Two pages with a running letterhead and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "right", "Inspectorate for Children's Services | OFFICIAL"),
            ("bottom", "left", "Focused visit letter: Selwick | 12 February 2027"),
            ("bottom", "right", f"Page {n} of 2"),
        ]
        for n in (1, 2)
    }
    return build_layout_pdf(
        LETTER,
        heads,
        title="Focused visit to Selwick children's services (inspection letter)",
        author="Inspectorate for Children's Services",
    )


# ---------------------------------------------------------------- a job description and person specification (DOCX)

JOB = [
    ("title", "Job description and person specification: Safeguarding in Education Adviser"),
    (
        "p",
        "Selwick Metropolitan Borough Council, Education Safeguarding Team. Post number ES-0417. Written for a "
        "test set; the council, the post and everyone named here are fictional.",
    ),
    ("h1", "The post"),
    (
        "table",
        [
            ["Item", "Details"],
            ["Grade and salary", "Grade 10, £43,700 to £47,900 a year"],
            ["Hours", "37 hours a week; a job share of 0.8 and 0.2 will be considered"],
            ["Contract", "Permanent"],
            ["Base", "Selwick Civic Centre, Orrinford, with hybrid working"],
            ["Reports to", "Bernadette Greaves, Head of Safeguarding in Education"],
            ["Checks", "Enhanced DBS check with the children's barred list"],
            ["Closing date", "Sunday 14 March 2027 at midnight"],
            ["Interviews", "Tuesday 23 March 2027, with a 10-minute presentation"],
        ],
    ),
    (
        "p",
        "Hybrid working means at least two days a week in the office or in schools; the rest of the week may be "
        "worked from home. For an informal conversation about the role, ring Bernadette Greaves on 01632 960 344.",
    ),
    ("h1", "Purpose of the job"),
    (
        "p",
        "To help schools, academies, colleges and alternative provision in Selwick keep children safe, by advising "
        "designated safeguarding leads (DSLs), training school staff and checking each school's safeguarding "
        "arrangements through the annual safeguarding audit.",
    ),
    ("h1", "Main duties"),
    ("bullet", "Run the advice line for designated safeguarding leads every weekday from 9am to 1pm."),
    (
        "bullet",
        "Deliver the two-day course for new DSLs four times a year and a half-day refresher for experienced DSLs "
        "every term.",
    ),
    (
        "bullet",
        "Review the safeguarding audit returned by each school every year and visit any school that reports a gap.",
    ),
    (
        "bullet",
        "Support a school after a serious incident, including when a local child safeguarding practice review "
        "involves one of its pupils.",
    ),
    (
        "bullet",
        "Keep up to date with national learning, such as the Child Safeguarding Practice Review Panel's annual "
        "reports, and share it with schools through a termly briefing.",
    ),
    ("bullet", "Advise governors on their safeguarding duties and on the checks needed when staff are recruited."),
    ("h1", "Person specification"),
    (
        "table",
        [
            ["Criterion", "Essential or desirable", "How we assess it"],
            [
                "A degree or professional qualification in teaching, social work, nursing or youth work",
                "Essential",
                "Application form",
            ],
            [
                "At least three years' experience as a DSL or in a child protection role",
                "Essential",
                "Application form and interview",
            ],
            ["Experience of training adults, face to face and online", "Essential", "Presentation"],
            [
                "Good knowledge of Keeping children safe in education and Working together to safeguard children",
                "Essential",
                "Interview",
            ],
            ["Experience of leading a school safeguarding audit", "Desirable", "Application form"],
            ["A full driving licence and use of a car for work", "Desirable", "Application form"],
        ],
    ),
    (
        "p",
        "If you do not drive, tell us how you would travel to schools across the borough; the council will "
        "consider reasonable adjustments.",
    ),
    ("h1", "What we offer"),
    ("bullet", "25 days' annual leave, rising to 30 days after five years' service, plus bank holidays."),
    ("bullet", "The Local Government Pension Scheme."),
    ("bullet", "Monthly supervision with the Head of Safeguarding in Education and a yearly training budget of £600."),
]


# ---------------------------------------------------------------- a childminder's safeguarding policy (Markdown)

POLICY = """# Thistledown Childminding: safeguarding and child protection policy

Amara Osei, registered childminder, Caddon, Selwick. Reviewed September 2026; next review September 2027.
(Written for a test set; the setting and everyone named in it are fictional.)

## Who is responsible

I, Amara Osei, am the designated safeguarding lead. When I am not here, my assistant Jodie Whitcombe
is the deputy designated safeguarding lead. We have both completed the partnership's level 2
multi-agency safeguarding course, and we renew it every three years.

## If I am worried about a child

1. I write down what I saw or heard, in the child's own words, with the date and time, and sign it.
2. I usually talk to you, the parent, first. I will not tell you before I ask for advice if telling
   you could put your child at greater risk.
3. I contact the Selwick Single Point of Contact on 01632 960 700 on the same day.
4. If a child is in immediate danger, I ring 999.

## Bruises and marks

If your child arrives with a bruise, burn or other mark, I will ask you how it happened and write
down what you tell me on an existing injury form, which I will ask you to sign. This is not an
accusation: every childminder keeps these records.

Any bruise on a baby who is not yet crawling or cruising is always referred to the Single Point of
Contact the same day, however it is explained.

## Allegations against me, my assistant or my household

If anyone makes an allegation against me, my assistant or anyone who lives in my home, I will tell
the Local Authority Designated Officer (LADO) within one working day and tell Ofsted within 14 days.

## Collecting children

- I only hand your child to the adults you named on the registration form.
- If someone else is collecting, tell me beforehand and give them the collection password we agreed
  when your child started.
- I will not hand a child to an adult who does not know the password, even if I know them.

## If a child is not collected

If nobody has come for your child 30 minutes after the agreed time and I cannot reach you or your
emergency contacts, I will ring the Single Point of Contact for advice. Your child will stay with me
and will never be left alone.

## Photographs

I take photographs for each child's learning journal only with your written consent. Photographs are
taken on the setting's tablet, never on a personal phone, and are deleted when your child leaves.

## Mobile phones and smart watches

Parents and visitors may not use mobile phones or smart watches to take photographs in the setting.
Jodie and I keep our personal phones in the kitchen cupboard during working hours and use the
setting's phone for calls.

## Online safety

Children use the tablet only with an adult beside them, and only on apps I have checked.

## Learning from reviews

Each term I read one piece of national or local learning. This year it was the Child Safeguarding
Practice Review Panel's Annual Report 2020, published in May 2021, and the partnership's briefing on
safer sleep for babies.
"""


# ---------------------------------------------------------------- a partnership's training programme page (HTML)

COURSES_BODY = """
<h1>Multi-agency safeguarding training: spring 2027 programme</h1>
<p>Selwick Safeguarding Children Partnership. Written for a test set; the partnership, its venues and its
courses are fictional.</p>

<h2>Who can come and what it costs</h2>
<p>Courses are free for staff and volunteers of the partner agencies in Selwick: the council, the police,
health services, schools and early years settings, including registered childminders.</p>
<p>Other organisations, such as housing associations and charities, pay £45 per person for a half-day
course and £80 per person for a full-day course.</p>
<p>If you cancel less than five working days before a course, or do not come, your organisation will be
charged £50 per place. This applies to partner agencies too.</p>

<h2>Online harm and young people (half day)</h2>
<ul>
<li>When: Thursday 4 February 2027, 9.30am to 12.30pm</li>
<li>Where: Orrinford Community Hub, Room 2</li>
<li>For: youth workers, teachers, school nurses, social workers and anyone who works with young people aged 11 to 18</li>
</ul>
<p>By the end of the session you will be able to:</p>
<ul>
<li>describe the main kinds of online harm, including grooming, sextortion and the sharing of nude images</li>
<li>respond calmly when a young person tells you about something that has happened online</li>
<li>help a young person to get a nude image of themselves taken down</li>
<li>use the partnership's online safety flowchart to decide when to make a referral</li>
</ul>

<h2>Hearing the voice of the child (full day)</h2>
<ul>
<li>When: Tuesday 9 March 2027, 9.30am to 4pm</li>
<li>Where: Selwick Civic Centre, Council Chamber</li>
<li>For: practitioners in any agency who assess children or plan for them</li>
</ul>
<p>This course was written after the focused visit in January 2027 found that the views of older children
were often missing from assessments. By the end of the day you will be able to:</p>
<ul>
<li>record what a child says in the child's own words</li>
<li>use direct work tools with children who have little or no speech</li>
<li>show in a plan how the child's wishes changed what was decided</li>
</ul>

<h2>Adolescents at risk: learning from national reviews (half day)</h2>
<ul>
<li>When: Wednesday 21 April 2027, 1.30pm to 4.30pm</li>
<li>Where: online; the joining link is sent two days before</li>
<li>For: designated safeguarding leads, youth justice workers, police officers and social workers</li>
</ul>
<p>The session draws on the Child Safeguarding Practice Review Panel's Annual Report 2020, published on
14 May 2021, which looked at 482 notifications about 514 children and considered the harm that
adolescents face outside the home. It also uses the learning from local reviews. You will be able to:</p>
<ul>
<li>recognise the early signs of criminal and sexual exploitation</li>
<li>explain how harm in early childhood can shape the risks a teenager takes</li>
<li>decide when to ask the Single Point of Contact for a strategy discussion</li>
</ul>

<h2>Level 2 multi-agency safeguarding (full day)</h2>
<p>For anyone who works with children and needs to renew their level 2 training every three years. Dates:
Monday 18 January, Friday 12 March and Thursday 13 May 2027, all at Selwick Civic Centre, 9.30am to 4pm.</p>

<h2>Venues</h2>
<p>Selwick Civic Centre: the staff car park is not open to course delegates; please use the Tanner Street
multi-storey car park, a three-minute walk away.</p>
<p>Orrinford Community Hub: a five-minute walk from Orrinford bus station.</p>

<h2>Booking and questions</h2>
<p>Book through the partnership's learning portal. We do not run safer recruitment training; please ask
your own organisation's human resources team. Questions: training@selwick-scp.example.</p>
<p>Our thematic review of neglect (2025) will be the subject of a summer course; dates are not yet set.</p>
"""


# ---------------------------------------------------------------- terms of reference for a local review (plain text)

TERMS = """SELWICK SAFEGUARDING CHILDREN PARTNERSHIP

Local child safeguarding practice review: Child Juniper
TERMS OF REFERENCE

Agreed by the partnership's case review group on 3 November 2026. Written for a test set; Child Juniper,
her family and every agency and person named here are fictional.

1. Why the partnership is holding this review

Child Juniper is a 14-year-old girl who lived with her mother and two younger brothers in Orrinford.
In August 2026 she was seriously harmed by a 22-year-old man she had first met through an online game.
The partnership notified the national Child Safeguarding Practice Review Panel on 2 September 2026.

The rapid review, held on 16 September 2026, found that several agencies knew Juniper was in contact
with adults online in the months before she was harmed. The partnership decided that a local review
could bring learning about online harm and older children.

2. The period the review covers

The review looks at what agencies did from 1 September 2024 to 31 August 2026. Agencies may tell the
reviewer about earlier events they think are important.

3. Key lines of enquiry

a) How well did agencies understand Juniper's life online, and did anyone ask her about it?
b) When Juniper went missing from home in March and May 2026, how were the return home interviews used?
c) How did the school respond when staff learned that an adult had sent Juniper images?
d) Was Juniper's mother, whose first language is Portuguese, offered an interpreter at meetings?
e) How well did agencies share what they knew, including with the GP practice?

4. Agencies taking part

Selwick children's social care; Selwick Police; Orrinford Academy; the Linden Street Medical Practice
(Juniper's GP); the school nursing service; the Selwick Missing Service; Selwick CAMHS.

5. How the review will be done

The review is a learning review led by an independent reviewer, Owen Hartigan, a former head of
children's services. Each agency will write a short account of its involvement. The reviewer will
then hold a practitioner learning event, in which staff who knew Juniper talk through what happened
and what got in the way.

6. Juniper and her family

The reviewer will invite Juniper and her mother to contribute, and will offer her mother an
interpreter. Juniper's father, who lives in Wickstead, will be told about the review and invited to
take part.

7. Timescale

The final report goes to the partnership's executive by 16 March 2027, within six months of the
decision to hold the review.

8. Publication

The partnership expects to publish the report on its website in May 2027, after sharing it with the
family. Juniper's real name and her school will not be used in the published report.

9. Other processes

A criminal trial is expected in spring 2027. The reviewer will check with the police that the review
does not affect it.

The partnership's review of Baby Tansy, agreed in 2026, and the earlier review of Child Harebell (2024)
have their own terms of reference and are not covered here.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The five documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "ics-focused-visit-letter-selwick.pdf",
            letter_pdf(),
            dict(
                id="ics-focused-visit-letter-selwick",
                title="Focused visit to Selwick children's services (inspection letter, test document)",
                author="Inspectorate for Children's Services",
                date="2027-02-12",
                kind="report",
            ),
        ),
        (
            "selwick-safeguarding-in-education-adviser-job-description.docx",
            build_docx(JOB),
            dict(
                id="selwick-safeguarding-in-education-adviser-job-description",
                title="Safeguarding in Education Adviser: job description and person specification (Selwick)",
                author="Selwick Metropolitan Borough Council",
                date="2027-02-20",
                kind="guidance",
            ),
        ),
        (
            "thistledown-childminding-safeguarding-policy.md",
            POLICY.encode(),
            dict(
                id="thistledown-childminding-safeguarding-policy",
                title="Safeguarding and child protection policy (Thistledown Childminding)",
                author="Amara Osei, registered childminder",
                date="2026-09-01",
                kind="guidance",
            ),
        ),
        (
            "selwick-scp-training-programme-spring-2027.html",
            build_html("Multi-agency safeguarding training: spring 2027 programme", COURSES_BODY),
            dict(
                id="selwick-scp-training-programme-spring-2027",
                title="Multi-agency safeguarding training: spring 2027 programme (Selwick partnership)",
                author="Selwick Safeguarding Children Partnership",
                date="2026-12-01",
                kind="guidance",
            ),
        ),
        (
            "selwick-child-juniper-terms-of-reference.txt",
            TERMS.encode(),
            dict(
                id="selwick-child-juniper-terms-of-reference",
                title="Local child safeguarding practice review of Child Juniper: terms of reference (Selwick)",
                author="Selwick Safeguarding Children Partnership",
                date="2026-11-03",
                kind="review",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen6-set")))
