"""Build the fourth unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen4/build_set.py /tmp/unseen4      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen4 --index /tmp/unseen4-index
    assistant eval --set unseen4 --index /tmp/unseen4-index

Four documents written after QUESTIONS_TYPED.md and before the questions (README.md here says how).
Pellingford, Sowerby Cross, Kilnfield Primary School, the Pellingford Children's Front Door, Child R,
Sibling Group K, Young Person M and every person, family and local figure are invented; the only
real facts are public ones about the Panel and its Annual Report 2020.
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


# ---------------------------------------------------------------- a partnership's year in figures (PDF)

FIGURES = [
    [
        ("title", "Our year in figures 2024 to 2025"),
        ("subtitle", "Pellingford Safeguarding Children Partnership"),
        para("""Published 24 July 2025. This report sets out how many children came to the attention of
        safeguarding services in Pellingford between 1 April 2024 and 31 March 2025. Written for a test
        set; Pellingford and every figure in it are fictional."""),
        ("h1", "1. Contacts and referrals by quarter"),
        para("""A contact is any call, email or online form about a child that reaches the Pellingford
        Children's Front Door. A contact becomes a referral when a social worker decides that the child
        may need an assessment or help from children's social care."""),
        (
            "table",
            [
                ["Quarter", "Contacts", "Referrals"],
                ["Q1 (April to June)", "1,942", "503"],
                ["Q2 (July to September)", "1,688", "447"],
                ["Q3 (October to December)", "2,117", "561"],
                ["Q4 (January to March)", "2,031", "529"],
                ["Whole year", "7,778", "2,040"],
            ],
        ),
        para("""Contacts were highest in the third quarter, when schools made more contacts in the weeks
        before the Christmas holiday, and lowest in the second quarter, which includes the summer
        holiday. Schools made 31% of all contacts, the police 24% and health services 17%."""),
        para("""Of the 7,778 contacts, 2,040 became referrals, a conversion rate of 26%. The others were
        given advice, passed to early help, or needed no further action."""),
        ("h1", "2. This year and last year"),
        (
            "figures",
            [
                ["Measure", "2023 to 2024", "2024 to 2025"],
                ["Contacts", "7,310", "7,778"],
                ["Referrals", "1,874", "2,040"],
                ["Early help assessments started", "1,406", "1,655"],
                ["Child protection plans at 31 March", "312", "287"],
            ],
        ),
    ],
    [
        para("""Referrals rose by 9% on the year before. The partnership thinks most of the rise came from
        the new online contact form, which opened in September 2024."""),
        ("h1", "3. Children on child protection plans"),
        para("""On 31 March 2025, 287 children in Pellingford were on a child protection plan, 25 fewer
        than a year earlier. Neglect was the main concern for 46% of them and emotional abuse for 33%.
        Domestic abuse was recorded as a factor in 38% of all referrals during the year."""),
        ("h1", "4. Rapid reviews and local reviews"),
        para("""When a child dies or is seriously harmed in Pellingford and abuse or neglect is known or
        suspected, the partnership tells the national Child Safeguarding Practice Review Panel within
        five working days. The partnership then holds a rapid review, which must be finished within 15
        working days of that notification."""),
        para("""In 2024 to 2025 the partnership notified the Panel of four serious incidents and
        completed four rapid reviews, all of them on time. Two led to local child safeguarding practice
        reviews: the review of Child R, whose learning brief for early years settings has been
        published, and the review of Sibling Group K, which will be published in 2026."""),
        ("h1", "5. The national picture"),
        para("""The Child Safeguarding Practice Review Panel's Annual Report 2020 was published on 14 May
        2021, when the Panel was chaired by Annie Hudson. It reported 482 serious incident notifications
        about 514 children in England: 206 of those children died and 267 were seriously harmed. The
        report set out six practice themes."""),
        para("""Pellingford's own figures are not directly comparable with the national ones: they cover a
        financial year rather than a calendar year, and one area only. Our neighbours in Sowerby Cross
        publish their own figures, which are not included here."""),
        ("h1", "6. Questions about this report"),
        para("""Questions about these figures go to the partnership's business unit at
        figures@pellingford-scp.example. The partnership cannot answer questions about a particular
        child or family."""),
    ],
]

