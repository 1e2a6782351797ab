"""Build the tenth unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen10/build_set.py /tmp/unseen10      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen10 --index /tmp/unseen10-index
    assistant eval --set unseen10 --index /tmp/unseen10-index

Five documents written after CLAIMS.md and before the questions (README.md here says how).
Fennmouth, Kirkhallow, Starrow, Quenby Marsh, Saltcote, Mossgate, Fennmouth Borough Council, the Fennmouth
Safeguarding Children Partnership, its Children's Front Door, Kirkhallow Homes, the Fennmouth Courier, Child
Calico, Child Tweed, Baby Muslin and every person and local figure are invented; the only real facts are public
ones about the Panel and its Annual Report 2020, and national laws, guidance and terms.
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


# ---------------------------------------------------------------- an escalation and professional disagreement protocol (PDF)

ESCALATION = [
    [
        ("line", "Fennmouth Safeguarding Children Partnership", 15, True),
        ("line", "Resolving professional disagreements: the escalation protocol", 12, False),
        ("line", "Version 3, approved April 2026. Written for a test set; fictional.", 8, False),
        ("space", 6),
        ("h2", "1. Why this protocol matters"),
        para("""1.1 Professionals will sometimes disagree about a child: about whether a referral meets the
        threshold, about a decision to close a case, or about whether a plan is keeping the child safe.
        Disagreement is healthy. It becomes a risk only when it is not spoken about, or when it is left to
        drift."""),
        para("""1.2 The Child Calico review found that three professionals had doubts about a decision to
        close the family's case but none of them challenged it. This version of the protocol was written
        in response."""),
        para("""1.3 A disagreement must never delay action to protect a child. If a child is in immediate
        danger, call the police on 999 first and resolve the disagreement afterwards."""),
        ("h2", "2. Who it applies to"),
        para("""2.1 The protocol applies to everyone who works with children for a partner agency: the
        council, the police, the integrated care board and the health trusts, GP practices, schools and
        colleges, early years settings, the probation service, Kirkhallow Homes and voluntary groups
        funded by the partnership. It applies in and out of office hours."""),
        ("h2", "3. Principles"),
        para("""3.1 Try to resolve the disagreement at the lowest stage possible, by talking first. 3.2
        Keep the child's safety and experience at the centre, not the agencies' positions. 3.3 Confirm
        every stage in writing. 3.4 Nobody should be seen as difficult for raising a concern in good
        faith."""),
        ("h2", "4. The stages of escalation"),
        para("""4.1 There are four stages. Start at stage 1 unless a child is at immediate risk, in which
        case you may go straight to stage 3."""),
        (
            "table",
            [
                ["Who talks to whom", "Stage", "Resolve within"],
                ["Practitioner to practitioner", "Stage 1", "2 working days"],
                ["Line managers or DSLs", "Stage 2", "3 working days"],
                ["Heads of service", "Stage 3", "5 working days"],
                ["Partnership Business Manager", "Stage 4", "10 working days"],
            ],
        ),
        para("""4.2 At stage 4 the Partnership Business Manager, Sabine Ravensworth, brings the senior
        managers together and, if they still cannot agree, refers the matter to the independent
        scrutineer, Gwendolen Marchbank, whose decision is final."""),
    ],
    [
        ("h2", "5. Disagreeing with the Children's Front Door"),
        para("""5.1 If you disagree with a Front Door decision not to accept a referral, ask to speak to
        the Front Door team manager on the same working day. If you still disagree, move to stage 2. Do
        not make a second referral about the same concern to get a different answer."""),
        para("""5.2 Out of hours, the emergency duty team's senior practitioner acts as the team manager.
        Call 01632 967 299."""),
        ("h2", "6. Disagreeing with a child protection conference"),
        para("""6.1 A professional who disagrees with the decision of a child protection conference tells
        the chair at the conference, and then writes to the Safeguarding and Quality Assurance Service
        Manager within 5 working days. Parents have their own complaints route."""),
        ("h2", "7. Recording"),
        para("""7.1 Record every escalation, and its outcome, on the child's file using the Escalation
        Record form (form ER1). Send a copy to the partnership business unit, which counts them."""),
        para("""7.2 In 2025 to 2026 the business unit was told of 143 escalations. 61% were resolved at
        stage 1 and only 4 reached stage 4. Schools raised 38% of them, health services 29%, the police
        14% and other agencies 19%."""),
        ("h2", "8. Learning from reviews"),
        para("""8.1 The Child Safeguarding Practice Review Panel's Annual Report 2020 was published on 14
        May 2021. The Panel named critical thinking and challenge as one of the practice themes it saw
        again and again. Challenge is part of good practice, not a sign of conflict."""),
        ("h2", "9. Contacts"),
        para("""9.1 Children's Front Door: 01632 967 200, Monday to Friday, 8.30am to 5pm. Emergency duty
        team, out of hours: 01632 967 299. Partnership business unit: 01632 967 210. If a child is in
        danger now, call 999."""),
        para("""9.2 This protocol will be reviewed in April 2028."""),
    ],
]


def escalation_pdf() -> bytes:
    """Two pages with a running header and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "right", "Fennmouth Safeguarding Children Partnership | Escalation protocol v3"),
            ("bottom", "left", "Approved April 2026 (fictional)"),
            ("bottom", "right", f"Page {n} of 2"),
        ]
        for n in (1, 2)
    }
    return build_layout_pdf(
        ESCALATION,
        heads,
        title="Resolving professional disagreements: the escalation protocol",
        author="Fennmouth Safeguarding Children Partnership",
    )


