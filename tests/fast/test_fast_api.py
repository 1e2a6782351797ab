"""The JSON API over the fake index: /api/ask, /api/search, documents and context, and the
readable 4xx every bad request gets."""

from __future__ import annotations

import pytest

ANSWERABLE = [
    ("How many rapid reviews did the Riverside partnership complete?", "riverside-review", "nine rapid reviews"),
    ("What did reviews find about professional curiosity?", "riverside-review", "professional curiosity"),
    ("What is the risk of co-sleeping after drinking alcohol?", "safer-sleep", "Co-sleeping after drinking"),
    ("What is neglect?", "neglect-guidance", "persistent failure"),
    ("What is a chronology of small concerns?", "neglect-guidance", "chronology of small concerns"),
    ("What did the reviews say about working with fathers?", "annual-review-2031", "fathers"),
    ("information sharing between schools and health visitors", "riverside-review", "Information sharing"),
    ("When will the partnership publish a seven minute briefing on escalation?", "riverside-review", "March 2033"),
]
UNANSWERABLE = [
    "What is the capital of France?",
    "How do I bake sourdough bread?",
    "Which football team won the cup final?",
    "What is the boiling point of mercury?",
]


def ask(client, **body):
    return client.post("/api/ask", json=body)


@pytest.mark.parametrize(("question", "doc", "words"), ANSWERABLE)
def test_an_answer_quotes_the_passage_that_holds_it(client, question, doc, words):
    r = ask(client, question=question)
    assert r.status_code == 200
    data = r.json()
    assert data["answered"] is True, data
    assert data["quotes"][0]["document"]["id"] == doc
    assert any(words in q["text"] for q in data["quotes"])


@pytest.mark.parametrize(("question", "doc", "words"), ANSWERABLE)
def test_every_quote_is_an_exact_slice_with_its_citation(client, question, doc, words):
    data = ask(client, question=question).json()
    for q in data["quotes"]:
        text = client.get(f"/api/documents/{q['document']['id']}/text").json()["text"]
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["citation"] and q["citation_parts"]["title"] == q["document"]["title"]
        for a, b in q["highlights"]:
            assert 0 <= a < b <= len(q["text"])


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_a_question_the_documents_do_not_answer_is_declined_with_what_is_missing(client, question):
    data = ask(client, question=question).json()
    assert data["answered"] is False
    assert data["quotes"] == []
    assert data["missing"], data
    assert data["signpost"] and data["signpost"]["links"]


@pytest.mark.parametrize("k", [1, 2, 3])
def test_k_caps_the_quotes(client, k):
    data = ask(client, question="What did reviews find about professional curiosity?", k=k).json()
    assert 1 <= len(data["quotes"]) <= k


def test_a_follow_up_is_read_with_the_previous_question(client):
    data = ask(
        client, question="and in supervision?", history=["What did reviews find about professional curiosity?"]
    ).json()
    assert data["interpreted_as"] and "professional curiosity" in data["interpreted_as"]


def test_the_same_question_gets_the_same_answer(client):
    one = ask(client, question="What is neglect?").json()
    two = ask(client, question="What is neglect?").json()
    assert one == two


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"question": ""},
        {"question": "   "},
        {"question": 42},
        {"question": None},
        {"question": ["a list"]},
        {"question": "x" * 1001},
        {"question": "What is neglect?", "k": 0},
        {"question": "What is neglect?", "k": 11},
        {"question": "What is neglect?", "k": "three"},
        {"question": "What is neglect?", "k": 2.5},
        {"question": "What is neglect?", "history": "not a list"},
        {"question": "What is neglect?", "history": [1, 2]},
        {"question": "What is neglect?", "history": ["q"] * 21},
        {"question": "What is neglect?", "unknown": 1},
    ],
)
def test_bad_questions_get_a_readable_4xx(client, body):
    r = ask(client, **body)
    assert 400 <= r.status_code < 500, r.text
    detail = r.json()["detail"]
    assert detail and "Traceback" not in str(detail)


