"""The library: document facts (kind, publisher, year, topics), one filter everywhere (API, CLI,
chat with and without JavaScript, finder) applied inside retrieval, and facets.

The four documents are invented for the tests (Northshire, Westvale, "Baby K"); each says
something about bruising in babies who cannot yet crawl, so an unfiltered question draws on
several of them and a filter decides which one answers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest

from assistant.ingest import library
from assistant.ingest.documents import DocumentMeta

DOCS = {
    "northshire-annual-report-2021": (
        {
            "title": "Northshire Safeguarding Annual Report 2021",
            "publisher": "Northshire Safeguarding Partnership",
            "date": "2021-06-01",
        },
        "Our year\n\nThe partnership audited forty cases this year. Bruising in babies who cannot yet crawl was "
        "a theme of the audit, and practitioners asked for a clearer pathway for referral.\n\nTraining reached "
        "two hundred staff across health, police and schools.\n",
    ),
    "baby-k-review": (
        {
            "title": "Local child safeguarding practice review: Baby K",
            "publisher": "Northshire Safeguarding Partnership",
            "date": "2022-03-01",
        },
        "Findings\n\nA health visitor saw a small bruise on the cheek of Baby K, who could not yet crawl, and did "
        "not refer it, because the explanation given by the parent seemed plausible. When a baby who cannot "
        "crawl has a bruise, the bruise should be referred at once for a paediatric assessment.\n\n"
        "The review found that the referral pathway was not known to the midwifery team.\n",
    ),
    "baby-k-briefing": (
        {
            "title": "7-minute briefing: Baby K",
            "publisher": "Westvale Safeguarding Children Partnership",
            "date": "2023-01-15",
        },
        "Why it matters\n\nBruising in a baby who cannot crawl is rare and can be the first sign of abuse. "
        "Practitioners should look, ask and refer every bruise, whatever explanation is offered.\n\n"
        "Questions for your team\n\nDo you know the bruising protocol for babies in your area?\n",
    ),
    "invisible-risks": (
        {
            "title": "Invisible risks: what we learned about infants",
            "publisher": "Child Safeguarding Practice Review Panel",
            "date": "2020-09-01",
            "kind": "national review",
            "topics": ["bruising", "infants"],
        },
        "Summary\n\nAcross the reviews we read, bruising in infants who were not yet mobile was often noticed "
        "but explained away. When a baby who cannot crawl has a bruise, every agency should be curious and "
        "should refer it, because a small bruise can be a sentinel injury.\n",
    ),
}
KIND_OF = {
    "northshire-annual-report-2021": "annual-report",
    "baby-k-review": "local-review",
    "baby-k-briefing": "briefing",
    "invisible-risks": "national-review",
}
PANEL = "Child Safeguarding Practice Review Panel"
QUESTION = "What should happen when a baby who cannot crawl has a bruise?"
CLI = [sys.executable, "-m", "assistant"]


def toml_value(value) -> str:
    return json.dumps(value)  # strings and lists of strings are valid TOML as JSON writes them


@pytest.fixture(scope="module")
def library_docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library-docs")
    for doc_id, (meta, text) in DOCS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        side = "\n".join(f"{k} = {toml_value(v)}" for k, v in {"id": doc_id, **meta}.items())
        (folder / f"{doc_id}.meta.toml").write_text(side + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def library_index(build_index, library_docs):
    return build_index([library_docs], "library-index")


@pytest.fixture(scope="module")
def library_app(make_app, library_index):
    return make_app(library_index)


@pytest.fixture(scope="module")
def lib_client(library_app):
    from fastapi.testclient import TestClient

    with TestClient(library_app) as c:
        yield c


def cli(*args, timeout=180):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, env=env)


def docs_of(answer: dict) -> set[str]:
    return {q["document"]["id"] for q in answer["quotes"]}


# ---------------------------------------------------------------- facts (no model)


@pytest.mark.parametrize(
    "word, kind",
    [
        ("Local review (LCSPR/SCR)", "local-review"),
        ("local_review", "local-review"),
        ("SCR", "local-review"),
        ("annual report", "annual-report"),
        ("News item", "news"),
        ("press release", "news"),
        ("7-minute briefing", "briefing"),
        ("cookery", None),
    ],
)
def test_kind_words(word, kind):
    assert library.kind_value(word) == kind


@pytest.mark.parametrize(
    "meta, kind",
    [
        (DocumentMeta("a", "Local Child Safeguarding Practice Review: Child L"), "local-review"),
        (DocumentMeta("a", "Serious case review: Family B"), "local-review"),
        (DocumentMeta("a", "Seven minute briefing on neglect"), "briefing"),
        (DocumentMeta("a", "Annual report 2020", kind="report"), "annual-report"),
        (DocumentMeta("a", "Working together to safeguard children"), "guidance"),
        (DocumentMeta("a", "Panel publishes its report", kind="news story"), "news"),
        (DocumentMeta("a", "Safeguarding children with disabilities", kind="statutory guidance"), "guidance"),
        (
            DocumentMeta(
                "a", "The myth of invisible men", kind="report", publisher="Child Safeguarding Practice Review Panel"
            ),
            "national-review",
        ),
        (DocumentMeta("a", "Minutes of a meeting"), "other"),
    ],
)
def test_kinds_are_detected_from_title_and_source(meta, kind):
    assert library.detect(meta)["kind"] == kind


def test_facts_carry_publisher_year_and_topics():
    meta = DocumentMeta("a", "A review", author="Panel", date="2021-05-14", topics="neglect, online harm")
    assert library.detect(meta) == {
        "kind": "other",
        "publisher": "Panel",
        "year": 2021,
        "topics": ["neglect", "online harm"],
    }


def test_an_unknown_kind_is_refused_and_labels_are_read_as_kinds():
    from pydantic import ValidationError

    assert library.Filters(kinds=["Local review (LCSPR/SCR)", "briefing"]).kinds == ["local-review", "briefing"]
    with pytest.raises(ValidationError):
        library.Filters(kinds=["cookbook"])
    with pytest.raises(ValidationError):
        library.Filters(year_from=20)


def test_the_filter_is_applied_inside_the_vector_search(monkeypatch):
    """The nearest rows are all outside the filter, yet the allowed rows come back, n of them:
    the search itself is restricted (exact over a small subset, a FAISS selector over a large one)."""
    from types import SimpleNamespace

    from assistant.answering import retrieval as search
    from assistant.index import vectors

    rng = np.random.default_rng(7)
    vecs = rng.standard_normal((3000, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    q = vecs[0]
    near = np.argsort(-(vecs @ q))
    allowed = np.zeros(len(vecs), bool)
    allowed[near[-300:]] = True  # the 300 farthest rows only
    for spec in ({"type": "flat-ip"}, {"type": "ivf-sq8", "nlist": 16, "nprobe": 16}):
        index = SimpleNamespace(dense=vectors.FaissStore(vectors.make_dense(vecs, spec)), passage_vectors=vecs)
        for exact_up_to in (10_000, 0):  # the subset scored exactly; the FAISS selector
            monkeypatch.setattr(search, "EXACT_SUBSET", exact_up_to)
            rows, scores = search.dense_ranking(index, q, 20, allowed)
            assert len(rows) == 20 and allowed[rows].all()
            if spec["type"] == "flat-ip":
                assert list(rows) == [r for r in near if allowed[r]][:20]
    empty = np.zeros(len(vecs), bool)
    assert len(search.dense_ranking(index, q, 20, empty)[0]) == 0


# ---------------------------------------------------------------- the index and the CLI's list


def test_documents_list_their_facts(library_index):
    from assistant.index.store import list_documents

    rows = {r["id"]: r for r in list_documents(library_index)}
    assert {d: r["kind"] for d, r in rows.items()} == KIND_OF
    assert rows["baby-k-review"]["year"] == 2022
    assert rows["baby-k-briefing"]["publisher"] == "Westvale Safeguarding Children Partnership"
    assert rows["invisible-risks"]["topics"] == ["bruising", "infants"]


def test_bm25_is_restricted_to_the_filter(library_index, make_assistant):
    from assistant.answering.retrieval import bm25_ranking, hybrid

    helper = make_assistant(library_index)
    index = helper.index
    mask = library.row_mask(index, {"baby-k-briefing"})
    rows, _ = bm25_ranking(index, "bruise baby crawl", 50, (), mask)
    assert len(rows) and all(index.passages[r].doc_id == "baby-k-briefing" for r in rows)
    qvec = helper.encoder.encode_query(QUESTION)
    hits = hybrid(index, qvec, QUESTION, candidates=2, doc_ids={"invisible-risks"})
    assert hits and {h.passage.doc_id for h in hits} == {"invisible-risks"}


# ---------------------------------------------------------------- the API


def test_unfiltered_question_draws_on_several_documents(lib_client):
    data = lib_client.post("/api/ask", json={"question": QUESTION, "k": 5}).json()
    assert data["answered"] and len(docs_of(data)) >= 2
    assert data["scope"] is None


@pytest.mark.parametrize(
    "filters, allowed",
    [
        ({"kinds": ["local-review"]}, {"baby-k-review"}),
        ({"kinds": ["Briefing"]}, {"baby-k-briefing"}),
        ({"documents": ["invisible-risks"]}, {"invisible-risks"}),
        ({"publishers": ["northshire safeguarding partnership"]}, {"baby-k-review", "northshire-annual-report-2021"}),
        ({"year_from": 2022, "year_to": 2023}, {"baby-k-review", "baby-k-briefing"}),
        (
            {"year_to": 2021, "kinds": ["national-review", "annual-report"]},
            {"invisible-risks", "northshire-annual-report-2021"},
        ),
    ],
)
def test_a_filtered_question_quotes_only_inside_its_filter(lib_client, filters, allowed):
    data = lib_client.post("/api/ask", json={"question": QUESTION, "k": 5, "filters": filters}).json()
    assert data["scope"]["documents"] == len(allowed)
    assert docs_of(data) <= allowed
    assert data["quotes"], "each filter holds a passage about bruising"


def test_a_filter_that_matches_nothing_says_so(lib_client):
    r = lib_client.post("/api/ask", json={"question": QUESTION, "filters": {"kinds": ["guidance"]}})
    assert r.status_code == 200
    data = r.json()
    assert data["answered"] is False and data["quotes"] == []
    assert data["scope"]["documents"] == 0 and data["message"] == library.NO_MATCH
    assert data["signpost"], "an unanswered question still points to help"


def test_abstention_and_missing_are_judged_within_the_filter(lib_client):
    """The briefing does not speak of a health visitor; the review does. Within the briefing the
    question is not answered, and what is missing names the words the briefing lacks."""
    q = "Why did the health visitor not refer the bruise on the cheek?"
    whole = lib_client.post("/api/ask", json={"question": q}).json()
    assert whole["answered"] and "baby-k-review" in docs_of(whole)
    within = lib_client.post("/api/ask", json={"question": q, "filters": {"documents": ["baby-k-briefing"]}}).json()
    assert docs_of(within) <= {"baby-k-briefing"}
    assert not within["answered"] or within["missing"]
    assert {"health", "visitor", "cheek"} & set(within["missing"])


@pytest.mark.parametrize(
    "filters, words",
    [
        ({"kinds": ["cookbook"]}, "kinds"),
        ({"documents": ["no-such-document"]}, "no-such-document"),
        ({"year_from": "soon"}, "year_from"),
        ({"colour": "red"}, "colour"),
        ({"publishers": ["\ud800"]}, "publishers"),
        ({"documents": ["x" * 400]}, "documents"),
    ],
)
def test_a_bad_filter_is_a_readable_422(lib_client, filters, words):
    body = json.dumps({"question": QUESTION, "filters": filters})  # ASCII: a lone surrogate as \\ud800
    r = lib_client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422 and words in r.json()["detail"]


def test_search_takes_the_filter_as_query_parameters_and_as_json(lib_client):
    r = lib_client.get("/api/search", params={"q": "bruise", "mode": "words", "kinds": "briefing"})
    data = r.json()
    assert r.status_code == 200 and data["count"] >= 1
    assert {x["document"]["id"] for x in data["results"]} == {"baby-k-briefing"}
    everywhere = lib_client.get("/api/search", params={"q": "bruise", "mode": "words"}).json()
    assert len({x["document"]["id"] for x in everywhere["results"]}) >= 3
    body = {"q": QUESTION, "mode": "meaning", "filters": {"year_to": 2020}}
    data = lib_client.post("/api/search", json=body).json()
    assert data["results"] and {x["document"]["id"] for x in data["results"]} == {"invisible-risks"}
    none = lib_client.get("/api/search", params={"q": "bruise", "year_from": 2030}).json()
    assert none["count"] == 0 and none["scope"]["documents"] == 0
    assert lib_client.get("/api/search", params={"q": "bruise", "kinds": "x"}).status_code == 422


def test_facets_match_the_documents_command(lib_client, library_index):
    listed = json.loads(cli("documents", "--json", "--index", str(library_index)).stdout)

    def counts(rows, key):
        out = {}
        for row in rows:
            value = str(row[key] or "")
            out[value] = out.get(value, 0) + 1
        return out

    summaries = lib_client.get("/api/documents").json()
    assert {s["document"]["id"]: s["facts"]["kind"] for s in summaries} == {r["id"]: r["kind"] for r in listed}
    for params, keep in [
        ({}, lambda r: True),
        ({"publishers": "Northshire Safeguarding Partnership"}, lambda r: r["publisher"].startswith("Northshire")),
        ({"year_from": 2021}, lambda r: r["year"] >= 2021),
    ]:
        facets = lib_client.get("/api/facets", params=params).json()
        rows = [r for r in listed if keep(r)]
        assert facets["documents"] == len(rows)
        assert {c["value"]: c["count"] for c in facets["kinds"]} == counts(rows, "kind")
        assert {c["value"]: c["count"] for c in facets["publishers"]} == counts(rows, "publisher")
        assert {c["value"]: c["count"] for c in facets["years"]} == counts(rows, "year")


def test_set_overrides_a_kind_survives_a_rebuild_and_reaches_the_server(
    lib_client, library_index, library_docs, embedder
):
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings, list_documents

    done = cli("documents", "--index", str(library_index), "--set", "northshire-annual-report-2021", "kind=guidance")
    assert done.returncode == 0, done.stderr
    try:
        bad = cli("documents", "--index", str(library_index), "--set", "northshire-annual-report-2021", "kind=poem")
        assert bad.returncode == 2 and "unknown kind" in bad.stderr
        ingest([str(library_docs)], library_index, embedder, ChunkSettings())  # a rebuild
        rows = {r["id"]: r for r in list_documents(library_index)}
        assert rows["northshire-annual-report-2021"]["kind"] == "guidance"
        shown = cli("documents", "--index", str(library_index)).stdout
        assert "Guidance, Northshire Safeguarding Partnership, 2021" in shown
        facets = lib_client.get("/api/facets").json()  # the running server reads the change
        assert {c["value"]: c["count"] for c in facets["kinds"]}["guidance"] == 1
        data = lib_client.post("/api/ask", json={"question": QUESTION, "filters": {"kinds": ["guidance"]}}).json()
        assert data["scope"]["documents"] == 1 and docs_of(data) <= {"northshire-annual-report-2021"}
    finally:
        cli("documents", "--index", str(library_index), "--set", "northshire-annual-report-2021", "kind=")
    assert {r["id"]: r["kind"] for r in list_documents(library_index)} == KIND_OF


# ---------------------------------------------------------------- the CLI


def test_cli_ask_and_search_take_the_filter(library_index):
    asked = cli("ask", QUESTION, "--json", "-k", "5", "--index", str(library_index), "--kind", "local-review")
    assert asked.returncode == 0, asked.stderr
    data = json.loads(asked.stdout)
    assert data["quotes"] and docs_of(data) == {"baby-k-review"} and data["scope"]["documents"] == 1
    found = cli("search", "bruise", "--mode", "words", "--json", "--index", str(library_index), "--year-from", "2023")
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert result["count"] >= 1 and {r["document"]["id"] for r in result["results"]} == {"baby-k-briefing"}
    nothing = cli("ask", QUESTION, "--index", str(library_index), "--kind", "guidance")
    assert nothing.returncode == 0 and library.NO_MATCH in nothing.stdout
    bad = cli("ask", QUESTION, "--index", str(library_index), "--kind", "poem")
    assert bad.returncode == 2 and "kinds" in bad.stderr


# ---------------------------------------------------------------- the chat and the finder


def quoted_docs(html: str) -> set[str]:
    return set(re.findall(r'data-doc="([^"]+)"', html))


def test_chat_without_javascript_keeps_to_the_filter(lib_client):
    """The chat's form is a GET (?q=, with ?after= for a follow-up); the older POST form still answers.
    Both carry the "Search in" fields."""
    r = lib_client.get("/", params={"q": QUESTION, "kinds": "briefing", "year_from": "", "documents": ""})
    assert r.status_code == 200
    assert quoted_docs(r.text) == {"baby-k-briefing"}
    assert 'value="briefing" selected' in r.text, "the form shows the filter it was asked within"
    assert "Searched only in 1 document" in r.text
    follow_up = {"q": "What should practitioners do?", "after": QUESTION, "kinds": "briefing"}
    assert quoted_docs(lib_client.get("/", params=follow_up).text) <= {"baby-k-briefing"}
    posted = lib_client.post("/", data={"question": QUESTION, "documents": "baby-k-review"})
    assert posted.status_code == 200 and quoted_docs(posted.text) == {"baby-k-review"}
    none = lib_client.get("/", params={"q": QUESTION, "year_from": "2030"})
    assert none.status_code == 200 and library.NO_MATCH in none.text and not quoted_docs(none.text)
    bad = lib_client.get("/", params={"q": QUESTION, "year_from": "soon"})
    assert bad.status_code == 422 and "year_from" in bad.text
    preset = lib_client.get("/", params={"kinds": "local-review"}).text
    assert 'value="local-review" selected' in preset


def test_chat_fragment_for_javascript_keeps_to_the_filter(lib_client):
    body = {"questions": [QUESTION], "filters": {"documents": ["invisible-risks"]}}
    r = lib_client.post("/fragments/turns", json=body)
    assert r.status_code == 200 and quoted_docs(r.text) == {"invisible-risks"}


def test_finder_and_documents_page_browse_by_the_filter(lib_client):
    page = lib_client.get("/quotes", params={"q": "bruise", "mode": "words", "kinds": "local-review"})
    assert page.status_code == 200 and quoted_docs(page.text) <= {"baby-k-review"}
    assert 'data-doc="baby-k-review"' in page.text or "baby-k-review" in page.text
    listing = lib_client.get("/documents", params={"kinds": "local-review"}).text
    assert "Local child safeguarding practice review: Baby K" in listing
    assert "7-minute briefing: Baby K" not in listing
    assert 'Local review (LCSPR/SCR)</a> <span class="facets__count">(1' in listing
    assert 'href="/documents?kinds=briefing"' in listing, "another kind stays one click away"
    assert 'aria-current="true">Local review (LCSPR/SCR)' in listing
    everything = lib_client.get("/documents").text
    for meta, _ in DOCS.values():
        assert meta["title"] in everything
    assert "/documents?kinds=briefing" in everything
    assert lib_client.get("/documents/baby-k-review").status_code == 200  # each document's own page is still there
