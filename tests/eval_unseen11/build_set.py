"""Build the eleventh unseen (report-only) evaluation set's documents into a folder.

    python tests/eval_unseen11/build_set.py /tmp/unseen11      # then, only to REPORT (never to tune):
    assistant ingest /tmp/unseen11 --index /tmp/unseen11-index
    assistant eval --set unseen11 --index /tmp/unseen11-index

Five documents written after COMPARERS.md and before the questions (README.md here says how).
Harrowmere, Oakhythe, Saxby Wold, Norbeck, Ravensholt, Stallingham, Harrowmere Council, the Harrowmere
Safeguarding Children Partnership, its Children's Gateway, the Lanternway
Trust, the Corn Exchange, Child Bryony, Child Pumice, Baby Tiller and every person and local figure are invented;
the only real facts are public ones about the Panel and its annual report 2020, and national laws, guidance and
terms stated in general words.
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


# ---------------------------------------------------------------- a revised procedure's summary of changes (PDF)

CHANGES = [
    [
        ("line", "Harrowmere Safeguarding Children Partnership", 15, True),
        ("line", "Children who go missing from home, care or education", 12, False),
        ("line", "Joint procedure, version 4: summary of changes", 12, False),
        ("line", "Version 4 takes effect on 1 June 2026. Written for a test set; fictional.", 8, False),
        ("space", 6),
        ("h2", "1. About this summary"),
        para("""1.1 This summary is for anyone who used version 3 of the joint procedure, from April 2023,
        and needs to know what is different in version 4, which replaces it on 1 June 2026. It lists only
        what has changed. Where this summary and the full procedure differ, the full procedure is right."""),
        para("""1.2 Most of the changes come from the local review of Child Bryony (section 4) and from
        what young people told the partnership in its 2025 consultation."""),
        ("h2", "2. Version history"),
        (
            "table",
            [
                ["What changed", "Version", "In force from"],
                ["First joint procedure", "Version 1", "September 2017"],
                ["Missing from education added", "Version 2", "January 2020"],
                ["Return interviews by social workers", "Version 3", "April 2023"],
                ["Independent return conversations", "Version 4", "1 June 2026"],
            ],
        ),
        ("h2", "3. What has changed"),
        para("""3.1 Who talks to the child afterwards. Under version 3 the child's own social worker held
        a return home interview. From 1 June 2026 every child who comes back from a missing episode is
        offered a return conversation with an independent worker from the Lanternway Trust, a children's
        charity. The child can ask for someone else they trust, such as a teacher or youth worker, to be
        there or to hold the conversation instead."""),
        para("""3.2 How quickly. The return conversation must still be offered within 72 hours of the
        child coming back, as before. What is new is that it must also take place within 5 working days.
        Version 3 set no time limit for holding the interview."""),
        para("""3.3 Absent is no longer used. Version 3 allowed a child who was not where they should be,
        but was thought to be at no apparent risk, to be recorded as absent rather than missing. Version 4
        drops the absent category for children. Every child whose whereabouts are not known is recorded
        as missing, and the police grade the risk as low, medium or high."""),
        para("""3.4 When a strategy meeting is held. Under version 3 a strategy meeting was held when a
        child went missing three times in 90 days. Under version 4 it is held when a child goes missing
        three times in 60 days, after any single episode of more than 24 hours, or straight away if there
        is any sign of exploitation."""),
    ],
    [
        para("""3.5 Reporting a child missing. Version 3 allowed foster carers and children's homes to
        wait up to two hours after the agreed time before reporting a child aged 14 or over missing. That
        has been withdrawn. Carers should now report a child missing as soon as they are worried, whatever
        the child's age."""),
        para("""3.6 Children placed from other areas. When a child placed in Harrowmere by another council
        goes missing, that council must now be told by the end of the next working day. Version 3 allowed
        3 working days."""),
        para("""3.7 Missing education. A school must now tell the council's Education Access team when a
        pupil has missed 10 school days in a row without a reason. Version 3 said 20 school days."""),
        para("""3.8 Recording. The Missing Episode Log (form ME2) replaces form ME1. It adds where the
        child was found and who they were with."""),
        para("""3.9 What has not changed. The police still lead the search for a missing child. The
        child's social worker must still be told on the same working day, and out of hours the emergency
        duty team."""),
        ("h2", "4. Why it changed: the local review of Child Bryony"),
        para("""4.1 Child Bryony is the name the review uses for a girl who was 14 when she was first
        reported missing from her foster home in Oakhythe in March 2024. Over the next five months she was
        reported missing 11 times. In August 2024 the police found her in a flat in Norbeck with two adult
        men who had sexually exploited her. Both men were convicted in September 2025."""),
        para("""4.2 The review, by the independent reviewer Dr Oriel Haskett, was published in November
        2025. It found that each episode was dealt with on its own; that Bryony was offered only 4 return
        interviews after her 11 episodes, all with her social worker, whom she said she did not trust;
        that 5 of her episodes were recorded as absent rather than missing; and that no strategy meeting
        was held until after her ninth episode."""),
        para("""4.3 The review made seven recommendations. Five are met by version 4 of this procedure.
        The other two, on training for taxi drivers and for hotel staff, are being taken forward by the
        council's licensing team and are due by March 2027."""),
        para("""4.4 Bryony is now 16. She lives in a children's home outside Harrowmere that she helped
        to choose, and has started a college course."""),
    ],
    [
        para("""4.5 The partnership has also begun a local review of Child Pumice. It is not yet
        published, and its learning will be added to the next version of the procedure."""),
        ("h2", "5. The figures"),
        para("""5.1 In 2025 to 2026 the police recorded 1,284 missing episodes involving 431 Harrowmere
        children, up from 1,107 episodes in 2024 to 2025. Children in care accounted for 46% of episodes,
        down from 52% the year before."""),
        para("""5.2 A return interview was offered within 72 hours after 58% of episodes in 2025 to 2026,
        compared with 71% in 2024 to 2025. The partnership expects the Lanternway Trust to do better, and
        will report the first figures in April 2027."""),
        ("h2", "6. Contacts"),
        para("""6.1 Harrowmere Children's Gateway: 01632 418 300. Emergency duty team, out of hours:
        01632 418 399. If a child is in immediate danger, call 999."""),
        para("""6.2 Questions about the changes: the partnership business unit, 01632 418 310. Version 4
        will be reviewed by June 2028."""),
    ],
]


