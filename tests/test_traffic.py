"""Hostile traffic (issue 14): poison text, work-counting rate limits, one index snapshot per
request, log scrubbing, trusted hosts, the reload hook, settings checks, HEAD, body caps,
browser error pages, manifests, CURRENT, and /readyz when the index folder disappears."""

from __future__ import annotations

import json
import logging
import shutil
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.index import store as index_mod

BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
JSON = {"content-type": "application/json"}
SURROGATE_ESCAPED = b'{"question": "x \\ud800 y"}'
SURROGATE_RAW = b'{"question": "x \xed\xa0\x80 y"}'


@pytest.fixture(scope="module")
def fresh(make_app, corpus_index):
    """``fresh(client=(host, port), **settings)``: a TestClient over a new app (its own limits)."""
    clients = []

    def make(client=("testclient", 50000), index=None, **settings) -> TestClient:
        c = TestClient(make_app(index or corpus_index, **settings), client=client, raise_server_exceptions=False)
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


# ---------------------------------------------------------------- 1. poison text


def test_unreadable_text_gets_a_readable_422_in_every_field(client):
    for body in (
        SURROGATE_ESCAPED,
        SURROGATE_RAW,
        b'{"question": "ok question", "history": ["a \\udfff b"]}',
        b'{"question": "ok question", "history": ["a \xed\xb0\x80 b"]}',
    ):
        r = client.post("/api/ask", content=body, headers=JSON)
        assert r.status_code == 422, (body, r.status_code)
        assert "not valid text" in r.json()["detail"] and "\\ud" not in r.text
    for export in (
        {"items": [{"doc_id": "x \ud800", "start": 0, "end": 5}], "format": "md"},
        {"items": [{"doc_id": "x", "start": 0, "end": 5}], "title": "a \udc00 handout"},
    ):
        r = client.post("/api/export", content=json.dumps(export).encode(), headers=JSON)
        assert r.status_code == 422 and "not valid text" in r.json()["detail"]
    turns = json.dumps({"questions": ["Who chairs the Panel?", "x \ud800"]}).encode()
    r = client.post("/fragments/turns", content=turns, headers=JSON)
    assert r.status_code == 422 and "not valid text" in r.json()["detail"]
    # Query strings and forms are decoded with replacement characters: never a 500.
    assert client.get("/api/search", params={"q": "%ED%A0%80"}).status_code < 500
    assert client.get("/api/search?q=%ED%A0%80&mode=meaning").status_code < 500
    assert (
        client.post(
            "/", content=b"question=%ED%A0%80", headers={"content-type": "application/x-www-form-urlencoded"}
        ).status_code
        < 500
    )


def test_poison_in_a_batch_fails_only_its_own_caller(embedder):
    """Straight at the encoder (no validation in front): 50 lone surrogates among 600 good."""
    from assistant.encoding.batching import BatchingEncoder

    enc = BatchingEncoder(embedder, window_ms=5, max_batch=32, cache_size=0)
    good = [f"review {i}" for i in range(600)]
    poison = [f"bad {i} \ud800 question" for i in range(50)]
    texts = [t for pair in zip(good, [None] * 600, strict=False) for t in pair if t]
    for n, p in enumerate(poison):
        texts.insert(n * 12 + 5, p)

    def one(text):
        try:
            enc.encode_query(text)
            return text, None
        except Exception as exc:  # noqa: BLE001
            return text, exc

    try:
        with ThreadPoolExecutor(48) as pool:
            results = list(pool.map(one, texts))
    finally:
        enc.close()
    good_failures = [t for t, e in results if e is not None and "\ud800" not in t]
    bad_passes = [t for t, e in results if e is None and "\ud800" in t]
    assert good_failures == [], f"{len(good_failures)} good questions failed"
    assert bad_passes == []
    assert enc.batches < len(good)  # still batched


def test_poison_requests_do_not_fail_good_ones_through_the_app(make_app, corpus_index, serve):
    base = serve(make_app(corpus_index, cache_size=0))
    good = [f"What does the Panel say about lesson {i}?" for i in range(600)]
    jobs = [("good", json.dumps({"question": q}).encode()) for q in good]
    for n in range(50):
        jobs.insert(n * 12 + 3, ("bad", SURROGATE_RAW if n % 2 else SURROGATE_ESCAPED))

    def one(job):
        kind, body = job
        with httpx.Client(timeout=120) as http:
            return kind, http.post(base + "/api/ask", content=body, headers=JSON).status_code

    with ThreadPoolExecutor(24) as pool:
        results = list(pool.map(one, jobs))
    assert [s for k, s in results if k == "good" and s != 200] == []
    assert {s for k, s in results if k == "bad"} == {422}


