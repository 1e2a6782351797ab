"""Build the thirteenth unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen13/build_set.py /tmp/unseen13      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen13 --index /tmp/unseen13-index
    assistant eval --set unseen13 --index /tmp/unseen13-index

Five documents written after QUOTERS.md and before the questions (README.md here says how).
Calderholme, Skelbrook, Otterby, Harrowden, Quarrendon, Calderholme Borough Council, the Calderholme Safeguarding
Children Partnership, First Contact, Calderholme Family Help, Voicebox Calderholme, the Skelbrook Youth Hub,
Brackwater Police, the NHS Brackwater Integrated Care Board, Child Dunnock, Child Plover and every person and local
figure are invented; the only real facts are public ones about the Panel and its annual report 2020, and national
laws, guidance and terms stated in general words.
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


# ---------------------------------------------------------------- the council's practice standards (PDF)

STANDARDS = [
    [
        ("line", "Calderholme Borough Council children's services", 15, True),
        ("line", "Practice standards for work with children and families", 12, False),
        ("line", "Version 1, published March 2026", 12, False),
        ("line", "Written for a test set; Calderholme and everyone named here are fictional.", 8, False),
        ("space", 6),
        ("h2", "1. Why we have practice standards"),
        para("""1.1 These standards set out what every child and family in Calderholme can expect from the
        social workers, family support workers and managers who work with them. They apply to children's
        social care and to Calderholme Family Help, the council's early help service."""),
        para("""1.2 They were written in 2025 with practitioners, with parents who have had a social worker
        and with the Children in Care Council. They answer the local review of Child Dunnock (section 4),
        which found that a girl known to many professionals was rarely seen alone or heard."""),
        para("""1.3 A standard is a floor, not a ceiling. Meeting it is the least a child should expect, and
        good practice often goes further. Where a standard cannot be met, the practitioner records why and
        tells their manager."""),
        para("""1.4 Councillor Bramwell Rusk, lead member for children, said at the launch: "Every child in
        Calderholme deserves to be seen, to be heard and to be written about as a person, not a case." """),
        ("h2", "2. The standards at a glance"),
        para("""2.1 There are eight standards: seeing the child; hearing the child; writing to the child;
        keeping a chronology; fathers and other men in the child's life; professional curiosity; reflective
        supervision; and management oversight."""),
        para("""2.2 The table shows the least that is expected. A child on a child protection plan is visited
        at least every 10 working days, and a child in need at least every 4 weeks. A child's own plan may
        set more frequent visits."""),
        (
            "table",
            [
                ["The child's plan", "Visit at least every", "Plan reviewed"],
                ["Family Help plan", "6 weeks", "every 3 months"],
                ["Child in need plan", "4 weeks", "every 3 months"],
                ["Child protection plan", "10 working days", "at each conference"],
                ["Child in care", "6 weeks", "at each review"],
                ["Care leaver, 18 to 21", "8 weeks", "every 6 months"],
            ],
        ),
        para("""2.3 A child on a child protection plan must also be seen within 5 working days of the initial
        child protection conference, and a child in care who moves to a new home within 1 week of the
        move."""),
        para("""2.4 In the audit of 120 children's records in January 2026, 71% of children had been seen alone
        at their last visit, up from 58% in January 2025. 64% of records were written to the child, and 49%
        of assessments named every man in the household."""),
    ],
    [
        ("h2", "3. What each standard means"),
        para("""3.1 Seeing the child. Seeing a child means being in the same room as them, talking with them
        and, if they are willing, seeing where they sleep. A child glimpsed at a window, asleep, or in the
        back of a car has not been seen. Children old enough to talk are seen alone at every statutory visit
        unless there is a recorded reason not to."""),
        para("""3.2 Hearing the child. We record what children tell us in the words they used. "He seemed
        happy" is not the voice of the child; "I like it when Nan picks me up from school" is. Children who
        do not speak are heard through what we observe and through the people who know them best."""),
        para("""3.3 Writing to the child. Write as if the child will read the record when they are grown up,
        because many of them will. Use the child's name and plain words, and say what we did and why. The
        case summary is updated at least every 3 months."""),
        para("""3.4 Chronology. Every child open to children's social care has a chronology of significant
        events, started within 10 working days of the case being allocated and kept up to date. A
        chronology lists what happened, not every contact."""),
        para("""3.5 Fathers and other men. Every assessment names the child's father and every other man who
        lives in or often visits the home, says whether he was seen, and says what checks were made. A
        father who does not live with the child is still asked for his view, unless that would put the
        child or another person at risk."""),
        para("""3.6 Professional curiosity. Professional curiosity means not taking what we are told at face
        value: asking who else is in the child's life, checking what we are told with other agencies, and
        thinking about what we have not been told. It is not suspicion of families; it is care about the
        child."""),
        para("""3.7 Reflective supervision. Supervision is where practitioners think, not only where managers
        check. Every practitioner has reflective supervision at least every 4 weeks. Newly qualified social
        workers in their Assessed and Supported Year in Employment (ASYE) have it every 2 weeks for their
        first 6 months."""),
        para("""3.8 Management oversight. A manager records each key decision, the reasons for it and what
        should happen next, in words the family could understand. Key decisions include opening or closing
        a case, holding a strategy discussion and changing a child's plan."""),
        para("""3.9 Health practitioners. The NHS Brackwater Integrated Care Board has adopted standards 1, 2
        and 5 for health visitors, school nurses and midwives who work with families known to children's
        social care. Health practitioners have safeguarding supervision at least every 3 months."""),
        para("""3.10 Working with other agencies. When another agency disagrees with a decision, we listen,
        explain our reasons in writing within 2 working days, and tell them how to escalate under the
        partnership's escalation procedure."""),
    ],
    [
        ("h2", "4. Why: the local review of Child Dunnock"),
        para("""4.1 Child Dunnock is the name the review uses for a girl who lived in Otterby with her mother,
        her mother's partner and her baby brother. She was 6 when children's social care first became
        involved, in April 2023, and she was supported as a child in need."""),
        para("""4.2 Over the next 16 months she was visited 14 times but seen alone only twice. Her mother's
        partner was recorded as "mum's friend", was never seen and was never checked with the police. Her
        school recorded 31 days of absence and three bruises in a year, and the school nurse noted that she
        was often hungry, but neither shared the pattern with her social worker."""),
        para("""4.3 In August 2024 a play worker at a summer holiday club saw a burn on Dunnock's arm. Dunnock
        told her: "he does it when I'm too slow." Brackwater Police took her and her brother into police
        protection that day. Her mother's partner was convicted of child cruelty in June 2025."""),
        para("""4.4 The review was written by Dr Rosamund Quayle, an independent reviewer, and published in
        November 2025. It found that the child's voice was missing, because visits focused on her mother's
        needs; that the man in the house was invisible; that each agency held a piece of the picture,
        including a record at the GP practice of the partner's violence to a former partner in Quarrendon;
        and that supervision was about caseloads rather than thinking. Dr Quayle wrote that Dunnock "was
        visible to many professionals and seen by few of them"."""),
        para("""4.5 The review made five recommendations: that the council write practice standards with
        children and families; that every assessment name the men in a child's life; that schools share
        patterns of absence and injury with the child's social worker; that every practitioner have
        reflective supervision; and that the partnership check progress after 12 months."""),
        para("""4.6 Dunnock is now 9. She lives with her grandparents in Harrowden under a special
        guardianship order, and her grandmother says she loves swimming and the family's dog."""),
        para("""4.7 A second local review, of Child Plover, began in January 2026 and will be published later
        in 2026. The authors of these standards also read the partnership's 2024 thematic review of neglect
        and the national Child Safeguarding Practice Review Panel's annual report 2020, published on 14 May
        2021."""),
        ("h2", "5. How we check the standards"),
        para("""5.1 Team managers audit two records per practitioner every quarter, and the principal social
        worker reports the results to the partnership every six months. The next full audit of 120 records
        will be in January 2027. Quarrendon, which shares Brackwater Police with Calderholme, has its own
        practice standards; this document covers Calderholme only."""),
        ("h2", "6. Contacts"),
        para("""6.1 Aurelia Threlkeld, principal social worker and lead for these standards: 0113 496 0410.
        First Contact, the front door for worries about a child: 0113 496 0400. Out of hours: 0113 496
        0499. If a child is in immediate danger, call 999."""),
    ],
]