def changes_pdf() -> bytes:
    """Three pages with a running header and a footer that holds the page number."""
    heads = {
        n: [
            ("top", "right", "Harrowmere Safeguarding Children Partnership | Missing children procedure v4"),
            ("bottom", "left", "Summary of changes, effective 1 June 2026 (fictional)"),
            ("bottom", "right", f"Page {n} of 3"),
        ]
        for n in (1, 2, 3)
    }
    return build_layout_pdf(
        CHANGES,
        heads,
        title="Children who go missing: joint procedure, version 4, summary of changes",
        author="Harrowmere Safeguarding Children Partnership",
    )


# ---------------------------------------------------------------- a conference programme (DOCX)

PROGRAMME = [
    ("title", "Then and now: what has changed for Harrowmere's children?"),
    (
        "p",
        "Harrowmere Safeguarding Children Partnership annual conference 2026: the programme for delegates. "
        "Thursday 15 October 2026, at the Corn Exchange, Saxby Wold. Written for a test set; the partnership, "
        "the venue and everyone named here are fictional.",
    ),
    ("h1", "Welcome"),
    (
        "p",
        "Welcome to our fourth annual conference. This year we look back as well as forward: what has changed "
        "for children since the local review of Child Bryony, since the Children's Gateway opened, and since "
        "young people told us what they thought of our services. Winifred Tolland, independent scrutineer.",
    ),
    ("h1", "What is different this year"),
    (
        "bullet",
        "A new venue. Last year we met at Oakhythe Town Hall; this year we are at the Corn Exchange in Saxby "
        "Wold, five minutes' walk from the station.",
    ),
    (
        "bullet",
        "Free parking. The Corn Exchange has a free car park with 300 spaces, so there is no pay and display "
        "this year.",
    ),
    ("bullet", "More places. There are 260 places, compared with 186 people who came last year."),
    (
        "bullet",
        "Free for carers and volunteers. Places are free for foster carers, kinship carers and volunteers. "
        "Last year they paid £35.",
    ),
    (
        "bullet",
        "A lower price for everyone else. Everyone else, including paid staff of charities, pays £60, down "
        "from £75 last year.",
    ),
    (
        "bullet",
        "Two chances at the workshops. Every workshop runs twice, in the morning and in the afternoon, so you "
        "can go to two. Last year each workshop ran once.",
    ),
    (
        "bullet",
        "An earlier finish. We close at 4.15pm, half an hour earlier than last year, so that carers can get "
        "home before the evening.",
    ),
    (
        "bullet",
        "Recordings. For the first time, the main hall sessions will be recorded and kept on the partnership's "
        "website for 30 days.",
    ),
    (
        "bullet",
        "A no-show charge. Free places that are not cancelled by 8 October 2026 will be charged at £25. This is new.",
    ),
    ("h1", "The day"),
    (
        "table",
        [
            ["Time", "Session", "Where"],
            ["8.45am", "Registration, coffee and stalls", "Foyer"],
            ["9.30am", "Welcome from Winifred Tolland, independent scrutineer", "Main hall"],
            ["9.45am", "Keynote: Ten years of learning from reviews, Professor Ottoline Harcastle", "Main hall"],
            ["10.45am", "Break", "Foyer"],
            ["11.05am", "Workshops, first round (A to D)", "Rooms 2 to 5"],
            ["12.20pm", "Lunch (included)", "Foyer"],
            ["1.10pm", "You said, we did: young people question the partnership's leaders", "Main hall"],
            ["2.10pm", "Workshops, second round (A to D again)", "Rooms 2 to 5"],
            ["3.25pm", "What we learned from Child Bryony, Dr Oriel Haskett", "Main hall"],
            ["4.15pm", "Close", "Main hall"],
        ],
    ),
    ("h1", "Workshops"),
    ("p", "Choose two when you book. Each workshop lasts 75 minutes and runs in both rounds."),
    (
        "table",
        [
            ["Workshop", "What it covers", "Who it is for", "Led by", "Room"],
            [
                "A",
                "The missing procedure, version 4: what has changed",
                "Anyone who works with children who go missing",
                "DS Keturah Mbeki, Harrowmere Police, with the Lanternway Trust",
                "Room 2",
            ],
            [
                "B",
                "The Children's Gateway six months on",
                "Referrers from schools, health services and early years",
                "Henrietta Szabo, Gateway service manager",
                "Room 3",
            ],
            [
                "C",
                "Caring for a child who goes missing",
                "Foster carers, kinship carers and residential staff",
                "Harrowmere Fostering Service",
                "Room 4",
            ],
            [
                "D",
                "How Harrowmere compares: reading the numbers",
                "Managers, councillors and board members",
                "Cosmo Pritchard, performance analyst",
                "Room 5",
            ],
        ],
    ),
    ("h1", "About the sessions"),
    ("h2", "Keynote: Ten years of learning from reviews"),
    (
        "p",
        "Professor Ottoline Harcastle will look at how learning from reviews has changed since serious case "
        "reviews gave way to local child safeguarding practice reviews and to the national Child Safeguarding "
        "Practice Review Panel. She will touch on the practice themes the Panel described in its annual report "
        "2020, published on 14 May 2021, and ask whether local reviews still find the same things.",
    ),
    ("h2", "You said, we did"),
    (
        "p",
        "Four members of the Harrowmere Children in Care Council will ask the director of children's services, "
        "the chief superintendent and the chief nurse what has changed since the 2025 consultation. You can "
        "send your own questions for the panel when you book.",
    ),
    ("h2", "What we learned from Child Bryony"),
    (
        "p",
        "Dr Oriel Haskett, who wrote the review, will talk about what Bryony's story taught the partnership and "
        "what is different now. The session will not go over the details of what happened to her. Questions "
        "about the local review of Baby Tiller, which is not yet published, cannot be answered on the day.",
    ),
    ("h1", "Booking and access"),
    (
        "p",
        "Book by 1 October 2026 on the partnership's website. The partnership business unit can help on 01632 418 310.",
    ),
    (
        "p",
        "The main hall has a hearing loop. British Sign Language interpreters will be at the keynote and the "
        "Bryony session. There is a quiet room next to Room 5.",
    ),
    ("h1", "Last year in brief"),
    (
        "p",
        "At the 2025 conference, 81% of the 186 delegates rated the day good or excellent. The topic most "
        "people asked for next time was children who go missing, which is why two sessions this year are "
        "about it.",
    ),
]