# ---------------------------------------------------------------- a local review's action plan tracker (DOCX)

TRACKER = [
    ("title", "Child Calico local review: action plan tracker"),
    (
        "p",
        "Fennmouth Safeguarding Children Partnership, Learning and Review subgroup. Position at 30 June 2026. "
        "Written for a test set; the partnership, its agencies and everyone named here are fictional.",
    ),
    ("h1", "About this tracker"),
    (
        "p",
        "The local review of Child Calico was published on 28 April 2026 and made six recommendations. The "
        "partnership agreed eight actions to meet them. This tracker shows each action, the agency that leads "
        "it, when it is due and how far it has got. It is reviewed at every meeting of the Learning and Review "
        "subgroup, which meets every eight weeks, and reported to the partnership board each quarter.",
    ),
    ("h1", "Status key"),
    ("bullet", "Complete: the action is done and the subgroup has seen evidence that it is working."),
    ("bullet", "On track: the action is under way and will be done by the due date."),
    ("bullet", "Delayed: the action will miss its due date; a new date is given."),
    ("bullet", "Not started: the action is not yet due to start."),
    ("h1", "The actions"),
    (
        "table",
        [
            ["No.", "Action", "Lead", "Due", "Status", "Update"],
            [
                "1",
                "Publish a new escalation protocol",
                "Partnership business unit",
                "April 2026",
                "Complete",
                "Version 3 published on 14 April 2026",
            ],
            [
                "2",
                "Train every designated safeguarding lead in the new protocol",
                "Education safeguarding team",
                "July 2026",
                "On track",
                "112 of 160 DSLs trained so far",
            ],
            [
                "3",
                "Front Door to read the whole history before closing a repeat contact",
                "Fennmouth Borough Council",
                "March 2026",
                "Complete",
                "Three or more contacts in 12 months now go to a manager",
            ],
            [
                "4",
                "Health visitors to invite fathers and male carers to every visit",
                "Fennmouth Community Health",
                "September 2026",
                "On track",
                "New letter to families in use since May",
            ],
            [
                "5",
                "Share notices seeking possession with the Front Door when a young child lives there",
                "Kirkhallow Homes",
                "June 2026",
                "Delayed",
                "New date October 2026, after a data sharing agreement is signed",
            ],
            [
                "6",
                "GP practices to flag the records of children on a child protection plan",
                "Integrated care board",
                "December 2026",
                "Not started",
                "Work begins in September 2026",
            ],
            [
                "7",
                "Audit 40 closed cases to test the new Front Door check",
                "Learning and Review subgroup",
                "September 2026",
                "On track",
                "First 20 cases audited in June",
            ],
            [
                "8",
                "Police to share domestic abuse call-outs where a baby lives there",
                "Fennmouth Police",
                "May 2026",
                "Complete",
                "Shared with the Front Door by 9am the next working day",
            ],
        ],
    ),
    ("h1", "Summary"),
    (
        "p",
        "Of the eight actions, three are complete, three are on track, one is delayed and one has not started. "
        "The subgroup will ask Kirkhallow Homes to report on the delayed action at its meeting in August 2026.",
    ),
    ("h1", "Who owns the tracker"),
    (
        "p",
        "The tracker is kept by the Partnership Business Manager, Sabine Ravensworth. The Learning and Review "
        "subgroup is chaired by Lowenna Brennock, head of safeguarding at Fennmouth Community Health. The next "
        "update will be published at the end of September 2026.",
    ),
]


