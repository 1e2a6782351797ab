"""The widget and the chat as their users meet them on a phone and on a desktop (320, 375 and
1280 px): the answer in view above the compact question box, help that can be tapped, no
launcher on a site that is not allowed, the partner's colour, Check a site, the question box on
the first phone screen and its shortcuts, reload, Back without JavaScript, share and print.
axe-core on every new state."""

from __future__ import annotations

import pytest
from test_widget import DEFAULT_ASSISTANT, DEMO, chat_frame, origins, shadow  # noqa: F401 - origins is a fixture

pytestmark = pytest.mark.browser

URGENT = "I'm worried my neighbour's child is being hit at home, what should I do?"
# Urgent, and the report has passages on it: help first, then "What the report says".
URGENT_ANSWERED = "I'm worried about a child, what does the Panel say about information sharing?"
QUESTION = "What does the Panel say about information sharing?"
SIZES = [(320, 568), (375, 667), (1280, 800)]
DOCS_IMAGES = __import__("pathlib").Path(__file__).resolve().parents[2] / "docs" / "images"

# Where an element is, and whether it is the topmost thing at its visible centre (not covered).
ON_TOP = """(sel) => { const e = document.querySelector(sel); if (!e) return null;
    const r = e.getBoundingClientRect();
    const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    if (bottom <= top) return {visible: false, top: r.top, bottom: r.bottom};
    const hits = [0.25, 0.5].map(f => document.elementFromPoint(r.left + r.width / 2, top + (bottom - top) * f));
    return {visible: true, onTop: hits.every(h => h && e.contains(h)), top: r.top, bottom: r.bottom,
            whole: r.top >= 0 && r.bottom <= innerHeight}; }"""


@pytest.fixture
def sized(browser, request):
    def make(width: int, height: int, js: bool = True, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=js, **options)
        pg = context.new_page()
        pg.set_default_timeout(60_000)
        request.addfinalizer(context.close)
        return pg

    return make


def open_widget(page, allowed: str, assistant: str, query: str = ""):
    page.goto(allowed + "/partner.html" + query)
    page.wait_for_function("() => document.querySelector('safeguarding-assistant')")
    page.evaluate("SafeguardingAssistant.open()")
    frame = chat_frame(page, assistant)
    frame.wait_for_function("() => document.activeElement && document.activeElement.id === 'question'")
    return frame


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_widget_answer_and_help_in_view_above_a_compact_box(sized, origins, axe, screenshots, size):  # noqa: F811 - the imported fixture
    allowed, _, assistant = origins
    page = sized(*size)
    frame = open_widget(page, allowed, assistant)
    pinned = frame.evaluate("() => document.querySelector('form.ask').getBoundingClientRect().height")
    assert pinned <= 125, f"the pinned question area is {pinned} px tall"
    one_line = frame.evaluate("() => document.getElementById('question').getBoundingClientRect().height")
    assert one_line <= 48
    frame.fill("#question", "first line\nsecond\nthird\nfourth\nfifth\nsixth\nseventh")
    grown = frame.evaluate("() => document.getElementById('question').getBoundingClientRect().height")
    assert one_line < grown <= 125
    frame.fill("#question", "")
    frame.press("#question", "Backspace")
    axe(frame)  # the open widget, nothing asked yet
    for n, question in enumerate([QUESTION, URGENT, URGENT_ANSWERED], start=1):
        frame.fill("#question", question)
        frame.press("#question", "Enter")
        frame.wait_for_function(f"() => document.activeElement && document.activeElement.id === 'answer-{n}'")
        frame.wait_for_timeout(700)  # a smooth scroll settles
        turn = frame.evaluate(ON_TOP, "#latest")
        assert turn["top"] < size[1] / 2, f"answer {n} starts at {turn['top']}"
        if n == 1:
            assert frame.evaluate(ON_TOP, "#latest .turn__question")["onTop"]
            assert frame.evaluate(ON_TOP, "#latest article.quote")["onTop"]
            continue
        help_box = frame.evaluate(ON_TOP, "#latest aside.signpost")
        assert help_box["whole"] and help_box["onTop"], (n, help_box)
        calls = frame.locator("#latest a.signpost__call")
        assert calls.evaluate_all("els => els.map(e => e.getAttribute('href'))")[:2] == ["tel:999", "tel:08088005000"]
        text = frame.locator("#latest").inner_text()
        assert "rephras" not in text.lower() and "search for exact words" not in text.lower()
        assert frame.locator("#latest .missing-word, #latest .turn__missing").count() == 0
        if n == 2:
            axe(frame)  # urgent, and the report has nothing on it
    quote = frame.evaluate(ON_TOP, "#latest article.quote")
    if size[1] >= 667:  # at 320x568 the help alone fills the space between the bars
        assert quote["visible"] and quote["onTop"], quote
    assert frame.locator("#latest h3.turn__report").inner_text() == "What the report says"
    pinned = frame.evaluate("() => document.querySelector('form.ask').getBoundingClientRect().height")
    assert pinned <= 125
    page.screenshot(path=str(screenshots / f"widget-urgent-{size[0]}x{size[1]}.png"))
    if size == (375, 667):
        page.screenshot(path=str(DOCS_IMAGES / "widget-phone.png"))
    axe(frame)


