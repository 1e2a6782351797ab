"""Build the twelfth unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen12/build_set.py /tmp/unseen12      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen12 --index /tmp/unseen12-index
    assistant eval --set unseen12 --index /tmp/unseen12-index

Five documents written after SEARCHERS.md and before the questions (README.md here says how).
Tarnbury, Mirebeck, Dunsholt, Lowfold, Elderby, the Lanyard estate, Tarnbury Borough Council, the Tarnbury
Safeguarding Children Partnership, CAST, OHCS, Family Compass, the Kite Project, Harbourlight, Wessmoor Police,
Mirebeck General Hospital, CaseWeave, Child Larch, Child Fennel, Child Alder and every person and local figure
are invented; the only real facts are public ones about the Panel and its annual report 2020, and national laws,
guidance and terms stated in general words.
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


# ---------------------------------------------------------------- the LADO service's annual report (PDF)

LADO_REPORT = [
    [
        ("line", "Tarnbury Safeguarding Children Partnership", 15, True),
        ("line", "Allegations against people who work with children", 12, False),
        ("line", "The LADO service's annual report, 1 April 2025 to 31 March 2026", 12, False),
        (
            "line",
            "Published July 2026. Written for a test set; Tarnbury and everyone named here are fictional.",
            8,
            False,
        ),
        ("space", 6),
        ("h2", "1. What the LADO does"),
        para("""1.1 The local authority designated officer (LADO) makes sure that concerns about adults who
        work or volunteer with children are dealt with properly. The LADO acts when someone who works with
        children may have harmed a child, may have committed an offence against a child, has behaved in a
        way that suggests they may be a risk to children, or has behaved in a way that suggests they may
        not be suitable to work with children. The last of these includes what happens in their own life
        outside work, such as at home."""),
        para("""1.2 The LADO acts on allegations about anyone who works with children, whether they are
        employed, self-employed, agency staff or volunteers. Concerns about parents and family members who
        do not work with children go to CAST, not to the LADO. Allegations about people who work with adults
        at risk go to adult social care."""),
        para("""1.3 Tarnbury has two LADOs, Hesper Tallowin (principal LADO) and Caradoc Ellery, in the
        council's Quality and Safeguarding service. The LADO line is open Monday to Friday, 9am to 5pm.
        There is no LADO service out of hours."""),
        para("""1.4 Employers should call the LADO line on 01632 573 240 within one working day of hearing of
        an allegation, and should not investigate or tell the person concerned before they have spoken to
        the LADO. Please ring before you email lado@tarnbury.example. In a school the head teacher or the
        designated safeguarding lead usually makes the call; if the allegation is about the head teacher,
        the chair of governors calls the LADO. Early years providers must also tell Ofsted, as soon as
        possible and within 14 days. Health staff should tell their own organisation's safeguarding lead
        as well as the LADO."""),
        para("""1.5 The LADO decides within one working day whether the allegation meets the threshold. If it
        does, a Position of Trust meeting is held within 5 working days, chaired by a LADO, with the
        employer, the police and children's social care as needed. This meeting was called an allegations
        management meeting until September 2025. If the threshold is not met, the LADO gives advice and the
        employer may deal with the matter under its own procedures."""),
        ("h2", "2. The year in numbers"),
        para("""2.1 In 2025-26 the LADO service received 486 contacts, up from 421 in 2024-25. Of these, 173
        (36%) met the threshold for a Position of Trust meeting, compared with 139 (33%) the year before.
        The other 313 contacts were given advice or passed to the right service."""),
        para("""2.2 The LADO made a decision on 94% of contacts within one working day, against a target of
        90%."""),
    ],
    [
        para("""2.3 The table shows the contacts that met the threshold, by the sector the person worked or
        volunteered in."""),
        (
            "table",
            [
                ["Sector", "2024-25", "2025-26"],
                ["Education (schools and colleges)", "52", "61"],
                ["Early years and childminders", "14", "19"],
                ["Social care and fostering", "27", "33"],
                ["Health", "11", "12"],
                ["Sport and leisure", "8", "15"],
                ["Faith groups", "6", "7"],
                ["Police and probation", "4", "5"],
                ["Taxis and school transport", "5", "6"],
                ["Other, including tutors", "12", "15"],
                ["All sectors", "139", "173"],
            ],
        ),
        para("""2.4 Sport and leisure saw the biggest rise, from 8 to 15, after the partnership's spring 2025
        campaign with local clubs. Allegations about taxi and private hire drivers are shared with the
        council's licensing team."""),
        para("""2.5 Of the 158 cases concluded in the year, 54 were substantiated, 41 unsubstantiated, 39
        unfounded, 17 false and 7 malicious. Across all sectors, 22 people were dismissed or stopped being
        used, and 9 were referred to the Disclosure and Barring Service."""),
        para("""2.6 Our targets are to resolve 80% of cases within one month and 90% within three months. In
        2025-26, 71% were resolved within one month, up from 64% in 2024-25, and 88% within three months.
        Cases with a police investigation take longest; the longest took 14 months."""),
        para("""2.7 Wessmoor Police also covers Elderby, which has its own LADO. This report covers Tarnbury
        only."""),
        ("h2", "3. Learning from a local review: Child Larch"),
        para("""3.1 Child Larch is the name the review uses for a boy of 11 who had private tuition at home
        from September 2023, with a tutor his mother found through an online tuition agency. Over 14 months
        the tutor groomed and sexually abused him."""),
        para("""3.2 In March 2024 another parent told the agency that the tutor had sent her daughter messages
        on social media. The agency took him off its books but told no one else. In June 2024 Larch's
        school noticed that he had become withdrawn and recorded it, but did not share it. In November 2024
        Larch told his older sister, who told their mother, who called the police."""),
        para("""3.3 The tutor was charged in December 2024 and convicted in October 2025."""),
    ],
    [
        para("""3.4 The review was written by Dr Solveig Penhallow, an independent reviewer, and published in
        February 2026. It found that the agency had never heard of the LADO and believed that because the
        tutor was self-employed nobody could act; that nobody had looked at his criminal record
        certificate, which was six years old and from another job; and that the school's record was never
        linked to what the agency knew."""),
        para("""3.5 The review made four recommendations: that the partnership write to every tuition agency
        that works in Tarnbury; that it publish a guide for parents choosing a tutor; that schools share a
        marked change in a child's behaviour with the designated safeguarding lead on the same day; and that
        the LADO's number be in every A to Z and guide the partnership publishes."""),
        para("""3.6 Since April 2026, 43 tuition agencies have signed the partnership's safer tutoring pledge,
        and the parents' guide, Choosing a tutor safely, was published in May 2026."""),
        para("""3.7 Larch is now 13. He has settled well at secondary school, and his family asked that the
        review be published so that other parents could learn from it."""),
        para("""3.8 A second local review, of Child Fennel, is under way and will be published in autumn
        2026."""),
        ("h2", "4. Training"),
        para("""4.1 The LADOs ran 14 briefings for 390 people in 2025-26, 6 of them for sports clubs and 2 for
        faith groups. The free e-learning course Allegations: what to do was completed by 1,120 people. The
        briefings drew on the national Child Safeguarding Practice Review Panel's annual report 2020,
        published on 14 May 2021."""),
        ("h2", "5. Priorities for 2026-27"),
        para("""5.1 From September 2026 referrals to the LADO will be made on an online form; until then,
        please ring first. We will work with the licensing team so that drivers on school contracts know how
        to raise a concern, and we aim to resolve 80% of cases within one month."""),
        ("h2", "6. Contacts"),
        para("""6.1 LADO line: 01632 573 240, weekdays 9am to 5pm. CAST, the front door for worries about a
        child: 01632 573 200. Out of Hours Children's Service (OHCS): 01632 573 999. If a child is in
        immediate danger, call 999."""),
    ],
]


