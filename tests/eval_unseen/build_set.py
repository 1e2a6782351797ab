"""Build the unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen/build_set.py /tmp/unseen        # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen --index /tmp/unseen-index
    assistant eval --set unseen --index /tmp/unseen-index

Five documents in genres no other set uses (README.md here says how they were written).
Tarnwick, Quillhaven, Brindlecote, Ormsgate, Fellbridge, every person, family and local figure
are invented; the only real facts are public ones about the Panel and its Annual Report 2020.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docbuilders import build_docx, build_layout_pdf  # noqa: E402


def para(text: str) -> tuple:
    """A PDF paragraph wrapped to the page width."""
    return ("p", textwrap.wrap(" ".join(text.split()), 84, break_on_hyphens=False))


# ---------------------------------------------------------------- a partnership's annual report extract (PDF)

ANNUAL_REPORT = [
    [
        ("title", "Annual Report 2021 to 2022"),
        ("subtitle", "Tarnwick Safeguarding Children Partnership"),
        para("""Extract: sections 1 to 4. Published 30 September 2022. Written for a test set; Tarnwick
        and everyone named in it are fictional."""),
        ("h1", "1. Foreword from the independent scrutineer"),
        para("""This is the third annual report of the Tarnwick Safeguarding Children Partnership since the
        three statutory partners took over from the old safeguarding children board. The partners are
        Tarnwick Borough Council, the Tarnwick and Lowbeck Integrated Care Board and Tarnwick
        Constabulary."""),
        para("""My role, as independent scrutineer, is to tell the partners where the arrangements work and
        where they do not. I am Margaret Oyelaran, and I was appointed in April 2021 for a term of three
        years."""),
        para("""The year was dominated by the return of children to school after the pandemic and by a rise
        in the number of teenagers going missing from home. The partners have been honest with me about
        where they fell short, and this report says so plainly."""),
        ("h1", "2. About the partnership"),
        para("""The partnership's executive group meets every six weeks and is chaired in turn by each of
        the three partners; in 2021 to 2022 the chair was the Director of Children's Services, Paul
        Ashdown. Schools are represented by two head teachers, one primary and one secondary, elected
        by their peers each July."""),
        para("""The partnership's work is funded by the three partners. In 2021 to 2022 the budget was
        £412,000, of which the council paid 52 per cent, the integrated care board 30 per cent and the
        constabulary 18 per cent."""),
    ],
    [
        ("h1", "3. Our year in numbers"),
        para("""The table shows the main measures the executive group watched during the year, from
        1 April 2021 to 31 March 2022, with the year before for comparison."""),
        (
            "table",
            [
                ["Measure", "2020 to 2021", "2021 to 2022"],
                ["Contacts to the front door", "9,870", "11,204"],
                ["Referrals to social care", "2,641", "2,903"],
                ["Children on protection plans", "287", "251"],
                ["Missing episodes (under 18)", "1,032", "1,388"],
                ["Rapid reviews held", "7", "9"],
            ],
        ),
        para("""Contacts to the front door rose by 13.5 per cent. More than a third of the new contacts came
        from schools in the autumn term, after the children's return to classrooms."""),
        para("""The number of children on child protection plans fell from 287 to 251. The executive group
        asked for an audit to check that plans had not ended too early; the audit, in January 2022,
        found that 24 of 25 plans had ended at the right time."""),
        para("""Missing episodes rose by more than a third, to 1,388. Four in every ten episodes concerned
        children in care, and most of those were children placed in Tarnwick by other councils."""),
        ("h1", "4. Learning from reviews"),
        para("""The partnership held nine rapid reviews. Three led to a local child safeguarding practice
        review; in the other six the partners agreed with the Child Safeguarding Practice Review Panel
        that the learning could be taken forward without one."""),
        para("""The review of Child N, a sixteen-year-old, was published in July 2022 and will be reported
        on next year. The review of Child E, a girl of thirteen who went missing many times, was led
        by the neighbouring partnership, where she lived; Tarnwick took part because she was placed with
        a foster family here in 2021."""),
    ],
    [
        ("h2", "4.1 The national picture"),
        para("""The Panel's Annual Report 2020, published on 14 May 2021, described 482 serious incident
        notifications about 514 children in England; 206 of the children died and 267 suffered serious
        harm. Its chair is Annie Hudson. The executive group used its six practice themes as a checklist
        when it read our own rapid reviews."""),
        ("h2", "4.2 Training"),
        para("""The partnership ran 64 multi-agency courses, attended by 1,517 practitioners. Courses on
        exploitation were the most popular, with a waiting list from October onwards. Every course now
        ends with a short survey; 91 per cent of those who replied said they would change something in
        their practice as a result."""),
        ("h2", "4.3 Priorities for 2022 to 2023"),
        para("""The partners agreed three priorities for the coming year: children who go missing and are
        exploited outside the home; neglect, using the new neglect screening tool; and hearing the voice
        of babies and young children who cannot speak for themselves."""),
        para("""Progress on each priority will be reported to the executive group every quarter, and to
        the public in next year's report."""),
    ],
]

