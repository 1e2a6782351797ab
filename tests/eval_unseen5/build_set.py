"""Build the fifth unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen5/build_set.py /tmp/unseen5      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen5 --index /tmp/unseen5-index
    assistant eval --set unseen5 --index /tmp/unseen5-index

Five documents written after SITUATIONS.md and before the questions (README.md here says how).
Marrowby, Eskdene, Tollbridge, Marrowby Borough Council, the Marrowby Exploitation Hub, St Aldhelm's
Hospital, the Marrowby Kingfishers Swimming Club, Eastgate Academy, the Brannock Trust, Child Linnet,
Child Sorrel, Young Person Penrose and every person and local figure are invented; the only real facts
are public ones about the Panel and its Annual Report 2020.
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


# ---------------------------------------------------------------- a council scrutiny committee report (PDF)

SCRUTINY = [
    [
        ("title", "Keeping children safe outside the home"),
        ("subtitle", "Report of the Children and Young People Scrutiny Committee"),
        para("""Marrowby Borough Council. Task and finish review of how the council and its partners
        protect children from exploitation. Agreed by the committee on 18 March 2026 and sent to
        Cabinet. Written for a test set; Marrowby and every person and figure in it are fictional."""),
        ("h1", "1. Why we looked at this"),
        para("""The committee chose this subject after the Marrowby Safeguarding Children Partnership
        published its review of Child Linnet, a boy who was criminally exploited by a drug-dealing
        network. The task and finish group was chaired by Councillor Priya Nandakumar and met six
        times between October 2025 and February 2026. It heard from young people, parents, the
        police, schools, St Aldhelm's Hospital and the Marrowby Exploitation Hub."""),
        ("h1", "2. What contextual safeguarding means"),
        para("""Contextual safeguarding is a way of protecting children from harm that happens outside
        the family home: in parks, on buses, at takeaways, at school and online. Instead of only
        working with the child and the parents, workers also try to change the places and the peer
        groups where the harm happens, for example by asking a shopping centre to change its
        security patrols or by working with a whole friendship group."""),
        ("h1", "3. The Marrowby Exploitation Hub"),
        para("""The hub brings together a social worker, two police officers, a youth worker from the
        Brannock Trust and a missing children's worker in one office. It meets every weekday at
        10am to look at new concerns. The hub worked with 176 children in 2025, compared with 131
        in 2024, a rise of 34%."""),
        (
            "table",
            [
                ["Children worked with in 2025", "Number", "Share"],
                ["Criminal exploitation", "102", "58%"],
                ["Sexual exploitation", "51", "29%"],
                ["Both", "23", "13%"],
            ],
        ),
        para("""Most of the children were aged 14 to 16, and one in five was not in school full time.
        Eskdene has its own hub; its figures are not part of this report."""),
        ("h1", "4. Missing from home and return home interviews"),
        para("""In 2025 the police recorded 412 missing episodes for 148 Marrowby children. Every child
        who comes back should be offered a return home interview with an independent worker. Only
        81% of the interviews took place within 72 hours of the child coming back."""),
    ],
    [
        ("h1", "5. The partnership's exploitation strategy"),
        para("""The partnership's exploitation strategy for 2025 to 2028 says that a child found with
        drugs, cash or several phones must be treated as a victim first, and that the police should
        consider a referral to the National Referral Mechanism for every child who may have been
        trafficked. Schools, alternative provision and the pupil referral unit are asked to tell
        the hub the same day when a child at risk of exploitation is excluded."""),
        ("h1", "6. The national picture"),
        para("""The Child Safeguarding Practice Review Panel's Annual Report 2020, published on 14 May
        2021 while the Panel was chaired by Annie Hudson, covered 1 January to 31 December 2020.
        Local partnerships notified the Panel of 482 serious incidents about 514 children: 206 of
        the children died (42%) and 267 suffered serious harm. The report described six practice
        themes. It is the national background to this review; Marrowby's figures are our own."""),
        ("h1", "7. Our recommendations"),
        para("""The committee makes seven recommendations. Each has a lead and a date by which
        Cabinet should hear what has been done."""),
        (
            "table",
            [
                ["Recommendation", "Lead", "By"],
                ["R1 Hub open at weekends", "Director of Children", "Dec 2026"],
                ["R2 Return interviews in 72h", "Director of Children", "Sep 2026"],
                ["R3 Part-time timetables", "Director of Education", "Sep 2026"],
                ["R4 Taxi licence training", "Head of Licensing", "Sep 2026"],
                ["R5 Detached youth work", "Cabinet", "Jul 2026"],
                ["R6 Easy-read guide", "Exploitation Hub", "Jun 2026"],
                ["R7 Report back to committee", "Director of Children", "Mar 2027"],
            ],
        ),
        para("""R1: the hub should open on Saturdays and Sundays by December 2026, because most missing
        episodes begin on a Friday or Saturday night. R2: every return home interview should be held
        within 72 hours by a worker the child already knows. R3: schools should tell the hub whenever
        a child known to it is put on a part-time timetable. R4: the council should make exploitation
        awareness training a condition of every taxi and private hire driver's licence, for new
        drivers and at renewal. R5: Cabinet should consider more money for detached youth work in
        the town centre and at the skate park. R6: the hub should publish an easy-read guide for young
        people. R7: the Director of Children's Services should report progress to the committee in
        March 2027."""),
        para("""The committee's earlier review of school exclusions, in 2024, is published separately and
        is not summarised here."""),
    ],
]


