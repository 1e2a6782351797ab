"""The quotation finder's trust features: "Similar meaning" shows only passages above the
relevance bar, labelled as similar passages; retrieval follows the settings like the chat's;
an exact phrase with no match offers "Did you mean" from the index's own words."""

from __future__ import annotations

import numpy as np
import pytest
from bs4 import BeautifulSoup

from assistant.answering.answers import SHOW_SHARE


@pytest.fixture(scope="module")
def rrf_client(make_app, corpus_index):
    from fastapi.testclient import TestClient

    with TestClient(make_app(corpus_index, fusion="rrf")) as c:
        yield c


def meaning(client, q: str) -> dict:
    r = client.get("/api/search", params={"q": q, "mode": "meaning"})
    assert r.status_code == 200, r.text
    return r.json()


def expected_order(helper, q: str) -> list[int]:
    """The chat's retrieval for ``q`` (same settings, same bar), as best-sentence starts."""
    qvec, hits = helper.similar(q, helper.index)
    starts = []
    for hit, _ in hits:
        p = hit.passage
        scores = np.asarray(helper.index.sentence_vectors[helper.index.sentence_rows(p)]) @ qvec.reshape(-1)
        start = p.sentences[int(scores.argmax())][0]
        if start not in starts:  # overlapping passages share their best sentence: shown once
            starts.append(start)
    return starts


def test_meaning_results_clear_the_relevance_bar(client, assistant):
    found = meaning(client, "voice of the child")
    bar = assistant.threshold(assistant.index) * SHOW_SHARE
    assert 0 < found["count"] == len(found["results"]) <= assistant.settings.candidates
    assert all(r["score"] >= bar for r in found["results"])
    assert meaning(client, "recipe for banana bread")["count"] == 0


@pytest.mark.parametrize("q", ["voice of the child", "work programme priorities"])
def test_meaning_search_follows_the_fusion_setting_like_the_chat(client, rrf_client, q):
    linear, rrf = meaning(client, q), meaning(rrf_client, q)
    assert [r["match"][0] for r in linear["results"]] == expected_order(client.app.state.assistant, q)
    assert [r["match"][0] for r in rrf["results"]] == expected_order(rrf_client.app.state.assistant, q)
    assert rrf_client.app.state.assistant.settings.fusion == "rrf"


def test_fusion_setting_changes_the_finder_ranking(client, rrf_client):
    q = "voice of the child"
    assert [r["match"] for r in meaning(client, q)["results"]] != [
        r["match"] for r in meaning(rrf_client, q)["results"]
    ]


def test_meaning_page_says_similar_passages_not_matches(client):
    page = BeautifulSoup(
        client.get("/quotes", params={"q": "voice of the child", "mode": "meaning"}).text, "html.parser"
    )
    title = page.select_one("#results-title").get_text()
    assert "similar passage" in title and "match" not in title
    empty = BeautifulSoup(
        client.get("/quotes", params={"q": "recipe for banana bread", "mode": "meaning"}).text, "html.parser"
    )
    assert "0 similar passages" in empty.select_one("#results-title").get_text()
    assert "close enough in meaning" in empty.select_one(".results").get_text()


def test_phrase_with_no_match_offers_did_you_mean(client):
    found = client.get("/api/search", params={"q": "profesional curiousity"}).json()
    assert found["count"] == 0 and found["suggestions"][0] == "professional curiosity"
    page = BeautifulSoup(client.get("/quotes", params={"q": "profesional curiousity"}).text, "html.parser")
    link = page.select_one(".did-you-mean a")
    assert link.get_text() == "professional curiosity" and "q=professional+curiosity" in link["href"]
    # Followed, the suggestion finds the phrase.
    assert client.get("/api/search", params={"q": "professional curiosity"}).json()["count"] >= 1


def test_no_suggestion_when_the_phrase_is_found_or_every_word_is_known(client):
    assert client.get("/api/search", params={"q": "professional curiosity"}).json()["suggestions"] == []
    assert client.get("/api/search", params={"q": "curiosity professional"}).json()["suggestions"] == []
    assert client.get("/api/search", params={"q": "zzqxv"}).json()["suggestions"] == []