# ---------------------------------------------------------------- 3. rate limits count work


def test_meaning_search_counts_against_the_limit(fresh):
    c = fresh(rate_limit="3/minute")
    for _ in range(3):
        assert c.get("/quotes", params={"q": "voice of the child", "mode": "meaning"}).status_code == 200
    assert c.get("/quotes", params={"q": "voice of the child", "mode": "meaning"}).status_code == 429
    assert c.get("/quotes", params={"q": "voice", "mode": "phrase"}).status_code == 200  # no model: free


def test_no_js_posts_validate_first_and_count_every_re_answered_turn(fresh):
    c = fresh(rate_limit="5/minute")
    counters = c.app.state.assistant.counters
    before = counters.questions
    history = ["What does the Panel say about information sharing?"] * 3
    r = c.post("/", data={"question": "   ", "history": history[:0]})
    assert r.status_code == 422 and counters.questions == before  # nothing answered for a blank
    # 1 (the request) + 3 (earlier turns answered again) = 4 of 5.
    r = c.post("/", data={"question": "Why does the voice of the child matter?", "history": history})
    assert r.status_code == 200 and counters.questions == before + 4
    r = c.post("/embed", data={"question": "Who chairs the Panel?", "history": history})
    assert r.status_code == 429 and counters.questions == before + 4  # refused before any work


# ---------------------------------------------------------------- 4. one index snapshot


KITES = "Kites\n\nThe red kite flies over the valley every spring. Farmers watch the red kite circle above the hills.\n"
PREFIX = "Birds\n\nSwallows arrive in April and leave in September, long before the first frost.\n\n"


def test_every_route_reads_one_index_snapshot_while_builds_flip(build_index, make_app, serve, tmp_path):
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    a_dir.mkdir(), b_dir.mkdir()
    (a_dir / "kites.txt").write_text(KITES, encoding="utf-8")
    (b_dir / "kites.txt").write_text(PREFIX + KITES, encoding="utf-8")  # same id, shifted offsets
    root_a, root_b = build_index([a_dir], "flip-a"), build_index([b_dir], "flip-b")
    app = make_app(root_a, reload_poll_seconds=0)
    helper = app.state.assistant
    other = index_mod.load(root_b, helper.index.manifest["model"], int(helper.index.manifest["dimensions"]))
    builds = [helper.index, other]
    texts = {ix.documents["kites"].content_hash: ix.documents["kites"].text for ix in builds}
    base = serve(app)
    stop, errors, checked = threading.Event(), [], [0]

    def flip():
        n = 0
        while not stop.is_set():
            helper.index = builds[n % 2]  # what Reloader.check does, as fast as it can
            n += 1
            time.sleep(0.0005)

    def exact(quote):
        text = texts.get(quote["document"]["edition"]) or next(
            t for h, t in texts.items() if h.startswith(quote["document"]["edition"])
        )
        assert quote["text"] == text[quote["start"] : quote["end"]], quote
        for a, b in quote["highlights"]:
            assert 0 <= a < b <= len(quote["text"])

    def traffic():
        from bs4 import BeautifulSoup

        with httpx.Client(base_url=base, timeout=30) as http:
            while not stop.is_set():
                try:
                    r = http.get("/quotes", params={"q": "red kite"})
                    assert r.status_code == 200, r.status_code
                    marks = [m.get_text() for m in BeautifulSoup(r.text, "html.parser").find_all("mark")]
                    assert marks and all(m.lower() == "red kite" for m in marks), marks
                    for path in ("/about", "/documents", "/documents/kites", "/api/documents", "/embed-help"):
                        assert http.get(path).status_code == 200, path
                    found = http.get("/api/search", params={"q": "red kite", "length": "context"}).json()
                    for q in found["results"]:
                        exact(q)
                    pid = found["results"][0]["id"]
                    ctx = http.get(f"/api/passages/{pid}/context")
                    assert ctx.status_code in (200, 404), ctx.status_code  # the id may not exist in the other build
                    if ctx.status_code == 200:
                        exact(ctx.json()["passage"])
                    for q in http.post("/api/ask", json={"question": "Where does the red kite fly?"}).json()["quotes"]:
                        exact(q)
                    item = {
                        "doc_id": "kites",
                        "start": found["results"][0]["start"],
                        "end": found["results"][0]["end"],
                        "edition": found["results"][0]["document"]["edition"],
                    }
                    exp = http.post("/api/export", json={"items": [item], "format": "txt"})
                    assert exp.status_code in (200, 422), exp.status_code  # 422: the edition changed, said so
                    checked[0] += 1
                except Exception as exc:  # noqa: BLE001
                    errors.append(repr(exc)[:300])

    flipper = threading.Thread(target=flip)
    workers = [threading.Thread(target=traffic) for _ in range(4)]
    flipper.start()
    for w in workers:
        w.start()
    time.sleep(15)
    stop.set()
    for t in (flipper, *workers):
        t.join(timeout=60)
    assert checked[0] > 20
    assert errors == [], f"{len(errors)} errors: {errors[:5]}"


