"""Server hardening through the real app: the reload hook refuses what a browser sends, every proxy
header counts as one, searches in an address are never cached, a killed ingest's ``.CURRENT.*`` is
swept, and the finder's tables are built once per index (after start and before a reload's swap),
however many first requests arrive together."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import ARTIFACTS

OWLS = "Owls\n\nThe barn owl quarters the water meadow at dusk, listening for mice under the snow.\n"


@pytest.fixture
def own_index(kestrel_index, tmp_path):
    """A copy of the kestrel index that a test may add to."""
    root = tmp_path / "index"
    shutil.copytree(kestrel_index, root)
    return root


def add_owls(root, embedder, tmp_path) -> str:
    """Ingest a second document into ``root`` in-process; the new build's name."""
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings

    folder = tmp_path / "owls"
    folder.mkdir(exist_ok=True)
    (folder / "owls.txt").write_text(OWLS, encoding="utf-8")
    ingest([str(folder)], root, embedder, ChunkSettings(), add=True)
    return (root / "CURRENT").read_text(encoding="utf-8").strip()


# ---------------------------------------------------------------- the reload hook


@pytest.fixture(scope="module")
def local(make_app, kestrel_index):
    app = make_app(kestrel_index, reload_poll_seconds=0)
    with TestClient(app, client=("127.0.0.1", 5000), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize(
    "headers,body",
    [
        ({"Origin": "https://evil.example"}, None),
        ({"Origin": "null"}, None),
        ({"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}, None),
        ({"Sec-Fetch-Site": "same-site"}, None),
        ({"Referer": "http://evil.example/page"}, None),
        ({"Content-Type": "application/x-www-form-urlencoded"}, b"x=1"),
        ({"Content-Type": "text/plain"}, b"x=1"),
        ({"Content-Type": "multipart/form-data; boundary=b"}, b"--b--\r\n"),
    ],
)
def test_the_reload_hook_refuses_what_a_web_page_sends_from_loopback(local, headers, body):
    assert local.post("/-/reload").status_code == 200  # a program on this machine, e.g. `assistant reload`
    r = local.post("/-/reload", headers=headers, content=body)
    assert r.status_code == 403 and "own machine" in r.json()["detail"]


@pytest.mark.parametrize(
    "header", ["X-Client-IP", "CF-Connecting-IP", "X-Cluster-Client-IP", "Fastly-Client-IP", "True-Client-IP"]
)
def test_client_address_headers_count_as_proxy_headers(local, header):
    assert local.post("/-/reload", headers={header: "203.0.113.9"}).status_code == 403


def test_the_token_still_lets_a_request_in(make_app, kestrel_index, tmp_path):
    token = tmp_path / "token"
    token.write_text("s3cret-token\n", encoding="utf-8")
    token.chmod(0o600)
    app = make_app(kestrel_index, reload_poll_seconds=0, reload_token_file=token)
    c = TestClient(app, client=("127.0.0.1", 5000), raise_server_exceptions=False)
    evil = {"Origin": "https://evil.example", "Content-Type": "text/plain"}
    assert c.post("/-/reload", headers=evil, content=b"x").status_code == 403
    ok = c.post("/-/reload", headers=evil | {"X-Assistant-Reload-Token": "s3cret-token"}, content=b"x")
    assert ok.status_code == 200


# ---------------------------------------------------------------- caching


def test_pages_that_echo_a_search_are_never_cached(local):
    doc_id = next(iter(local.app.state.assistant.index.documents))
    for path in ("/quotes", f"/documents/{doc_id}", "/documents"):
        searched = local.get(path, params={"q": "kestrel hovers"})
        assert searched.status_code == 200 and searched.headers["cache-control"] == "no-store", path
        plain = local.get(path)
        assert plain.status_code == 200 and "no-store" not in plain.headers.get("cache-control", ""), path
    assert local.get("/quotes?q=").headers["cache-control"] == "no-store"  # even empty: the form echoes it


# ---------------------------------------------------------------- a killed ingest's pointer file


def test_a_killed_ingests_pointer_file_is_swept_at_start_and_ingest(make_app, own_index, embedder, tmp_path):
    dead, live = own_index / ".CURRENT.dead01", own_index / ".CURRENT.live01"
    for f in (dead, live):
        f.write_text("build-that-never-was\n", encoding="utf-8")
    old = time.time() - 3600
    os.utime(dead, (old, old))  # left by an ingest killed an hour ago
    with TestClient(make_app(own_index, reload_poll_seconds=0)) as c:
        assert c.get("/readyz").status_code == 200
    # At start only the stale one goes: the other may belong to an ingest running now.
    assert not dead.exists() and live.exists()
    new_build = add_owls(own_index, embedder, tmp_path)
    assert not list(own_index.glob(".CURRENT.*"))  # an ingest holds the lock: it sweeps them all
    assert (own_index / "builds" / new_build).is_dir()


# ---------------------------------------------------------------- one table build per index


@pytest.fixture
def builds(monkeypatch):
    """Counts the finder's table builds (each one slowed a little, so concurrent callers overlap)."""
    from assistant.quoting import quotes

    real, made = quotes.build_tables, []

    def counted(index):
        made.append(index.build)
        time.sleep(0.2)
        return real(index)

    monkeypatch.setattr(quotes, "build_tables", counted)
    return made


def test_concurrent_first_uses_of_an_index_build_its_tables_once(kestrel_index, embedder, builds):
    from assistant.index import store as index_mod
    from assistant.quoting import quotes

    fresh = index_mod.load(kestrel_index, embedder.name, embedder.dimensions)
    with ThreadPoolExecutor(12) as pool:
        got = list(pool.map(lambda _: quotes.tables(fresh), range(12)))
    assert len(builds) == 1 and all(t is got[0] for t in got)


def rss_mb() -> float:
    import psutil

    return round(psutil.Process().memory_info().rss / 2**20, 1)


def first_requests(base: str, n: int = 12) -> list[int]:
    """``n`` clients asking the finder at once, half through the page, half through the API."""
    barrier = threading.Barrier(n)

    def one(i: int) -> int:
        barrier.wait()
        path = "/quotes" if i % 2 else "/api/search"
        return httpx.get(base + path, params={"q": "kestrel hovers"}, timeout=60).status_code

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def test_twelve_first_requests_and_a_reload_build_the_tables_once_each(
    make_app, own_index, embedder, serve, builds, tmp_path
):
    app = make_app(own_index, reload_poll_seconds=0)
    before = rss_mb()
    base = serve(app)  # the lifespan starts building the tables at once
    assert first_requests(base) == [200] * 12
    after_first = rss_mb()
    assert builds == [app.state.assistant.index.build]

    new_build = add_owls(own_index, embedder, tmp_path)
    r = httpx.post(base + "/-/reload", timeout=60)
    assert r.json()["status"] == "reloaded" and r.json()["build"] == new_build
    assert "quote_tables" in app.state.assistant.index.derived  # built before the swap
    assert first_requests(base) == [200] * 12
    assert builds[1:] == [new_build]
    figures = {"rss_mb_before_start": before, "after_12_first_requests": after_first, "after_reload": rss_mb()}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "first_requests.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print("first requests:", figures)


def test_a_burst_of_word_exports_builds_a_few_at_a_time(make_app, kestrel_index, monkeypatch):
    from assistant.quoting import exports

    real, running, most = exports.EXPORTERS["docx"].writer, [0], [0]
    lock = threading.Lock()

    def counted(items, handout):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.1)
        try:
            return real(items, handout)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setitem(exports.EXPORTERS, "docx", dataclasses.replace(exports.EXPORTERS["docx"], writer=counted))
    with TestClient(make_app(kestrel_index)) as c:
        found = c.get("/api/search", params={"q": "kestrel hovers"}).json()["results"][0]
        item = {"doc_id": found["document"]["id"], "start": found["start"], "end": found["end"]}
        body = {"items": [item], "format": "docx"}
        with ThreadPoolExecutor(12) as pool:
            codes = list(pool.map(lambda _: c.post("/api/export", json=body).status_code, range(12)))
    assert codes == [200] * 12 and most[0] == exports.DOCX_AT_ONCE