# ---------------------------------------------------------------- a "you said, we did" page (HTML)

YOU_SAID_BODY = """
<h1>You said, we did: what children and families told us, and what has changed</h1>
<p>Harrowmere Council children's services and the Harrowmere Safeguarding Children Partnership. Published July
2026. Written for a test set; the council, the partnership and everyone named here are fictional.</p>

<h2>Who we heard from</h2>
<p>In October and November 2025, 412 people took part in our consultation. The last time we asked, in 2023, 268
people took part. This time 231 of the 412 were children and young people, compared with 74 of the 268 in 2023.
The youngest person who took part was 8 and the oldest was 79.</p>
<p>People took part through an online survey, groups in schools, youth clubs and family hubs, and the Harrowmere
Children in Care Council.</p>

<h2>Meetings about me and my family</h2>
<p><strong>You said:</strong> parents got the report for a child protection conference too late to read it,
sometimes on the day. Meetings were always at the Civic Centre in Oakhythe, which is hard to reach by bus from
Norbeck. Young people did not want to miss lessons for meetings.</p>
<p><strong>We did:</strong></p>
<ul>
<li>Parents now get the conference report at least 3 working days before the conference. In 2023 only 38% of
parents said they had it the day before or earlier.</li>
<li>Since January 2026, conferences can be held at the family hubs in Saxby Wold and Norbeck, not only at the
Civic Centre.</li>
<li>Young people aged 12 and over can choose to come to part of their conference, or to send their views in a
short video instead.</li>
<li>Reviews for children in care are not held in school time unless the young person agrees.</li>
</ul>

<h2>My social worker</h2>
<p><strong>You said:</strong> children in care had too many changes of social worker and could not get hold of
them.</p>
<p><strong>We did:</strong></p>
<ul>
<li>Since March 2026, young people in care can text their social worker on the Harrowmere text line, 07700 900
583. Social workers reply within one working day.</li>
<li>In 2025 to 2026, 31% of children in care had three or more social workers in the year, down from 44% in
2023 to 2024.</li>
</ul>
<p><strong>Not yet:</strong> we cannot yet promise every young person a social worker who stays for a whole
year. We are still recruiting, and we will tell you how it is going next year.</p>

<h2>After I have been missing</h2>
<p><strong>You said:</strong> young people did not want to talk to their own social worker or the police after
running away, and did not want to be seen at a police station.</p>
<p><strong>We did:</strong></p>
<ul>
<li>From 1 June 2026, return conversations are held by the Lanternway Trust, a charity that is not part of the
council or the police.</li>
<li>You choose where to meet: a cafe, your school, a youth club or at home.</li>
</ul>

<h2>Getting help</h2>
<p><strong>You said:</strong> parents were passed from one number to another, did not know who to call, and
found the hub closed at 5pm.</p>
<p><strong>We did:</strong></p>
<ul>
<li>Since 1 April 2026 there is one number for advice and help, the Children's Gateway, on 01632 418 300. It is
open until 8pm on weekdays and from 10am to 4pm on Saturdays.</li>
<li>Parents and carers can call the Gateway themselves for advice. You do not need a professional to call for
you.</li>
</ul>

<h2>Leaflets and letters</h2>
<p><strong>You said:</strong> our leaflets were full of jargon, and there was nothing written for children.</p>
<p><strong>We did:</strong></p>
<ul>
<li>Parents helped us rewrite our leaflet, What happens at a child protection conference. The new version
replaces the 2019 one.</li>
<li>There is now a version for children aged 8 to 12, with pictures.</li>
<li>The parents' leaflet is now also in Polish, Romanian and Urdu. Before, it was only in English.</li>
</ul>

<h2>Children's homes</h2>
<p><strong>You said:</strong> there was no wifi in some children's homes, so young people could not do homework
or talk to friends.</p>
<p><strong>We did:</strong> all five council children's homes have had wifi since February 2026.</p>

<h2>What we have not been able to do yet</h2>
<ul>
<li>You asked for free bus passes for young people in care to get to family time. We could not do this in
2026; the council will look at it again when it sets its 2027 budget.</li>
<li>You asked for one social worker for the whole time you are in care. See "My social worker" above.</li>
</ul>

<h2>What the lead member said</h2>
<p>Councillor Agatha Penwarden, lead member for children: "Some of what you told us was hard to hear. We have
not fixed everything, but we have started, and we will keep asking."</p>

<h2>What happens next</h2>
<p>We will ask again in autumn 2027. If you want to take part, or to tell us something now, contact Ayodele
Farnham, participation lead, on 01632 418 330.</p>
"""


