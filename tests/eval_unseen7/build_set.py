"""Build the seventh unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen7/build_set.py /tmp/unseen7      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen7 --index /tmp/unseen7-index
    assistant eval --set unseen7 --index /tmp/unseen7-index

Five documents written after VISITORS.md and before the questions (README.md here says how).
Brackenmoor, Hollinsby, Ketterby, Wendlow, Elmsworth, Brackenmoor Borough Council, the Brackenmoor
Safeguarding Children Partnership, its Children's Front Door, the Lanternlight Family Trust, the Hollinsby
and District Junior Football League, Millrace Rovers, Dovecote Lane Community Church, Child Teasel, Baby
Clover, Child Aspen and every person and local figure are invented; the only real facts are public ones
about the Panel and its Annual Report 2020.
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


# ---------------------------------------------------------------- a charity's annual impact report (PDF)

IMPACT = [
    [
        ("line", "Lanternlight Family Trust", 15, True),
        ("line", "Impact report 2025-26 (April 2025 to March 2026)", 11, False),
        (
            "line",
            "Registered charity in Brackenmoor. Written for a test set; the charity and everyone in it are fictional.",
            8,
            False,
        ),
        ("space", 8),
        ("h2", "A word from our chief executive"),
        para("""This has been our busiest year since the Trust began in 2009. More families came to us
        than ever before, and more of them came because money was tight and the worry had built up at
        home. Our volunteers and staff met them with patience and without judgement. Thank you to every
        one of you who gave your time or your money. Harriet Emberley, Chief Executive"""),
        ("h2", "Our year in numbers"),
        (
            "table",
            [
                ["April 2025 to March 2026", "Number", "Note"],
                ["Families supported", "612", "across Brackenmoor"],
                ["Children in those families", "1,148", "aged 0 to 17"],
                ["Volunteer family mentors", "87", "active in March"],
                ["Hours given by volunteers", "9,450", "all roles"],
                ["Young carers in our group", "64", "aged 8 to 17"],
            ],
        ),
        ("h2", "Family mentoring"),
        para("""A family mentor is a trained volunteer who visits one family at home every week for up
        to a year, helping with routines, school, money and confidence. Mentors give about two hours a
        week. Before they are matched with a family, every mentor completes 18 hours of training over
        six evenings, gives two references and has an enhanced DBS check, which the Trust pays for."""),
        ("h2", "Stay and play"),
        para("""Our stay-and-play sessions for parents and children under five run every Monday and
        Thursday morning, 9.30 to 11.30, at the Ketterby and Wendlow children's centres. They are free,
        and you do not need to book. Each session ends with a shared healthy snack."""),
    ],
    [
        ("h2", "Young carers"),
        para("""Our young carers group is for children aged 8 to 17 who look after a parent, brother or
        sister at home. It meets every Tuesday from 4.30 to 6.30pm at the Hollinsby Youth Centre during
        term time, with trips in the summer holidays. A young person can refer themselves, or be
        referred by a school, a doctor or a parent."""),
        ("h2", "Safe Streets: our new work with teenagers"),
        para("""The Child Safeguarding Practice Review Panel's Annual Report 2020, published on 14 May
        2021, looked at 482 serious incident notifications about 514 children, and among its concerns
        was harm to adolescents outside the home. Our trustees read it alongside what our own youth
        workers were seeing. In September 2025 we began Safe Streets, two youth workers who meet
        teenagers in Hollinsby town centre and the park on Friday and Saturday evenings. In its first
        seven months Safe Streets talked with 233 young people."""),
        ("h2", "Keeping children safe"),
        para("""When our staff or volunteers are worried about a child, they speak to our Designated
        Safeguarding Lead, Nadia Rustamova, the same day. This year our staff made 41 referrals to
        Brackenmoor's Children's Front Door. We do not publish anything about the families involved."""),
        ("h2", "Where our money came from and where it went"),
        para("""Our income this year was £1,240,000. Of this, £318,400 was raised by the public through
        donations, our charity shop and events, including £42,600 from the Ketterby fun run. The rest
        came from grants and a contract with Brackenmoor Borough Council."""),
        para("""For every pound we spent, 84p went directly on work with families, 11p on raising funds
        and 5p on running the charity."""),
        ("h2", "Looking ahead"),
        para("""Next year we want to train 30 more family mentors and open a third stay-and-play session
        in Hollinsby. We do not work outside Brackenmoor; families in Elmsworth can ask Elmsworth
        County Council about services there."""),
    ],
]


def impact_pdf() -> bytes:
    """Two pages with a running header and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "right", "Lanternlight Family Trust | Impact report 2025-26"),
            ("bottom", "left", "Registered charity, Brackenmoor (fictional)"),
            ("bottom", "right", f"Page {n} of 2"),
        ]
        for n in (1, 2)
    }
    return build_layout_pdf(
        IMPACT,
        heads,
        title="Lanternlight Family Trust: impact report 2025-26",
        author="Lanternlight Family Trust",
    )


