"""Real-world report layouts, generated: the text is written for the tests in the project's
own words. Only public facts about the Panel's Annual Report 2020 appear (482 notifications,
514 children, 206 deaths, 267 serious harm, six themes, chair Annie Hudson, published
14 May 2021); no sentence here is the report's own.

Each layout is (file name, bytes builder, checks): the checks say which phrase must come
back on which printed page and in which section, and what must never be text or a section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docbuilders import build_docx, build_layout_pdf

PANEL = "CHILD SAFEGUARDING PRACTICE REVIEW PANEL"
REPORT = "ANNUAL REPORT 2020"


@dataclass
class Expect:
    question: str
    phrase: str  # a quote answering the question contains this
    page: str | None  # printed page the quote must cite ("13–14" over a break), None for HTML
    section: str  # the innermost section of the quote


@dataclass
class Layout:
    name: str  # file name
    build: object  # () -> bytes
    expects: list[Expect]
    sections: list[str]  # every section title, in order
    absent: list[str] = field(default_factory=list)  # never in the text of any passage
    labels: dict[int, str] = field(default_factory=dict)  # PDF index -> printed number
    sidecar: str = ""


def _lines(text: str, width: int = 86) -> list[str]:
    """Break ``text`` into lines of about ``width`` characters, as a PDF would set it."""
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return out + [line] if line else out


# ---------------------------------------------------------------- 1. alternating running heads


def alternating_pdf() -> bytes:
    """Seven pages: a cover, a contents page, five body pages printed 2-6 whose heads alternate
    (even pages: the Panel's name at the left, odd pages: the report's name at the right) and
    whose page numbers sit at the outer corner of the footer."""
    heads: dict[int, list[tuple[str, str, str]]] = {}
    for index in range(3, 8):
        printed = index - 1
        side = "left" if printed % 2 == 0 else "right"
        heads[index] = [("top", side, PANEL if printed % 2 == 0 else REPORT), ("bottom", side, str(printed))]
    pages = [
        [
            ("line", "Serious incidents in 2020", 26, True),
            ("line", "A study guide", 15, False),
            ("line", "Prepared for a local training day", 11, False),
        ],
        [
            ("line", "Contents", 17, True),
            ("p", ["Notifications        2"]),
            ("p", ["Themes        4"]),
            ("p", ["Next steps        6"]),
        ],
        [
            ("line", "Notifications", 17, True),
            (
                "p",
                _lines(
                    "Local safeguarding partners notified the Panel of 482 serious incidents during 2020, "
                    "and those notifications concerned 514 children."
                ),
            ),
        ],
        [
            ("line", "Who was harmed", 13, True),
            (
                "p",
                _lines(
                    "Of the incidents notified, 206 concerned a child who died and 267 concerned a child "
                    "who was seriously harmed."
                ),
            ),
        ],
        [
            ("line", "Themes", 17, True),
            (
                "p",
                _lines(
                    "The guide groups the learning under six practice themes so that a training group can "
                    "take one theme per session."
                ),
            ),
        ],
        [
            ("line", "Using the themes", 13, True),
            (
                "p",
                _lines(
                    "Trainers are asked to start each session with a short case discussion before turning "
                    "to the theme itself."
                ),
            ),
        ],
        [
            ("line", "Next steps", 17, True),
            (
                "p",
                _lines(
                    "Each partnership should agree by the autumn which theme it will audit first and who "
                    "will lead the audit."
                ),
            ),
        ],
    ]
    return build_layout_pdf(pages, heads, title="Serious incidents in 2020: a study guide")


ALTERNATING = Layout(
    "alternating-heads.pdf",
    alternating_pdf,
    [
        Expect(
            "How many serious incidents were notified to the Panel in 2020?",
            "482 serious incidents",
            "2",
            "Notifications",
        ),
        Expect(
            "How many notified incidents concerned a child who died?",
            "206 concerned a child who died",
            "3",
            "Who was harmed",
        ),
        Expect("How is the learning grouped for training?", "six practice themes", "4", "Themes"),
        Expect("What should trainers start each session with?", "short case discussion", "5", "Using the themes"),
        Expect(
            "What should each partnership agree by the autumn?", "which theme it will audit first", "6", "Next steps"
        ),
    ],
    ["Notifications", "Who was harmed", "Themes", "Using the themes", "Next steps"],
    absent=[PANEL, REPORT, "Contents"],
    labels={3: "2", 4: "3", 5: "4", 6: "5", 7: "6"},
)


# ---------------------------------------------------------------- 2. page numbers inside the heads


def numbered_heads_pdf() -> bytes:
    """Eight pages printed 8-14 after a cover. Even pages carry "12 LEARNING FROM NATIONAL
    REVIEWS" (number first, chapter name) at the left, odd pages "ANNUAL REPORT 2020 13" at the
    right; no footers. A sentence runs from page 13 on to page 14."""
    chapters = {
        2: "ABOUT THE NOTIFICATIONS",
        3: "ABOUT THE NOTIFICATIONS",
        4: "ABOUT THE NOTIFICATIONS",
        5: "ABOUT THE NOTIFICATIONS",
        6: "LEARNING FROM NATIONAL REVIEWS",
        7: "LEARNING FROM NATIONAL REVIEWS",
        8: "LEARNING FROM NATIONAL REVIEWS",
    }
    heads = {}
    for index, chapter in chapters.items():
        printed = index + 6
        heads[index] = (
            [("top", "left", f"{printed} {chapter}")] if printed % 2 == 0 else [("top", "right", f"{REPORT} {printed}")]
        )
    filler = (
        "Reviewers read each case with the local partners and asked what had helped and what had got in "
        "the way of keeping the child safe."
    )
    pages = [
        [("line", "Learning from serious incidents", 24, True), ("line", "Notes for a reading group", 14, False)],
        [
            ("line", "About the notifications", 17, True),
            ("p", _lines("The Panel was chaired by Annie Hudson during the year these notes cover.")),
        ],
        [("line", "Ages of the children", 13, True), ("p", _lines(filler))],
        [
            ("line", "Where the children lived", 13, True),
            (
                "p",
                _lines(
                    "The notes do not break the figures down by region, because the reading group asked to "
                    "look at practice rather than at places."
                ),
            ),
        ],
        [("line", "How notifications are made", 13, True), ("p", _lines(filler))],
        [
            ("line", "Learning from national reviews", 17, True),
            (
                "p",
                _lines(
                    "National reviews look at a small number of cases in depth and report to ministers as "
                    "well as to local partners."
                ),
            ),
        ],
        [
            ("line", "Drawing the learning together", 13, True),
            (
                "p",
                [
                    "In several of the cases the group discussed, the fact that no single agency held the",
                    "whole history of the family was a",
                ],
            ),
        ],
        [
            ("p", ["factor that the reviewers returned to again and again in their conclusions."]),
            ("line", "Next meeting", 13, True),
            ("p", _lines("The group agreed to meet again once every member had read the next chapter.")),
        ],
    ]
    return build_layout_pdf(pages, heads, title="Learning from serious incidents")


NUMBERED_HEADS = Layout(
    "numbered-heads.pdf",
    numbered_heads_pdf,
    [
        Expect("Who chaired the Panel?", "chaired by Annie Hudson", "8", "About the notifications"),
        Expect(
            "Why are the figures not broken down by region?",
            "look at practice rather than at places",
            "10",
            "Where the children lived",
        ),
        Expect("To whom do national reviews report?", "report to ministers", "12", "Learning from national reviews"),
        Expect(
            "Which factor did the reviewers return to again and again?",
            "no single agency held the whole history of the family was a factor",
            "13–14",
            "Drawing the learning together",
        ),
        Expect("When will the reading group meet again?", "meet again once every member", "14", "Next meeting"),
    ],
    [
        "About the notifications",
        "Ages of the children",
        "Where the children lived",
        "How notifications are made",
        "Learning from national reviews",
        "Drawing the learning together",
        "Next meeting",
    ],
    absent=["LEARNING FROM NATIONAL REVIEWS", "ABOUT THE NOTIFICATIONS", REPORT],
    labels={i: str(i + 6) for i in range(2, 9)},
)


# ---------------------------------------------------------------- 3. a briefing with cover, contents and licence


def briefing_pdf() -> bytes:
    """Six pages: a cover ("Knowledge Bite", title, "May 2021"), a contents page without dot
    leaders, three body pages printed 3-5 with a centred footer "Knowledge Bite | 3", and a
    licence page at the back."""
    heads = {i: [("bottom", "centre", f"Knowledge Bite | {i}")] for i in (3, 4, 5)}
    pages = [
        [
            ("line", "Knowledge Bite", 20, True),
            ("space", 30),
            ("line", "Seeing the whole family", 30, True),
            ("space", 30),
            ("line", "May 2021", 16, False),
        ],
        [
            ("line", "Contents", 17, True),
            ("p", ["Why this briefing        3"]),
            ("p", ["What we heard        4"]),
            ("p", ["Questions for supervision        5"]),
        ],
        [
            ("line", "Why this briefing", 17, True),
            (
                "p",
                _lines(
                    "This briefing is for practitioners who visit families at home and want a short summary "
                    "to discuss with colleagues in a team meeting."
                ),
            ),
        ],
        [
            ("line", "What we heard", 17, True),
            (
                "p",
                _lines(
                    "Practitioners told us that asking about every adult in the household felt awkward at "
                    "first and became routine within a few weeks."
                ),
            ),
        ],
        [
            ("line", "Questions for supervision", 17, True),
            (
                "p",
                _lines(
                    "Supervisors can ask which adults the worker has met in person and which they have only "
                    "heard about from others."
                ),
            ),
        ],
        [
            ("p", ["© Crown copyright 2021"]),
            (
                "p",
                _lines(
                    "This publication is licensed under the Open Government Licence v3.0 unless a page says "
                    "otherwise; the licence is published by The National Archives."
                ),
            ),
            (
                "p",
                _lines(
                    "Where we have used material that belongs to someone else, ask them for permission "
                    "before you reuse it."
                ),
            ),
            ("p", ["Published May 2021"]),
        ],
    ]
    return build_layout_pdf(pages, heads, title="Knowledge Bite: Seeing the whole family")


BRIEFING = Layout(
    "knowledge-bite.pdf",
    briefing_pdf,
    [
        Expect("Who is this briefing for?", "practitioners who visit families at home", "3", "Why this briefing"),
        Expect(
            "How did asking about every adult in the household feel?", "felt awkward at first", "4", "What we heard"
        ),
        Expect(
            "What can supervisors ask?", "which adults the worker has met in person", "5", "Questions for supervision"
        ),
    ],
    ["Why this briefing", "What we heard", "Questions for supervision"],
    absent=[
        "Crown copyright",
        "Open Government Licence",
        "permission before you reuse",
        "Knowledge Bite |",
        "May 2021",
        "Seeing the whole family",
        "Contents",
    ],
    labels={3: "3", 4: "4", 5: "5"},
)


# ---------------------------------------------------------------- 4. bold lead paragraphs


def bold_lead_pdf() -> bytes:
    """Five pages printed 21-25 with a running footer: each chapter opens with a paragraph set
    wholly in bold at body size (a lead), which is body text; real headings are larger, or
    bold and short, or numbered."""
    heads = {
        i: [("bottom", "left", "Study notes: serious incidents"), ("bottom", "right", str(i + 20))] for i in range(1, 6)
    }
    lead = _lines(
        "Across the year the Panel received 482 notifications about 514 children, and these notes "
        "look at what that number means for a local partnership in"
    )
    pages = [
        [
            ("line", "Key findings", 17, True),
            ("bold_p", lead + ["2020."]),
            ("p", _lines("The notes then turn to what partnerships did with their own rapid reviews.")),
        ],
        [
            ("line", "Rapid reviews", 13, True),
            (
                "p",
                _lines(
                    "A rapid review is meant to be finished within a few weeks so that urgent learning is not "
                    "lost while a longer review is planned."
                ),
            ),
        ],
        [
            ("line", "2.1 Sharing information", 11, False),
            (
                "p",
                _lines(
                    "Most reviews found at least one moment when a worker knew something that would have "
                    "changed another agency's view."
                ),
            ),
            ("line", "2.2 Recording decisions", 11, False),
            ("space", -3.6),  # set tight, no spacing after
            (
                "p",
                _lines(
                    "Several reviews asked for the reason behind each decision to be written down at the time "
                    "it was made, not weeks later."
                ),
            ),
        ],
        [
            ("line", "Six themes", 17, True),
            (
                "bold_p",
                _lines(
                    "The six themes are a way of organising the learning, not a ranking, and every theme "
                    "appears in reviews from every region of the country."
                ),
            ),
            ("p", _lines("The rest of this chapter takes the themes in the order used in training.")),
        ],
        [
            ("line", "Before the next meeting", 11, True),
            ("bold_p", ["Read one local review before the next meeting."]),
            ("p", _lines("Bring a note of one thing the review changed in your own agency.")),
        ],
    ]
    return build_layout_pdf(pages, heads, title="Study notes: serious incidents")


BOLD_LEAD = Layout(
    "bold-lead.pdf",
    bold_lead_pdf,
    [
        Expect(
            "How many notifications about how many children did the Panel receive?",
            "482 notifications about 514 children",
            "21",
            "Key findings",
        ),
        Expect("How quickly should a rapid review be finished?", "finished within a few weeks", "22", "Rapid reviews"),
        Expect(
            "What did most reviews find about what workers knew?",
            "would have changed another agency's view",
            "23",
            "2.1 Sharing information",
        ),
        Expect(
            "When should the reason behind each decision be written down?",
            "at the time it was made",
            "23",
            "2.2 Recording decisions",
        ),
        Expect("Are the six themes a ranking?", "not a ranking", "24", "Six themes"),
        Expect(
            "What should be read before the next meeting?", "Read one local review", "25", "Before the next meeting"
        ),
    ],
    [
        "Key findings",
        "Rapid reviews",
        "2.1 Sharing information",
        "2.2 Recording decisions",
        "Six themes",
        "Before the next meeting",
    ],
    absent=["Study notes: serious incidents"],
    labels={i: str(i + 20) for i in range(1, 6)},
)


# ---------------------------------------------------------------- 5. tables with a header row


FIGURES = [["Outcome", "Notifications"], ["Death", "206"], ["Serious harm", "267"], ["All notifications", "482"]]
FIGURES_TEXT = "Outcome | Notifications\nDeath | 206\nSerious harm | 267\nAll notifications | 482"


def table_pdf() -> bytes:
    """Five pages printed 31-35: a table whose bold header labels are centred over
    right-aligned numbers, as report designers set them."""
    heads = {i: [("top", "right", "Figures at a glance"), ("bottom", "centre", str(i + 30))] for i in range(1, 6)}
    pages = [
        [
            ("line", "Figures at a glance", 17, True),
            ("p", _lines("The table sets the two largest groups of notifications beside the total.")),
        ],
        [
            ("line", "The notifications", 13, True),
            ("figures", FIGURES),
            (
                "p",
                _lines(
                    "Some notifications fall outside both groups, which is why the rows do not add up to the total."
                ),
            ),
        ],
        [
            ("line", "Reading the table", 13, True),
            ("figures", SHARES),
            (
                "p",
                _lines(
                    "A count of notifications is not a count of children, since one notification can concern "
                    "more than one child."
                ),
            ),
        ],
        [("line", "Caveats", 13, True), ("p", _lines("The figures describe notifications, not outcomes over time."))],
        [("line", "Sources", 13, True), ("p", _lines("The counts are those published by the Panel in May 2021."))],
    ]
    return build_layout_pdf(pages, heads, title="Figures at a glance")


TABLES = Layout(
    "figures.pdf",
    table_pdf,
    [
        Expect("How many notifications concerned a death?", "Death | 206", "32", "The notifications"),
        Expect("Why do the rows not add up to the total?", "fall outside both groups", "32", "The notifications"),
        Expect(
            "Is a count of notifications a count of children?", "not a count of children", "33", "Reading the table"
        ),
    ],
    ["Figures at a glance", "The notifications", "Reading the table", "Caveats", "Sources"],
    absent=[],
    labels={i: str(i + 30) for i in range(1, 6)},
)


SHARES = [["", "Deaths", "Serious harm"], ["Notifications", "206", "267"], ["Share of all 482", "43%", "55%"]]
SHARES_TEXT = "| Deaths | Serious harm\nNotifications | 206 | 267\nShare of all 482 | 43% | 55%"


def table_docx() -> bytes:
    return build_docx(
        [("h1", "The notifications"), ("p", "The same figures in a Word table."), ("table", FIGURES)],
        {"title": "Figures in Word"},
    )


def table_html() -> bytes:
    head = "".join(f"<th scope='col'>{c}</th>" for c in FIGURES[0])
    body = "".join(
        "<tr>" + f"<th scope='row'>{r[0]}</th>" + "".join(f"<td>{c}</td>" for c in r[1:]) + "</tr>" for r in FIGURES[1:]
    )
    return (
        f"<!doctype html><html lang='en'><head><title>Figures</title></head><body><main>"
        f"<h1>The notifications</h1><p>The same figures in a web table.</p>"
        f"<table><caption>Notifications by outcome</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></main></body></html>"
    ).encode()


# ---------------------------------------------------------------- 6. a GOV.UK-like press release


PRESS_RELEASE = """<!doctype html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>Panel publishes its yearly look at serious incidents - GOV.UK</title>
<meta property="og:site_name" content="GOV.UK">
<meta name="govuk:first-published-at" content="2021-05-14T09:30:00+01:00">
<meta name="govuk:public-updated-at" content="2021-05-20T11:00:00+01:00">
<meta name="govuk:format" content="press_release">
</head>
<body class="govuk-template__body">
<div id="global-cookie-message" class="gem-c-cookie-banner" role="region" aria-label="Cookies on GOV.UK">
  <h2>Cookies on GOV.UK</h2><p>We use some essential cookies to make this service work.</p>
  <button>Accept additional cookies</button>