def standards_pdf() -> bytes:
    """Three pages with a running header and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "right", "Calderholme practice standards | March 2026"),
            ("bottom", "left", "Calderholme Borough Council children's services (fictional)"),
            ("bottom", "right", f"Page {n} of 3"),
        ]
        for n in (1, 2, 3)
    }
    return build_layout_pdf(
        STANDARDS,
        heads,
        title="Practice standards for work with children and families (Calderholme Borough Council)",
        author="Calderholme Borough Council children's services",
    )


# ---------------------------------------------------------------- the complaints procedure (DOCX)

COMPLAINTS = [
    ("title", "Complaints about children's social care: our procedure"),
    (
        "p",
        "Calderholme Borough Council. Version 4, April 2026. For children and young people, parents, carers and anyone "
        "who wants to complain about the council's children's social care services. Written for a test set; the "
        "council, its services and everyone named here are fictional.",
    ),
    ("h1", "Who can complain"),
    (
        "p",
        "You can complain if you are a child or young person who gets help from children's social care, who is in "
        "care or who has left care. Parents, anyone with parental responsibility, foster carers and special guardians "
        "can complain too, and so can anyone else the council agrees has a sufficient interest in the child's welfare.",
    ),
    (
        "p",
        "You do not need to give a reason for complaining. Making a complaint will not change the help you or your "
        "child get.",
    ),
    ("h1", "What you can complain about"),
    ("bullet", "Something we did or did not do, such as a missed visit or a meeting you were not told about."),
    ("bullet", "A decision we made about the help your family gets."),
    ("bullet", "How a member of staff treated you."),
    ("bullet", "Delays, or information you asked for and did not get."),
    ("h1", "What this procedure does not cover"),
    ("bullet", "Decisions made by a court. These can only be changed by going back to court."),
    (
        "bullet",
        "Decisions of a child protection conference, such as whether a child needs a child protection plan. Tell the "
        "conference chair within 20 working days of the conference; the Calderholme Safeguarding Children "
        "Partnership deals with these.",
    ),
    ("bullet", "Allegations that a member of staff has harmed a child. These go to the LADO on 0113 496 0420."),
    ("bullet", "Complaints about other organisations, which have their own complaints procedures."),
    (
        "p",
        "If there is a police investigation or a court case about the same matter, we may have to pause your "
        "complaint. We will tell you if we do.",
    ),
    ("h1", "How to complain"),
    (
        "p",
        "Tell us in the way that suits you: online at calderholme.example/complaints, by email to "
        "complaints@calderholme.example, by telephone on 0113 496 0460, by letter, or by telling your social worker, "
        "who must pass it to the complaints team within 1 working day.",
    ),
    (
        "p",
        "Please complain within 12 months of the thing you are unhappy about. We can look at an older complaint if "
        "there is a good reason why it was not made sooner.",
    ),
    ("h1", "Help for children and young people"),
    (
        "p",
        "Children and young people can have an advocate to help them complain. Voicebox Calderholme provides advocates "
        "who are free and independent of the council; call 0113 496 0470. We tell every child who wants to complain "
        "that they can have an advocate.",
    ),
    ("h1", "The three stages"),
    (
        "table",
        [
            ["Stage", "Who looks at your complaint", "How long it takes"],
            [
                "Stage 1: local resolution",
                "The manager of the team or service",
                "10 working days, or up to 20 working days if it is complex",
            ],
            [
                "Stage 2: investigation",
                "An investigating officer from outside the service, with an independent person who checks it is fair",
                "25 working days, and no more than 65 working days",
            ],
            [
                "Stage 3: review panel",
                "A panel of three people who do not work for the council",
                "The panel meets within 30 working days of your request",
            ],
        ],
    ),
    (
        "p",
        "If you are unhappy with the stage 1 answer, ask for stage 2 within 20 working days of getting it. If you are "
        "still unhappy after stage 2, ask for a review panel within 20 working days.",
    ),
    (
        "p",
        "The review panel sends its report within 5 working days of meeting, and the director of children's services "
        "writes to you with the council's decision within 15 working days of the report.",
    ),
    ("h1", "If you are still unhappy"),
    (
        "p",
        "You can ask the Local Government and Social Care Ombudsman to look at your complaint. The Ombudsman is free "
        "and independent, and usually expects you to have been through our procedure first.",
    ),
    ("h1", "Seeing your records"),
    (
        "p",
        "Asking to see the records we hold about you or your child is not a complaint. It is called a subject access "
        "request, and the council's information governance team answers it within one month.",
    ),
    ("h1", "Our complaints in 2025-26"),
    (
        "p",
        "In 2025-26 we received 214 complaints at stage 1, up from 198 in 2024-25, and answered 78% of them within 10 "
        "working days. Of the 41 children and young people who complained, 33 had help from an advocate. The most "
        "common reasons for complaints were a change of social worker, poor communication, and not being invited to "
        "meetings.",
    ),
    (
        "table",
        [
            ["", "2024-25", "2025-26"],
            ["Stage 1 complaints", "198", "214"],
            ["From children and young people", "29", "41"],
            ["Stage 1 answered within 10 working days", "71%", "78%"],
            ["Went to stage 2", "19", "23"],
            ["Went to stage 3", "3", "4"],
            ["Complaints to the Ombudsman", "5", "6"],
        ],
    ),
    ("p", "Two of the six complaints to the Ombudsman in 2025-26 were upheld."),
    ("h1", "What we changed because of complaints"),
    (
        "bullet",
        "Parents now get the social worker's report at least 3 working days before a child protection conference.",
    ),
    ("bullet", "Children are told the name of their new social worker, and why they are changing, before it happens."),
    ("bullet", "Every letter about a complaint gives the name and number of the person dealing with it."),
    ("h1", "Contact"),
    (
        "p",
        "Jonah Pendragon, complaints and representations manager, 0113 496 0460, complaints@calderholme.example.",
    ),
]


# ---------------------------------------------------------------- the advocacy service's page for young people (HTML)

RIGHTS_BODY = """
<h1>Your rights when social workers are involved</h1>
<p>From Voicebox Calderholme, the advocacy service for children and young people. Written with the Children in Care Council in 2025. (Written for a test set; Calderholme, Voicebox and everyone named here are fictional.)</p>