# ---------------------------------------------------------------- a football league's volunteer safeguarding handbook (DOCX)

HANDBOOK = [
    ("title", "Volunteer safeguarding handbook: 2026-27 season"),
    (
        "p",
        "Hollinsby and District Junior Football League. For every coach, manager, helper, linesman, "
        "referee and club officer. Written for a test set; the league, its clubs and everyone named here "
        "are fictional.",
    ),
    ("h1", "Who to contact"),
    (
        "table",
        [
            ["Role", "Name", "How to reach them"],
            ["League Welfare Officer", "Maureen Tollhurst", "07700 900 361"],
            ["Deputy League Welfare Officer", "Segun Adebayo-Lisle", "07700 900 362"],
            ["Millrace Rovers Club Welfare Officer", "Callum Brereton", "07700 900 374"],
            ["Young Referees Coordinator", "Ffion Garside", "07700 900 389"],
            ["Brackenmoor Children's Front Door", "Council duty team", "01632 960 810"],
            ["Out of hours or a child in danger", "Police", "999"],
        ],
    ),
    ("h1", "Checks before you start"),
    (
        "p",
        "Every coach, manager, assistant and club welfare officer aged 16 or over must have an enhanced "
        "DBS check through the league before working with children. The check is renewed every three years. "
        "The league pays for the check, so no volunteer or club is charged.",
    ),
    (
        "p",
        "Before your first session you must also complete the league's Safeguarding Children course, which "
        "is online, takes about three hours and is free. Linesmen and helpers who are never alone with "
        "children do not need a DBS check, but they must read this handbook and sign the code of conduct.",
    ),
    ("h1", "Adults and children at sessions"),
    ("bullet", "For under-10s, there must be at least one adult for every eight players."),
    ("bullet", "For players aged 10 and over, at least one adult for every ten players."),
    ("bullet", "There must always be two adults at a session, so no adult is alone with a group."),
    ("h1", "Messages, phones and social media"),
    (
        "p",
        "Coaches must not send private messages to players under 18. Use the team's group chat, and make "
        "sure a parent is in it, or message the parent instead. Do not ask a player for their own number.",
    ),
    (
        "p",
        "Clubs may post photographs of matches only when a parent has signed the photo consent form. "
        "Never put a child's full name with their photograph.",
    ),
    ("h1", "Lifts to and from matches"),
    (
        "p",
        "Give a lift to a player only when their parent has agreed beforehand. Try not to drive one child "
        "alone; if it cannot be avoided, tell the parent when you set off and when you arrive.",
    ),
    ("h1", "Young referees"),
    (
        "p",
        "Young people can train as referees from the age of 14 and referee matches for players at least "
        "two age groups younger than themselves. Every young referee has a named mentor at their first ten "
        "matches. Any adult who shouts at or abuses a young referee will be reported to the league and may "
        "be banned from the touchline.",
    ),
    ("h1", "If a child tells you something worrying"),
    ("bullet", "Listen calmly and let them talk. Do not ask leading questions."),
    ("bullet", "Never promise to keep it a secret; explain who you will need to tell."),
    ("bullet", "Write down what they said, in their words, with the date and time."),
    (
        "bullet",
        "Tell your Club Welfare Officer the same day. If you cannot reach them, ring the League Welfare Officer.",
    ),
    ("bullet", "If a child is in immediate danger, ring 999 first."),
    ("h1", "Worries about a coach or another adult"),
    (
        "p",
        "If you are worried about how a coach or any adult in the league behaves with children, tell the "
        "League Welfare Officer, not the club. She will pass it to the council's Local Authority Designated "
        "Officer (LADO) within one working day.",
    ),
    ("h1", "Tours and overnight trips"),
    (
        "p",
        "Tours abroad and overnight stays are covered by the county football association's guidance on trips "
        "away, not by this handbook. Clubs must tell the League Welfare Officer about any tour at least eight "
        "weeks before it.",
    ),
    ("h1", "Why this matters"),
    (
        "p",
        "Many of our players are teenagers. The Child Safeguarding Practice Review Panel's Annual Report 2020 "
        "pointed to harm to adolescents outside the home, and sport is one of the places where trusted adults "
        "can notice it. Coaches are often the adults young people talk to first.",
    ),
]


# ---------------------------------------------------------------- a faith community's keeping children safe page (HTML)