# ---------------------------------------------------------------- a myths and facts page (HTML)

MYTHS_BODY = """
<h1>Myths and facts: telling someone you are worried about a child</h1>
<p>Fennmouth Safeguarding Children Partnership. Page updated May 2026. Written for a test set; the partnership
and its services are fictional.</p>
<p>People often do not speak up about a child because of something they have heard. Here are the things we
hear most often, and the facts.</p>

<h2>Myth: I need proof before I can report a worry</h2>
<p>Fact: You do not need proof. You only need to be worried. Tell us what you have seen or heard, and it is our
job, with the police and other services, to find out what is happening.</p>

<h2>Myth: If I report, the family will find out it was me</h2>
<p>Fact: We will not tell the family who contacted us. Members of the public can choose not to give their name at
all. Professionals must give their name, because we may need to talk to them again, but we still do not tell the
family who made the referral unless the professional agrees.</p>

<h2>Myth: Social workers take most children into care</h2>
<p>Fact: Most children we hear about stay at home with their families. In 2025 to 2026 the Children's Front Door
received 11,240 contacts. About 1 in 4 became a referral to children's social care, and most of the families who
were referred were helped while their children stayed at home. Taking a child into care is a last resort, and
usually needs a court's decision.</p>

<h2>Myth: Schools must always tell parents before they make a referral</h2>
<p>Fact: Schools usually talk to parents first, and most referrals are made with the family's knowledge. But a
school does not tell the parents first if doing so could put the child at greater risk, for example when a child
says a parent has hurt them.</p>

<h2>Myth: Data protection law stops professionals sharing information</h2>
<p>Fact: Data protection law, including the UK GDPR, does not stop anyone sharing information to keep a child
safe. Where possible, ask for consent, but you do not need consent to share information when a child may be at
risk of significant harm.</p>

<h2>Myth: Smacking is now banned everywhere in the UK</h2>
<p>Fact: Physical punishment of children is against the law in Scotland and in Wales. In England, a parent can
still claim a smack was reasonable punishment, but not if it leaves a mark such as a bruise, a cut or
swelling.</p>

<h2>Myth: The law says children can be left at home alone from the age of 12</h2>
<p>Fact: There is no legal age. It is against the law to leave a child alone if it puts them at risk. Babies and
young children should never be left alone, most children under 12 are not ready to be left for long, and no
child under 16 should be left alone overnight. A young person must be 16 or over to be left in charge of a
younger child overnight.</p>

<h2>Myth: Only girls are sexually exploited</h2>
<p>Fact: Boys and young men are sexually exploited too, and they are less likely to tell anyone. Anyone under 18
can be a victim, whatever their gender.</p>

<h2>Myth: Only social workers can report abuse</h2>
<p>Fact: Anyone can tell us they are worried about a child: a neighbour, a relative, a young person or the child
themselves. Keeping children safe is everyone's job.</p>

<h2>Myth: The national Panel reviews every serious case</h2>
<p>Fact: When a child dies or is seriously harmed and abuse or neglect is known or suspected, the council tells
the national Child Safeguarding Practice Review Panel. Most reviews are then carried out locally by the
partnership. The Panel carries out a small number of national reviews itself.</p>

<h2>How to tell us</h2>
<ul>
<li>The Children's Front Door: 01632 967 200, Monday to Friday, 8.30am to 5pm.</li>
<li>Evenings, weekends and bank holidays: the emergency duty team on 01632 967 299.</li>
<li>If a child is in danger now, call 999.</li>
</ul>
"""