</div>
<header role="banner" class="govuk-header"><a href="/">GOV.UK</a></header>
<div class="govuk-width-container">
 <nav class="gem-c-breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>
  <li><a href="/childcare-parenting">Parenting, childcare and children's services</a></li></ol></nav>
 <main class="govuk-main-wrapper" id="content" role="main" lang="en">
  <div class="gem-c-title">
   <span class="gem-c-title__context">Press release</span>
   <h1 class="gem-c-title__text">Panel publishes its yearly look at serious incidents</h1>
  </div>
  <p class="gem-c-lead-paragraph">The national panel has set out what it learned from the serious incidents
   that local partners notified in 2020.</p>
  <div class="gem-c-metadata">
   <dl>
    <dt class="gem-c-metadata__term">From:</dt>
    <dd class="gem-c-metadata__definition"><a href="/government/organisations/x">Child Safeguarding Practice Review Panel</a></dd>
    <dt class="gem-c-metadata__term">Published</dt>
    <dd class="gem-c-metadata__definition">14 May 2021</dd>
   </dl>
  </div>
  <div class="gem-c-share-links"><h2>Share this page</h2><ul><li><a href="#">Facebook</a></li>
   <li><a href="#">Twitter</a></li></ul></div>
  <div class="govuk-govspeak">
   <p>Local partners notified the panel of 482 serious incidents in the calendar year ending in
    December 2020.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="govuk-link">[footnote 1]</a></sup>
    The incidents concerned 514 children.</p>
   <h2>What the panel will do next</h2>
   <p>The panel will publish shorter briefings on each of the six practice themes over the coming year,
    starting with the theme that local reviews raised most often.<sup>2</sup></p>
   <h2>Quotes</h2>
   <p>The chair, Annie Hudson, said the figures were a call to keep learning together.</p>
   <div class="footnotes"><ol>
    <li id="fn:1"><p>The year runs from January to December. <a href="#fnref:1" class="govuk-link" aria-label="go to where this is referenced">↩</a></p></li>
    <li id="fn:2"><p>The order of the briefings may change. <a href="#fnref:2" class="govuk-link">↩</a></p></li>
   </ol></div>
  </div>
  <div class="gem-c-contextual-footer">
   <div class="gem-c-related-navigation"><h2 id="related-nav-topics">Explore the topic</h2>
    <ul><li><a href="/topic/safeguarding">Safeguarding and social care for children</a></li></ul></div>
  </div>
  <div class="gem-c-feedback" data-module="feedback">
   <h2>Is this page useful?</h2>
   <ul><li><a href="#">Yes this page is useful</a></li><li><a href="#">No this page is not useful</a></li></ul>
   <p><a href="#">Report a problem with this page</a></p>
  </div>
 </main>