# ---------------------------------------------------------------- a benchmarking note (Markdown)

BENCHMARK = """# How Harrowmere compares: children's social care, 2023-24 to 2025-26

A note for the Harrowmere Safeguarding Children Partnership board from Harrowmere Council's performance and
intelligence team. Prepared by Cosmo Pritchard, performance analyst, July 2026. (Written for a test set;
Harrowmere, its neighbours and every figure here, including those for England, are fictional.)

## What this note compares

Our own figures for the last three years (2023-24, 2024-25 and 2025-26, each year to 31 March) against the
average of our ten statistical neighbours and against England for 2025-26. Statistical neighbours are the
councils most like Harrowmere in population, income and need. Rates are per 10,000 children under 18. The
figures for neighbours and England for 2025-26 are provisional. The Children's Gateway opened on 1 April
2026, after the period these figures cover.

## The main measures

| Measure | Harrowmere 2023-24 | Harrowmere 2024-25 | Harrowmere 2025-26 | Neighbours 2025-26 | England 2025-26 |
|---|---|---|---|---|---|
| Referrals per 10,000 children | 512 | 548 | 601 | 540 | 530 |
| Re-referrals within 12 months | 24% | 22% | 19% | 21% | 22% |
| Assessments completed within 45 working days | 78% | 83% | 88% | 84% | 82% |
| Initial conferences within 15 working days | 71% | 80% | 86% | 79% | 78% |
| Child protection plans per 10,000 children | 44.1 | 47.6 | 52.3 | 45.0 | 42.0 |
| Plans lasting two years or more | 3.1% | 2.4% | 4.2% | 3.0% | 3.5% |
| Second or later plans | 25% | 21% | 20% | 23% | 24% |
| Children in care per 10,000 children | 68 | 71 | 70 | 74 | 70 |
| Care leavers aged 19 to 21 in education, work or training | 52% | 55% | 57% | 56% | 56% |

## What got better

- Re-referrals fell for the second year running, from 24% to 19%, and are now below both our neighbours and
  England.
- More assessments are done on time: 88% within 45 working days, up from 78% two years ago, and better than
  our neighbours (84%) and England (82%).
- Initial child protection conferences held within 15 working days rose from 71% to 86%, the biggest
  improvement of any measure in this note.
- Fewer children are on a plan for the second or later time: 20%, down from 25% in 2023-24.
- More care leavers aged 19 to 21 are in education, work or training: 57%, up from 52%, and slightly above
  England (56%).

## What needs watching

Three measures are higher than our neighbours' and need watching: referrals, child protection plans and plans
lasting two years or more.

- Referrals rose again, to 601 per 10,000 children in 2025-26, from 548 the year before and 512 in 2023-24.
  That is above our neighbours (540) and England (530). Most of the rise came from police notifications of
  domestic abuse.
- Child protection plans rose to 52.3 per 10,000 children, from 44.1 in 2023-24. We now have more children on
  plans, for our size, than our neighbours (45.0) or England (42.0).
- Plans lasting two years or more went back up to 4.2%, after falling to 2.4% in 2024-25. This is the measure
  where we are furthest behind our neighbours.

Children in care have held steady at about 70 per 10,000 children for three years: the same as England and
below our neighbours (74).

## Our five nearest neighbours: child protection plans

Child protection plans per 10,000 children on 31 March 2026, for the five neighbours most like us:

| Council | Plans per 10,000 children |
|---|---|
| Stallingham | 55.4 |
| Harrowmere | 52.3 |
| Ravensholt | 47.9 |
| Ashcombe Vale | 41.6 |
| Pollards Cross | 38.2 |
| Thrale | 36.7 |

Among our five nearest neighbours only Stallingham (55.4) has a higher rate than ours. Pollards Cross and
Thrale, the lowest, both run a family group conference service at the front door.

## Where referrals came from

| Source | 2024-25 | 2025-26 |
|---|---|---|
| Police | 29% | 33% |
| Schools | 21% | 19% |
| Health services | 15% | 14% |
| Council services, including housing | 10% | 9% |
| Family, friends and the public | 8% | 9% |
| Other and not known | 17% | 16% |

The police made 33% of referrals in 2025-26, more than any other source; schools made 19%, down from 21%.

## Next steps

The board will look at plans lasting two years or more at its September 2026 meeting, and this note will be
updated in July 2027 with the first year of the Children's Gateway.
"""