def test_no_launcher_on_a_site_that_is_not_allowed(sized, origins):  # noqa: F811 - the imported fixture
    _, other, assistant = origins
    page = sized(375, 667)
    messages = []
    page.on("console", lambda m: messages.append((m.type, m.text)))
    page.goto(other + "/partner.html")
    page.wait_for_function("() => window.SafeguardingAssistant")
    page.wait_for_timeout(1000)
    assert page.locator("safeguarding-assistant").count() == 0
    page.evaluate("SafeguardingAssistant.open(); SafeguardingAssistant.toggle()")  # does nothing, breaks nothing
    assert [f for f in page.frames if f is not page.main_frame] == []
    ours = [t for kind, t in messages if "Safeguarding assistant widget" in t]
    assert len(ours) == 1 and "not on this assistant's list" in ours[0] and "/embed-help#check" in ours[0]
    others = [t for _, t in messages if "Safeguarding assistant widget" not in t]
    assert not [t for t in others if "CORS" in t or "frame" in t or assistant in t], messages


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_accent_colours_launcher_heading_and_button(sized, origins, axe, size):  # noqa: F811 - the imported fixture
    allowed, _, assistant = origins
    page = sized(*size)
    frame = open_widget(page, allowed, assistant, "?variant=options")  # data-accent="#ffdd00"
    launcher = shadow(page, "return getComputedStyle(root.querySelector('.launcher')).backgroundColor;")
    bar = frame.evaluate("() => getComputedStyle(document.querySelector('.embed__bar')).backgroundColor")
    ask = frame.evaluate("() => getComputedStyle(document.querySelector('form.ask button.primary'))")
    colours = frame.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('form.ask button.primary')); "
        "const t = getComputedStyle(document.querySelector('.embed__title')); return [s.backgroundColor, s.color, t.color]; }"
    )
    assert ask is not None
    assert launcher == bar == colours[0] == "rgb(255, 221, 0)"
    assert colours[1] == colours[2] == "rgb(11, 12, 12)"  # dark text on a light accent
    axe(frame)


def test_a_low_contrast_accent_is_refused_with_a_message(sized, serve, make_app, corpus_index):
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    target: dict = {}

    def page_with_grey_accent(request):
        html = (DEMO / "partner.html").read_text(encoding="utf-8").replace(DEFAULT_ASSISTANT, target["url"])
        return Response(html.replace('data-accent="#4c2c92"', 'data-accent="#777777"'), media_type="text/html")

    allowed = serve(Starlette(routes=[Route("/partner.html", page_with_grey_accent)]))
    target["url"] = serve(make_app(corpus_index, embed_origins=[allowed]))
    page = sized(1280, 800)
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(allowed + "/partner.html")
    page.wait_for_function("() => document.querySelector('safeguarding-assistant')")
    assert (
        shadow(page, "return getComputedStyle(root.querySelector('.launcher')).backgroundColor;") == "rgb(29, 112, 184)"
    )
    assert any("#777777" in m and "4.5:1" in m for m in messages)