</div>
<footer class="govuk-footer" role="contentinfo"><p>All content is available under the Open Government Licence v3.0,
 except where otherwise stated</p><p>© Crown copyright</p></footer>
</body></html>
"""

PRESS = Layout(
    "press-release.html",
    lambda: PRESS_RELEASE.encode(),
    [
        Expect(
            "How many serious incidents did local partners notify in 2020?",
            "482 serious incidents",
            None,
            "Panel publishes its yearly look at serious incidents",
        ),
        Expect(
            "What will the panel publish over the coming year?",
            "shorter briefings on each of the six",
            None,
            "What the panel will do next",
        ),
        Expect("What did the chair say about the figures?", "a call to keep learning together", None, "Quotes"),
    ],
    ["Panel publishes its yearly look at serious incidents", "What the panel will do next", "Quotes"],
    absent=[
        "Press release",
        "From:",
        "Published",
        "Is this page useful",
        "Share this page",
        "Facebook",
        "Cookies",
        "Explore the topic",
        "Report a problem",
        "2020.1",
        "↩",
        "Crown copyright",
        "Breadcrumb",
        "Parenting, childcare",
    ],
)


# ---------------------------------------------------------------- 7. a charity's summary page


CHARITY_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Our summary of the Panel's 2020 report | Hearthstone Families</title>
<meta name="description" content="A short summary for our volunteers."></head>
<body>
<div class="cookie-notice"><p>This site uses cookies. <a href="#">Accept</a> <a href="#">Reject</a></p></div>
<div class="top-bar"><a href="/">Hearthstone Families</a> <a href="/donate">Donate</a></div>
<div id="page">
 <div class="entry">
  <h1>Our summary of the Panel's 2020 report</h1>
  <p class="entry-meta">Last updated: 24 May 2021</p>
  <h2>Contents</h2>
  <ul class="toc"><li><a href="#numbers">The numbers</a></li><li><a href="#volunteers">What it means for volunteers</a></li></ul>
  <h2 id="numbers">The numbers</h2>
  <p>The Panel's report, published on 14 May 2021, counted 482 notifications about 514 children in the
   year.<sup><a href="#note1">1</a></sup> Our volunteers meet families long before any agency is worried,
   which is why we read these reports closely.</p>
  <p>Of those notifications, 206 concerned a child's death and 267 concerned serious harm.<sup>2</sup></p>
  <h2 id="volunteers">What it means for volunteers</h2>
  <p>Volunteers should keep writing down what they notice during home visits and pass any worry to the
   duty coordinator on the same day.</p>
  <p>Our training team will run a short session on the six themes this summer for anyone who wants one.</p>
  <h3>Notes</h3>
  <ol><li id="note1">Notifications are made by local safeguarding partners.</li>
   <li id="note2">The two groups do not add up to the total.</li></ol>
  <div class="share-this"><p>Share: <a href="#">Email</a> <a href="#">Facebook</a></p></div>
  <div class="related-posts"><h2>Related posts</h2><ul><li><a href="/a">Volunteer of the month</a></li></ul></div>
 </div>
</div>
<div class="bottom"><p>Hearthstone Families is a registered charity. Registered office: 1 Example Street.</p></div>
</body></html>
"""

