"""Build the eighth unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen8/build_set.py /tmp/unseen8      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen8 --index /tmp/unseen8-index
    assistant eval --set unseen8 --index /tmp/unseen8-index

Five documents written after SPEAKERS.md and before the questions (README.md here says how).
Quenbury, Larkhithe, Stennmouth, Wrayburn, Copperdale, Wrayshire, Quenbury Borough Council, the Quenbury
Safeguarding Children Partnership, its MASH, Wrayshire Police and its Operation Kittiwake, the Wrayshire
Ambulance Service, Marlpit Lane Surgery, Stonechat House, Larkhithe Academy, Child Marram, Baby Samphire,
Child Comfrey and every person and local figure are invented; the only real facts are public ones about the
Panel and its Annual Report 2020, and the names of national laws and schemes.
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


# ---------------------------------------------------------------- a multi-agency section 11 audit report (PDF)

AUDIT = [
    [
        ("line", "Quenbury Safeguarding Children Partnership", 15, True),
        ("line", "Section 11 audit 2025: what we found", 12, False),
        (
            "line",
            "Report to the partnership's executive group, 20 January 2026. Written for a test set; fictional.",
            8,
            False,
        ),
        ("space", 8),
        ("h2", "What a section 11 audit is"),
        para("""Section 11 of the Children Act 2004 places a duty on named agencies, such as the council, the
        police, health bodies and probation, to make sure that they do their work in a way that safeguards
        and promotes the welfare of children. Every two years the partnership asks each agency in Quenbury to
        check itself against eight standards and to send us its evidence. We then test a sample of that
        evidence by talking to frontline staff."""),
        ("h2", "Who took part"),
        para("""We invited 26 agencies to take part between June and September 2025. 23 agencies returned a
        completed audit. Three did not: two small voluntary groups and a sports trust, which we will follow
        up. Schools are not covered by section 11. They complete a separate audit under section 175 of the
        Education Act 2002, which the partnership reports on each spring."""),
        ("h2", "Results by standard"),
        (
            "table",
            [
                ["Standard (23 agencies)", "Fully met", "Partly or not met"],
                ["1. Leadership and accountability", "21", "2"],
                ["2. Policies and procedures", "20", "3"],
                ["3. Safer recruitment and DBS", "17", "6"],
                ["4. Safeguarding training", "14", "9"],
                ["5. Supervision", "12", "11"],
                ["6. Hearing the voice of the child", "13", "10"],
                ["7. Sharing information", "16", "7"],
                ["8. Escalation and disagreements", "11", "12"],
            ],
        ),
        ("h2", "What agencies do well"),
        para("""Leadership was the strongest standard: 21 of the 23 agencies fully met it. Every agency that
        returned the audit has a named safeguarding lead who reports to its board or senior team at least
        twice a year."""),
    ],
    [
        ("h2", "What needs to improve"),
        para("""Escalation was the weakest standard: 11 agencies fully met it, and two did not meet it at all. Many frontline staff we spoke to did not know the
        partnership's escalation policy, which lets a worker who disagrees with another agency's decision
        about a child take it to a manager, and expects an answer within five working days."""),
        para("""Supervision was the second weakest. Only 12 agencies could show that staff who work with
        children receive safeguarding supervision at least every three months."""),
        para("""On the voice of the child, records often described what children did but rarely what they
        said. Eight agencies only partly met this standard."""),
        para("""On training, 78% of staff across the agencies that sent figures were up to date with their
        safeguarding training, against the partnership's target of 90%."""),
        para("""One agency, a community transport provider, had not renewed the DBS checks of six drivers
        who take children to school. It has since renewed all six."""),
        ("h2", "Agency by agency"),
        bullets(
            """Wrayshire Ambulance Service met seven standards and partly met one, supervision. Crews now have
            a safeguarding debrief after any call where a child has died or been seriously hurt.""",
            """Wrayshire Police met six standards and partly met two: hearing the voice of the child and
            escalation.""",
            """Quenbury Borough Council's children's services met all eight standards.""",
            """The GP practices answered together through the health board; their figures are in the health
            board's return.""",
        ),
        ("h2", "The national picture"),
        para("""When we chose this year's questions we read the Child Safeguarding Practice Review Panel's
        Annual Report 2020, published on 14 May 2021, which reported 482 serious incident notifications in
        2020. It drew attention to how agencies share information and challenge one another."""),
        ("h2", "What happens next"),
        para("""Every agency that did not fully meet a standard has agreed an action plan. The partnership's
        quality assurance group, chaired by Ruth Ingleby, will check the plans in June 2026. The next
        section 11 audit will run in 2027. The audit was run by the partnership's business manager, Lucan
        Fenwright."""),
    ],
]