<h2>You have the right to</h2>
<ul>
<li>know why a social worker is involved with your family, and what they are worried about;</li>
<li>be seen and listened to, and to talk to your social worker on your own if you want to;</li>
<li>have what you say written down in your own words;</li>
<li>know your social worker's name and how to contact them, and be told before your social worker changes;</li>
<li>see your plan and have it explained to you in a way you understand;</li>
<li>go to meetings about you, or send your views if you would rather not go;</li>
<li>have an advocate to help you say what you want;</li>
<li>complain, and get an answer;</li>
<li>see the records the council keeps about you.</li>
</ul>

<h2>What an advocate does</h2>
<p>An advocate is someone who is on your side. They help you say what you want, not what they or anyone else thinks is best for you. Voicebox advocates do not work for the council, and talking to us is free.</p>
<ul>
<li>We can help you get ready for a meeting, come with you, or speak for you if you want us to.</li>
<li>We can help you make a complaint and stay with you until it is finished.</li>
<li>What you tell us stays private. If you tell us something that means you or another child is not safe, we will have to tell someone, but we will talk to you first about who, if we can.</li>
</ul>

<h2>If you are in care</h2>
<ul>
<li>You have an independent reviewing officer (IRO), who chairs your reviews and checks that your plan is working. You can phone your IRO yourself.</li>
<li>Your first review is within 20 working days of coming into care, the second within 3 months of that, and then at least every 6 months.</li>
<li>You can ask for an independent visitor, a volunteer who visits you and is on your side, if you do not see much of your family.</li>
<li>When you turn 18 you can stay with your foster carers until you are 21 if you and they want to. This is called staying put.</li>
<li>Care leavers have a personal adviser up to the age of 25.</li>
</ul>