CHURCH_BODY = """
<h1>Keeping children safe at Dovecote Lane</h1>
<p>Dovecote Lane Community Church, Wendlow. Written for a test set; the church and everyone named here are
fictional.</p>
<p>We want every child and young person who comes to our church, our groups and our holiday club to be safe,
to be listened to and to have fun.</p>

<h2>Who to talk to</h2>
<ul>
<li>Our safeguarding lead is Dorothy Penhaligon, on 07700 900 452.</li>
<li>Our deputy safeguarding lead is Emeka Ilori-Stanton, on 07700 900 453.</li>
<li>If you think a child is in immediate danger, ring 999.</li>
</ul>

<h2>Our groups and how many adults</h2>
<ul>
<li>Little Lambs (under 5s with a parent): Wednesday mornings in the hall.</li>
<li>Sunday Club (ages 5 to 10): at least one adult for every six children.</li>
<li>Youth group (ages 11 to 17): Friday evenings, at least one adult for every ten young people.</li>
<li>There are always at least two adults with any group, and one of them must be a woman when girls attend.</li>
</ul>

<h2>Volunteers and checks</h2>
<ul>
<li>Everyone who leads or helps with a children's or youth group has an enhanced DBS check before they start.</li>
<li>Kitchen volunteers at the holiday club do not need a DBS check if they are never alone with children.</li>
<li>Every volunteer goes to our church's safeguarding session each September.</li>
</ul>

<h2>Holiday club</h2>
<p>Our summer holiday club runs for the first week of August for children aged 5 to 11. Parents sign a
consent form that includes any allergies and who will collect their child.</p>

<h2>Photographs</h2>
<p>You are welcome to take photographs of your own child at services, the nativity play and other events.
Please do not post pictures of other people's children online without their parents' permission. The church
only puts photographs of children on its own website with written consent.</p>

<h2>If you have a concern about someone in the church</h2>
<p>If you are worried about the behaviour of any volunteer or member of the church towards a child, tell
Dorothy Penhaligon. If your concern is about the minister, Rev. Alun Castleford, or about the safeguarding lead
herself, contact the safeguarding adviser of our church's regional association, whose details are on the
notice board in the porch.</p>

<h2>What we do when we are worried</h2>
<p>Our safeguarding lead will contact Brackenmoor's Children's Front Door on 01632 960 810 for advice, and will
make a referral when a child may be at risk of harm. We keep a written record of every concern in a locked
cabinet.</p>

<h2>Learning</h2>
<p>Our trustees review this page every year. This year they read a summary of the local review of Child Teasel
published by the Brackenmoor Safeguarding Children Partnership.</p>
"""


# ---------------------------------------------------------------- a council's private fostering page for the public (Markdown)

FOSTERING = """# Private fostering: is a child you know living with someone else?

Brackenmoor Borough Council, Children's Services. Page last reviewed January 2026.
(Written for a test set; the council and everyone named here are fictional.)

## What private fostering is

A child is privately fostered when they are under 16 (or under 18 if they are disabled) and are cared
for by someone who is not their parent or a close relative for 28 days or more, by arrangement with the
family. The council does not arrange it: the family does.

Close relatives are grandparents, brothers, sisters, uncles, aunts and step-parents. If a grandparent or
an aunt looks after a child, that is not private fostering. A great-aunt, a cousin or a family friend is
not a close relative, so a child who lives with them may be privately fostered.

## Some examples

- a child whose parents work abroad and who stays with a family friend in England
- a teenager who lives with a friend's family after falling out with their parents
- a child from overseas who comes to England to go to school and lives with a host family
- a student at a language school who stays with a host family for more than 28 days

## Telling the council

By law, the parents and the person who will care for the child must tell the council at least six weeks
before the arrangement starts. If it starts in an emergency, they must tell us within 48 hours.

Anyone else who knows about a child who may be privately fostered, such as a teacher, a doctor, a
neighbour or a landlord, can tell us too. You do not have to be sure.

Contact the Private Fostering Team: 01632 960 437, privatefostering@brackenmoor.example, Monday to Friday,
9am to 5pm. The team manager is Lowri Maddox.

## What happens next

A social worker will visit the child and the carer within seven working days. They will check that the
child is safe and well and that the carer can look after them, and they will speak to the child on their
own. After that, the social worker visits every six weeks in the first year and every twelve weeks after
that.

Nobody gets into trouble for telling us. Young people who are privately fostered are not in care, and
their parents still have parental responsibility.

## Money

Private foster carers are not paid a fostering allowance by the council. The child's parents should pay
for their keep. A private foster carer may be able to claim Child Benefit.

## Private fostering is not the same as foster care

Foster carers who look after children in care are approved and paid by the council or an agency. Private
foster carers are chosen by the family.

## If the child's family lives in another area

This page is for children living in Brackenmoor. If the child lives in another council's area, contact that
council's children's services.

## How many children

We know of 23 privately fostered children in Brackenmoor. We think there are many more whom nobody has told
us about.
"""