def audit_pdf() -> bytes:
    """Two pages with a running header and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "right", "Quenbury Safeguarding Children Partnership | Section 11 audit 2025"),
            ("bottom", "left", "Report to the executive group (fictional)"),
            ("bottom", "right", f"Page {n} of 2"),
        ]
        for n in (1, 2)
    }
    return build_layout_pdf(
        AUDIT,
        heads,
        title="Section 11 audit 2025: what we found",
        author="Quenbury Safeguarding Children Partnership",
    )


# ---------------------------------------------------------------- a GP surgery's safeguarding policy for its staff (DOCX)

SURGERY = [
    ("title", "Safeguarding children: policy for all staff"),
    (
        "p",
        "Marlpit Lane Surgery, Larkhithe. Reviewed March 2026; next review March 2027. For every GP, nurse, "
        "healthcare assistant, receptionist and administrator. Written for a test set; the surgery and "
        "everyone named here are fictional.",
    ),
    ("h1", "Who to go to"),
    (
        "table",
        [
            ["Role", "Name", "How to reach them"],
            ["Safeguarding lead GP", "Dr Anwen Threlfall", "Extension 214"],
            ["Deputy safeguarding lead", "Siobhan Kettleby, practice nurse", "Extension 231"],
            ["Practice manager", "Olumide Sarsfield", "Extension 201"],
            ["Attached health visitor", "Maeve Castellane", "07700 900 714"],
            ["Quenbury MASH (Multi-Agency Safeguarding Hub)", "Duty desk", "01632 960 527"],
            ["Emergency duty team (evenings and weekends)", "Council", "01632 960 538"],
            ["A child in danger now", "Police", "999"],
        ],
    ),
    ("h1", "Training"),
    (
        "p",
        "All GPs, nurses and healthcare assistants complete level 3 safeguarding children training. "
        "Reception and administrative staff complete level 2 within their first three months. Everyone "
        "refreshes their training every three years.",
    ),
    ("h1", "Checks before you start"),
    (
        "p",
        "All GPs, nurses and healthcare assistants have an enhanced DBS check, with a check of the children's "
        "barred list, before they see patients. Reception and administrative staff have a standard DBS check.",
    ),
    ("h1", "Children who were not brought"),
    (
        "p",
        "We say that a child was not brought to an appointment, not that they did not attend, because a "
        "child cannot bring themselves. When a child is not brought to two appointments in a row, the "
        "clinician reviews the record the same day and contacts the family. If a child is not brought a "
        "third time, the child is discussed at the monthly safeguarding meeting and the health visitor or "
        "school nurse is told.",
    ),
    ("h1", "Bruises on babies who are not yet mobile"),
    (
        "p",
        "Any bruise on a baby who is not yet crawling or pulling to stand must be referred on the same day "
        "to the paediatric team at Quenbury General Hospital and to the MASH, whatever explanation is given. "
        "A bruise on a baby who cannot move about on their own is never treated as minor.",
    ),
    ("h1", "Alerts on the record"),
    (
        "p",
        "Children on a child protection plan, children in care and children who are privately fostered have "
        "an alert on their record that every member of staff can see. The alert is removed only by the "
        "safeguarding lead.",
    ),
    ("h1", "The monthly safeguarding meeting"),
    (
        "p",
        "The practice holds a safeguarding meeting on the first Wednesday of every month at 1pm, with the "
        "attached health visitor and the school nurse. Any member of staff may bring a family to it.",
    ),
    ("h1", "Child protection conferences"),
    (
        "p",
        "The GP who knows the family best writes a report for every child protection conference the practice "
        "is invited to. If no GP can attend, the report must reach the conference chair at least two working "
        "days before the conference.",
    ),
    ("h1", "Asking about domestic abuse"),
    (
        "p",
        "Clinicians ask about domestic abuse only when the patient is alone, without a partner or any child "
        "over the age of two in the room.",
    ),
    ("h1", "Interpreters"),
    (
        "p",
        "Book a professional interpreter, including a British Sign Language interpreter, for any appointment "
        "where safeguarding may be discussed. Never ask a child or another family member to interpret.",
    ),
    ("h1", "Sharing information"),
    (
        "p",
        "You do not need a parent's consent to share information when a child may be at risk of significant "
        "harm. Write down what you shared, with whom, and why.",
    ),
    ("h1", "At the front desk"),
    ("bullet", "Write down what the child or parent said, in their words."),
    ("bullet", "Tell the duty doctor before the end of the session."),
    ("bullet", "Tell the safeguarding lead the same day, or the deputy if the lead is away."),
    ("h1", "Concerns about a member of staff"),
    (
        "p",
        "If you are worried about how a colleague behaves towards a child, tell the practice manager. The "
        "practice manager will contact the council's Local Authority Designated Officer (LADO) within one "
        "working day.",
    ),
]


# ---------------------------------------------------------------- a police force's web page on child criminal exploitation (HTML)

POLICE_BODY = """
<h1>Child criminal exploitation and county lines</h1>
<p>Wrayshire Police. Written for a test set; the force, its operations and everyone named here are fictional.</p>