# ---------------------------------------------------------------- a bulletin announcing a changed service, with an old/new table (plain text)

BULLETIN = """HARROWMERE SAFEGUARDING CHILDREN PARTNERSHIP
Practitioner bulletin, issue 14, 2 March 2026

FROM 1 APRIL 2026, ONE FRONT DOOR FOR CHILDREN: THE MASH AND THE EARLY HELP HUB BECOME THE CHILDREN'S GATEWAY

Written for a test set. The partnership, the Gateway and everyone named here are fictional.

WHAT IS CHANGING

On Wednesday 1 April 2026 the Multi-Agency Safeguarding Hub (MASH) and the Early Help Hub will join
together as the Harrowmere Children's Gateway. There will be one number and one online form for every
worry about a child, from a family who needs some early help to a child who may be at risk of significant
harm. Until now, requests for early help went to the Early Help Hub and safeguarding referrals went to the
MASH, and referrers often had to guess which was right.

BEFORE AND AFTER 1 APRIL

What | Until 31 March 2026 | From 1 April 2026
Name | MASH, and the Early Help Hub for early help | Children's Gateway, for both
Telephone | MASH 01632 418 100; Early Help Hub 01632 418 200 | 01632 418 300 for everything
Opening hours | Monday to Friday, 9am to 5pm | Monday to Friday, 8am to 8pm; Saturday, 10am to 4pm
Out of hours | Emergency duty team, 01632 418 399 | Emergency duty team, 01632 418 399 (no change)
How to refer | Form MR1, sent by secure email | Online form on the partnership website
Decision on a referral | By the end of the next working day | Within 24 hours of the referral
Feedback to the referrer | Only if you asked for it | Always, within 3 working days
Advice without a referral | Ask for the duty social worker | Consultation line, 01632 418 350, weekdays 9am to 5pm
Police notifications | Screened by police researchers in the MASH | Sent to the Gateway's police desk by secure email

WHAT STAYS THE SAME

- If a child is in immediate danger, call 999.
- The thresholds for help have not changed: use the Harrowmere continuum of need (2024), as now.
- Out of hours, call the emergency duty team on 01632 418 399, as now.
- If a child lives in another council's area, contact that council's front door.

THE OLD NUMBERS AND EMAIL

The old MASH and Early Help Hub numbers will play a message giving the new number until 30 June 2026,
and will then stop working. The MASH secure email address will close on 30 April 2026; until then,
anything sent to it will be passed to the Gateway. Please update your safeguarding policies, posters and
staff handbooks.

WHO WORKS IN THE GATEWAY

The Gateway has 34 staff, compared with 26 in the MASH and the Early Help Hub together. They include
social workers, early help workers, a police desk, a health navigator and an education officer. The
Gateway service manager is Henrietta Szabo.

QUESTIONS WE HAVE BEEN ASKED

Q. I made a referral to the MASH in March and have not heard back. Who do I chase?
A. Call the Gateway. Every open MASH and Early Help Hub contact moves across on 1 April.

Q. Is the consultation line quicker than making a referral?
A. The consultation line is for talking a worry through when you are not sure a referral is needed. It aims
to answer calls within 10 minutes. If you already know a child needs help, make a referral: it will get a
decision within 24 hours.

Q. Does this change the missing children procedure?
A. Not yet. A revised procedure, version 4, will take effect on 1 June 2026. Until then, follow version 3,
reading "the Gateway" wherever it says "the MASH".

TRAINING

Forty-five minute online briefings on the Gateway run every Tuesday in March at 12.30pm. Book on the
partnership website.

Bulletin editor: the partnership business unit, 01632 418 310.
"""