CHARITY = Layout(
    "charity-summary.html",
    lambda: CHARITY_PAGE.encode(),
    [
        Expect(
            "How many notifications and children did the Panel count?",
            "482 notifications about 514 children",
            None,
            "The numbers",
        ),
        Expect(
            "What should volunteers do with a worry after a home visit?",
            "pass any worry to the duty coordinator",
            None,
            "What it means for volunteers",
        ),
        Expect(
            "When will the training team run a session on the six themes?",
            "this summer",
            None,
            "What it means for volunteers",
        ),
    ],
    ["Our summary of the Panel's 2020 report", "The numbers", "What it means for volunteers", "Notes"],
    absent=[
        "Last updated",
        "cookies",
        "Donate",
        "Related posts",
        "Volunteer of the month",
        "year.1",
        "harm.2",
        "registered charity",
        "Share:",
    ],
)

# ---------------------------------------------------------------- 8. chapter names as running heads


CHAPTERS = {
    2: "Who was notified",
    3: "Who was notified",
    4: "Recommendations and reactions",
    5: "Recommendations and reactions",
    6: "Working with schools",
    7: "Working with schools",
    8: "What happens next",
    9: "What happens next",
}


def chapter_heads_pdf(head_size: float = 9) -> bytes:
    """Nine pages printed 16-23 after a cover. Even pages carry "16  Study notes 2020" at the
    left, odd pages the current chapter's name and the number at the right ("Working with
    schools  21"): every chapter's name heads ONE page only, so repetition cannot find it.
    A sentence runs from page 18 on to page 19, under a chapter head."""
    heads = {}
    for index, chapter in CHAPTERS.items():
        printed = index + 14
        heads[index] = (
            [("top", "left", f"{printed}   Study notes 2020", head_size)]
            if printed % 2 == 0
            else [("top", "right", f"{chapter}   {printed}", head_size)]
        )
    pages = [
        [
            ("line", "Study notes 2020", 26, True),
            ("line", "Serious incidents, read chapter by chapter", 14, False),
            ("space", 200),
            ("line", "Northshire Safeguarding Children Partnership", 12, False),
            ("line", "March 2021", 12, False),
        ],
        [
            ("line", "Who was notified", 17, True),
            ("p", _lines("In the year the notes cover, local partners told the Panel about 482 incidents.")),
        ],
        [
            ("line", "Who the children were", 13, True),
            (
                "p",
                _lines(
                    "The study group spent its second evening on the 514 children behind those incidents and on "
                    "how few of them had been known to every agency."
                ),
            ),
        ],
        [
            ("line", "Recommendations and reactions", 17, True),
            (
                "p",
                [
                    "Several partnerships said their reviews had shown a need for sharper",
                    "questions in supervision and for",
                ],
            ),
        ],
        [
            ("p", ["specialist training for staff who meet families only once."]),
            ("line", "How partners reacted", 13, True),
            ("p", _lines("Partners reacted to the recommendations by writing them into their own training plans.")),
        ],
        [
            ("line", "Working with schools", 17, True),
            ("p", _lines("Schools were often the first to notice a change in a child, such as missed Mondays.")),
        ],
        [
            ("line", "Contacts on the day", 13, True),
            (
                "p",
                _lines(
                    "Designated leads asked for a single contact in children's social care whom they could ring "
                    "on the day."
                ),
            ),
        ],
        [
            ("line", "What happens next", 17, True),
            ("p", _lines("The group will meet each term and choose one local review to read in full.")),
        ],
        [
            ("line", "Between meetings", 13, True),
            ("p", _lines("Members will bring one change they made in their own work since the last meeting.")),
        ],
    ]
    return build_layout_pdf(pages, heads, title="Microsoft Word - study_notes_final_v3.docx", author="jsmith01")