# ---------------------------------------------------------------- board minutes with an action log (DOCX)

MINUTES = [
    ("title", "Quillhaven Safeguarding Children Partnership: board meeting minutes"),
    (
        "p",
        "Meeting held on Thursday 9 March 2023, 10.00 to 12.30, at Quillhaven Town Hall, Committee Room 2, and "
        "online. Written for a test set; Quillhaven and everyone named here are fictional.",
    ),
    ("h1", "1. Present and apologies"),
    (
        "p",
        "Present: Rachel Kettering (Director of Children's Services, chair), Detective Superintendent Imran "
        "Baig (Quillhaven Police), Sue Pendry (Chief Nurse, integrated care board), Liam Foster (head teacher, "
        "secondary schools representative), Dr Beatrice Nwosu (designated doctor for safeguarding), Hannah "
        "Coyle (partnership business manager, minutes).",
    ),
    (
        "p",
        "Apologies: Marcus Dean (head of probation). Laura Quin (voluntary sector forum) sent a written update.",
    ),
    ("h1", "2. Minutes of the last meeting"),
    (
        "p",
        "The minutes of the meeting on 8 December 2022 were agreed as accurate. All actions from that meeting "
        "were complete apart from action 22/14, which is carried forward.",
    ),
    ("h1", "3. Rapid review: Baby Q"),
    (
        "p",
        "Hannah Coyle reported that the rapid review about Baby Q, a seven-week-old admitted to hospital in "
        "January, was sent to the national Panel on 20 February 2023. The board agreed with the rapid review "
        "that a local child safeguarding practice review is not needed, because the learning repeats that of a "
        "review already under way. The board noted that the review of Child H, commissioned in October 2022, is "
        "due to report in July 2023.",
    ),
    ("h1", "4. Schools and attendance"),
    (
        "p",
        "Liam Foster said that persistent absence in Quillhaven secondary schools stood at 24 per cent in the "
        "autumn term, against 19 per cent a year earlier. Head teachers were worried that some children missing "
        "school were not known to any other service.",
    ),
    (
        "p",
        "The board agreed that every school will send the names of pupils missing more than half of their "
        "sessions to the early help hub each month, starting after the Easter holidays.",
    ),
    ("h1", "5. Health update"),
    (
        "p",
        "Sue Pendry reported that the integrated care board has funded a second named GP for safeguarding, from "
        "1 April 2023, so that each of the two primary care networks has its own. Dr Nwosu asked that GP "
        "practices flag children who are not brought to two or more appointments in a row.",
    ),
    ("h1", "6. Police update"),
    (
        "p",
        "Detective Superintendent Baig said that officers now complete a child's voice section on every "
        "domestic abuse report where a child lives at the address. An audit of 60 reports in February found "
        "the section completed in 51.",
    ),
    ("h1", "7. Budget"),
    (
        "p",
        "The board approved a budget of £286,500 for 2023 to 2024, an increase of 4 per cent. The extra money "
        "pays for a part-time learning and development officer.",
    ),
    ("h1", "8. Any other business"),
    (
        "p",
        "Laura Quin's update asked the board to invite young people from the children in care council to the "
        "summer meeting. This was agreed.",
    ),
    ("p", "Date of next meeting: Thursday 15 June 2023."),
    ("h1", "Action log"),
    (
        "table",
        [
            ["Number", "Action", "Owner", "Due"],
            ["22/14", "Publish the revised escalation policy on the website", "Hannah Coyle", "31 March 2023"],
            ["23/01", "Set up monthly absence returns from schools to the early help hub", "Liam Foster", "May 2023"],
            ["23/02", "Write to GP practices about flagging children not brought", "Dr Beatrice Nwosu", "April 2023"],
            ["23/03", "Repeat the audit of children's voice in police reports", "Imran Baig", "September 2023"],
            ["23/04", "Invite the children in care council to the summer meeting", "Rachel Kettering", "June 2023"],
        ],
    ),
]

