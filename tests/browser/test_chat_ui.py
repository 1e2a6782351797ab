"""The chat, widget, finder and exports as their users expect them (issues 13 and 15), in Chromium
at 375 px (a phone) and 1280 px: Enter sends, the thread survives a reload, New conversation,
signposting, "Missing:", "Searched as", Read in context, the basket count, feedback, exports
read back, the widget's Close always in view, /embed-help. axe-core on every new state."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from test_widget import chat_frame, demo_app, shadow

pytestmark = pytest.mark.browser

QUESTION = "What does the Panel say about weak information sharing?"
URGENT = "I'm worried about a child, who do I call?"
WIDTHS = [375, 1280]


@pytest.fixture
def sized(browser, request):
    """A page at the width given by the test's ``width`` parameter (JavaScript on)."""

    def make(width: int, js: bool = True):
        context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=js)
        pg = context.new_page()
        pg.set_default_timeout(60_000)
        request.addfinalizer(context.close)
        return pg

    return make


def ask(page, question: str, n: int) -> None:
    page.fill("#question", question)
    page.keyboard.press("Enter") if page.evaluate("document.activeElement.id") == "question" else page.press(
        "#question", "Enter"
    )
    page.wait_for_function(f"() => document.activeElement && document.activeElement.id === 'answer-{n}'")


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }""",
        selector,
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_enter_sends_reload_keeps_the_thread_new_conversation_clears(sized, live_server, axe, screenshots, width):
    page = sized(width)
    page.goto(live_server + "/")
    assert "Press Enter to ask; Shift+Enter starts a new line." in page.locator("#keys-hint").inner_text()
    assert "keys-hint" in page.get_attribute("#question", "aria-describedby")
    # Shift+Enter is a new line, and asks nothing.
    page.focus("#question")
    page.keyboard.type("first line")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("second")
    assert page.input_value("#question") == "first line\nsecond"
    assert page.locator("#thread article.turn").count() == 0
    page.fill("#question", "")
    ask(page, QUESTION, 1)
    # The status sits by the Ask button, inside the form, and is announced.
    assert page.locator("form.ask .ask__buttons #chat-status[role=status]").count() == 1
    ask_box = page.locator("form.ask button[type=submit]").bounding_box()
    status_box = page.locator("#chat-status").bounding_box() or ask_box
    assert abs(status_box["y"] - ask_box["y"]) < 120
    assert page.locator("[data-restart]").is_visible()
    axe(page)
    page.screenshot(path=str(screenshots / f"chat-answered-{width}.png"), full_page=True)
    # A reload in the same tab shows the conversation again.
    page.reload()
    page.wait_for_selector("#answer-1")
    assert QUESTION in page.locator("#answer-1").inner_text()
    assert page.locator("#thread article.turn").evaluate_all("els => els.map(e => e.dataset.question)") == [QUESTION]
    ask(page, "and professional curiosity?", 2)
    assert page.locator("#thread article.turn").count() == 2
    # New conversation clears the thread and the tab's storage.
    page.click("[data-restart]")
    page.wait_for_load_state()
    page.wait_for_selector("#examples")
    assert page.locator("#thread article.turn").count() == 0
    assert page.evaluate("Object.keys(sessionStorage).length") == 0
    page.reload()
    page.wait_for_selector("#examples")
    assert page.locator("#thread article.turn").count() == 0
    axe(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_signpost_above_the_quotes_with_and_without_javascript(sized, live_server, axe, screenshots, width):
    page = sized(width)
    page.goto(live_server + "/")
    ask(page, URGENT, 1)
    sp = page.locator("#latest aside.signpost")
    assert sp.is_visible() and "999" in sp.inner_text() and "0808 800 5000" in sp.inner_text()
    assert sp.locator("a[href='https://www.gov.uk/report-child-abuse-to-local-council']").count() == 1
    quotes = page.locator("#latest article.quote")
    if quotes.count():
        assert sp.bounding_box()["y"] < quotes.first.bounding_box()["y"]
    assert "help" in page.locator("#chat-status").text_content()
    axe(page)
    page.screenshot(path=str(screenshots / f"signpost-{width}.png"), full_page=True)

    nojs = sized(width, js=False)
    nojs.goto(live_server + "/")
    nojs.fill("#question", URGENT)
    nojs.click("form.ask button[type=submit]")
    nojs.wait_for_selector("#latest aside.signpost")
    assert "999" in nojs.locator("#latest aside.signpost").inner_text()


@pytest.mark.parametrize("width", WIDTHS)
def test_missing_words_are_shown(sized, live_server, axe, width):
    """The real scoring: the closest passage covers information sharing but not neglect."""
    page = sized(width)
    page.goto(live_server + "/")
    ask(page, "What does the report say about neglect and information sharing?", 1)
    missing = page.locator("#latest .turn__missing")
    assert missing.is_visible()
    assert missing.inner_text().startswith("Missing: neglect")
    axe(page)
    nojs = sized(width, js=False)
    nojs.goto(live_server + "/")
    nojs.fill("#question", "What does the report say about neglect and information sharing?")
    nojs.click("form.ask button[type=submit]")
    assert nojs.locator("#latest .turn__missing").inner_text().startswith("Missing: neglect")


def test_an_abstention_says_which_words_are_not_found(page, live_server, axe):
    page.goto(live_server + "/")
    ask(page, "What does the report say about neglect?", 1)
    missing = page.locator("#latest .turn__missing")
    assert missing.inner_text().startswith("Not found in the documents: neglect")
    assert page.locator("#latest aside.signpost").is_visible()  # every abstention is signposted
    axe(page)


def test_searched_as_and_ask_on_its_own(page, live_server, axe):
    page.goto(live_server + "/")
    ask(page, QUESTION, 1)
    ask(page, "and professional curiosity?", 2)
    searched = page.locator("#answer-2").locator("xpath=..").locator(".turn__interpreted")
    assert f"Searched as: “{QUESTION} and professional curiosity?”" in searched.inner_text()
    axe(page)
    with page.expect_request("**/fragments/turns") as request:
        searched.locator("button").click()
    assert request.value.post_data_json["alone"] == [2]
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'answer-3'")
    third = page.locator("#answer-3").locator("xpath=..")
    assert third.locator(".turn__interpreted").count() == 0
    assert "professional curiosity" in third.locator("h2").inner_text()


def test_basket_count_from_the_chat_and_read_in_context(page, live_server, axe):
    page.goto(live_server + "/")
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator("[data-basket-nav]").is_visible()
    assert page.locator("[data-basket-total]").inner_text() == "0"
    ask(page, QUESTION, 1)
    card = page.locator("#latest article.quote").first
    card.locator("button[data-basket-add]").click()
    assert page.locator("[data-basket-total]").inner_text() == "1"
    view = card.locator("a[data-basket-view]")
    assert view.inner_text() == "View the basket (1)" and view.get_attribute("href") == "/quotes#basket"
    axe(page)
    # Read in context: the document page with the passage highlighted and in view.
    quote_text = " ".join(card.locator("blockquote").inner_text().split())
    card.locator("a.quote__context-link").click()
    page.wait_for_selector("mark#passage")
    assert "/documents/" in page.url and page.url.endswith("#passage")
    marked = " ".join(" ".join(page.locator(".doc-text mark").all_inner_texts()).split())
    assert marked == quote_text
    assert in_viewport(page, "mark#passage")
    axe(page)
    page.goto(live_server + "/quotes#basket")
    page.wait_for_selector("[data-basket-list] li")
    assert page.locator("[data-basket-list] li").count() == 1


def test_feedback_counts_without_the_question(page, live_server, axe):
    import httpx

    page.goto(live_server + "/")
    ask(page, "Why does the voice of the child matter?", 1)
    qid = page.locator("#latest article.quote").first.get_attribute("data-quote-id")
    line = f'assistant_feedback_total{{quote="{qid}",useful="yes"}}'

    def count() -> int:
        text = httpx.get(live_server + "/metrics", timeout=30).text
        return float(next((x.split()[-1] for x in text.splitlines() if x.startswith(line)), "0"))

    before = count()
    page.locator("#latest form.feedback button[value=yes]").click()
    page.wait_for_selector("#latest .feedback__done")
    assert count() == before + 1
    assert "voice" not in httpx.get(live_server + "/metrics", timeout=30).text
    axe(page)


@pytest.mark.parametrize("fmt", ["md", "docx", "csv", "html", "txt"])
def test_exports_download_and_read_back(page, live_server, fmt):
    page.goto(live_server + "/quotes?q=information+sharing&mode=words")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.locator(".result button[data-basket-add]").first.click()
    page.fill("#export-title", "Team meeting: information sharing")
    page.select_option("#export-format", fmt)
    with page.expect_download() as info:
        page.locator("[data-basket-export] button[type=submit]").click()
    download = info.value
    today = datetime.date.today()
    assert (
        download.suggested_filename == f"team-meeting-information-sharing-{today.isoformat()}.{fmt}"
    )  # the title names it
    data = open(download.path(), "rb").read()
    accessed = f"{today.day} {today:%B %Y}"
    if fmt == "md":
        from bs4 import BeautifulSoup
        from markdown_it import MarkdownIt

        md = data.decode("utf-8")
        html = BeautifulSoup(MarkdownIt().render(md), "html.parser")
        assert html.select_one("h1").get_text() == "Team meeting: information sharing"
        assert "information sharing" in html.select_one("blockquote").get_text()
        assert f"(Accessed: {accessed})" in md and "[news item]" in md
        assert "\\." not in md and "\\(" not in md
    elif fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        props = document.core_properties
        assert props.title == "Team meeting: information sharing"
        assert props.author == "Safeguarding report assistant"
        assert props.created.date() == today
        assert any(p.style.name == "Quote" for p in document.paragraphs)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0] == [
            "quote",
            "document",
            "document kind",
            "section",
            "page",
            "citation",
            "source URL",
            "accessed",
            "reference",
        ]
        assert rows[1][2] == "news item" and rows[1][1] != rows[1][3]
    elif fmt == "html":
        text = data.decode("utf-8")
        assert "<title>Team meeting: information sharing</title>" in text and "<h2>References</h2>" in text
    else:
        text = data.decode("utf-8")
        assert text.startswith("Team meeting: information sharing\n") and f"(Accessed: {accessed})" in text


def test_embed_help_copy_and_live_preview(clipboard_page, live_server, axe):
    page = clipboard_page
    page.goto(live_server + "/embed-help")
    assert live_server + "/widget.js" in page.locator("#snippet-script").inner_text()
    page.fill("#opt-title", "Ask Anytown's safeguarding team")
    page.select_option("#opt-position", "bottom-left")
    page.wait_for_function("() => document.getElementById('snippet-script').textContent.includes('Anytown')")
    snippet = page.locator("#snippet-script").inner_text()
    assert 'data-position="bottom-left"' in snippet and "Ask Anytown&#39;s" not in snippet
    page.wait_for_function("() => document.getElementById('embed-preview').src.includes('Anytown')")
    page.click("button[data-copy=snippet-script]")
    page.wait_for_function("() => document.querySelector('[data-copy-status]').textContent === 'Copied.'")
    assert page.evaluate("navigator.clipboard.readText()") == snippet
    axe(page)


# ---------------------------------------------------------------- the widget


@pytest.fixture(scope="module")
def partner(serve, make_app, corpus_index):
    target: dict = {}
    allowed = serve(demo_app(target))
    target["url"] = serve(make_app(corpus_index, embed_origins=[allowed]))
    return allowed, target["url"]


def close_in_view(page, frame) -> bool:
    """The Close button is inside the frame's viewport and the frame inside the page's."""
    inner = frame.evaluate(
        """() => { const r = document.querySelector('.embed__close').getBoundingClientRect();
        return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; }"""
    )
    box = shadow(
        page,
        "const r = root.querySelector('iframe').getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right];",
    )
    size = page.viewport_size
    return inner and box[0] >= 0 and box[1] <= size["height"] + 1 and box[2] >= 0 and box[3] <= size["width"] + 1


@pytest.mark.parametrize("width", WIDTHS)
def test_widget_close_stays_in_view_and_signposts(sized, partner, axe, screenshots, width):
    allowed, assistant = partner
    page = sized(width)
    page.goto(allowed + "/partner.html")
    page.wait_for_function("() => window.SafeguardingAssistant && document.querySelector('safeguarding-assistant')")
    launcher = shadow(
        page, "const r = root.querySelector('.launcher').getBoundingClientRect(); return [r.width, r.height];"
    )
    name = shadow(page, "return root.querySelector('.launcher').getAttribute('aria-label');")
    assert name == "Ask the safeguarding report"
    if width <= 600:
        assert launcher[0] <= 60 and launcher[1] <= 60  # a round button, not a wide bar over the page
    # It covers none of the partner's own controls (its Search button was hidden by the old bar).
    overlaps = page.evaluate("""() => {
        const l = document.querySelector('safeguarding-assistant').shadowRoot.querySelector('.launcher').getBoundingClientRect();
        return [...document.querySelectorAll('a, button, input')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width && r.left < l.right && r.right > l.left && r.top < l.bottom && r.bottom > l.top; }).length; }""")
    assert overlaps == 0
    page.screenshot(path=str(screenshots / f"widget-closed-{width}.png"))
    page.evaluate("SafeguardingAssistant.open()")
    frame = chat_frame(page, assistant)
    frame.wait_for_selector(".embed__close:not([hidden])")
    frame.wait_for_function("() => document.activeElement && document.activeElement.id === 'question'")
    assert frame.evaluate("scrollY") == 0  # opens at the top: title and Close in view
    assert close_in_view(page, frame)
    for n, q in enumerate([QUESTION, "Why does the voice of the child matter?", URGENT], start=1):
        frame.fill("#question", q)
        frame.press("#question", "Enter")
        frame.wait_for_function(f"() => document.activeElement && document.activeElement.id === 'answer-{n}'")
        assert close_in_view(page, frame), f"Close out of view after answer {n}"
        # The question box stays at the bottom of the panel.
        assert frame.evaluate(
            "() => { const r = document.getElementById('question').getBoundingClientRect(); return r.bottom <= innerHeight && r.top >= 0; }"
        )
    assert "999" in frame.locator("#latest aside.signpost").inner_text()
    page.screenshot(path=str(screenshots / f"widget-three-answers-{width}.png"))
    axe(frame)
    frame.click(".embed__close")
    page.wait_for_function(
        "() => document.querySelector('safeguarding-assistant').shadowRoot.querySelector('.panel').hidden"
    )


def test_widget_position_options(sized, partner):
    allowed, _ = partner
    page = sized(1280)
    page.goto(allowed + "/partner.html?variant=options")
    page.wait_for_function("() => document.querySelector('safeguarding-assistant')")
    left = page.evaluate("() => document.querySelector('safeguarding-assistant').getBoundingClientRect().left")
    assert left < 100  # bottom-left, as documented


@pytest.fixture(scope="module")
def logging_server(serve, make_app, corpus_index, tmp_path_factory):
    """A server whose operator turned the redacted question log on, kept for 14 days."""
    folder = tmp_path_factory.mktemp("question-log")
    return serve(make_app(corpus_index, question_log=folder / "questions.jsonl", question_log_days=14))


@pytest.mark.parametrize("width", WIDTHS)
def test_privacy_text_follows_the_question_log(sized, live_server, logging_server, axe, width):
    page = sized(width)
    page.goto(live_server + "/")
    assert "Questions are not stored or logged." in page.locator("#question-hint").inner_text()
    page.goto(logging_server + "/")
    hint = page.locator("#question-hint").inner_text()
    assert "not stored or logged" not in page.locator("body").inner_text()
    assert "log on this server, kept for 14 days" in hint
    assert "kept for 14 days" in page.locator("footer").inner_text()
    page.goto(logging_server + "/about")
    assert "Your questions are logged." in page.locator("#privacy + ul").inner_text()
    axe(page)


def test_finder_headings_name_the_document_once(page, live_server):
    page.goto(live_server + "/quotes?q=voice&mode=words")
    heading = page.locator(".result__title").first.inner_text()
    title = "National Safeguarding Practice Review Panel – 2020 Annual Report"
    assert heading.count(title) == 1


def test_feedback_and_read_in_context_without_javascript(sized, live_server, axe):
    page = sized(375, js=False)
    page.goto(live_server + "/")
    page.fill("#question", "Why does the voice of the child matter?")
    page.click("form.ask button[type=submit]")
    page.wait_for_selector("#latest article.quote")
    assert page.locator("#keys-hint").is_hidden()  # Enter only sends with the script
    href = page.locator("#latest a.quote__context-link").first.get_attribute("href")
    page.locator("#latest form.feedback button[value=no]").click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Thank you"
    page.goto(live_server + href)
    assert page.locator("mark#passage").count() == 1 and page.locator(".doc-passage-note").is_visible()