@pytest.mark.parametrize("width", [320, 1280])
def test_embed_help_checks_a_site_and_previews_launcher_and_panel(sized, origins, axe, screenshots, width):  # noqa: F811 - the imported fixture
    allowed, other, assistant = origins
    page = sized(width, 900)
    page.goto(assistant + "/embed-help")
    page.fill("#check-site", allowed + "/some/page")
    page.click("text=Check this site")
    page.wait_for_selector("#check-result")
    assert page.locator("#check-result").inner_text().startswith("Allowed.")
    axe(page)
    page.fill("#check-site", other)
    page.click("text=Check this site")
    page.wait_for_function("() => document.getElementById('check-result').textContent.includes('Not allowed')")
    axe(page)
    page.fill("#opt-accent", "#777777")
    page.wait_for_selector("#opt-accent-error:not([hidden])")
    assert "4.5:1" in page.locator("#opt-accent-error").inner_text()
    assert page.get_attribute("#opt-accent", "aria-invalid") == "true"
    axe(page)
    page.fill("#opt-accent", "#ffdd00")
    page.wait_for_selector("#opt-accent-error", state="hidden")
    page.wait_for_function("() => document.getElementById('snippet-script').textContent.includes('#ffdd00')")
    button = page.evaluate("() => getComputedStyle(document.querySelector('[data-launcher-preview]')).backgroundColor")
    assert button == "rgb(255, 221, 0)"
    page.wait_for_function("() => document.getElementById('embed-preview').src.includes('accent=%23ffdd00')")
    page.locator("#embed-preview").scroll_into_view_if_needed()  # it loads lazily
    for _ in range(200):
        preview = next((f for f in page.frames if "/embed?" in f.url and "ffdd00" in f.url), None)
        if preview:
            break
        page.wait_for_timeout(50)
    assert preview, [f.url for f in page.frames]
    preview.wait_for_selector(".embed__bar")
    assert preview.evaluate("() => getComputedStyle(document.querySelector('.embed__bar')).backgroundColor") == button
    page.locator(".embed-previews").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / f"embed-help-preview-{width}.png"))
    axe(page)


# ---------------------------------------------------------------- the chat on a phone


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_question_box_is_on_the_first_screen_and_shortcuts_reach_it(sized, live_server, axe, size):
    page = sized(*size)
    page.goto(live_server + "/")
    box = page.evaluate(
        "() => { const r = document.getElementById('question').getBoundingClientRect(); return [r.top, r.bottom]; }"
    )
    assert box[0] >= 0 and box[1] <= size[1], f"the question box is at {box} on a {size} screen"
    if size[0] == 375:
        page.screenshot(path=str(DOCS_IMAGES / "chat-phone.png"))
    axe(page)
    page.keyboard.press("End")
    page.focus("a.site-name")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "question"
    page.keyboard.press("/")  # in the box, "/" is just typed
    assert page.input_value("#question") == "/"
    page.fill("#question", "")
    page.focus("a.site-name")
    page.keyboard.press("Control+k")
    assert page.evaluate("document.activeElement.id") == "question"