CHAPTER_HEADS = Layout(
    "chapter-heads.pdf",
    chapter_heads_pdf,
    [
        Expect(
            "How many incidents did local partners report?",
            "told the Panel about 482 incidents",
            "16",
            "Who was notified",
        ),
        Expect(
            "What did the study group spend its second evening on?",
            "514 children behind those incidents",
            "17",
            "Who the children were",
        ),
        Expect(
            "What did the reviews show a need for?",
            "a need for sharper questions in supervision and for specialist training",
            "18–19",
            "Recommendations and reactions",
        ),
        Expect(
            "How did partners react to the recommendations?",
            "writing them into their own training plans",
            "19",
            "How partners reacted",
        ),
        Expect("What did schools notice first?", "missed Mondays", "20", "Working with schools"),
        Expect(
            "Whom did designated leads want to ring?",
            "a single contact in children's social care",
            "21",
            "Contacts on the day",
        ),
        Expect("What will members bring to meetings?", "one change they made", "23", "Between meetings"),
    ],
    [
        "Who was notified",
        "Who the children were",
        "Recommendations and reactions",
        "How partners reacted",
        "Working with schools",
        "Contacts on the day",
        "What happens next",
        "Between meetings",
    ],
    absent=["Study notes 2020", "reactions 19", "schools 21", "next 23", "notified 17"],
    labels={i: str(i + 14) for i in range(2, 10)},
)