# ---------------------------------------------------------------- 5. logs


def test_log_scrub_is_linear_and_blind_to_quotes(caplog):
    from assistant.server.logguard import install_log_guard, scrub_text

    install_log_guard()
    access = logging.getLogger("uvicorn.access")
    with caplog.at_level("INFO", logger="uvicorn.access"):
        access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", "/quotes?q=child's%20X&mode=phrase", "1.1", 200)
        access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", '/quotes?q=say%20"X"%20Y', "1.1", 200)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "/quotes?<query withheld>" in logged and "X" not in logged.replace("HTTP", "")
    assert "s%20X" not in scrub_text("GET /quotes?q=child's%20X HTTP/1.1")
    started = time.perf_counter()
    with caplog.at_level("INFO", logger="uvicorn.access"):
        access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", "/" * 30_000 + "?q=" + "/" * 30_000, "1.1", 404)
    scrub_text("GET " + "/" * 30_000 + " and " + "'/" * 15_000)
    assert time.perf_counter() - started < 0.5


# ---------------------------------------------------------------- 6. public address


def test_unknown_hosts_are_refused_and_the_public_url_drives_snippets(fresh):
    c = fresh(public_url="https://assistant.example/")
    evil = c.get("/about/", headers={"host": "evil.example"}, follow_redirects=False)
    assert evil.status_code == 400 and "evil.example" not in evil.headers.get("location", "")
    assert c.get("/healthz", headers={"host": "evil.example"}).status_code == 400
    assert c.get("/healthz", headers={"host": "127.0.0.1:8000"}).status_code == 200  # loopback by default
    ok = c.get("/about/", headers={"host": "assistant.example"}, follow_redirects=False)
    assert ok.status_code in (200, 307) and ok.headers.get("location", "https://assistant.example").find("evil") < 0
    page = c.get("/embed-help", headers={"host": "assistant.example"})
    assert page.status_code == 200 and "https://assistant.example/widget.js" in page.text
    assert "testserver" not in page.text


# ---------------------------------------------------------------- 7. reload hook


@pytest.mark.parametrize("header", ["Via", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "X-Real-IP"])
def test_reload_hook_refuses_any_proxy_header(fresh, header):
    local = fresh(client=("127.0.0.1", 5000))
    assert local.post("/-/reload").status_code == 200
    assert local.post("/-/reload", headers={header: "1.2.3.4"}).status_code == 403


def test_reload_hook_accepts_the_operators_token_from_anywhere(fresh, tmp_path):
    token = tmp_path / "token"
    token.write_text("s3cret-token\n", encoding="utf-8")
    token.chmod(0o600)
    outsider = fresh(client=("203.0.113.5", 4000), reload_token_file=token)
    assert outsider.post("/-/reload").status_code == 403
    assert outsider.post("/-/reload", headers={"X-Assistant-Reload-Token": "wrong"}).status_code == 403
    r = outsider.post("/-/reload", headers={"X-Assistant-Reload-Token": "s3cret-token", "Via": "proxy"})
    assert r.status_code == 200 and r.json()["status"] == "unchanged"
    token.chmod(0o644)
    from pydantic import ValidationError

    from assistant.settings import Settings

    with pytest.raises(ValidationError, match="chmod 600"):
        Settings(reload_token_file=token)


# ---------------------------------------------------------------- 8. settings