@pytest.mark.parametrize("size", [(375, 667), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_after_an_answer_one_tab_returns_to_the_box_and_reload_shows_the_latest(sized, live_server, axe, size):
    page = sized(*size)
    page.goto(live_server + "/")
    for n, question in enumerate([QUESTION, "Why does the voice of the child matter?", URGENT], start=1):
        page.fill("#question", question)
        page.press("#question", "Enter")
        page.wait_for_function(f"() => document.activeElement && document.activeElement.id === 'answer-{n}'")
    # Where the answer comes to rest (a busy machine may still be scrolling when focus lands).
    settled = f"() => {{ const t = document.getElementById('answer-3').getBoundingClientRect().top; return t >= 0 && t < {size[1] / 2}; }}"
    try:
        page.wait_for_function(settled, timeout=5000)
    except Exception:  # noqa: BLE001 - the assertion below says where it stopped
        pass
    top = page.evaluate("() => document.getElementById('answer-3').getBoundingClientRect().top")
    assert 0 <= top < size[1] / 2, f"the latest answer rests at {top}"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Ask another question"
    axe(page)  # the skip link shown
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "question"
    page.reload()
    page.wait_for_selector("#answer-3")
    page.wait_for_timeout(300)
    top = page.evaluate("() => document.getElementById('latest').getBoundingClientRect().top")
    assert 0 <= top < size[1] / 2, f"after a reload the latest turn is at {top}"


def test_copy_link_to_this_answer_opens_and_answers_it(sized, live_server, axe):
    page = sized(1280, 800, permissions=["clipboard-read", "clipboard-write"])
    page.goto(live_server + "/")
    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    page.wait_for_selector("#answer-1")
    page.click("#latest button[data-action=copy-link]")
    page.wait_for_function("() => document.getElementById('chat-status').textContent.includes('Link copied')")
    url = page.evaluate("navigator.clipboard.readText()")
    assert url == live_server + "/?q=" + QUESTION.replace(" ", "%20").replace("?", "%3F")
    other = sized(375, 667)
    other.goto(url)
    assert other.locator("article.turn").count() == 1
    assert QUESTION in other.locator("#answer-1").inner_text()
    assert other.locator("#latest article.quote").count() >= 1
    axe(other)
    # Asking on from a shared link: the address forgets the question, so a reload shows the thread.
    other.fill("#question", "Why does the voice of the child matter?")
    other.press("#question", "Enter")
    other.wait_for_selector("#answer-2")
    assert "?q=" not in other.url
    other.reload()
    other.wait_for_selector("#answer-2")
    assert other.locator("article.turn").count() == 2


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_without_javascript_back_never_resubmits(sized, live_server, path):
    page = sized(375, 667, js=False)
    page.goto(live_server + path)
    page.locator("#examples button").nth(2).click()
    page.wait_for_selector("#latest article.quote")
    first = page.url
    assert "?" in first and "q=" in first and first.endswith("#latest")
    page.fill("#question", "and professional curiosity?")
    page.click("form.ask button[type=submit]")
    page.wait_for_selector("#latest .turn__interpreted")
    assert page.locator("article.turn").count() == 1 and "after=" in page.url and "history" not in page.url
    page.go_back()
    page.wait_for_selector("#latest article.quote")
    assert page.url == first
    assert "information sharing" in page.locator("#latest h2").inner_text()
    page.go_forward()
    page.wait_for_selector("#latest .turn__interpreted")


def test_the_thread_prints_with_its_citations(sized, live_server, screenshots):
    page = sized(1280, 800)
    page.goto(live_server + "/")
    for n, question in enumerate([QUESTION, "Why does the voice of the child matter?"], start=1):
        page.fill("#question", question)
        page.press("#question", "Enter")
        page.wait_for_selector(f"#answer-{n}")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['form.ask', '.site-header', '.feedback', '.quote__actions button', '.turn__share'].map("
        "s => [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none'))"
    )
    assert all(hidden)
    assert page.locator("article.turn").count() == 2
    citations = page.locator(".quote__citation")
    assert citations.count() >= 2 and citations.first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.screenshot(path=str(screenshots / "chat-print.png"), full_page=True)


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_an_example_question_is_answered_in_place(sized, live_server, path):
    page = sized(375, 667)
    page.goto(live_server + path)
    page.locator("#examples button").first.click()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'answer-1'")
    assert "?q=" not in page.url  # answered by the script, not by loading a page
    assert page.locator("#examples").count() == 0
