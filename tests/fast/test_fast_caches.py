"""What a question's path remembers between questions gives the same values as working them
out afresh, and belongs to one index: a reloaded index never reads the old one's."""

from __future__ import annotations

import math

import pytest

pytestmark = pytest.mark.fast


def fresh_idf(bm25, token: str) -> float:
    n, df = bm25.size, bm25.df(token)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def test_idf_and_df_remembered_equal_the_formula_and_stay_bounded():
    from assistant.index.lexical import BM25, tokenize

    bm25 = BM25.build(["Neglect was seen by the school.", "The school nurse shared concerns.", "Fathers spoke."])
    for token in ["school", "neglect", "father", "never-seen-word", "school"]:
        stem = (tokenize(token) or [token])[0]
        assert bm25.idf(stem) == pytest.approx(fresh_idf(bm25, stem), rel=1e-12)
    assert bm25.df("school") == 2 and bm25.df("nowhere") == 0
    for i in range(500):  # words no passage holds are never kept
        bm25.idf(f"unseen{i}")
        bm25.df(f"unseen{i}")
    assert len(bm25._idf) <= len(bm25.retriever.vocab_dict) and len(bm25._df) <= len(bm25.retriever.vocab_dict)


def test_a_reloaded_index_weighs_words_by_its_own_passages(build_index, embedder, tmp_path):
    from assistant.index import store
    from assistant.index.build import ingest
    from assistant.index.lexical import tokenize
    from assistant.index.store import ChunkSettings

    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    for folder in (one, two):
        (folder / "a.md").write_text("# Notes\n\nThe school saw neglect.\n", encoding="utf-8")
        (folder / "c.md").write_text("# Fathers\n\nFathers spoke at length.\n", encoding="utf-8")
    (two / "b.md").write_text("# More\n\nThe school shared it too.\n", encoding="utf-8")
    folder = build_index([one], "reload-one")
    first = store.load(folder, embedder.name, embedder.dimensions)
    stem = tokenize("school")[0]
    before = first.bm25.idf(stem)
    # One more document mentioning it, built into the same folder: a reload reads the new build.
    ingest([str(two)], folder, embedder, ChunkSettings())
    second = store.load(folder, embedder.name, embedder.dimensions)
    after = second.bm25.idf(stem)
    assert second.bm25.size > first.bm25.size and second.bm25.df(stem) > first.bm25.df(stem)
    assert after == pytest.approx(fresh_idf(second.bm25, stem), rel=1e-12) and after != before
    assert first.bm25.idf(stem) == before  # the old index keeps its own figures


def test_glossary_lookups_made_once_answer_as_before():
    from assistant.answering.glossary import Glossary

    groups = [["LCSPR", "local child safeguarding practice review", "local review"], ["SUDI", "sudden death"]]
    g = Glossary.from_groups(groups)
    tokens = ["local", "child", "safeguard", "practic", "review", "sudi"]
    found = g.matches(tokens)
    want = [(0, ["child", "local", "practic", "review", "safeguard"]), (1, ["sudi"])]
    assert [(m.group, sorted(m.tokens)) for m in found] == want
    for group, phrases in enumerate(g.groups):
        for have in [set(), {"local", "review"}, {"sudden"}, {"sudden", "death"}, set(tokens)]:
            assert g.covered_by(group, have) == any(set(p) <= have for p in phrases)


def test_static_urls_are_remembered_but_absolute_on_each_request_host(tmp_path):
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from assistant.server.app import static_paths_remembered

    static = Mount("/static", StaticFiles(directory=tmp_path), name="static")
    app = Starlette(routes=[Route("/", lambda r: None, name="home"), static])
    calls = []
    real = app.router.url_path_for
    app.router.url_path_for = lambda *a, **k: calls.append(a) or real(*a, **k)
    url_for = static_paths_remembered()

    def request(host: str) -> Request:
        scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "scheme": "http"}
        scope |= {"headers": [(b"host", host.encode())], "server": (host, 80), "router": app.router, "app": app}
        return Request(scope)

    for host in ("a.example", "b.example", "a.example"):
        got = url_for({"request": request(host)}, "static", path="app.css")
        assert str(got) == f"http://{host}/static/app.css" and got.path == "/static/app.css"
    assert len(calls) == 1  # found once, then remembered
    assert str(url_for({"request": request("a.example")}, "home")) == "http://a.example/"  # other names: as starlette


def test_rules_remembering_a_passage_judge_it_as_afresh():
    """people.fits and aspects.qualified_otherwise remember a passage's sentences and stems:
    asked twice, and after the memory is cleared, a passage is judged the same; a question that
    asks nothing of people, or puts no group before a word, passes without a look at the text."""
    from assistant.answering import aspects, people

    text = "The ward nurse rang. Officers from Marsh Vale Police will visit the family within two days."
    cases = [
        ("How soon must the police visit the family?", "when", True),
        ("Who is the designated ward nurse?", "who", False),
        ("What did the school tell the parents?", "", False),
    ]
    for question, kind, expected in cases:
        asked = people.asked(question, kind, set(people._stem(w) for w in question.lower().rstrip("?").split()))
        got = people._sentences(text)[0]
        judged = [people.fits(asked, text, {"polic", "school", "nurs", "ward"}, {}, set()) for _ in range(2)]
        people._sentences.cache_clear()
        people._stem.cache_clear()
        afresh = people.fits(asked, text, {"polic", "school", "nurs", "ward"}, {}, set())
        assert judged == [expected, expected] and afresh == expected
        assert got == tuple(people._SENTENCES.split(text))
    assert people.fits(people.Asked(), "", set(), {}, set())  # nothing asked of people
    adults = aspects.modified("What does adult social care do?", frozenset())
    for _ in range(2):
        assert aspects.qualified_otherwise(adults, "Children's social care will visit.", set())
        aspects._letter_stems.cache_clear()
    assert not aspects.qualified_otherwise([], "Children's social care will visit.", set())