# ---------------------------------------------------------------- a leaflet for parents and carers (HTML)

LEAFLET_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Worried about a child? A leaflet for parents, carers and families in Pellingford</title>
<meta name="description" content="A council leaflet written for a test set.">
</head><body>
<header><p>Pellingford Council</p>
<nav><ul><li><a href="/">Home</a></li><li><a href="/children-and-families">Children and families</a></li><li><a href="/contact">Contact us</a></li></ul></nav></header>
<main>
<h1>Worried about a child? A leaflet for parents, carers and families in Pellingford</h1>
<p>Pellingford Council Children's Services, leaflet CF-12, revised March 2025. Written for a test set; Pellingford Council and its services are fictional.</p>

<h2>If a child is in danger right now</h2>
<p>Ring 999 and ask for the police.</p>

<h2>Who to contact</h2>
<ul>
<li>The Pellingford Children's Front Door: 0115 496 0720, Monday to Thursday 8:30am to 5pm and Friday 8:30am to 4:30pm.</li>
<li>At all other times, including bank holidays, ring the Emergency Duty Service on 0115 496 0799.</li>
<li>If the child lives in Sowerby Cross, contact Sowerby Cross Council instead.</li>
</ul>

<h2>Can I stay anonymous?</h2>
<p>Yes. You can tell us about a worry without giving your name. It helps if you leave a phone number so that a social worker can ask you more, but we will never tell the family who contacted us.</p>

<h2>What happens after I call</h2>
<p>A social worker reads what you have told us on the same working day. If you left your details, we will let you know within three working days that your call has been dealt with. We cannot tell you what we did, because that is private to the family.</p>

<h2>Grandparents and other relatives</h2>
<p>You can ring the Children's Front Door about a grandchild, niece, nephew or other young relative who lives in Pellingford even if you live somewhere else. You do not need the parents' agreement to tell us you are worried.</p>

<h2>Leaving children at home alone</h2>
<p>No law sets an age at which a child can be left at home alone, but it is against the law to leave a child alone if that puts them at risk of harm. We advise that a child under 12 is rarely ready to be left alone for long, and that no child under 16 should be left alone overnight. Never leave a baby or toddler alone in the home, even for a few minutes.</p>

<h2>Signs a child may be groomed online</h2>
<ul>
<li>Being secretive about who they talk to, or quickly hiding the screen.</li>
<li>New clothes, a new phone or money that they cannot explain.</li>
<li>An older "friend" you have never met.</li>
<li>Being upset, withdrawn or angry after being online.</li>
</ul>
<p>If you think someone is grooming your child, keep the messages, do not reply to the person, and ring the police on 101.</p>

<h2>Looking after someone else's child</h2>
<p>If a child under 16 is looked after for 28 days or more by an adult who is not a parent or close relative, this is called private fostering, and the council must be told. A close relative means a grandparent, brother, sister, uncle, aunt or step-parent.</p>

<h2>Early help</h2>
<p>Early help is support for a family before problems get bigger, such as parenting groups, help with money or housing worries, or a family worker who visits you at home. Early help is voluntary. Ask your child's school, health visitor or GP to make an early help request with you, or fill in the self-request form on this website.</p>

