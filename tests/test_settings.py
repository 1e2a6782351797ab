"""One settings object: every default defined once, the CLI falls back to it, and the finder ranks
with the same retrieval settings as the chat (issue 16)."""

from __future__ import annotations

import pytest

from assistant.settings import Settings, default

QUESTIONS = [
    "How did lockdown change the risks children faced?",
    "Why does professional curiosity matter?",
    "What did the Panel learn about working with fathers?",
    "How should agencies share information?",
]


def finder(client, question: str) -> list[tuple[str, list[int]]]:
    """What the finder's meaning mode quotes over HTTP, in its order: (document, match offsets)."""
    r = client.get("/api/search", params={"q": question, "mode": "meaning", "limit": 50})
    assert r.status_code == 200
    return [(x["document"]["id"], x["match"]) for x in r.json()["results"]]


@pytest.mark.model
def test_assistant_fusion_changes_the_finder_like_the_chat(make_app, corpus_index, monkeypatch):
    from fastapi.testclient import TestClient

    from assistant import quotes
    from assistant.search import hybrid, retrieval

    found = {}
    monkeypatch.setenv("ASSISTANT_CANDIDATES", "3")  # few candidates, so the fusion decides which are kept
    for fusion in ("linear", "rrf"):
        monkeypatch.setenv("ASSISTANT_FUSION", fusion)
        app = make_app(corpus_index)
        helper = app.state.assistant
        assert helper.settings.fusion == fusion
        with TestClient(app) as client:
            found[fusion] = [finder(client, q) for q in QUESTIONS]
        docs = set(helper.index.documents)
        for q in QUESTIONS:  # the finder quotes the passages the chat's ranking gives over its documents
            qvec = helper.encoder.encode_query(q)
            ranked = [h.row for h in hybrid(helper.index, qvec, q, doc_ids=docs, **retrieval(helper.settings))]
            meaning = quotes.find_meaning(helper.index, qvec, q, docs, {}, retrieval(helper.settings))
            assert [m.row for m in meaning] == ranked
    assert found["linear"] != found["rrf"]  # the setting reaches the finder


def test_cli_options_take_env_names_and_defaults_from_settings():
    from typer.main import get_command

    from assistant.cli import app

    command = get_command(app)
    for name, flag, field in [("serve", "--port", "port"), ("serve", "--host", "host"),
                              ("ask", "-k", "k"), ("ingest", "--max-words", "passage_max_words"),
                              ("ingest", "--fetch-timeout", "fetch_timeout")]:
        param = next(p for p in command.commands[name].params if flag in p.opts)
        assert param.envvar == f"ASSISTANT_{field.upper()}"
        assert param.show_default == str(default(field))
        assert param.help == Settings.model_fields[field].description


def test_code_defaults_are_the_settings_defaults():
    import inspect

    from assistant.batching import BatchingEncoder
    from assistant.search import hybrid
    from assistant.serving import GuardedH11Protocol

    batch = inspect.signature(BatchingEncoder).parameters
    assert (batch["window_ms"].default, batch["max_batch"].default, batch["cache_size"].default) == (
        default("batch_window_ms"), default("batch_max"), default("cache_size"))
    ranking = inspect.signature(hybrid).parameters
    for name in ("candidates", "rrf_k", "fusion", "bm25_weight"):
        assert ranking[name].default == default(name)
    assert GuardedH11Protocol.header_timeout == default("header_timeout")