# ---------------------------------------------------------------- a local review's summary for families and the public (plain text)

SUMMARY = """BRACKENMOOR SAFEGUARDING CHILDREN PARTNERSHIP

What we learned from the review of Child Teasel
A summary for families and the public

Published 3 March 2026. Written for a test set; the partnership, Child Teasel, his family and everyone
named here are fictional.


WHY WE WROTE THIS SUMMARY

The full review is written for professionals. This summary explains in plain words what happened,
what went wrong and what we are changing. Child Teasel is not his real name. We chose it with his
grandmother so that he cannot be identified.


ABOUT TEASEL

Teasel is a boy who was seven years old when the review began. He lived in Hollinsby with his mother
and her partner. Over two years his family moved house three times. His attendance at school fell, and
he missed dental and eye appointments.

Teachers noticed that he was often hungry and came to school in the same clothes. The school made two
referrals to the Children's Front Door. Both were closed after telephone calls to his mother, without
anyone visiting the home.

In February 2025 Teasel was taken to hospital with a broken arm. Doctors also found signs that he had
been neglected for a long time. He now lives with his grandmother, and he is doing well at a new school.


WHAT THE REVIEW FOUND

1. Each agency saw only part of Teasel's life. The school, the GP and the housing office each knew
   something, but nobody put it together.
2. When the family moved, his records did not follow him quickly. His new GP did not know about the
   school's worries.
3. Nobody asked Teasel what life at home was like. His voice was missing.
4. Referrals were closed after speaking only to his mother.


WHAT WILL CHANGE

1. The Children's Front Door will not close a referral about neglect without a visit to the home.
2. Schools will be told within five working days what happened to a referral they made.
3. GPs will be told when a child on their list changes school because of a house move.
4. Every assessment will record what the child said, in their own words.
5. The partnership will check these changes in a report to its board in March 2027.


WHO WROTE THE REVIEW

The review was led by an independent reviewer, Dr Judith Arkwright-Nunn, with a panel from the council,
the police, health services and education. It took eleven months.

Teasel's grandmother and his mother both met the reviewer. Teasel, with his grandmother, drew a picture
for the reviewer of what helps him feel safe. His mother's partner did not take part.


THE NATIONAL PICTURE

The Child Safeguarding Practice Review Panel's Annual Report 2020, published on 14 May 2021, also asked
professionals to listen to the voice of the child. Teasel's review shows why.


OTHER REVIEWS

The partnership's review of Baby Clover, a baby who was harmed at home, will be published later in 2026.
A review of Child Aspen has started. Neither is described here.


QUESTIONS

If you have questions about this summary, email learning@brackenmoor-scp.example. We cannot discuss
Teasel or his family. The partnership's independent scrutineer is Graham Pellew.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    return [
        (
            "lanternlight-family-trust-impact-report-2025-26.pdf",
            impact_pdf(),
            dict(
                id="lanternlight-family-trust-impact-report-2025-26",
                title="Impact report 2025-26 (Lanternlight Family Trust, test document)",
                author="Lanternlight Family Trust",
                date="2026-06-15",
                kind="report",
            ),
        ),
        (
            "hollinsby-junior-football-league-safeguarding-handbook.docx",
            build_docx(HANDBOOK),
            dict(
                id="hollinsby-junior-football-league-safeguarding-handbook",
                title="Volunteer safeguarding handbook 2026-27 (Hollinsby and District Junior Football League)",
                author="Hollinsby and District Junior Football League",
                date="2026-08-01",
                kind="guidance",
            ),
        ),
        (
            "dovecote-lane-church-keeping-children-safe.html",
            build_html("Keeping children safe at Dovecote Lane", CHURCH_BODY),
            dict(
                id="dovecote-lane-church-keeping-children-safe",
                title="Keeping children safe (Dovecote Lane Community Church)",
                author="Dovecote Lane Community Church",
                date="2026-04-20",
                kind="guidance",
            ),
        ),
        (
            "brackenmoor-private-fostering.md",
            FOSTERING.encode(),
            dict(
                id="brackenmoor-private-fostering",
                title="Private fostering: is a child you know living with someone else? (Brackenmoor Borough Council)",
                author="Brackenmoor Borough Council",
                date="2026-01-12",
                kind="guidance",
            ),
        ),
        (
            "brackenmoor-child-teasel-summary-for-families.txt",
            SUMMARY.encode(),
            dict(
                id="brackenmoor-child-teasel-summary-for-families",
                title="What we learned from the review of Child Teasel: a summary for families and the public",
                author="Brackenmoor Safeguarding Children Partnership",
                date="2026-03-03",
                kind="review",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen7-set")))