# ---------------------------------------------------------------- a Safeguarding Week quiz with answers (Markdown)

QUIZ = """# Safeguarding Week 2026: the team quiz, with answers

Fennmouth Safeguarding Children Partnership. Safeguarding Week runs from 15 to 19 June 2026, and this year's
theme is "Speak up, follow up". Set by Vashti Pemberton-Ayo, learning and development lead.
(Written for a test set; the partnership, its figures and everyone named here are fictional.)

Play in teams of up to six. Send your answers to the learning team by 5pm on Friday 19 June 2026; the winning
team gets a tin of biscuits and a certificate. Answers are at the end of each round, so cover them up!

## Round 1: the national picture

**1. When was the Child Safeguarding Practice Review Panel's Annual Report 2020 published?**
Answer: on 14 May 2021.

**2. Who are the three safeguarding partners in every area?**
Answer: the local authority, the integrated care board and the chief officer of police. Schools are
relevant agencies, not safeguarding partners.

**3. When a child dies or is seriously harmed and abuse or neglect is known or suspected, how soon must the
council tell the national Panel?**
Answer: within 5 working days of learning about the incident.

**4. How long does the partnership have to complete a rapid review?**
Answer: 15 working days from the notification. The rapid review decides whether a local review is needed.

**5. How long should a local child safeguarding practice review take?**
Answer: it should usually be completed and published within six months of the decision to hold it.

## Round 2: our partnership

**6. How many contacts did the Children's Front Door receive in 2025 to 2026?**
Answer: 11,240.

**7. How many children in Fennmouth had a child protection plan on 31 March 2026?**
Answer: 287, up from 251 a year earlier. The most common category was neglect.

**8. How many stages does our escalation protocol have?**
Answer: four. Stage 1 is practitioner to practitioner.

**9. Which local review led to the new escalation protocol?**
Answer: the review of Child Calico.

**10. Who chairs the Learning and Review subgroup?**
Answer: Lowenna Brennock, head of safeguarding at Fennmouth Community Health.

## Round 3: practice

**11. What does DSL stand for?**
Answer: designated safeguarding lead.

**12. Within how many days of birth should the health visitor's new birth visit happen?**
Answer: between 10 and 14 days after the baby is born.

**13. What does "Was Not Brought" mean?**
Answer: a child who misses a health appointment is recorded as "Was Not Brought", not "Did Not Attend",
because a child depends on an adult to take them. Every missed appointment is a reason to ask why.

**14. What is professional curiosity?**
Answer: looking beyond what you are told, asking questions and checking what you hear, rather than taking
things at face value.

**15. True or false: if a child tells you something worrying, you should promise to keep it secret.**
Answer: false. Never promise to keep a secret. Tell the child you will need to share it with someone who can
help.

## Tie-breaker

**16. How many escalations was the partnership business unit told of in 2025 to 2026?**
Answer: 143.
"""


# ---------------------------------------------------------------- a partnership's response to a newspaper article, with a correction (plain text)