<h2>How to complain</h2>
<ol>
<li>Tell your social worker, your IRO or an advocate that you want to complain. They must pass it on within 1 working day.</li>
<li>Or contact the complaints team yourself on 0113 496 0460 or at complaints@calderholme.example.</li>
<li>You should get an answer within 10 working days. If it is complicated, it can take up to 20 working days.</li>
<li>If you are not happy with the answer, you can take it further. Your advocate can help.</li>
</ol>

<h2>Seeing your records</h2>
<ul>
<li>You can ask to see what the council has written about you, in writing or just by telling your social worker. It is free.</li>
<li>The council has one month to give you your records.</li>
<li>Some parts may be blacked out if they are about other people, and the council should tell you why.</li>
</ul>

<h2>What young people told us</h2>
<ul>
<li>"Don't write about me like I'm a problem to be solved." (a member of the Children in Care Council, aged 15)</li>
<li>"Tell me when my social worker is leaving. Don't just send someone new." (a young person, aged 13)</li>
</ul>

<h2>Contact Voicebox</h2>
<ul>
<li>Phone 0113 496 0470, Monday to Friday, 9am to 6pm.</li>
<li>Email hello@voicebox-calderholme.example.</li>
<li>Drop in at the Skelbrook Youth Hub on Wednesdays from 4pm to 7pm.</li>
</ul>