<h2>What it is</h2>
<p>Child criminal exploitation is when a person or a group uses a child under 18 to commit crime, in return
for something the child needs or wants, or through violence and threats. A child can be exploited even when
the activity seems to be their own choice.</p>
<p>County lines is one form of it. Gangs from cities use children and vulnerable adults to carry and sell
drugs in towns such as Stennmouth and Larkhithe, taking orders on a mobile phone line that they call their
line.</p>
<p>Cuckooing is when criminals take over the home of a vulnerable adult and use it as a base to store and
sell drugs.</p>

<h2>Signs to look out for</h2>
<ul>
<li>going missing often and being found in another town</li>
<li>new clothes, trainers, phones or money they cannot explain</li>
<li>having more than one phone, or a phone that never stops ringing</li>
<li>injuries they will not talk about</li>
<li>older friends, or cars that pick them up and drop them off</li>
<li>carrying bags or parcels for other people</li>
<li>dropping out of school or being excluded</li>
<li>train or bus tickets to places they have no reason to go</li>
</ul>

<h2>How we treat children who are exploited</h2>
<p>We treat a child who is being exploited as a victim first, even when they are found carrying drugs or
money. Our officers refer children who may have been trafficked to the National Referral Mechanism (NRM),
the national system for identifying victims of modern slavery. A child does not have to agree to be
referred.</p>
<p>When a child comes back after being missing, the council offers them a return home interview within 72
hours, with someone who is not a police officer.</p>

<h2>What we do about the adults</h2>
<ul>
<li>We use Child Abduction Warning Notices to tell an adult to stay away from a named child.</li>
<li>We ask the courts for Slavery and Trafficking Prevention Orders against people who exploit children.</li>
<li>We work with housing officers to close the homes that have been cuckooed.</li>
</ul>

<h2>Operation Kittiwake</h2>
<p>Operation Kittiwake is our county lines team. In 2025 it closed 37 county lines running into Wrayshire
and safeguarded 52 children.</p>

<h2>How to tell us</h2>
<ul>
<li>If a child is in danger now, call 999.</li>
<li>For anything else, call 101 or use the online form on our website.</li>
<li>You can tell us without giving your name by using the anonymous option on the online form.</li>
<li>If your child is missing, call 999. You do not need to wait 24 hours.</li>
</ul>

