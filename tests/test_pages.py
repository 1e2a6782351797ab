"""The HTML pages through the real app: chat (no-JS path), about, embed, embed-help, widget.js."""

from __future__ import annotations

import gzip
import re

import pytest
from bs4 import BeautifulSoup

from assistant.answering.answers import ABSTAINED, ANSWERED
from assistant.settings import WEB_DIR

PARTNER = "https://partner.example"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


@pytest.fixture(scope="module")
def partner_client(make_app, corpus_index):
    from fastapi.testclient import TestClient

    with TestClient(make_app(corpus_index, embed_origins=[PARTNER])) as c:
        yield c


def test_chat_page_first_load(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    page = soup(r)
    assert page.find(id="thread")["role"] == "log"
    assert page.find(id="chat-status")["role"] == "status"
    box = page.find("textarea", id="question")
    assert page.find("label", attrs={"for": "question"}) is not None
    assert "personal details" in page.find(id=box["aria-describedby"].split()[0]).get_text()
    examples = [b["value"] for b in page.select("#examples button[name=q]")]
    assert len(examples) >= 4 and any("information sharing" in e for e in examples)
    assert page.select_one("#examples form")["method"] == "get"  # Back never resubmits
    # Nothing from elsewhere: every script and stylesheet is on this server; no cookie.
    for tag in page.find_all(["script", "link", "img", "iframe"]):
        url = tag.get("src") or tag.get("href") or ""
        assert url.startswith("/"), url
    assert "set-cookie" not in r.headers


def test_answer_without_javascript_quotes_exact_text(client, assistant):
    r = client.post("/", data={"question": "What does the Panel say about weak information sharing?"})
    assert r.status_code == 200
    page = soup(r)
    turn = page.select_one("#thread article.turn#latest")
    assert "information sharing" in turn.find("h2").get_text()
    assert turn.select_one(".turn__message").get_text() == ANSWERED
    cards = turn.select("article.quote")
    assert cards, "no quote card"
    texts = [d.text for d in assistant.index.documents.values()]
    for card in cards:
        quoted = card.find("blockquote").get_text()
        assert any(quoted in t for t in texts), "a quote is not an exact slice of a document"
        assert card.find("mark") is not None
        assert card["data-citation"] and card.select_one(".quote__citation cite")
        assert (
            card["data-citation"] == card.select_one(".quote__citation").get_text()
        )  # what Copy copies is what is shown
        assert card.select_one("a.quote__source")["href"].startswith("https://")
    assert "information sharing" in " ".join(m.get_text() for m in turn.find_all("mark"))
    # The next question is asked by GET, read after this one (routes/pages.py: Back never resubmits).
    assert page.select_one("form.ask")["method"] == "get"
    assert [i["value"] for i in page.select("form.ask input[name=after]")] == [
        "What does the Panel say about weak information sharing?"
    ]


def test_question_and_quote_are_escaped(client):
    r = client.post("/", data={"question": f"information sharing {HOSTILE}"})
    assert r.status_code == 200
    page = soup(r)
    assert page.find("img", src="x") is None
    assert all("alert" not in (s.string or "") for s in page.find_all("script"))
    heading = page.select_one("#latest h2").get_text()
    assert HOSTILE in heading  # shown as text, literally
    assert "&lt;script&gt;" in r.text


def test_quote_partial_escapes_corpus_text_and_marks_offsets(app):
    text = f"Before. {HOSTILE} is marked. After."
    start = text.index(HOSTILE)
    quote = {
        "id": "d:1",
        "text": text,
        "highlights": [[start, start + len(HOSTILE)]],
        "document": {},
        "section_path": [],
        "page": "4",
        "pdf_page": 4,
        "citation_parts": {"author": "A", "year": "2021", "title": "T<b>", "pages": "4"},
        "link": "https://example.org/r.pdf#page=4",
    }
    html = app.state.templates.get_template("partials/quote.html").render(quote=quote, n=1)
    card = BeautifulSoup(html, "html.parser")
    assert card.find("img") is None and card.find("b") is None
    assert card.find("mark").get_text() == HOSTILE
    assert card.find("blockquote").get_text() == text
    assert card.find("cite").get_text() == "T<b>"
    assert "at page 4" in card.select_one("a.quote__source").get_text()


def test_follow_up_without_javascript(client):
    first = "What does the Panel say about information sharing?"
    r = client.post("/", data={"question": "and professional curiosity?", "history": [first]})
    page = soup(r)
    turns = page.select("#thread article.turn")
    assert len(turns) == 2
    assert first in turns[0].find("h2").get_text()
    searched = turns[1].select_one("form.turn__interpreted")
    assert f"Searched as: “{first} and professional curiosity?”" in searched.get_text()
    assert [i["value"] for i in page.select("form.ask input[name=after]")] == ["and professional curiosity?"]
    assert page.select_one("a.button[href='/']").get_text() == "New conversation"
    # "Ask … on its own" (no JavaScript): a GET with that question only, read alone.
    assert searched["method"] == "get" and not searched.select("input[name=after]")
    button = searched.select_one("button[name=q]")
    again = soup(client.get("/", params={"q": button["value"]}))
    turns = again.select("#thread article.turn")
    assert len(turns) == 1 and turns[0].select_one(".turn__interpreted") is None


def test_abstains_in_fixed_words(client):
    page = soup(client.post("/", data={"question": "What is the boiling point of mercury in kelvin?"}))
    turn = page.select_one("#latest")
    assert "turn--abstained" in turn["class"]
    assert turn.select_one(".notice").get_text() == ABSTAINED
    assert turn.select("article.quote") == []
    assert turn.select_one(".turn__next a[href='/quotes']") and turn.select_one(".turn__next a[href='/documents']")


@pytest.mark.parametrize("question, message", [("x" * 1001, "too long"), ("   ", "Please type a question")])
def test_bad_question_shows_an_error_in_the_page(client, question, message):
    r = client.post("/", data={"question": question, "history": ["What are the three messages?"]})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    page = soup(r)
    assert message in page.select_one("#error-summary").get_text()
    assert page.select_one("#error-summary a")["href"] == "#question"
    box = page.find("textarea", id="question")
    assert box["aria-invalid"] == "true" and "question-error" in box["aria-describedby"]
    assert page.title.get_text().startswith("Error:")
    assert len(page.select("#thread article.turn")) == 1  # the conversation is kept


def test_unreadable_form_is_a_readable_4xx(client):
    r = client.post("/", content=b"--x\r\nbroken", headers={"content-type": "multipart/form-data; boundary=x"})
    assert 400 <= r.status_code < 500 and "Traceback" not in r.text
    assert "Please type a question" in soup(r).select_one("#error-summary").get_text()


def test_about_lists_documents_and_privacy(client, assistant):
    page = soup(client.get("/about"))
    text = page.get_text(" ")
    for doc in assistant.index.documents.values():
        assert doc.meta.title in text
    assert "never writes" in text and "not stored or logged" in text and "personal details" in text
    assert "session storage" in text and "local storage" in text and "history" in text
    assert "The full Annual Report 2020 is not among them" in text  # the bundled news item only
    assert page.select_one("nav a[aria-current=page]")["href"] == "/about"


def test_privacy_text_follows_the_question_log_setting(make_app, corpus_index, tmp_path):
    """With the question log on, no page may say that questions are not logged."""
    from fastapi.testclient import TestClient

    app = make_app(corpus_index, question_log=tmp_path / "q.jsonl", question_log_days=30)
    with TestClient(app) as c:
        for path in ("/", "/about", "/embed", "/quotes"):
            text = soup(c.get(path)).get_text(" ")
            assert "not stored or logged" not in text, path
            assert "kept for 30 days" in text, path
        assert "Your questions are logged" in soup(c.get("/about")).get_text(" ")


def test_home_page_says_what_the_index_holds(client):
    text = soup(client.get("/")).select_one("#coverage").get_text(" ")
    assert "holds 1 document: a news item" in text and "does not hold the full Annual Report 2020" in text
    assert "assistant ingest" not in text  # operator instructions stay in the CLI and docs


def test_read_in_context_highlights_the_passage(client):
    answer = client.post(
        "/api/ask", json={"question": "What does the Panel say about weak information sharing?"}
    ).json()
    q = answer["quotes"][0]
    card = soup(
        client.post("/", data={"question": "What does the Panel say about weak information sharing?"})
    ).select_one("article.quote")
    href = card.select_one("a.quote__context-link")["href"]
    assert href == f"/documents/{q['document']['id']}?start={q['start']}&end={q['end']}#passage"
    page = soup(client.get(href.split("#")[0]))
    marked = " ".join(m.get_text() for m in page.select(".doc-text mark"))
    assert " ".join(marked.split()) == " ".join(q["text"].split())
    assert page.select_one("mark#passage") is not None
    # The passage can go into the basket from here, with its offsets, edition and citation.
    add = page.select_one(".doc-passage-add")
    assert (add["data-doc"], int(add["data-start"]), int(add["data-end"])) == (
        q["document"]["id"],
        q["start"],
        q["end"],
    )
    assert add["data-text"] == q["text"] and add["data-edition"] == q["document"]["edition"]
    assert add.select_one(".quote__citation cite").get_text() == q["citation_parts"]["title"]
    assert add.select_one("button[data-basket-add][hidden]") is not None  # shown by basket.js
    assert page.select_one("script[src*=basket]") is not None  # and the header's basket count
    assert not soup(client.get(f"/documents/{q['document']['id']}?start=x&end=99999999")).select(".doc-text mark")


def test_favicon_is_served(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert soup(client.get("/")).select_one("link[rel=icon]")["href"].endswith("favicon.svg")


def test_feedback_counts_per_quote_only(client):
    answer = client.post("/api/ask", json={"question": "Why does the voice of the child matter?"}).json()
    ids = [q["id"] for q in answer["quotes"]]
    before = client.get("/metrics").text
    r = client.post("/feedback", data={"quote": [*ids, "no-such:1"], "useful": "yes"})
    assert r.status_code == 200 and "Thank you" in r.text
    after = client.get("/metrics").text
    line = f'assistant_feedback_total{{quote="{ids[0]}",useful="yes"}}'
    count = lambda text: float(next((ln.split()[-1] for ln in text.splitlines() if ln.startswith(line)), "0"))  # noqa: E731
    assert count(after) == count(before) + 1
    assert "no-such" not in after and "voice" not in after
    assert client.post("/feedback", data={"quote": ids, "useful": "maybe"}).status_code == 422
    assert client.post("/feedback", data={"quote": ["no-such:1"], "useful": "no"}).status_code == 422


def test_embed_page_and_allowlist(partner_client):
    r = partner_client.get("/embed", params={"origin": PARTNER, "title": HOSTILE, "placeholder": "Ask <b>me</b>"})
    assert r.status_code == 200
    assert f"frame-ancestors 'self' {PARTNER}" in r.headers["content-security-policy"]
    assert "x-frame-options" not in r.headers
    page = soup(r)
    assert page.body["data-parent-origin"] == PARTNER
    assert page.find("header") is None and page.find("img") is None
    assert page.select_one("h1").get_text() == HOSTILE[:80]
    assert page.find("textarea")["placeholder"] == "Ask <b>me</b>"
    assert page.select_one("form.ask")["action"] == "/embed#latest"
    # An origin off the allowlist is never echoed as a postMessage target.
    other = soup(partner_client.get("/embed", params={"origin": "https://evil.example"}))
    assert not other.body.has_attr("data-parent-origin")


def test_embed_answers_without_javascript_and_keeps_options(partner_client):
    r = partner_client.post("/embed", data={"question": "voice of the child", "title": "Ask us", "origin": PARTNER})
    page = soup(r)
    assert page.select_one("h1").get_text() == "Ask us"
    assert page.select("#latest article.quote")
    assert page.select_one("form.ask input[name=origin]")["value"] == PARTNER
    assert page.select_one("a.quote__source")["target"] == "_blank"
    assert page.select_one("a.button.secondary")["href"].startswith("/embed?title=Ask+us")


def test_only_embed_is_frameable(partner_client):
    for path in ("/", "/about", "/embed-help"):
        r = partner_client.get(path)
        assert r.headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path


def test_cors_allows_exactly_the_partner(partner_client):
    body = {"question": "voice of the child"}
    ok = partner_client.post("/api/ask", json=body, headers={"Origin": PARTNER})
    assert ok.headers.get("access-control-allow-origin") == PARTNER
    bad = partner_client.post("/api/ask", json=body, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in bad.headers


def test_embed_help_has_the_snippets(partner_client):
    page = soup(partner_client.get("/embed-help"))
    code = " ".join(c.get_text() for c in page.find_all("code"))
    assert '<script src="http://testserver/widget.js" defer' in code
    assert '<iframe src="http://testserver/embed"' in code and 'allow="clipboard-write"' in code
    # The allowlist is not published: partners ask the operator.
    assert "ASSISTANT_EMBED_ORIGINS" not in code and PARTNER not in page.get_text()
    assert "Ask the operator to add your site" in page.get_text()
    assert [b["data-copy"] for b in page.select("button[data-copy]")] == ["snippet-script", "snippet-frame"]
    assert page.select_one("iframe#embed-preview")["src"].startswith("/embed?")
    for option in ("data-title", "data-accent", "data-position", "data-offset", "data-open", "data-placeholder"):
        assert option in code


def test_widget_script_is_small_and_self_contained(client):
    r = client.get("/widget.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    assert len(gzip.compress(r.content, 9)) < 10 * 1024
    source = r.text
    assert re.findall(r"window\.(\w+)\s*=", source) == ["SafeguardingAssistant"]
    assert not re.search(r"document\.cookie|localStorage|sessionStorage|indexedDB", source)
    assert (WEB_DIR / "static" / "widget.js").read_bytes() == r.content


def test_questions_are_not_logged(client, caplog):
    secret = "Zebedee Quartermaine-Holloway information sharing"
    with caplog.at_level("DEBUG"):
        client.post("/", data={"question": secret, "history": ["voice of the child"]})
        client.post("/", data={"question": secret + "x" * 1000})
        client.post("/embed", data={"question": secret})
    assert "Zebedee" not in caplog.text