<h2>If you are not safe right now</h2>
<ul>
<li>Call 999 if you are in danger.</li>
<li>Call Childline free on 0800 1111, at any time.</li>
<li>Out of hours, the council's children's social care team is on 0113 496 0499.</li>
</ul>
"""


# ---------------------------------------------------------------- a trainer's session plan (Markdown)

SESSION_PLAN = """# Visible to many, seen by few: a workshop on learning from Child Dunnock

Calderholme Safeguarding Children Partnership training pool. Session plan, version 2, April 2026. Written by Tobiah Blackwood, partnership trainer. (Written for a test set; Calderholme, the partnership and everyone named here are fictional.)

## Who it is for

Practitioners from every agency who work with children and families: social workers, family support workers, teachers and school staff, health visitors, school nurses, GPs, police officers and the voluntary sector. Up to 24 people come to each session. It is free for anyone who works or volunteers with children in Calderholme.

## By the end, participants will be able to

- describe what happened to Child Dunnock and why the review called her "visible to many professionals and seen by few of them";
- explain the difference between seeing a child and seeing a child alone;
- ask who lives in and who visits a child's home, and record the answer;
- recognise when small worries held by different agencies add up to a pattern;
- say how to share a worry with the child's social worker, and what to do if nothing happens.

## Timings (90 minutes)

| Time | Activity | Materials |
|---|---|---|
| 0:00 | Welcome, ground rules and a warning that the case is upsetting | Slides 1 to 3 |
| 0:10 | Dunnock's story, told as a timeline | Handout A, the timeline |
| 0:30 | In small groups: who saw her, who heard her, who knew what | Case cards 1 to 6 |
| 0:50 | Break | |
| 1:00 | The practice standards: seeing, hearing and writing to the child | Slides 8 to 12 |
| 1:20 | What will you do differently on Monday? | Pledge cards |
| 1:30 | Close and evaluation | Online form |