@pytest.mark.parametrize(
    "raw", [b"", b"{", b"not json", b"[]", b'"a string"', b"\xff\xfe", b'{"question": "\\ud800 half an emoji"}']
)
def test_a_body_that_is_not_a_question_object_is_a_4xx(client, raw):
    r = client.post("/api/ask", content=raw, headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500


def test_documents_lists_every_document_with_its_passages(client, index):
    data = client.get("/api/documents").json()
    assert {d["document"]["id"] for d in data} == set(index.documents)
    assert all(d["passages"] >= 1 for d in data)


@pytest.mark.parametrize("doc", ["riverside-review", "training-notes", "safer-sleep", "neglect-guidance"])
def test_document_text_is_the_indexed_text(client, index, doc):
    data = client.get(f"/api/documents/{doc}/text").json()
    assert data["text"] == index.documents[doc].text
    assert data["content_hash"] == index.documents[doc].content_hash


@pytest.mark.parametrize("path", ["/api/documents/nope/text", "/api/passages/nope/context", "/documents/nope"])
def test_unknown_ids_are_404(client, path):
    assert client.get(path).status_code == 404


def test_passage_context_surrounds_the_passage(client):
    quote = ask(client, question="What is a chronology of small concerns?").json()["quotes"][0]
    data = client.get(f"/api/passages/{quote['id']}/context", params={"before": 2, "after": 2}).json()
    assert data["passage"]["id"] == quote["id"]
    ordered = [*data["before"], data["passage"], *data["after"]]
    assert [q["start"] for q in ordered] == sorted(q["start"] for q in ordered)


@pytest.mark.parametrize("params", [{"before": -1}, {"after": 6}, {"before": "x"}])
def test_passage_context_bounds(client, params):
    quote = ask(client, question="What is neglect?").json()["quotes"][0]
    assert client.get(f"/api/passages/{quote['id']}/context", params=params).status_code == 422


# ---------------------------------------------------------------- /api/search


@pytest.mark.parametrize(
    ("q", "count"),
    [("professional curiosity", 3), ("safer sleep", 2), ("chronology", 2), ("no such phrase anywhere", 0)],
)
def test_phrase_search_counts_every_occurrence(client, q, count):
    data = client.get("/api/search", params={"q": q, "mode": "phrase"}).json()
    assert data["count"] >= count if count else data["count"] == 0
    for r in data["results"]:
        a, b = r["match"]
        text = client.get(f"/api/documents/{r['document']['id']}/text").json()["text"]
        assert q.lower().split()[0] in text[a:b].lower()


@pytest.mark.parametrize("mode", ["phrase", "words", "meaning"])
@pytest.mark.parametrize("length", ["sentence", "context", "passage"])
def test_every_mode_and_length_returns_exact_quotes(client, mode, length):
    data = client.get("/api/search", params={"q": "neglect", "mode": mode, "length": length}).json()
    assert data["mode"] == mode and data["length"] == length
    assert data["results"], data
    for r in data["results"]:
        text = client.get(f"/api/documents/{r['document']['id']}/text").json()["text"]
        assert text[r["start"] : r["end"]] == r["text"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "neglect", "mode": "fuzzy"},
        {"q": "neglect", "length": "page"},
        {"q": "neglect", "order": "random"},
        {"q": "neglect", "limit": 0},
        {"q": "neglect", "offset": -1},
        {"q": "neglect", "document": "nope"},
        {"q": "neglect", "section": "no-such-section"},
        {"q": "x" * 1001},
    ],
)
def test_bad_searches_get_a_readable_4xx(client, params):
    r = client.get("/api/search", params=params)
    assert 400 <= r.status_code < 500, r.text
    assert r.json()["detail"]


def test_a_misspelt_phrase_suggests_the_documents_own_word(client):
    data = client.get("/api/search", params={"q": "chronolgy", "mode": "phrase"}).json()
    assert data["count"] == 0
    assert "chronology" in data["suggestions"]


def test_search_in_one_document(client):
    data = client.get("/api/search", params={"q": "reviews", "mode": "words", "document": "riverside-review"}).json()
    assert data["results"] and {r["document"]["id"] for r in data["results"]} == {"riverside-review"}


def test_search_pages_do_not_overlap(client):
    first = client.get("/api/search", params={"q": "the", "mode": "words", "limit": 3}).json()
    second = client.get("/api/search", params={"q": "the", "mode": "words", "limit": 3, "offset": 3}).json()
    assert first["count"] == second["count"] > 6
    assert {(r["document"]["id"], r["start"]) for r in first["results"]}.isdisjoint(
        {(r["document"]["id"], r["start"]) for r in second["results"]}
    )


def test_position_order_follows_the_documents(client):
    data = client.get(
        "/api/search", params={"q": "reviews", "mode": "words", "order": "position", "document": "riverside-review"}
    ).json()
    starts = [r["start"] for r in data["results"]]
    assert starts == sorted(starts)


def test_health_counts_the_fake_index(client, index):
    data = client.get("/healthz").json()
    assert data["documents"] == len(index.documents) and data["passages"] == len(index.passages)
    assert client.get("/readyz").status_code == 200