<h2>If you are a parent or carer</h2>
<ul>
<li>Keep talking with your child, even when it is hard.</li>
<li>Write down the registration numbers of cars that collect them.</li>
<li>Tell their school what you have noticed.</li>
<li>Ask the Quenbury MASH for help on 01632 960 527.</li>
</ul>
"""


# ---------------------------------------------------------------- a children's home's statement of purpose (Markdown)

HOME = """# Stonechat House: statement of purpose

A children's home in Wrayburn, run by Quenbury Borough Council. Updated April 2026.
(Written for a test set; the home, the council and everyone named here are fictional.)

## Who we care for

Stonechat House is a home for up to four young people aged 11 to 17, of any gender, who need a home for
the medium or long term. We do not take emergency placements. We do not care for young people whose main
need is for a disability service or for mental health care in hospital.

## The house

Stonechat House is a detached house with four bedrooms for young people, each with its own shower room. There
is a shared kitchen, a games room and a large garden. The bus to Quenbury stops at the end of the road.

## Our staff

- The registered manager is Gwen Habberley, and the deputy manager is Isidore Bexley.
- At least two staff are on shift during the day and the evening.
- At night there is one waking night worker and one member of staff sleeping in.
- All care staff hold or are working towards the Level 3 Diploma in Residential Childcare. New staff must
  start it within three months of joining.

## School and college

Every young person goes to school or college. We work with the council's virtual school, which has a
teacher for every child in care, and a member of staff goes to every parents' evening.

## Family and friends

Family members are welcome to visit, at times agreed with the young person and their social worker. Visits
are usually in the afternoons or at weekends. Former foster carers can keep in touch when the young person
wants this.

## Pocket money

Young people receive pocket money every week: £10 for those aged 11 to 13, £15 for those aged 14 and 15, and
£20 for those aged 16 and 17. They also have a clothing allowance.

## Phones and the internet

Young people may have their own mobile phones. Staff limit phone use only when the young person's plan
says so, for example to protect them from people who want to exploit them.

## If a young person does not come home

If a young person is not back by the agreed time, staff phone them and go out to look in the places they
know. If staff cannot find them within an hour, or sooner if they are worried, they report them missing to
Wrayshire Police. Staff tell the social worker and the family, and the young person is offered a return home
interview when they come back.

## Keeping young people safe

Staff only hold a young person to stop them hurting themselves or someone else, or seriously damaging
property. Every time this happens it is written down, and the young person is asked for their view of what
happened.

## Being heard

An independent visitor comes to the home every month, talks with the young people and writes a report
under Regulation 44. Every young person can have an independent advocate, and knows how to make a complaint.

## Inspection

Ofsted last inspected Stonechat House in November 2025 and judged it good.

## Moving on

Young people can stay until they are 18. From the age of 16 each young person has a pathway plan and a
personal adviser, who stays with them until they are at least 21.
"""


# ---------------------------------------------------------------- notes of a practitioner learning event for a local review (plain text)

NOTES = """QUENBURY SAFEGUARDING CHILDREN PARTNERSHIP
Local child safeguarding practice review: Child Marram
Notes of the practitioner learning event

Held on 11 February 2026 at Larkhithe Community Hall, 9.30am to 3pm. Written for a test set; the
partnership, Child Marram, his family and everyone named here are fictional.

WHY WE MET
A learning event brings together the people who worked with a child and their family, so that the
review hears what it was like to do the work at the time. It is not about blame. Nothing said on the day
will be quoted with a person's name.

WHO CAME
19 practitioners who had worked with Marram or his family came: teachers, a youth worker, social workers,
police officers, a school nurse, a paramedic and staff from the pupil referral unit. The event was led by the
independent reviewer, Ngozi Drysdale-Amadi.

ABOUT MARRAM
Marram is a boy who was 15 when he was found with a stab wound in a flat in Stennmouth, 30 miles from his
home in Quenbury, in August 2025. He survived, and he now lives with his aunt in another part of the
country. Marram is not his real name. He chose it himself.