def test_embed_origins_and_urls_are_checked_at_startup(tmp_path):
    from pydantic import ValidationError
    from typer.testing import CliRunner

    from assistant.cli import app as cli
    from assistant.settings import Settings

    assert Settings(embed_origins=["https://Partner.example/"]).embed_origins == ["https://partner.example"]
    assert Settings(embed_origins=["http://localhost:8080"]).embed_origins == ["http://localhost:8080"]
    for bad in (
        "*",
        "https://*.example",
        "https://partner.example/path",
        "https://p.example; script-src *",
        "partner.example",
        "ftp://partner.example",
        "https://p.example?x=1",
    ):
        with pytest.raises(ValidationError, match="not an origin"):
            Settings(embed_origins=[bad])
    for bad in ("ftp://assistant.example", "javascript:alert(1)", "assistant.example"):
        with pytest.raises(ValidationError, match="not an http"):
            Settings(public_url=bad)
    result = CliRunner().invoke(cli, ["serve", "--index", str(tmp_path)], env={"ASSISTANT_EMBED_ORIGINS": '["*"]'})
    assert result.exit_code == 2 and "not an origin" in result.output


# ---------------------------------------------------------------- 9. smaller findings


def get_paths(routes) -> list[str]:
    """Every GET route's path, through included routers too."""
    out = []
    for r in routes:
        inner = getattr(r, "original_router", None)
        if inner is not None:
            out += get_paths(inner.routes)
        elif "GET" in (getattr(r, "methods", None) or ()) and "{" not in r.path:
            out.append(r.path)
    return out


def test_head_is_answered_on_every_get_route(app, client):
    paths = get_paths(app.routes)
    assert "/" in paths and "/healthz" in paths
    for path in paths:
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code, path
        assert head.content == b"" and head.headers.get("content-type") == get.headers.get("content-type"), path


def test_chunked_body_over_the_cap_is_413_everywhere(fresh):
    c = fresh(max_body_bytes=1000)

    def chunks():
        for _ in range(10):
            yield b"a" * 300

    for path, ctype in (
        ("/api/ask", "application/json"),
        ("/api/export", "application/json"),
        ("/", "application/x-www-form-urlencoded"),
        ("/quotes/export", "application/x-www-form-urlencoded"),
    ):
        r = c.post(path, content=chunks(), headers={"content-type": ctype})
        assert r.status_code == 413, (path, r.status_code)
        assert r.headers.get("connection") == "close"


def test_a_slow_body_is_cut_and_its_connection_closed(make_app, corpus_index, serve):
    base = serve(make_app(corpus_index, body_timeout=1.0))
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(
            b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"question"'
        )
        started, data = time.time(), b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        assert data.startswith(b"HTTP/1.1 408"), data[:100]
        assert time.time() - started < 5  # answered and closed, not held to the request timeout


def test_browser_routes_answer_validation_errors_with_the_error_page(client):
    r = client.get("/quotes", params={"page": "abc"}, headers=BROWSER)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "Please check your question" in r.text
    api = client.get("/api/search", params={"q": "x", "limit": "abc"})
    assert api.status_code == 422 and "limit" in api.json()["detail"]


def test_a_manifest_must_list_its_files(corpus_index, tmp_path, embedder):
    root = tmp_path / "copy"
    shutil.copytree(corpus_index, root)
    folder = index_mod.current_build(root)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    (folder / "manifest.json").write_text(json.dumps(dict(manifest, files={})), encoding="utf-8")
    with pytest.raises(index_mod.IndexProblem, match="does not list its files"):
        index_mod.load(root, embedder.name, embedder.dimensions)


def test_an_undecodable_current_is_refused_quietly(make_app, corpus_index, tmp_path, caplog):
    from assistant.server import reload
    from tests.conftest import run_coroutine

    root = tmp_path / "copy"
    shutil.copytree(corpus_index, root)
    app = make_app(root)
    (root / "CURRENT").write_bytes(b"\xff\xfe\xed\xa0\x80build")
    with pytest.raises(index_mod.IndexProblem, match="unreadable CURRENT"):
        index_mod.current_build(root)
    assert app.state.reloader.check().status == "unchanged"
    with caplog.at_level("DEBUG"):
        run_coroutine(reload._quietly(app.state.reloader))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_readyz_turns_503_with_one_log_line_when_the_index_folder_goes(fresh, corpus_index, tmp_path, caplog):
    root = tmp_path / "copy"
    shutil.copytree(corpus_index, root)
    c = fresh(index=root)
    assert c.get("/readyz").status_code == 200
    shutil.rmtree(root)
    with caplog.at_level("INFO", logger="assistant"):
        codes = [c.get("/readyz").status_code for _ in range(3)]
    assert codes == [503, 503, 503]
    lines = [r.getMessage() for r in caplog.records if "gone" in r.getMessage()]
    assert len(lines) == 1 and "not ready" in lines[0]
    assert c.get("/healthz").status_code == 200  # still alive, still answering from memory
