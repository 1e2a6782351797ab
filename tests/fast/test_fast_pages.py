"""The pages over the fake index: the chat without JavaScript (POST), the finder (GET) in each
mode, and the document pages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from test_fast_api import ANSWERABLE, UNANSWERABLE

from assistant.answering.answers import ABSTAINED, ANSWERED, PARTIAL

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(("question", "doc", "words"), ANSWERABLE)
def test_the_chat_answers_without_javascript_in_exact_quotes(client, index, question, doc, words, method):
    if method == "GET":  # the chat form asks by GET (?q=), so Back never resubmits
        r = client.get("/", params={"q": question})
    else:
        r = client.post("/", data={"question": question})
    assert r.status_code == 200 and "set-cookie" not in r.headers
    turn = soup(r).select_one("#thread article.turn#latest")
    assert question in turn.find("h2").get_text()
    assert turn.select_one(".turn__message").get_text() in (ANSWERED, PARTIAL)
    cards = turn.select("article.quote")
    assert cards
    texts = [flat(d.text) for d in index.documents.values()]
    for card in cards:
        assert any(flat(card.find("blockquote").get_text()) in t for t in texts)  # paragraphs are drawn apart
        assert card["data-citation"] == card.select_one(".quote__citation").get_text()
    assert any(words in c.find("blockquote").get_text() for c in cards)


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_the_chat_declines_in_fixed_words(client, question):
    turn = soup(client.post("/", data={"question": question})).select_one("#latest")
    assert "turn--abstained" in turn["class"]
    assert turn.select_one(".notice").get_text() == ABSTAINED
    assert turn.select("article.quote") == []


def test_the_question_is_shown_as_text(client):
    r = client.post("/", data={"question": f"professional curiosity {HOSTILE}"})
    page = soup(r)
    assert page.find("img", src="x") is None
    assert HOSTILE in page.select_one("#latest h2").get_text()


def test_a_get_follow_up_is_read_with_the_question_before(client):
    page = soup(client.get("/", params={"q": "and in supervision?", "after": "What did reviews find about curiosity?"}))
    turn = page.select_one("#latest")
    assert turn["data-turn"] == "2" and turn.select_one(".turn__interpreted")
    assert "curiosity" in " ".join(b.get_text() for b in turn.select("blockquote"))


def test_the_thread_is_kept_in_the_form(client):
    first = "What did reviews find about professional curiosity?"
    page = soup(client.post("/", data={"question": "What is neglect?", "history": [first]}))
    assert len(page.select("#thread article.turn")) == 2
    assert [i["value"] for i in page.select("form.ask input[name=after]")] == ["What is neglect?"]


@pytest.mark.parametrize(("question", "message"), [("x" * 1001, "too long"), ("   ", "Please type a question")])
def test_a_bad_question_is_an_error_in_the_page(client, question, message):
    r = client.post("/", data={"question": question})
    assert r.status_code == 422
    assert message in soup(r).select_one("#error-summary").get_text()


def test_a_worried_question_is_pointed_to_help(client):
    page = soup(client.post("/", data={"question": "I am worried a child is being hurt at home right now"}))
    links = [a["href"] for a in page.select("#latest a")]
    assert any("gov.uk" in h or "nspcc" in h for h in links)


@pytest.mark.parametrize("path", ["/", "/about", "/documents", "/quotes", "/docs", "/embed-help"])
def test_pages_render_with_no_outside_resource(client, path):
    r = client.get(path)
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    for tag in soup(r).find_all(["script", "link", "img", "iframe"]):
        assert (tag.get("src") or tag.get("href") or "/").startswith(("/", "http://testserver/"))


@pytest.mark.parametrize(
    "doc", ["riverside-review", "training-notes", "safer-sleep", "neglect-guidance", "annual-review-2031"]
)
def test_each_document_page_shows_its_title(client, index, doc):
    r = client.get(f"/documents/{doc}")
    assert r.status_code == 200
    assert index.documents[doc].meta.title in soup(r).get_text()


def test_read_in_context_marks_the_quote(client):
    quote = client.post("/api/ask", json={"question": "What is neglect?"}).json()["quotes"][0]
    span = {"start": quote["start"], "end": quote["end"]}
    page = soup(client.get(f"/documents/{quote['document']['id']}", params=span))
    assert quote["text"][:40] in " ".join(m.get_text() for m in page.find_all("mark"))


# ---------------------------------------------------------------- the finder page


@pytest.mark.parametrize("mode", ["phrase", "words", "meaning"])
@pytest.mark.parametrize("q", ["professional curiosity", "neglect", "health visitors"])
def test_the_finder_page_finds_quotes_in_each_mode(client, index, mode, q):
    r = client.get("/quotes", params={"q": q, "mode": mode})
    assert r.status_code == 200
    quoted = [flat(b.get_text()) for b in soup(r).select("blockquote")]
    assert quoted
    texts = [flat(d.text) for d in index.documents.values()]
    assert all(any(t in d for d in texts) for t in quoted)


@pytest.mark.parametrize("length", ["sentence", "context", "passage"])
def test_the_finder_page_lengths_nest(client, length):
    r = client.get("/quotes", params={"q": "chronology", "mode": "phrase", "length": length})
    assert r.status_code == 200 and soup(r).select("blockquote")


@pytest.mark.parametrize(
    "params", [{"mode": "fuzzy"}, {"order": "sideways"}, {"length": "page"}, {"page": "0"}, {"page": "99999"}]
)
def test_the_finder_page_falls_back_on_unknown_choices(client, params):
    assert client.get("/quotes", params={"q": "neglect", **params}).status_code == 200


def test_the_finder_page_shows_an_error_for_an_unknown_document(client):
    r = client.get("/quotes", params={"q": "neglect", "document": "nope"})
    assert r.status_code == 422 and soup(r).select_one(".error-summary")


def test_the_finder_page_suggests_a_spelling(client):
    r = client.get("/quotes", params={"q": "chronolgy", "mode": "phrase"})
    assert "chronology" in soup(r).get_text()