# ---------------------------------------------------------------- a "learning from reviews" poster (HTML)

POSTER_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Learning from reviews: Child E (Brindlecote)</title>
<meta name="description" content="A one-page learning poster written for a test set.">
</head><body>
<header><p>Brindlecote Safeguarding Children Partnership</p></header>
<main>
<h1>Learning from reviews: Child E</h1>
<p>A one-page summary of a local child safeguarding practice review for staff in every agency. Published November 2022. Written for a test set; Brindlecote, the family and every professional are fictional.</p>
<h2>Who was Child E?</h2>
<p>Child E, who chose the name Esme for the review, was 13 when the review began. She lived with her mother and two younger brothers and was placed in Tarnwick with a foster family for part of 2021. She loved drawing and wanted to work with animals.</p>
<h2>What happened</h2>
<ul>
<li>Between March and November 2021 Esme was reported missing 17 times, most often on Friday nights.</li>
<li>After each episode the police carried out a safe and well check, but only four return home interviews were offered, and Esme took up one of them.</li>
<li>In June 2021 Esme was excluded from school for five days for bringing a knife to school; she told a teaching assistant an older man had given it to her.</li>
<li>Esme's phone showed contact with adult men she had met online. The information was shared with the police two months after the school learned of it.</li>
<li>In November 2021 Esme was found in a flat in another town with two adults, who were later charged with child sexual exploitation offences.</li>
</ul>
<h2>What the review found</h2>
<ol>
<li>Each missing episode was treated on its own; nobody put the 17 episodes together to see the pattern.</li>
<li>Esme's behaviour was seen as a choice she was making, not as a sign of harm being done to her.</li>
<li>The school's exclusion was decided without talking to her social worker.</li>
<li>Esme's mother asked for help three times and was told there was a waiting list.</li>
</ol>
<h2>What to do now</h2>
<ul>
<li>After a third missing episode in 90 days, the social worker must call a strategy meeting.</li>
<li>Offer a return home interview within 72 hours of every missing episode, by someone the child knows.</li>
<li>Use the language of harm: write "was exploited", never "put herself at risk".</li>
<li>Before excluding a child known to social care, the school must speak to the allocated social worker.</li>
</ul>
<h2>Ask yourself</h2>
<ul>
<li>Do I know how many times this child has gone missing this year?</li>
<li>Who is the child with when they are missing?</li>
</ul>
<h2>Find out more</h2>
<p>The full review is on the partnership website. Training on exploitation, two hours online, runs every month.</p>
<p>Missing and exploitation coordinator: Darren Leckie, 01632 960 871.</p>
</main>
<footer><p>Brindlecote Safeguarding Children Partnership. Poster 6 of the learning series.</p></footer>
</body></html>
"""

# ---------------------------------------------------------------- a podcast transcript (plain text)

TRANSCRIPT = """SAFE AT HOME: THE ORMSGATE SAFEGUARDING PODCAST
Episode 12 transcript: What the national Panel's first report tells us, three years on
Recorded 2 February 2024. Running time 31 minutes. Written for a test set; Ormsgate and the speakers are fictional.

Speakers:
TESSA GRAY, host, training lead for Ormsgate Safeguarding Children Partnership
DR FELIX ABARA, designated doctor for child safeguarding, Ormsgate
JOANNE PRICE, head of early help, Ormsgate Council

[Introduction]

TESSA: Hello and welcome to episode twelve of Safe at Home. I'm Tessa Gray. Today we are going back to the
national Child Safeguarding Practice Review Panel's Annual Report 2020 and asking what it still has to say to
people working in Ormsgate. I'm joined by Felix Abara and Joanne Price.