def lado_pdf() -> bytes:
    """Three pages with a running header and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "right", "Tarnbury LADO service | Annual report 2025-26"),
            ("bottom", "left", "Tarnbury Safeguarding Children Partnership (fictional)"),
            ("bottom", "right", f"Page {n} of 3"),
        ]
        for n in (1, 2, 3)
    }
    return build_layout_pdf(
        LADO_REPORT,
        heads,
        title="Allegations against people who work with children: the LADO service's annual report 2025-26",
        author="Tarnbury Safeguarding Children Partnership",
    )


# ---------------------------------------------------------------- an induction checklist (DOCX)

INDUCTION = [
    ("title", "Induction checklist: social workers joining CAST"),
    (
        "p",
        "Tarnbury Borough Council children's services. For social workers joining the Children's Advice and "
        "Screening Team (CAST), and their team managers. Version 3, January 2026. Written for a test set; the "
        "council, CAST and everyone named here are fictional.",
    ),
    (
        "p",
        "Keep this checklist in your supervision file. Your team manager signs each line when it is done, and "
        "the whole checklist at the end of your six-month probation.",
    ),
    ("h1", "Before your first day"),
    ("bullet", "Your team manager asks for your ID badge, laptop and CaseWeave account."),
    ("bullet", "Human resources check your Social Work England registration and your enhanced DBS certificate."),
    ("bullet", "Read the CAST practice guide and the learning brief from the local review of Child Alder."),
    ("h1", "The checklist"),
    (
        "table",
        [
            ["When", "What", "Who signs it off"],
            ["Day 1", "Welcome from Delphine Obuya, CAST service manager, and meet your buddy", "Team manager"],
            ["Day 1", "Laptop, CaseWeave log-in and the SafeCheck lone working app", "Business support"],
            ["Week 1", "CaseWeave training, half a day online", "Workforce development"],
            ["Week 1", "Shadow the duty desk for at least three full shifts", "Team manager"],
            ["Weeks 1 to 2", "Shadow the Professionals' Advice Line for two sessions", "Advice line senior"],
            [
                "Month 1",
                "E-learning: safeguarding children level 3, Allegations: what to do, and domestic abuse risk",
                "Workforce development",
            ],
            ["Month 1", "Observe a strategy discussion and a Position of Trust meeting", "Practice supervisor"],
            ["Month 2", "Spend a day with the Kite Project and a day with Family Compass", "Team manager"],
            ["Month 3", "Take your own contacts, with every decision checked by a senior", "Senior practitioner"],
            ["Month 6", "Probation review and sign-off of this checklist", "Team manager"],
        ],
    ),
    ("h1", "Supervision and support"),
    (
        "p",
        "Your first supervision is in your first week. After that you have supervision every two weeks until "
        "the end of month 3, and then every four weeks.",
    ),
    (
        "p",
        "Every new starter has a buddy, an experienced CAST social worker, for the first three months. Newly "
        "qualified social workers are on the Assessed and Supported Year in Employment (ASYE) and screen no more "
        "than 8 contacts a day for their first six months.",
    ),
    ("h1", "Timescales you will work to"),
    ("bullet", "Every contact is screened and given a RAG rating within 4 working hours of arriving."),
    (
        "bullet",
        "Red contacts go to a team manager at once and get a decision within 2 hours; amber contacts get a "
        "decision by the end of the same working day; green contacts within 1 working day.",
    ),
    ("bullet", "Referrers are told what was decided within 3 working days."),
    ("bullet", "A strategy discussion is held within 1 working day of a decision that one is needed."),
    ("h1", "The Professionals' Advice Line"),
    (
        "p",
        "The Professionals' Advice Line (PAL), 01632 573 205, is for professionals who want to talk a worry "
        "through before deciding whether to refer. It is staffed by two senior practitioners from 9am to 5pm, "
        "Monday to Friday. You will not answer the advice line yourself in your first six months.",
    ),
    ("h1", "Hours and out of hours"),
    (
        "p",
        "CAST is open from 8.30am to 5pm Monday to Thursday and from 8.30am to 4.30pm on Friday. Outside those "
        "hours, calls go to the Out of Hours Children's Service (OHCS). CAST social workers can join the OHCS "
        "rota after their first year, if they wish to.",
    ),
    ("h1", "Who to ask"),
    (
        "table",
        [
            ["Who", "Role", "Contact"],
            ["Delphine Obuya", "CAST service manager", "01632 573 201"],
            ["Ysolde Ruthven", "Practice supervisor, CAST", "01632 573 202"],
            ["Workforce development", "Training bookings and e-learning", "01632 573 310"],
            ["CaseWeave helpdesk", "Log-in and system problems", "01632 573 311"],
        ],
    ),
    ("h1", "Sign-off"),
    (
        "p",
        "At the end of month 6 you and your team manager sign the checklist. Send a copy to workforce "
        "development, who will add it to your training record.",
    ),
]


# ---------------------------------------------------------------- an intranet A to Z of services and contacts (HTML)

A_TO_Z_BODY = """
<h1>Safeguarding children: A to Z of services and contacts</h1>
<p>Tarnbury Borough Council staff intranet. Owned by the Tarnbury Safeguarding Children Partnership (TSCP)
business unit; last checked 3 August 2026. Written for a test set; Tarnbury and every service and number here
are fictional. If a child is in immediate danger, call 999.</p>