<h2>Support for you</h2>
<p>If you are living with domestic abuse, the Pellingford Domestic Abuse Service can help: 0115 496 0744, Monday to Friday 9am to 5pm.</p>
</main>
<footer><p>Pellingford Council. Leaflet CF-12. Large print and other languages on request.</p></footer>
</body></html>
"""

# ---------------------------------------------------------------- a primary school's safeguarding bulletin (DOCX)

BULLETIN = [
    ("title", "Kilnfield Primary School: safeguarding bulletin, spring term 2025"),
    (
        "p",
        "Issue 7, January 2025, for parents, carers and everyone who works or volunteers at Kilnfield. "
        "Kilnfield Primary School is in Pellingford. Written for a test set; the school and everyone named "
        "here are fictional.",
    ),
    ("h1", "Our safeguarding team"),
    (
        "table",
        [
            ["Role", "Name", "Where to find them"],
            ["Designated safeguarding lead", "Mrs Helen Okafor, deputy headteacher", "Office next to the main hall"],
            ["Deputy safeguarding lead", "Mr Tom Breckon, Year 5 teacher", "Year 5 classroom"],
            ["Deputy safeguarding lead", "Ms Asha Gill, SENCo", "Room 4"],
            ["Safeguarding governor", "Reverend Paul Ainsley", "Through the school office"],
        ],
    ),
    (
        "p",
        "If you are worried about a child, talk to one of the team that day. If none of them is in school, "
        "tell the headteacher, Mr Graham Lowther.",
    ),
    ("h1", "Collecting your child"),
    (
        "p",
        "We only let a child go home with an adult named on their collection list. If someone else is "
        "collecting, ring the school office by 2pm.",
    ),
    (
        "p",
        "If an adult who comes to collect a child seems drunk, under the influence of drugs or unable to "
        "look after the child safely, the office team will keep the child in school and fetch the designated "
        "safeguarding lead. She will decide whether to call another adult on the list, the Children's Front "
        "Door or the police.",
    ),
    ("h1", "Phones and smartwatches"),
    (
        "p",
        "Pupils in Years 5 and 6 who walk home alone may bring a mobile phone. It is handed to the class "
        "teacher at 8:45am and given back at 3:15pm. Smartwatches that can take photos or send messages are "
        "not allowed in school.",
    ),
    ("h1", "Online safety: the apps you ask us about"),
    (
        "p",
        "Snapchat, TikTok and Instagram all say that users must be at least 13. This term some Year 6 pupils "
        "were added to group chats by older children they did not know, and some were sent pictures that "
        "upset them.",
    ),
    ("bullet", "Keep phones and tablets out of bedrooms at night."),
    ("bullet", "Turn off location sharing in every app your child uses."),
    ("bullet", "Ask your child to show you their group chats, and who is in them."),
    (
        "p",
        "Our next online safety workshop for parents is on Thursday 13 March 2025 at 6pm in the school hall. "
        "Crèche places are available if you book through the office.",
    ),
    ("h1", "Attendance"),
    (
        "p",
        "If your child is ill, ring the school office before 9:15am. If we have not heard from you, we ring "
        "you on the first morning. If we cannot reach you or any other contact by the end of the second day, "
        "we may visit your home or ask the police to check that your child is safe.",
    ),
    ("h1", "Secrets"),
    (
        "p",
        "We teach children that some secrets are not safe to keep. No member of staff will ever promise a "
        "child to keep what the child tells them a secret; they explain that they may need to tell someone "
        "who can help.",
    ),
    ("h1", "If you are worried about a member of staff"),
    (
        "p",
        "If you are worried about the way an adult in school behaves towards children, tell the headteacher, "
        "Mr Graham Lowther. If your worry is about the headteacher, tell the chair of governors, Mrs Judith "
        "Kerr-Adams, through the school office. Worries about staff are also passed to the Pellingford local "
        "authority designated officer (LADO).",
    ),
    ("h1", "Training"),
    (
        "p",
        "Every member of staff, including the office team and lunchtime supervisors, had safeguarding "
        "training on the training day of 6 January 2025. Volunteers who help in class once a week or more "
        "have an enhanced DBS check and a safeguarding induction with Mrs Okafor before they start.",
    ),
]

# ---------------------------------------------------------------- a learning brief for early years settings (Markdown)

BRIEF = """# Learning brief: Child R

Pellingford Safeguarding Children Partnership. For childminders, nurseries and other early years
settings. Published June 2025, after the local child safeguarding practice review of Child R.
Written for a test set; Pellingford, Child R and everyone in this brief are fictional.

## What happened

Child R is a boy. From the age of 14 months he went to a registered childminder in Pellingford
three days a week. He lived with his mother, and from January 2024 with his mother's new partner.

Between February and April 2024 the childminder noticed that R often arrived hungry, had a sore
nappy rash that did not heal, and became quiet and flinched when a man came near him. In March
2024 she saw a bruise on his ear; his mother said he had fallen off the sofa.

The childminder wrote each of these things in her own log. She did not ring the Children's Front
Door: she told the review she was not sure it was serious enough, and she was afraid of losing
the family's place.

In May 2024 R stopped coming. His mother said that his grandmother would look after him from
then on. The childminder did not tell anyone that he had stopped coming.