# ---------------------------------------------------------------- 9. a briefing with references and a licence page


REFERENCES = [
    "Ashdown, P. (2019) Neglect in the early years: what health visitors see. London: Northshire Press.",
    "Brightwell, K. and Moss, T. (2020) Early years neglect and the home visit. Journal of Family Practice, 12(3).",
    "Northshire Safeguarding Children Partnership (2021) Neglect strategy. Available at: www.example.org/neglect",
    "Carrow, L. (2018) Recognising neglect in young children. 2nd edn. Leeds: Example Publishing.",
    "Dunmore, R. (2020) Early help for families where neglect is suspected. Available at: https://example.org/eh",
]


def references_pdf() -> bytes:
    """Four pages printed 1-4 with a footer: two body pages (a word hyphenated at a line end, a
    web address wrapped over two lines), a reference list full of the body's words, and a licence
    page without a copyright sign."""
    heads = {
        i: [("bottom", "left", "Neglect in the early years: a briefing"), ("bottom", "right", str(i))]
        for i in range(1, 5)
    }
    pages = [
        [
            ("line", "Neglect in the early years", 17, True),
            (
                "p",
                [
                    "Neglect in the early years often shows first as a baby who misses health checks and",
                    "a home where nobody has noticed that the cot is unsafe. Good safe-",
                    "guarding starts with the health visitor asking to see where the baby sleeps.",
                ],
            ),
            (
                "p",
                [
                    "The partnership's guidance for health visitors is at https://www.example.org/northshire/",
                    "early-years/neglect-guidance and is updated every spring.",
                ],
            ),
        ],
        [
            ("line", "What practitioners can do", 17, True),
            (
                "p",
                _lines(
                    "Practitioners who are worried about neglect should record what they saw on each visit, "
                    "so that a pattern over several months can be shown to colleagues in other agencies."
                ),
            ),
        ],
        [("line", "References", 17, True), *[("p", _lines(ref, 90)) for ref in REFERENCES]],
        [
            ("line", "About this briefing", 17, True),
            (
                "p",
                _lines(
                    "You may copy and share this briefing free of charge for training and other non-commercial "
                    "purposes, as long as you name the partnership as its author."
                ),
            ),
            ("p", _lines("Questions about the briefing go to the partnership's business unit.")),
        ],
    ]
    return build_layout_pdf(pages, heads, title="Neglect in the early years")


BACK_MATTER = Layout(
    "neglect-briefing.pdf",
    references_pdf,
    [
        Expect(
            "What does neglect in the early years look like?",
            "a baby who misses health checks",
            "1",
            "Neglect in the early years",
        ),
        Expect(
            "What should practitioners worried about neglect record?",
            "record what they saw on each visit",
            "2",
            "What practitioners can do",
        ),
    ],
    ["Neglect in the early years", "What practitioners can do", "References", "About this briefing"],
    absent=["Neglect in the early years: a briefing"],
    labels={1: "1", 2: "2", 3: "3", 4: "4"},
)


PDF_LAYOUTS = [ALTERNATING, NUMBERED_HEADS, BRIEFING, BOLD_LEAD, TABLES, CHAPTER_HEADS, BACK_MATTER]
HTML_LAYOUTS = [PRESS, CHARITY]
LAYOUTS = PDF_LAYOUTS + HTML_LAYOUTS