## Key messages for the slides

1. Seen is not the same as seen alone.
2. Ask who lives in the house, and who visits.
3. A pattern of small things can be a big thing.
4. If you are worried, say so in writing and ask what will happen next.
5. Supervision is a place to think, not only a place to report.

## Notes for trainers

- Start with the ground rules: no names of families, schools or streets, even if participants think they know who Dunnock is.
- If someone says the session has brought up something personal, offer a break and speak to them privately afterwards. Do not ask them to share it with the group.
- Case card 4 is the school nurse and case card 5 is the GP practice. For a health audience, spend longer on these and link them to the health standards (standards 1, 2 and 5 of the practice standards).
- For a schools audience, spend longer on the school's record of 31 days of absence and three bruises, and show the model letters from the education safeguarding team.
- Do not show photographs of injuries, real or from the internet.

## Quoting and citing this session

- Quote the published review and the practice standards, not this plan. The review of Child Dunnock was published by the partnership in November 2025.
- If you need to cite this plan, cite it as: Calderholme Safeguarding Children Partnership (2026) Visible to many, seen by few: session plan, version 2.
- Students may use the key messages in assignments, with the citation above.

## Reading for trainers

- Calderholme practice standards for work with children and families (March 2026).
- The local review of Child Dunnock, by Dr Rosamund Quayle (November 2025).
- The Child Safeguarding Practice Review Panel's annual report 2020, published on 14 May 2021.
- Working Together to Safeguard Children, the current edition.

## How it has gone

In 2025-26 the session ran 11 times for 264 people. Of those who filled in the evaluation, 92% said they would change something in their practice, and the most common pledge was to see children alone more often.

The next sessions are on 14 October 2026 in Skelbrook and on 3 February 2027 online. Book through the partnership's website.
"""


# ---------------------------------------------------------------- model letters for schools (plain text)

LETTERS = """CALDERHOLME EDUCATION SAFEGUARDING TEAM
MODEL LETTERS AND POLICY WORDING FOR SCHOOLS AND EARLY YEARS SETTINGS

September 2026 edition. From Cressida Castleton, education safeguarding lead, Calderholme Borough Council.
Written for a test set; Calderholme and everyone named here are fictional.

HOW TO USE THIS PACK

You may copy and adapt any of the wording in this pack. Put it on your own headed paper, change the words in square brackets, and sign it yourself.
Do not send a letter to parents about a safeguarding incident without first talking to the education safeguarding team on 0113 496 0430.

PART 1: WORDING FOR YOUR CHILD PROTECTION POLICY

1.1 Our duty to share
"All staff at [school] have a duty to share any concern that a child may be at risk of harm. We will usually talk to you first, but we will not do so if that could put a child at greater risk or get in the way of an enquiry by the police or children's social care."

1.2 Our designated safeguarding lead
"Our designated safeguarding lead is [name]. If you have a worry about a child, you can speak to them, or to our deputy, [name], on [number]."

1.3 Early help
"If your family needs some extra help, we can ask Calderholme Family Help to work with you. We will always ask for your agreement first."

1.4 Police notifications after domestic abuse
"When the police attend a domestic abuse incident at a pupil's home, Brackwater Police tell our designated safeguarding lead before the start of the next school day. This is so that we can support your child in school. We will not mention it to your child unless they raise it."

1.5 Attendance
"If your child is absent and we have not heard from you, we will contact you on the first day. If we cannot reach you or your emergency contacts by the third day, we may ask the education welfare service, a social worker or the police to visit your home."

PART 2: MODEL LETTERS

LETTER A: TO ALL FAMILIES AT THE START OF THE YEAR
Dear parents and carers,
Keeping every child safe is the most important thing we do. In school, safeguarding means protecting children from harm and making sure they grow up in safe and caring homes. You can speak to any member of staff if you are worried about a child, including a child who is not your own. Our child protection policy is on our website, and paper copies are at the office.