def documents() -> list[tuple[str, bytes, dict[str, str]]]:
    return [
        (
            "harrowmere-missing-procedure-v4-changes.pdf",
            changes_pdf(),
            dict(
                id="harrowmere-missing-procedure-v4-changes",
                title="Children who go missing from home, care or education: joint procedure, version 4, summary of changes (Harrowmere Safeguarding Children Partnership, test document)",
                author="Harrowmere Safeguarding Children Partnership",
                date="2026-05-20",
                kind="guidance",
            ),
        ),
        (
            "harrowmere-conference-2026-programme.docx",
            build_docx(PROGRAMME),
            dict(
                id="harrowmere-conference-2026-programme",
                title="Then and now: the Harrowmere Safeguarding Children Partnership annual conference 2026, programme",
                author="Harrowmere Safeguarding Children Partnership",
                date="2026-09-01",
                kind="guidance",
            ),
        ),
        (
            "harrowmere-you-said-we-did.html",
            build_html("You said, we did: what children and families told us, and what has changed", YOU_SAID_BODY),
            dict(
                id="harrowmere-you-said-we-did",
                title="You said, we did: what children and families told us, and what has changed (Harrowmere Council and Safeguarding Children Partnership)",
                author="Harrowmere Council children's services",
                date="2026-07-15",
                kind="guidance",
            ),
        ),
        (
            "harrowmere-benchmarking-note-2026.md",
            BENCHMARK.encode(),
            dict(
                id="harrowmere-benchmarking-note-2026",
                title="How Harrowmere compares: children's social care against statistical neighbours and England, 2023-24 to 2025-26",
                author="Harrowmere Council performance and intelligence team",
                date="2026-07-20",
                kind="report",
            ),
        ),
        (
            "harrowmere-gateway-changes-bulletin.txt",
            BULLETIN.encode(),
            dict(
                id="harrowmere-gateway-changes-bulletin",
                title="Practitioner bulletin, issue 14: from 1 April 2026 the MASH and the Early Help Hub become the Children's Gateway",
                author="Harrowmere Safeguarding Children Partnership",
                date="2026-03-02",
                kind="guidance",
            ),
        ),
    ]


def build(folder: Path) -> Path:
    """Write the five documents (and their metadata) into ``folder``; return it."""
    return write_set(folder, documents())


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "unseen11-set")))