FELIX: Thanks, Tessa. Good to be here.

JOANNE: Hello, everyone.

[The headline figures]

TESSA: Felix, remind us what the report covered.

FELIX: It came out on 14 May 2021 and it looked at 482 serious incident notifications, which were about 514
children. Of those children, 206 had died and 267 had been seriously harmed. What struck me was how young
many of them were: the babies keep coming up, year after year. Our own review of Baby L in 2021 said the
same thing.

TESSA: And the report was introduced by the Panel's chair, Annie Hudson.

FELIX: That's right. And it set out six practice themes that the Panel kept seeing in the cases.

[Babies and fathers]

TESSA: Joanne, in early help what did you change after reading it?

JOANNE: The biggest change was about men. We realised our family assessments often had a blank where the
father should be. Since September 2022 every early help assessment in Ormsgate has a compulsory section on
each man in the child's life, whether or not he lives there.

FELIX: In health we did something similar. Health visitors now ask to meet the father or male carer at the
six to eight week review, and if he cannot come they offer a phone call.

TESSA: Has it made a difference?

JOANNE: We think so. In the first year the share of assessments that recorded the father's views went from
about a quarter to just over 60 per cent.

[Neglect and the pandemic]

TESSA: The report was written during the pandemic. Does that still matter?

FELIX: It does. Lockdown meant fewer eyes on children. In Ormsgate the number of children seen by school
nurses fell by nearly half in the first lockdown, and some of the neglect we see now started then.

JOANNE: Our neglect referrals in 2022 to 2023 were the highest we have recorded, at 1,126. Not all of that is
the pandemic, but a lot of families are still paying for those months.

[Listening to children]

TESSA: What about the voice of the child?

JOANNE: We introduced "three houses" conversations for children aged five to eleven, where the child draws
a house of worries, a house of good things and a house of dreams. Every early help worker has been trained in
it.

FELIX: And for babies, the voice of the child is what we see: how the baby is handled, whether they are fed,
whether anyone picks them up when they cry. I always tell trainees: a baby cannot tell you, so you have to
look.

[What listeners should do]

TESSA: Last question. One thing each listener should do after this episode?

FELIX: Ask who else lives in the house, every time, and write their name down.

JOANNE: Don't close a case because the family says things are fine. Check with one other agency first.

TESSA: Thank you both. The next episode, on domestic abuse and young children, is out on 1 March 2024.
Show notes and the partnership's training calendar are on the Ormsgate learning hub.

[End of transcript]
"""

# ---------------------------------------------------------------- an FAQ for foster carers (Markdown)

FAQ = """# Safeguarding questions from foster carers

Fellbridge Fostering Service (Fellbridge Council). Updated 12 January 2024. Written for a test set;
Fellbridge and everyone named here are fictional.

## A child has told me something worrying. What should I do?

Listen, stay calm and do not ask leading questions. Tell the child you cannot keep it a secret, because
you need to help keep them safe. Write down what was said, in the child's own words, with the date and
time, and tell the child's social worker the same day. If the social worker is not available, ring the
duty team; out of hours, ring the emergency duty team on 01632 960 555.

## What happens if someone makes an allegation against me?

Allegations against foster carers are taken seriously and handled under the council's procedures. The
fostering service will tell the Local Authority Designated Officer (LADO) within one working day. You
will be told about the allegation as soon as the LADO agrees it is safe to tell you, and you will be
offered independent support from Fosterline Partners, a service the council pays for. Most allegations
are resolved within three months.

## Can I agree to a haircut, a sleepover or a school trip?

Yes, in most cases. Each child has a delegated authority agreement, drawn up when the child arrives,
which says which everyday decisions you can make. Usually these include haircuts, sleepovers with
friends whose parents you know, and day trips with school. Overnight school trips abroad need the
social worker's agreement.

## What is a safer caring plan?

A safer caring plan is a written agreement for your household about things like privacy, bathroom
routines, who can babysit and how the family uses the internet. It is reviewed at every annual review,
and whenever a new child joins the household.

## What about phones and social media?