LETTER B: AFTER A CONCERN NEAR THE SCHOOL
Dear parents and carers,
We have been told that [say what happened, without naming anyone]. The police know about this and are dealing with it. Please remind your child:
- to walk home with a friend or an adult they know;
- never to get into a car or go anywhere with someone they do not know, even if that person says you sent them;
- to tell a trusted adult straight away if anything worries them.
Please do not share rumours or names on social media, as this can harm an investigation.

LETTER C: ONLINE SAFETY
Dear parents and carers,
We have heard about a dangerous online challenge being shared among children. We will not name the challenge in this letter, because naming it can lead children to look it up. Please check the apps your child uses, keep devices out of bedrooms at night if you can, and ask your child to tell you or a teacher if they see something that upsets them.

LETTER D: IF YOU DECIDE TO EDUCATE YOUR CHILD AT HOME
Dear [parent's name],
If you decide to educate your child at home, please tell us in writing. We have to tell the local authority, who will contact you within 10 school days. We would like to meet you first, so that we can talk about any help your child needs.

PART 3: WHAT NOT TO PUT IN A LETTER

- The name of a child, a family or a member of staff, even as initials.
- Guesses about what happened or who was involved.
- "There is nothing to worry about." You may not know that yet.
- Details of an allegation against a member of staff. Talk to the LADO first, on 0113 496 0420.

PART 4: SINCE THE REVIEW OF CHILD DUNNOCK

The local review of Child Dunnock found that her school recorded 31 days of absence and three bruises in a year but did not share the pattern.
From September 2026, please tell the child's social worker on the same day when a pupil who has a social worker has 3 days of unexplained absence in a half term, or an injury nobody can explain.

PART 5: NUMBERS AND CONTACTS

In 2025-26 the education safeguarding team took 1,346 calls from schools and settings, up from 1,102 the year before.
Education safeguarding team: 0113 496 0430, 8.30am to 5pm on school days.
First Contact (worries about a child): 0113 496 0400.
LADO: 0113 496 0420.
Out of hours: 0113 496 0499. In an emergency, call 999.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    return [
        (
            "calderholme-practice-standards-2026.pdf",
            standards_pdf(),
            dict(
                id="calderholme-practice-standards-2026",
                title="Practice standards for work with children and families (Calderholme Borough Council children's services, test document)",
                author="Calderholme Borough Council children's services",
                date="2026-03-16",
                kind="guidance",
            ),
        ),
        (
            "calderholme-complaints-procedure.docx",
            build_docx(COMPLAINTS),
            dict(
                id="calderholme-complaints-procedure",
                title="Complaints about children's social care: our procedure (Calderholme Borough Council)",
                author="Calderholme Borough Council",
                date="2026-04-07",
                kind="guidance",
            ),
        ),
        (
            "voicebox-your-rights.html",
            build_html("Your rights when social workers are involved", RIGHTS_BODY),
            dict(
                id="voicebox-your-rights",
                title="Your rights when social workers are involved: a page for children and young people (Voicebox Calderholme)",
                author="Voicebox Calderholme",
                date="2025-11-20",
                kind="guidance",
            ),
        ),
        (
            "cscp-dunnock-workshop-session-plan.md",
            SESSION_PLAN.encode(),
            dict(
                id="cscp-dunnock-workshop-session-plan",
                title="Visible to many, seen by few: a workshop on learning from Child Dunnock (session plan)",
                author="Calderholme Safeguarding Children Partnership",
                date="2026-04-20",
                kind="guidance",
            ),
        ),
        (
            "calderholme-model-letters-for-schools.txt",
            LETTERS.encode(),
            dict(
                id="calderholme-model-letters-for-schools",
                title="Model letters and policy wording for schools and early years settings, September 2026 (Calderholme education safeguarding team)",
                author="Calderholme Borough Council, education safeguarding team",
                date="2026-09-01",
                kind="guidance",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen13-set")))
