"""The JSON API through the real app (ASGI client): shapes, errors and odd input."""

from __future__ import annotations

import pytest

from assistant.answering.answers import ABSTAINED


def ask(client, **body):
    return client.post("/api/ask", json=body)


def test_ask_returns_quotes_with_offsets_into_the_document(client):
    r = ask(client, question="What does the report say about professional curiosity?")
    assert r.status_code == 200
    data = r.json()
    assert data["answered"] is True
    assert set(data) >= {"question", "answered", "message", "quotes"}
    assert 1 <= len(data["quotes"]) <= 3
    quote = data["quotes"][0]
    assert set(quote) >= {
        "id",
        "text",
        "highlights",
        "document",
        "section",
        "page",
        "start",
        "end",
        "score",
        "citation",
    }
    assert set(quote["document"]) >= {"id", "title", "source"}
    text = client.get(f"/api/documents/{quote['document']['id']}/text").json()["text"]
    for q in data["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    assert "professional curiosity" in quote["text"]


def test_the_answer_is_serialised_as_its_schema_says(client):
    """/api/ask serialises the Answer itself (no second validation): the bytes are what
    FastAPI's response_model would have written, for an answer and for an abstention."""
    from pydantic import TypeAdapter

    from assistant.quoting.models import Answer

    for question in ("What does the report say about professional curiosity?", "What is the capital of France?"):
        r = ask(client, question=question)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json"
        again = TypeAdapter(Answer).dump_json(Answer.model_validate_json(r.content), by_alias=True)
        assert r.content == again


def test_a_quote_carries_its_citation_as_data(client):
    """``citation`` (Markdown, kept for old clients) is rendered from ``citation_parts``; ``section``
    from ``section_path``: a client needs to parse neither."""
    from assistant.quoting.citations import Citation, markdown

    data = ask(client, question="What does the report say about professional curiosity?").json()
    for q in data["quotes"]:
        parts = q["citation_parts"]
        assert set(parts) == {"author", "year", "title", "kind", "pages", "section", "url", "publisher", "place"}
        assert q["citation"] == markdown(Citation(**parts))
        assert parts["title"] == q["document"]["title"] and parts["url"] == q["link"] and parts["pages"] == q["page"]
        assert isinstance(q["section_path"], list)
        assert q["section"] == (" › ".join(q["section_path"]) or None)
        if parts["section"]:
            assert parts["section"] == q["section_path"][-1]
    context = client.get(f"/api/passages/{data['quotes'][0]['id']}/context").json()
    assert context["passage"]["citation_parts"]["title"] == data["quotes"][0]["document"]["title"]


def test_k_limits_the_quotes(client):
    data = ask(client, question="What are the messages of the report about reviews and learning?", k=1).json()
    assert len(data["quotes"]) == 1


def test_abstention_over_the_api(client):
    data = ask(client, question="What is the best laptop to buy?").json()
    assert data == {**data, "answered": False, "message": ABSTAINED, "quotes": []}


@pytest.mark.parametrize(
    "body, fragment",
    [
        ({"question": ""}, "Please type a question"),
        ({"question": "   \n\t "}, "Please type a question"),
        ({"question": "x" * 1001}, "too long"),
        ({"question": 42}, "question"),
        ({"question": None}, "question"),
        ({"question": ["a list"]}, "question"),
        ({}, "question"),
        ({"question": "ok?", "k": 0}, "k"),
        ({"question": "ok?", "k": 11}, "k"),
        ({"question": "ok?", "k": "3"}, "k"),
        ({"question": "ok?", "colour": "blue"}, "colour"),
        ({"question": "ok?", "history": "not a list"}, "history"),
        ({"question": "ok?", "history": ["y" * 1001]}, "too long"),
        ({"question": "\x00\x01\x02"}, "Please type a question"),
    ],
)
def test_bad_questions_get_a_readable_422(client, body, fragment):
    r = client.post("/api/ask", json=body)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and fragment in detail
    assert "Traceback" not in r.text


@pytest.mark.parametrize(
    "raw, ctype",
    [
        (b"{not json", "application/json"),
        (b"question=hi", "application/x-www-form-urlencoded"),
        (b"", "application/json"),
    ],
)
def test_malformed_bodies_are_4xx(client, raw, ctype):
    r = client.post("/api/ask", content=raw, headers={"content-type": ctype})
    assert 400 <= r.status_code < 500
    assert isinstance(r.json()["detail"], str)


@pytest.mark.parametrize(
    "question",
    [
        "What about\x00 professional\x07 curiosity?",
        "professional curiosity 🙂👍🏽",
        "ما هو الفضول المهني؟ professional curiosity",
        "\u202eprofessional curiosity\u202c",
        "Professional\u200b curiosity?",
    ],
)
def test_odd_characters_are_answered_cleanly(client, question):
    r = ask(client, question=question)
    assert r.status_code == 200
    data = r.json()
    assert "\x00" not in data["question"] and "\u202e" not in data["question"]
    assert isinstance(data["answered"], bool)


def test_exactly_1000_characters_is_allowed(client):
    question = ("professional curiosity " * 60)[:1000]
    assert ask(client, question=question).status_code == 200


def test_documents_and_text(client):
    docs = client.get("/api/documents").json()
    assert [d["document"]["id"] for d in docs] == ["panel-annual-report-2020-news"]
    assert docs[0]["passages"] >= 5
    text = client.get("/api/documents/panel-annual-report-2020-news/text").json()
    assert text["text"].startswith("National Safeguarding Practice Review Panel")
    assert len(text["content_hash"]) == 64
    assert client.get("/api/documents/nope/text").status_code == 404


def test_passage_context_gives_the_neighbours_without_repeating_text(client):
    quote = ask(client, question="What is the second core message?").json()["quotes"][0]
    ctx = client.get(f"/api/passages/{quote['id']}/context").json()
    text = client.get("/api/documents/panel-annual-report-2020-news/text").json()["text"]
    parts = ctx["before"] + [ctx["passage"]] + ctx["after"]
    assert ctx["before"] and ctx["after"]
    for part in parts:
        assert text[part["start"] : part["end"]] == part["text"]
    assert all(a["end"] <= b["start"] for a, b in zip(parts, parts[1:], strict=False))
    assert client.get("/api/passages/nope:1/context").status_code == 404
    assert client.get(f"/api/passages/{quote['id']}/context?before=99").status_code == 422


def test_health_and_openapi(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["passages"] >= 5 and health["build"].startswith("build-")
    schema = client.get("/openapi.json").json()
    assert "/api/ask" in schema["paths"]