def scrutiny_pdf() -> bytes:
    """Two pages with a running header and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "left", "Marrowby Borough Council | Children and Young People Scrutiny Committee"),
            ("bottom", "left", "Keeping children safe outside the home | March 2026"),
            ("bottom", "right", f"Page {n} of 2"),
        ]
        for n in (1, 2)
    }
    return build_layout_pdf(
        SCRUTINY,
        heads,
        title="Keeping children safe outside the home (Marrowby scrutiny report)",
        author="Marrowby Borough Council",
    )


# ---------------------------------------------------------------- a swimming club's safeguarding code of conduct (DOCX)

CODE = [
    ("title", "Marrowby Kingfishers Swimming Club: safeguarding code of conduct"),
    (
        "p",
        "For coaches, swimming teachers, team managers, officials and volunteers. Version 3, approved by the "
        "club committee on 2 September 2025. Written for a test set; the club and everyone named here are "
        "fictional.",
    ),
    ("h1", "Who to talk to"),
    (
        "table",
        [
            ["Role", "Name", "How to reach them"],
            ["Club welfare officer", "Dana Whitlock", "07700 900 418, welfare@kingfishers.example"],
            ["Deputy welfare officer (galas and away trips)", "Gareth Pettifer", "07700 900 427"],
            ["Head coach", "Simone Achterberg", "Through the club office"],
            ["Club chair", "Neil Brightmore", "chair@kingfishers.example"],
        ],
    ),
    (
        "p",
        "At galas and on away trips the deputy welfare officer is the first person to tell. If you cannot "
        "reach either welfare officer and a child may be at risk, ring the Marrowby Children's Advice and Duty "
        "Service on 01632 960 210, or 999 in an emergency.",
    ),
    ("h1", "Messages and social media"),
    (
        "p",
        "Coaches and volunteers must not send private one-to-one messages to a swimmer under 18. Messages about "
        "training go through the club's team app, to the whole squad, with parents able to read them. Do not "
        "follow or accept friend requests from swimmers under 18 on your personal social media accounts.",
    ),
    ("h1", "Lifts"),
    (
        "p",
        "Do not give a swimmer a lift on your own. If a lift cannot be avoided, get the parent's agreement "
        "beforehand, tell the welfare officer, and sit the swimmer in the back of the car.",
    ),
    ("h1", "Photographs and filming"),
    (
        "p",
        "Nobody may take photographs or film in the changing rooms, at any time. On poolside only the club's "
        "nominated photographer may take pictures, and only of swimmers whose parents have signed the club's "
        "consent form. Coaches may film a stroke for technique, on a club tablet, and must delete the film "
        "within seven days.",
    ),
    ("h1", "Changing rooms"),
    (
        "p",
        "Adults do not go into the changing rooms while swimmers are changing, unless a child needs help in an "
        "emergency; if that happens, two adults go in together.",
    ),
    ("h1", "Away trips and residential camps"),
    (
        "p",
        "Every away trip needs at least two adults, and at least one adult for every eight swimmers. A mixed "
        "group needs at least one male and one female adult. Every adult who stays overnight with the squad "
        "must have an enhanced DBS check and have completed the club's safeguarding course.",
    ),
    ("h1", "Training"),
    (
        "p",
        "Everyone covered by this code completes a safeguarding course before they start and refreshes it every "
        "three years. Welfare officers refresh their training every two years.",
    ),
    ("h1", "If the code is broken"),
    (
        "p",
        "A breach of this code is reported to the welfare officer, who tells the club chair. Where a child may "
        "have been harmed, the person is suspended from all club activities while the concern is looked into, "
        "and the welfare officer informs the local authority designated officer (LADO) at Marrowby Borough "
        "Council within one working day.",
    ),
    (
        "p",
        "Parents and swimmers who are unhappy with how the club has dealt with a concern may contact the "
        "sport's national governing body or the LADO directly.",
    ),
]


# ---------------------------------------------------------------- an easy-read guide for young people (HTML)

EASY_READ_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Is someone using you? An easy-read guide about exploitation</title>
<meta name="description" content="An easy-read guide for young people, written for a test set.">
</head><body>
<header><p>Marrowby Exploitation Hub</p>
<nav><ul><li><a href="/">Home</a></li><li><a href="/young-people">Young people</a></li><li><a href="/parents">Parents</a></li></ul></nav></header>
<main>
<h1>Is someone using you? An easy-read guide about exploitation</h1>
<p>For young people aged 11 to 18 in Marrowby. Made with young people from Eastgate Academy, May 2026. Written for a test set; the hub and the school are made up.</p>

<h2>What is exploitation?</h2>
<p>Exploitation is when someone uses you to get something for themselves.</p>
<ul>
<li>They might make you carry drugs or money to another town.</li>
<li>They might make you do sexual things, or send sexual pictures.</li>
<li>They might be older than you, or the same age as you.</li>
</ul>

<h2>Presents are not always presents</h2>
<p>Someone might give you trainers, a jacket, a new phone or cash. Later they say you owe them. That is not a present. It is a trap, and it is called debt bondage.</p>

<h2>Signs that something is wrong</h2>
<ul>
<li>You are asked to keep secrets from your family.</li>
<li>You are given a second phone.</li>
<li>You are told to go to places you do not know, sometimes far away.</li>
<li>You feel you cannot say no.</li>
</ul>

<h2>Will I get in trouble?</h2>
<p>If someone made you do it, it is not your fault. You are a victim, and the people you tell will try to keep you safe first. Telling someone is the bravest thing you can do.</p>

<h2>Who can I tell?</h2>
<ul>
<li>A teacher, a youth worker, a social worker or a parent you trust.</li>
<li>Text the Marrowby Exploitation Hub on 07700 900 615 if you do not want to phone. Someone reads texts from 9am to 9pm every day.</li>
<li>Ring 999 if you are in danger right now.</li>
</ul>

<h2>What happens after I tell?</h2>
<ol>
<li>A worker from the hub will talk to you, somewhere you feel safe.</li>
<li>They will ask what help you want.</li>
<li>They may need to tell other people, such as the police, to keep you safe. They will tell you first.</li>
</ol>

<h2>Going missing</h2>
<p>If you go missing and come back, someone will offer to talk to you about what happened. This is called a return home interview. You can choose a worker you already know.</p>
</main>
<footer><p>Marrowby Exploitation Hub. Easy-read guide, version 1. Ask us for this guide in other languages.</p></footer>
</body></html>
"""