Talk to the child about what they use and who they talk to. Agree house rules together, such as phones
charged downstairs overnight. Do not post photos of a child in care on social media, even on private
accounts, and ask relatives not to do so. If you think a child is being groomed online, tell the social
worker straight away.

## My foster child has not come home. When do I ring the police?

Follow the child's missing from care plan. As a rule, if you do not know where a child is and you are
worried, ring the police on 999 without waiting. If the child is late home but you know where they are,
try to contact them and the friends they are with; if they are still not home by the time agreed in the
plan, report them missing on 101. Always tell the fostering service's duty worker as well.

When the child comes back, welcome them home. They will be offered an interview with an independent
worker within 72 hours.

## Can my foster child see their birth family?

Family time (contact) is arranged by the child's social worker and set out in the care plan. You may be
asked to take the child to a family centre or to supervise a phone call. If a parent turns up at your
home without an arrangement, do not let them take the child; ring the social worker.

## What training do I need?

New carers complete the Training, Support and Development Standards within 12 months of approval, or
18 months for family and friends carers. Every carer then does at least 12 hours of training a year,
including a refresher on safeguarding every three years. Courses are booked through your supervising
social worker.

## Who supports me?

Your supervising social worker visits at least every six weeks, and more often when a new child arrives.
The carers' support group meets on the first Wednesday of each month at Fellbridge Family Centre.
Mentoring from an experienced carer is offered to everyone in their first year.
"""


def sidecar(path: Path, **fields: str) -> None:
    body = "".join(f'{k} = "{v}"\n' for k, v in fields.items())
    path.with_name(path.stem + ".meta.toml").write_text(body, encoding="utf-8")


def annual_report_pdf() -> bytes:
    """Three pages with a running head, a running footer and printed page numbers 4 to 6."""
    heads = {
        n: [
            ("top", "left", "Annual Report 2021 to 2022"),
            ("bottom", "left", "Tarnwick Safeguarding Children Partnership | Protecting children together"),
            ("bottom", "right", str(n + 3)),
        ]
        for n in (1, 2, 3)
    }
    return build_layout_pdf(
        ANNUAL_REPORT,
        heads,
        title="Tarnwick Safeguarding Children Partnership: Annual Report 2021 to 2022",
        author="Tarnwick Safeguarding Children Partnership",
    )


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The five documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "tarnwick-annual-report-2021-22.pdf",
            annual_report_pdf(),
            dict(
                id="tarnwick-annual-report-2021-22",
                title="Annual Report 2021 to 2022 (Tarnwick Safeguarding Children Partnership, test extract)",
                author="Tarnwick Safeguarding Children Partnership",
                date="2022-09-30",
                kind="annual-report",
            ),
        ),
        (
            "quillhaven-board-minutes-2023-03.docx",
            build_docx(MINUTES),
            dict(
                id="quillhaven-board-minutes-2023-03",
                title="Board meeting minutes, 9 March 2023 (Quillhaven Safeguarding Children Partnership)",
                author="Quillhaven Safeguarding Children Partnership",
                date="2023-03-09",
                kind="other",
            ),
        ),
        (
            "brindlecote-learning-poster-child-e.html",
            POSTER_HTML.encode(),
            dict(
                id="brindlecote-learning-poster-child-e",
                title="Learning from reviews: Child E (Brindlecote)",
                author="Brindlecote Safeguarding Children Partnership",
                date="2022-11-01",
                kind="briefing",
            ),
        ),
        (
            "ormsgate-podcast-episode-12.txt",
            TRANSCRIPT.encode(),
            dict(
                id="ormsgate-podcast-episode-12",
                title="Safe at Home, episode 12: transcript (Ormsgate)",
                author="Ormsgate Safeguarding Children Partnership",
                date="2024-02-02",
                kind="other",
            ),
        ),
        (
            "fellbridge-foster-carers-faq.md",
            FAQ.encode(),
            dict(
                id="fellbridge-foster-carers-faq",
                title="Safeguarding questions from foster carers (Fellbridge Fostering Service)",
                author="Fellbridge Fostering Service",
                date="2024-01-12",
                kind="other",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content, meta in documents():
        (folder / name).write_bytes(content)
        sidecar(folder / name, **meta)
    return folder


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen-set")))