On 11 June 2024, when he was two years and three months old, R was taken to Pellingford Royal
Infirmary with a broken arm. X-rays showed older fractures to his ribs. His mother's partner was
convicted of causing him grievous bodily harm in February 2025. R now lives with his father's
sister under a special guardianship order.

## What we learned

### 1. Be curious

Professional curiosity means not taking an explanation at face value: asking how an injury
happened, whether the account fits the child's age and stage, and who else is in the child's
life. R's childminder accepted the story of the sofa without asking any more.

### 2. Know who is in the home

Ask who lives with the child and who collects them. R's childminder had never met the mother's
partner and did not know his name.

### 3. A note in your log is not a referral

Writing a worry down is good practice, but it does not protect a child on its own. Ring the
Children's Front Door on 0115 496 0720 when you are worried. You do not need to be sure, and you
do not need the parent's permission.

### 4. When a child stops coming

When a child is not brought to their sessions, or stops coming without a clear reason, ask why
and write the answer down. In your records, say the child "was not brought": a two-year-old cannot
take himself anywhere. If the reason does not hold together, tell the health visitor or the
Children's Front Door.

### 5. Bruises on babies

Any bruise on a baby who cannot yet crawl or pull to stand needs a referral the same day,
whatever the explanation.

### 6. A parent who is not fit to take the child home

If a parent arrives to collect a child and you think they are too drunk to care for the child
safely, keep the child with you, ask the parent to call another adult on your contact list, and
ring 999 if the parent tries to drive away with the child.

### 7. Ofsted

Registered childminders must tell Ofsted about any allegation of serious harm or abuse by anyone
who lives, works or looks after children at their premises. A referral about a child's life at
home does not have to be notified to Ofsted.

## What has changed

- The partnership now runs a free two-hour course for childminders, "Noticing and telling", every
  term.
- Childminders in Pellingford can talk a worry through with an early years safeguarding adviser
  by ringing the Front Door and asking for the early years desk.
- The Pellingford childminders' safeguarding network meets online on the first Tuesday of each
  month.

This brief is about Child R only. A second local review, of Sibling Group K, is still in progress,
and the partnership's learning about teenagers will appear in a separate brief, Young Person M,
in the autumn of 2025.
"""


def figures_pdf() -> bytes:
    """Two pages with a running footer that holds the printed page number ("2 / 2")."""
    heads = {
        n: [
            ("bottom", "left", "Pellingford Safeguarding Children Partnership | Our year in figures 2024 to 2025"),
            ("bottom", "right", f"{n} / 2"),
        ]
        for n in (1, 2)
    }
    return build_layout_pdf(
        FIGURES,
        heads,
        title="Our year in figures 2024 to 2025 (Pellingford)",
        author="Pellingford Safeguarding Children Partnership",
    )


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    """The four documents: (file name, content, metadata for its sidecar)."""
    return [
        (
            "pellingford-year-in-figures-2024-25.pdf",
            figures_pdf(),
            dict(
                id="pellingford-year-in-figures-2024-25",
                title="Our year in figures 2024 to 2025 (Pellingford, test document)",
                author="Pellingford Safeguarding Children Partnership",
                date="2025-07-24",
                kind="report",
            ),
        ),
        (
            "pellingford-worried-about-a-child-leaflet.html",
            LEAFLET_HTML.encode(),
            dict(
                id="pellingford-worried-about-a-child-leaflet",
                title="Worried about a child? A leaflet for parents, carers and families in Pellingford",
                author="Pellingford Council Children's Services",
                date="2025-03-01",
                kind="guidance",
            ),
        ),
        (
            "kilnfield-safeguarding-bulletin-spring-2025.docx",
            build_docx(BULLETIN),
            dict(
                id="kilnfield-safeguarding-bulletin-spring-2025",
                title="Safeguarding bulletin, spring term 2025 (Kilnfield Primary School)",
                author="Kilnfield Primary School",
                date="2025-01-10",
                kind="other",
            ),
        ),
        (
            "pellingford-learning-brief-child-r.md",
            BRIEF.encode(),
            dict(
                id="pellingford-learning-brief-child-r",
                title="Learning brief: Child R (Pellingford, for early years settings)",
                author="Pellingford Safeguarding Children Partnership",
                date="2025-06-15",
                kind="review",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the four documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen4-set")))