# ---------------------------------------------------------------- a hospital emergency department's safeguarding pathway (Markdown)

PATHWAY = """# Emergency department safeguarding pathway: young people aged 11 to 17

St Aldhelm's Hospital, Marrowby. Children's emergency department and adult emergency department.
Pathway ED-SG-07, version 2, reviewed January 2026, owned by the safeguarding children team.
Written for a test set; the hospital and everyone in it are fictional.

This pathway is for young people aged 11 to 17. Babies and children under 11 follow pathway
ED-SG-03. It was revised after the local learning review of Young Person Penrose.

## Steps for every young person

1. **At triage**, ask who has come with the young person and how they are related. Write down the
   name of any adult who is not a parent or carer.
2. **Check the flag.** Look at the child protection information flag on the electronic record. A
   flag means the young person has a child protection plan or is looked after.
3. **See them alone.** Offer every young person aged 11 to 17 part of the consultation without the
   adult who came with them, even if that adult is a parent.
4. **Ask about where the injury happened**, who else was there and whether the young person feels
   safe going home.
5. **Complete the safeguarding assessment form** on the electronic record before the young person
   leaves the department.
6. **Refer** to the Marrowby Children's Advice and Duty Service on 01632 960 210 if you think the
   young person is at risk of significant harm. Do not wait for the morning.

## Knife and gunshot injuries

Tell the police about every young person with a knife or gunshot injury, even if the young person
does not want you to. Tell the young person that you are doing it and why. The hospital youth
workers from the Brannock Trust are in the department from 2pm to midnight, seven days a week, and
can be asked to see any young person injured by violence.

## Young people who keep coming back

The electronic record alerts staff when a young person aged 11 to 17 has attended the emergency
department three times or more in twelve months. The alert asks the nurse in charge to tell the
paediatric liaison nurse, who checks whether the school nurse and children's social care already
know, and offers the young person a meeting with a hospital youth worker.

## Out of hours

Between 5pm and 9am, at weekends and on bank holidays, ring the on-call paediatric consultant for
advice, and the Emergency Duty Team on 01632 960 299 to make a referral. The safeguarding children
team reads every out-of-hours referral on the next working day.

## After the young person leaves

The paediatric liaison nurse, Ludmila Fairweather, sends a notice of attendance to the young
person's GP and school nurse within two working days of every attendance. The notice says why the
young person came, what was done and whether a referral was made.

## Questions about this pathway

Contact the named nurse for safeguarding children through the hospital switchboard. This pathway
does not replace the Marrowby Safeguarding Children Partnership's procedures.
"""