RESPONSE = """FENNMOUTH SAFEGUARDING CHILDREN PARTNERSHIP
Statement: our response to the Fennmouth Courier's article about the Child Calico review
Published 6 May 2026. Corrected 8 May 2026 (see the correction at the end).

This statement was written for a test set. The partnership, the Fennmouth Courier, Child Calico, his family
and everyone named here are fictional.

On 4 May 2026 the Fennmouth Courier published an article by Miles Tregear headed "Seven agencies failed
little Calico". We welcome the Courier's interest in the review, and much of the article was accurate. But
some of it was not, and the people of Fennmouth deserve the facts. We set them out below.

WHAT HAPPENED TO CHILD CALICO

Child Calico is the name the review uses for a little boy. He was two years and three months old when a
neighbour found him alone in the family's flat in Starrow in November 2024. He was dehydrated, and he had a
broken wrist that had not been treated. He recovered in hospital and now lives with his grandmother. His
mother was convicted of child neglect in January 2026 and was given a suspended prison sentence.

WHAT THE ARTICLE GOT WRONG

The article said that Calico was three years old. He was two years and three months old.

The article said that seven agencies failed him. The review looked at the work of five agencies:
children's social care, health visiting, the family's GP practice, the police and Kirkhallow Homes, the
housing association that was the family's landlord.

The article said that the Children's Front Door received eleven referrals about Calico. It received four
contacts in the nine months before he was found: two from neighbours, one from the police after a domestic
incident, and one from the health visitor.

The article said that a social worker was sacked. No member of staff was dismissed. A local review does not
decide who is to blame; it looks at how the agencies worked together, so that they can learn.

The article said that the national Panel had criticised Fennmouth. The national Child Safeguarding
Practice Review Panel did not carry out this review. The partnership held a rapid review and then a local
review; the Panel agreed with the decision to hold a local review.

The article said that the review was "kept secret for a year". The review was finished in February 2026.
It could not be published until the criminal proceedings ended in January 2026 and the family had seen it.
It was published on 28 April 2026.

WHAT THE ARTICLE GOT RIGHT

It is true that neighbours raised concerns more than once, and that they were right to do so. It is true
that Kirkhallow Homes knew the family had rent arrears and had served a notice seeking possession, and that
it did not share this with children's social care. It is true that the review says Calico's daily life
was not seen by any professional for the four months before he was found.

WHAT THE REVIEW FOUND

The independent reviewer, Dr Ruairi Hesketh, made four findings. Each of the four contacts was dealt with
on its own, so nobody saw the pattern. Professionals did not know who else was living in the flat. Three
professionals had doubts about closing the case but none of them challenged the decision. And the housing
association's information about the eviction was never shared.

The review made six recommendations. The partnership's action plan tracker, published on our website,
shows how each one is being met.

OTHER REVIEWS

The partnership is also completing local reviews of Child Tweed and Baby Muslin. They are not yet
published, and we cannot comment on them.

IF YOU ARE WORRIED ABOUT A CHILD

Call the Children's Front Door on 01632 967 200. If a child is in danger now, call 999.

Media enquiries: the partnership communications team, 01632 967 215.

CORRECTION, 8 MAY 2026

An earlier version of this statement said that the review was published on 26 April 2026. It was
published on 28 April 2026. We are sorry for the mistake.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    return [
        (
            "fennmouth-escalation-protocol.pdf",
            escalation_pdf(),
            dict(
                id="fennmouth-escalation-protocol",
                title="Resolving professional disagreements: the escalation protocol (Fennmouth Safeguarding Children Partnership, test document)",
                author="Fennmouth Safeguarding Children Partnership",
                date="2026-04-14",
                kind="guidance",
            ),
        ),
        (
            "child-calico-action-plan-tracker.docx",
            build_docx(TRACKER),
            dict(
                id="child-calico-action-plan-tracker",
                title="Child Calico local review: action plan tracker (Fennmouth Safeguarding Children Partnership)",
                author="Fennmouth Safeguarding Children Partnership",
                date="2026-06-30",
                kind="review",
            ),
        ),
        (
            "fennmouth-myths-and-facts.html",
            build_html("Myths and facts: telling someone you are worried about a child", MYTHS_BODY),
            dict(
                id="fennmouth-myths-and-facts",
                title="Myths and facts: telling someone you are worried about a child (Fennmouth Safeguarding Children Partnership)",
                author="Fennmouth Safeguarding Children Partnership",
                date="2026-05-11",
                kind="guidance",
            ),
        ),
        (
            "fennmouth-safeguarding-week-quiz.md",
            QUIZ.encode(),
            dict(
                id="fennmouth-safeguarding-week-quiz",
                title="Safeguarding Week 2026: the team quiz, with answers (Fennmouth Safeguarding Children Partnership)",
                author="Fennmouth Safeguarding Children Partnership",
                date="2026-06-08",
                kind="guidance",
            ),
        ),
        (
            "child-calico-response-to-courier.txt",
            RESPONSE.encode(),
            dict(
                id="child-calico-response-to-courier",
                title="Child Calico: the partnership's response to the Fennmouth Courier's article, with a correction",
                author="Fennmouth Safeguarding Children Partnership",
                date="2026-05-08",
                kind="review",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen10-set")))