Marram was first reported missing in October 2024, when he did not come home after school. Over the next ten
months he was reported missing 14 times, and several times he was found in Stennmouth.

In January 2025 he was permanently excluded from Larkhithe Academy after he was found with cannabis. He
moved to the pupil referral unit, where he came in about half of the time.

Twice the police found him with a large amount of cash and a second phone. He was treated as a boy who was
using drugs, not as a child who was being exploited. Nobody referred him to the National Referral Mechanism
until June 2025.

He was offered a return home interview after only 5 of his 14 missing episodes, and he took part in two of
them.

WHAT PRACTITIONERS TOLD US
The youth worker said that Marram talked about owing someone money, but this was not passed on to anyone.

Teachers said the exclusion took away the one place where adults saw him every day.

Police officers said that at first they saw Marram as an offender rather than as a victim.

His mother asked the school and children's services for help three times before the summer of 2025.

The paramedic who treated him in Stennmouth said that he gave a false name and asked her not to call his
mother.

WHAT WE LEARNED
1. The exclusion made Marram less safe, because it cut him off from the adults who knew him best.
2. Each missing episode was dealt with on its own. Nobody looked at the pattern.
3. Records said that Marram was putting himself at risk. That language blamed a child for the harm that
   adults were doing to him.
4. His mother's requests for help were not treated as a warning sign.
5. The referral to the National Referral Mechanism came eight months after he first went missing.

WHAT HAPPENS NEXT
The reviewer will now write the review report, which the partnership expects to publish in the summer of
2026. The report will be sent to the Child Safeguarding Practice Review Panel. The partnership has already
agreed that no child will be excluded from a Quenbury school without a discussion with the child's social
worker, if they have one.

THE NATIONAL PICTURE
The Child Safeguarding Practice Review Panel's Annual Report 2020 was published on 14 May 2021. Several
practitioners said they had read it, and that harm to teenagers outside the home was one of its concerns.

OTHER REVIEWS
The partnership is also carrying out reviews of Baby Samphire and Child Comfrey. They were not discussed at
this event.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    return [
        (
            "quenbury-section-11-audit-2025.pdf",
            audit_pdf(),
            dict(
                id="quenbury-section-11-audit-2025",
                title="Section 11 audit 2025: what we found (Quenbury Safeguarding Children Partnership, test document)",
                author="Quenbury Safeguarding Children Partnership",
                date="2026-01-20",
                kind="report",
            ),
        ),
        (
            "marlpit-lane-surgery-safeguarding-children-policy.docx",
            build_docx(SURGERY),
            dict(
                id="marlpit-lane-surgery-safeguarding-children-policy",
                title="Safeguarding children: policy for all staff (Marlpit Lane Surgery)",
                author="Marlpit Lane Surgery",
                date="2026-03-10",
                kind="guidance",
            ),
        ),
        (
            "wrayshire-police-child-criminal-exploitation.html",
            build_html("Child criminal exploitation and county lines", POLICE_BODY),
            dict(
                id="wrayshire-police-child-criminal-exploitation",
                title="Child criminal exploitation and county lines (Wrayshire Police)",
                author="Wrayshire Police",
                date="2026-02-02",
                kind="guidance",
            ),
        ),
        (
            "stonechat-house-statement-of-purpose.md",
            HOME.encode(),
            dict(
                id="stonechat-house-statement-of-purpose",
                title="Stonechat House: statement of purpose (Quenbury Borough Council)",
                author="Quenbury Borough Council",
                date="2026-04-08",
                kind="guidance",
            ),
        ),
        (
            "child-marram-learning-event-notes.txt",
            NOTES.encode(),
            dict(
                id="child-marram-learning-event-notes",
                title="Child Marram: notes of the practitioner learning event (Quenbury Safeguarding Children Partnership)",
                author="Quenbury Safeguarding Children Partnership",
                date="2026-02-11",
                kind="review",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen8-set")))