# ---------------------------------------------------------------- a partnership's press release (plain text)

PRESS = """PRESS RELEASE
Marrowby Safeguarding Children Partnership
For immediate release: Monday 9 February 2026

PARTNERSHIP PUBLISHES REVIEW OF CHILD LINNET

Written for a test set. Marrowby, Child Linnet and everyone named here are fictional.

The Marrowby Safeguarding Children Partnership today published its local child safeguarding
practice review of Child Linnet, a boy who was criminally exploited by a drug-dealing network
between the ages of 14 and 15. Linnet is not his real name; his family chose it.

The review was led by an independent reviewer, Dr Imogen Castellan. Marrowby Borough Council's
children's services, Marrowby Police, Eastgate Academy, St Aldhelm's Hospital, the youth justice
service and the Marrowby Exploitation Hub all took part.

What happened

In September 2024, at the start of Year 10, Eastgate Academy put Linnet on a part-time timetable
of mornings only, after a series of fixed-term exclusions. Nobody outside the school was told.
Between November 2024 and March 2025 he was reported missing seven times. Return home interviews
were offered after three of those episodes; he turned down two, and the third was held by a
worker he had never met.

In March 2025 Linnet was missing for eleven days. Police found him in a flat in Tollbridge, about
forty miles from Marrowby, with 600 pounds in cash and two mobile phones. He was first arrested,
and only later treated as a victim. A referral to the National Referral Mechanism was made two
weeks after he was found.

In October 2025 two men were convicted of supplying drugs and of exploiting Linnet; one was jailed
for nine years and the other for six. Linnet now lives with his aunt outside Marrowby and has
started a college course in motor vehicle maintenance.

What the review found

The review found that each agency saw part of Linnet's story, but no one put the pieces together
until he had been missing for eleven days. The part-time timetable meant that he was out of school
every afternoon, when the network was recruiting.

What will change

The partnership has accepted all five of the review's recommendations. Schools will tell the
Exploitation Hub whenever a child known to it is put on a part-time timetable. Return home
interviews will be offered within 72 hours by a worker the child already knows. Children found
with drugs or cash away from home will be treated as victims first.

Rosalind Voss, the partnership's independent scrutineer, said: "Linnet was let down by a system
that saw a difficult teenager instead of a child in danger. We owe it to him to change that."

A second local review, of Child Sorrel, is under way and will be published in the summer of 2026.

Notes to editors

1. Local partnerships tell the national Child Safeguarding Practice Review Panel about serious
incidents. The Panel's Annual Report 2020, published on 14 May 2021, reported 482 notifications
about 514 children in England in 2020.
2. The full review is on the partnership's website. Media enquiries: the partnership's
communications team, press@marrowby-scp.example. The partnership will not comment on Linnet's
family.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The five documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "marrowby-scrutiny-keeping-children-safe-outside-the-home.pdf",
            scrutiny_pdf(),
            dict(
                id="marrowby-scrutiny-keeping-children-safe-outside-the-home",
                title="Keeping children safe outside the home (Marrowby scrutiny report, test document)",
                author="Marrowby Borough Council",
                date="2026-03-18",
                kind="report",
            ),
        ),
        (
            "kingfishers-safeguarding-code-of-conduct.docx",
            build_docx(CODE),
            dict(
                id="kingfishers-safeguarding-code-of-conduct",
                title="Safeguarding code of conduct (Marrowby Kingfishers Swimming Club)",
                author="Marrowby Kingfishers Swimming Club",
                date="2025-09-02",
                kind="guidance",
            ),
        ),
        (
            "marrowby-easy-read-exploitation-guide.html",
            EASY_READ_HTML.encode(),
            dict(
                id="marrowby-easy-read-exploitation-guide",
                title="Is someone using you? An easy-read guide about exploitation (Marrowby)",
                author="Marrowby Exploitation Hub",
                date="2026-05-01",
                kind="guidance",
            ),
        ),
        (
            "st-aldhelms-ed-safeguarding-pathway.md",
            PATHWAY.encode(),
            dict(
                id="st-aldhelms-ed-safeguarding-pathway",
                title="Emergency department safeguarding pathway, ages 11 to 17 (St Aldhelm's Hospital)",
                author="St Aldhelm's Hospital safeguarding children team",
                date="2026-01-15",
                kind="guidance",
            ),
        ),
        (
            "marrowby-press-release-child-linnet.txt",
            PRESS.encode(),
            dict(
                id="marrowby-press-release-child-linnet",
                title="Partnership publishes review of Child Linnet (press release, Marrowby)",
                author="Marrowby Safeguarding Children Partnership",
                date="2026-02-09",
                kind="review",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen5-set")))