<h2>A</h2>
<ul>
<li><strong>Advice before a referral:</strong> the Professionals' Advice Line (PAL), 01632 573 205, Monday to
Friday, 9am to 5pm. Senior practitioners from CAST will talk a worry through with you. There is no advice line
out of hours.</li>
<li><strong>Allegations against staff and volunteers:</strong> the LADO line, 01632 573 240, weekdays 9am to
5pm, or lado@tarnbury.example. Ring before you email.</li>
</ul>

<h2>C</h2>
<ul>
<li><strong>CAST (Children's Advice and Screening Team):</strong> Tarnbury's front door for every worry about a
child. Telephone 01632 573 200, Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm. Professionals refer
on the online form on the partnership website; members of the public can phone.</li>
<li><strong>Child exploitation:</strong> the Kite Project, a team of social workers, youth workers and police
officers from the council and Wessmoor Police, 01632 573 260. Refer through CAST. Young people can text the
Kite Project themselves on 07700 900 412. The Kite Project works only with Tarnbury children.</li>
<li><strong>Child protection conferences:</strong> the Conference and Review Unit (CRU), 01632 573 230. Every
conference is chaired by an independent chair from the unit.
<ul>
<li>An initial conference is held within 15 working days of the strategy discussion that started the enquiry.</li>
<li>The first review conference is held within 3 months of the initial conference, and then at least every 6
months.</li>
<li>Reports from professionals must reach the unit 2 working days before the conference.</li>
<li>Parents can bring a friend, relative or advocate with them.</li>
</ul></li>
<li><strong>Child protection medicals:</strong> the Paediatric Safeguarding Clinic at Mirebeck General Hospital,
weekdays 9am to 5pm, through the hospital switchboard on 01632 573 100. Children referred before noon are seen
the same day. The designated doctor for safeguarding children is Dr Petronella Wendell.</li>
<li><strong>Children missing education:</strong> the Pupil Tracking Service, 01632 573 270. Schools must tell
the service before they take a pupil off the roll.</li>
</ul>

<h2>D</h2>
<ul>
<li><strong>Designated nurse:</strong> Chidera Nwachukwu, designated nurse for safeguarding children, NHS
Wessmoor Integrated Care Board, 01632 573 140.</li>
<li><strong>Domestic abuse:</strong> Tarnbury Haven, 01632 573 280, for advice and support for adults and
children. High-risk cases go to the MARAC through the form on the partnership website.</li>
<li><strong>DSL network:</strong> meetings for designated safeguarding leads are held each term at the Dunsholt
Learning Centre. Contact Ravinder Stoddart, safeguarding in education lead, on 01632 573 275.</li>
</ul>

<h2>E</h2>
<ul>
<li><strong>Early help:</strong> Family Compass, in the family hubs in Mirebeck, Dunsholt and Lowfold, 01632 573
210. A family's early help starts with a Family Compass Assessment.</li>
</ul>

<h2>F</h2>
<ul>
<li><strong>Female genital mutilation (FGM):</strong> teachers and health and social care professionals who
find that FGM has been carried out on a girl under 18 must report it to the police on 101. Tell CAST as well.</li>
</ul>

<h2>H</h2>
<ul>
<li><strong>Homeless 16 and 17 year olds:</strong> the Youth Housing Pathway, a joint team from housing and
children's services, 01632 573 290, weekdays 9am to 5pm. Out of hours, call OHCS.</li>
</ul>

<h2>I</h2>
<ul>
<li><strong>Interpreters:</strong> telephone interpreting is available 24 hours a day through the council's
contract; ask your team for the access code. Face-to-face interpreters must be booked 48 hours ahead through
the Language Desk.</li>
</ul>

<h2>M</h2>
<ul>
<li><strong>Missing children:</strong> report a missing child to Wessmoor Police on 101, or 999 if the child is
in danger. Harbourlight, a children's charity, offers every child a return home interview within 72 hours of
coming back, 01632 573 265.</li>
</ul>

<h2>O</h2>
<ul>
<li><strong>Out of hours:</strong> the Out of Hours Children's Service (OHCS), 01632 573 999, from 5pm to 8.30am
on weekdays, all weekend and on bank holidays.</li>
</ul>

<h2>P</h2>
<ul>
<li><strong>Pre-birth referrals:</strong> refer an unborn baby to CAST as early as you can, and by 20 weeks of
pregnancy if there are known concerns.</li>
<li><strong>Prevent:</strong> worries that a child is being drawn into terrorism go to the Wessmoor Police
Prevent team, 01632 573 295, and to CAST.</li>
<li><strong>Private fostering:</strong> if a child under 16 is living for 28 days or more with someone who is
not a close relative, tell CAST.</li>
</ul>

<h2>T</h2>
<ul>
<li><strong>Training:</strong> TSCP multi-agency courses are free for everyone who works or volunteers with
children in Tarnbury. The basic awareness e-learning takes about an hour. Book on the partnership website.</li>
</ul>

<h2>Y</h2>
<ul>
<li><strong>Young carers:</strong> Tarnbury Young Carers, 01632 573 285.</li>
</ul>

<p>Cannot find what you need? Ring CAST on 01632 573 200 and ask.</p>
"""


# ---------------------------------------------------------------- a glossary of local acronyms (Markdown)

GLOSSARY = """# Tarnbury safeguarding: a glossary of acronyms and local terms

Tarnbury Safeguarding Children Partnership, version 2, June 2026. (Written for a test set; Tarnbury, its
services and their names are fictional.)

Tarnbury uses some names that no other area uses. Where a national term has a local name, both are given.
If a term is missing, ask the TSCP business unit on 01632 573 300.

## Terms

| Term | Stands for | What it means in Tarnbury |
|---|---|---|
| AMM | Allegations management meeting | The old name for the Position of Trust meeting. Not used since September 2025. |
| ASYE | Assessed and Supported Year in Employment | The first year in practice of a newly qualified social worker. |
| CAST | Children's Advice and Screening Team | Tarnbury's front door. It takes every contact and referral about a child and decides what happens next. |
| CaseWeave | (a name, not an acronym) | The case record system used by children's social care and Family Compass. |
| CIN | Child in need | A child helped under section 17 of the Children Act 1989. In Tarnbury a child in need meeting is called a Support Plan meeting. |
| CME | Children missing education | Children of school age who are not on a school roll or in education otherwise. Handled by the Pupil Tracking Service. |
| CRU | Conference and Review Unit | The independent chairs who chair child protection conferences and reviews for children in care. |
| DSL | Designated safeguarding lead | The person who leads on safeguarding in a school, college or early years setting. Tarnbury asks DSLs and deputies to renew their DSL training every two years. |
| DDSL | Deputy designated safeguarding lead | Stands in for the DSL and has the same training. |
| EHA | Early help assessment | Not used in Tarnbury since April 2024; see FCA. |
| FCA | Family Compass Assessment | Tarnbury's early help assessment, done with the family by the worker who knows them best. |
| FCP | Family Compass Plan | The plan that follows an FCA. It is reviewed every 6 weeks at a Family Compass meeting. |
| ICPC | Initial child protection conference | The first conference after a section 47 enquiry, when agencies and the family decide whether a child needs a child protection plan. |
| LADO | Local authority designated officer | Manages allegations against people who work or volunteer with children. |
| MASH | Multi-agency safeguarding hub | Tarnbury has not had a MASH since January 2023, when CAST replaced it. |
| MERIT | Missing, Exploitation and Risk In Teenagers meeting | The fortnightly meeting, chaired by the Kite Project's manager, for children aged 10 to 17 at risk of exploitation or who go missing often. |
| OHCS | Out of Hours Children's Service | Children's social care outside office hours: evenings, nights, weekends and bank holidays. |
| PAL | Professionals' Advice Line | CAST's line for professionals who want advice before deciding whether to refer. |
| PoTM | Position of Trust meeting | The meeting the LADO chairs when an allegation against someone who works with children meets the threshold. |
| RAG | Red, amber, green | How CAST grades each contact by how urgently it needs a decision. |
| RCPC | Review child protection conference | A later conference that reviews a child protection plan. |
| RHI | Return home interview | The conversation offered to a child after a missing episode. In Tarnbury it is held by Harbourlight, a children's charity. |
| S47 | Section 47 enquiry | An enquiry under section 47 of the Children Act 1989, made when there is reasonable cause to suspect a child is suffering, or likely to suffer, significant harm. |
| SD | Strategy discussion | A discussion held when significant harm is suspected. It always includes children's social care, the police and health, and usually the referrer. |
| Step up | (not an acronym) | Moving a child from early help to children's social care. A Family Compass worker asks for a step up through CAST, with their manager's agreement. |
| TSCP | Tarnbury Safeguarding Children Partnership | The council, Wessmoor Police and the NHS Wessmoor Integrated Care Board, working together. |

## Names that have changed

| Old name | New name | Since |
|---|---|---|
| MASH | CAST | January 2023 |
| CSE panel | MERIT meeting | June 2022 |
| EDT (emergency duty team) | OHCS | April 2024 |
| EHA | FCA | April 2024 |
| Child in need meeting | Support Plan meeting | September 2024 |
| AMM | PoTM | September 2025 |

## Please do not use

- LAC. Say "child in care" or "child looked after"; young people in Tarnbury told us they dislike being
  called LAC.
- "Placement" when talking to a child about where they live. Say "home".
"""


# ---------------------------------------------------------------- an out of hours rota summary (plain text)

ROTA = """TARNBURY OUT OF HOURS CHILDREN'S SERVICE (OHCS)
ROTA SUMMARY, WINTER 2026-27: 1 DECEMBER 2026 TO 28 FEBRUARY 2027

For OHCS staff and partner agencies. Issued by Gideon Wrathall, OHCS manager, 16 November 2026.
The names of the duty social workers on each shift are on the shift board in CaseWeave, not here.
Written for a test set; Tarnbury, OHCS and everyone named here are fictional.

WHEN OHCS IS OPEN

- Monday to Thursday: 5pm until 8.30am the next morning.
- Friday: from 4.30pm, through the weekend, until 8.30am on Monday.
- Bank holidays: 24 hours.
- Telephone 01632 573 999. The same number is used by the public and by professionals.

OHCS covers children in Tarnbury only. For a child who lives in Elderby, call Elderby's own out of hours
service. OHCS does not cover adults; adult social care has its own out of hours service.

WHO IS ON EACH SHIFT

Shift | Times | Staff on duty
Evening | 5pm to midnight | 3 social workers and a senior practitioner
Night | midnight to 8.30am | 2 social workers, one of them a senior practitioner
Weekend and bank holiday day | 8.30am to 5pm | 2 social workers and a senior practitioner

From 1 December 2026 a third social worker is added to the night shift on Fridays and Saturdays.

A senior manager is on call by telephone at all times. The OHCS senior practitioner must ask the senior
manager on call before a child comes into care, when a child is taken into police protection, and after the
death or serious injury of a child.

SENIOR MANAGER ON CALL (each week starts on Monday at 8.30am)

Week beginning | Senior manager on call
1 December 2026 | Gideon Wrathall, OHCS manager
8 December 2026 | Delphine Obuya, CAST service manager
15 December 2026 | Tilda Fairbrass, head of children in care
22 December 2026 | Jolyon Quilliam, head of safeguarding and quality
29 December 2026 | Ezekiel Hawtrey, service manager, children with disabilities
5 January 2027 | Gideon Wrathall, OHCS manager
12 January 2027 | Corentin Marlowe, service manager, fostering
19 January 2027 | Delphine Obuya, CAST service manager
26 January 2027 | Tilda Fairbrass, head of children in care
2 February 2027 | Jolyon Quilliam, head of safeguarding and quality
9 February 2027 | Ezekiel Hawtrey, service manager, children with disabilities
16 February 2027 | Corentin Marlowe, service manager, fostering
23 February 2027 | Gideon Wrathall, OHCS manager

CHRISTMAS AND NEW YEAR

CAST is closed on 25 and 26 December 2026 and on 1 January 2027, and OHCS covers those days for 24 hours.
On Christmas Day and Boxing Day there are 3 social workers on the day shift. An extra social worker works the
evening shift on 24 December and on 31 December.

WORKING WITH OTHER SERVICES OUT OF HOURS

Strategy discussions: held by telephone between the OHCS senior practitioner and the on-call detective
sergeant of the Wessmoor Police child abuse investigation team, through the force control room. Health joins
through the on-call paediatrician when a child may need a medical.

Child protection medicals: through the on-call paediatrician at Mirebeck General Hospital, via the switchboard
on 01632 573 100. A medical is done at night only if evidence would otherwise be lost or the child needs
treatment; otherwise the child is seen the next morning.

Emergency placements: the fostering service keeps two emergency foster beds free every night, with carers on
standby. A child taken into police protection is brought to one of them. Young people aged 16 and 17 who are
homeless can stay at Tern House, the council's emergency supported lodgings in Lowfold.

Interpreters: OHCS uses the council's 24-hour telephone interpreting service. There are no face-to-face
interpreters out of hours.

Allegations against staff: there is no out of hours LADO. OHCS records the allegation, acts to keep the child
safe, and passes it to the LADO by 10am on the next working day.

Young people in a mental health crisis are seen at the emergency department of Mirebeck General Hospital. The
CAMHS crisis team is run by the health trust, not by OHCS.

IF YOU CANNOT GET THROUGH

If OHCS has not answered within 15 minutes, call Wessmoor Police on 101 and ask the control room to contact
the OHCS senior practitioner. If a child is in immediate danger, call 999.

THE YEAR BEFORE

OHCS took 7,214 calls in 2025-26. A quarter of them came on Friday and Saturday nights, which is why a third
night worker is being added on those nights this winter.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    return [
        (
            "tarnbury-lado-annual-report-2025-26.pdf",
            lado_pdf(),
            dict(
                id="tarnbury-lado-annual-report-2025-26",
                title="Allegations against people who work with children: the LADO service's annual report 2025-26 (Tarnbury Safeguarding Children Partnership, test document)",
                author="Tarnbury Safeguarding Children Partnership",
                date="2026-07-10",
                kind="report",
            ),
        ),
        (
            "tarnbury-cast-induction-checklist.docx",
            build_docx(INDUCTION),
            dict(
                id="tarnbury-cast-induction-checklist",
                title="Induction checklist: social workers joining the Children's Advice and Screening Team (CAST), Tarnbury Borough Council",
                author="Tarnbury Borough Council children's services",
                date="2026-01-12",
                kind="guidance",
            ),
        ),
        (
            "tarnbury-safeguarding-a-to-z.html",
            build_html("Safeguarding children: A to Z of services and contacts", A_TO_Z_BODY),
            dict(
                id="tarnbury-safeguarding-a-to-z",
                title="Safeguarding children: A to Z of services and contacts (Tarnbury Borough Council staff intranet)",
                author="Tarnbury Safeguarding Children Partnership business unit",
                date="2026-08-03",
                kind="guidance",
            ),
        ),
        (
            "tarnbury-glossary-of-acronyms.md",
            GLOSSARY.encode(),
            dict(
                id="tarnbury-glossary-of-acronyms",
                title="Tarnbury safeguarding: a glossary of acronyms and local terms",
                author="Tarnbury Safeguarding Children Partnership",
                date="2026-06-01",
                kind="guidance",
            ),
        ),
        (
            "tarnbury-ohcs-winter-rota-2026-27.txt",
            ROTA.encode(),
            dict(
                id="tarnbury-ohcs-winter-rota-2026-27",
                title="Out of Hours Children's Service (OHCS): rota summary, winter 2026-27 (Tarnbury Borough Council)",
                author="Tarnbury Borough Council, Out of Hours Children's Service",
                date="2026-11-16",
                kind="guidance",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen12-set")))
