"""Security: headers on every response, no cookies, limits (body, question, rate, time),
trusted-proxy client addresses, the crash guard, our own /docs page, health and reload hooks."""

from __future__ import annotations

import re
import time

import pytest
from fastapi.testclient import TestClient

PAGES = ["/", "/about", "/docs", "/healthz", "/readyz", "/api/documents", "/openapi.json", "/no-such-page"]


@pytest.fixture(scope="module")
def fresh(make_app, corpus_index):
    """``fresh(client=(host, port), **settings)``: a TestClient over a new app (its own limits)."""
    clients = []

    def make(client=("testclient", 50000), extra_routes=None, **settings) -> TestClient:
        app = make_app(corpus_index, **settings)
        for path, endpoint in (extra_routes or {}).items():
            app.add_api_route(path, endpoint)
        c = TestClient(app, client=client, raise_server_exceptions=False)
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_response_has_the_security_headers(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in r.headers["permissions-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    assert "set-cookie" not in r.headers


def test_embed_may_be_framed_by_the_allowlist_only(fresh):
    c = fresh(embed_origins=["https://partner.example"])
    csp = c.get("/embed").headers["content-security-policy"]
    assert "frame-ancestors 'self' https://partner.example" in csp
    assert "x-frame-options" not in c.get("/embed").headers
    assert "frame-ancestors 'none'" in c.get("/").headers["content-security-policy"]
    allowed = c.options(
        "/api/ask", headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "POST"}
    )
    assert allowed.headers.get("access-control-allow-origin") == "https://partner.example"
    other = c.post("/api/ask", json={"question": "voice of the child"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_no_cookie_ever_leaves_the_server(fresh):
    from fastapi.responses import JSONResponse

    def sets_cookie():
        r = JSONResponse({"ok": True})
        r.set_cookie("tracker", "1")
        return r

    c = fresh(extra_routes={"/cookie": sets_cookie})
    r = c.get("/cookie")
    assert r.status_code == 200 and "set-cookie" not in r.headers
    assert not c.cookies


def test_answers_are_never_cached(client):
    r = client.post("/api/ask", json={"question": "What is the voice of the child?"})
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"


def test_docs_is_our_own_page_with_nothing_from_elsewhere(client):
    r = client.get("/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "/api/ask" in html and "AskRequest" in html and 'href="/openapi.json"' in html
    assert "<script" not in html and "style=" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "nothing may load from another host"
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").json()["paths"]["/api/ask"]


# ---------------------------------------------------------------- limits


def test_body_over_the_cap_is_413_by_length_and_while_streaming(fresh):
    c = fresh(max_body_bytes=2000)
    big = b'{"question": "' + b"a" * 5000 + b'"}'
    r = c.post("/api/ask", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "at most 2000 bytes" in r.json()["detail"]

    def chunks():  # no Content-Length: the cap must hold while the body is read
        for _ in range(10):
            yield b"a" * 500

    r = c.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["detail"].startswith("The request is too large")
    r = c.post("/", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def error_heading(r) -> str:
    from bs4 import BeautifulSoup

    assert r.headers["content-type"].startswith("text/html"), r.text[:200]
    assert "frame-ancestors" in r.headers["content-security-policy"]
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.find("a", string="Go back and try again")["href"] == "/"
    return soup.h1.get_text()


def test_a_browser_gets_errors_as_pages_and_the_api_keeps_json(fresh):
    """The no-JavaScript chat posts a form: over the cap or the rate limit, the practitioner sees
    a page in the site's layout with a way back, not raw JSON. The API answers JSON as before."""
    c = fresh(max_body_bytes=2000, rate_limit="3/minute")  # the 413 post counts too
    r = c.post("/", data={"question": "a" * 5000}, headers=BROWSER)
    assert r.status_code == 413 and error_heading(r) == "Your question is too long to send"
    assert "at most 2000 bytes" in r.text
    r = c.get("/no-such-page", headers=BROWSER)
    assert r.status_code == 404 and error_heading(r) == "Page not found"
    assert "There is no page at this address." in r.text
    assert c.get("/no-such-page").json() == {"detail": "Not Found"}  # not a browser: JSON
    for _ in range(2):
        assert c.post("/", data={"question": "information sharing"}, headers=BROWSER).status_code == 200
    r = c.post("/", data={"question": "information sharing"}, headers=BROWSER)
    assert r.status_code == 429 and error_heading(r) == "Too many questions at once"
    assert 1 <= int(r.headers["retry-after"]) <= 60
    api = c.post("/api/ask", json={"question": "information sharing"}, headers=BROWSER)
    assert api.status_code == 429 and "Too many requests" in api.json()["detail"]


def test_bad_input_gets_a_readable_4xx(client):
    long = client.post("/api/ask", json={"question": "why " * 400})
    assert long.status_code == 422 and "too long" in long.json()["detail"]
    unknown = client.post("/api/ask", json={"question": "hi", "admin": True})
    assert unknown.status_code == 422 and "admin" in unknown.json()["detail"]
    wrong = client.post("/api/ask", json={"question": 42})
    assert wrong.status_code == 422 and "question" in wrong.json()["detail"]
    broken = client.post("/api/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert 400 <= broken.status_code < 500 and "detail" in broken.json()
    assert client.post("/api/ask", json={"question": "   "}).status_code == 422


def test_rate_limit_answers_429_with_retry_after(fresh):
    c = fresh(rate_limit="3/minute")
    codes = [c.post("/api/ask", json={"question": "information sharing"}).status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    r = c.post("/api/ask", json={"question": "information sharing"})
    assert r.status_code == 429
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert "Too many requests" in r.json()["detail"]
    assert c.get("/api/documents").status_code == 429  # every /api/ path shares the budget
    assert c.get("/about").status_code == 200  # pages are not limited


def test_proxy_headers_count_only_from_trusted_proxies(fresh):
    spoofer = fresh(rate_limit="2/minute", client=("203.0.113.9", 4000))
    for n in range(2):
        assert spoofer.get("/api/documents", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code == 200
    # Not a trusted proxy: a made-up X-Forwarded-For does not buy a fresh budget.
    assert spoofer.get("/api/documents", headers={"X-Forwarded-For": "198.51.100.77"}).status_code == 429

    proxy = fresh(rate_limit="2/minute", trusted_proxies=["10.0.0.0/8"], client=("10.1.2.3", 4000))
    for _ in range(2):
        assert proxy.get("/api/documents", headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 200
    assert proxy.get("/api/documents", headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 429
    # Another real client behind the same proxy has its own budget.
    assert proxy.get("/api/documents", headers={"X-Forwarded-For": "198.51.100.2"}).status_code == 200


def test_client_ip_takes_the_nearest_untrusted_address():
    """uvicorn's ProxyHeadersMiddleware, as security.install wires it, with CIDR ranges."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from assistant.server.security import client_ip
    from tests.conftest import run_coroutine

    def seen(peer, xff=None):
        headers = [(b"x-forwarded-for", xff.encode())] if xff else []
        out = {}

        async def app(scope, receive, send):
            out["ip"] = client_ip(scope)

        middleware = ProxyHeadersMiddleware(app, trusted_hosts=["10.0.0.0/8", "::1"])
        run_coroutine(middleware({"type": "http", "client": (peer, 1), "headers": headers}, None, None))
        return out["ip"]

    assert seen("10.0.0.1", "1.2.3.4, 5.6.7.8, 10.0.0.2") == "5.6.7.8"
    assert seen("10.0.0.1") == "10.0.0.1"
    assert seen("8.8.8.8", "1.2.3.4") == "8.8.8.8"
    assert client_ip({"headers": []}) == "unknown"
    from pydantic import ValidationError

    from assistant.settings import Settings

    with pytest.raises(ValidationError, match="not an address or CIDR"):
        Settings(trusted_proxies=["10.0.0.1/8"])


def test_a_slow_request_is_cut_off_with_503(fresh):
    def slow():
        time.sleep(3)
        return {"late": True}

    c = fresh(request_timeout=0.5, extra_routes={"/slow": slow})
    started = time.perf_counter()
    r = c.get("/slow")
    assert r.status_code == 503 and "too long" in r.json()["detail"]
    assert time.perf_counter() - started < 2.5
    assert r.headers["content-security-policy"]
    assert c.get("/healthz").status_code == 200  # the server is still answering


def test_a_crash_is_a_quiet_500_with_headers_and_no_message_logged(fresh, caplog):
    def boom():
        raise ValueError("the question was about Jane Doe-Canary")

    c = fresh(extra_routes={"/boom": boom})
    with caplog.at_level("DEBUG"):
        r = c.get("/boom")
    assert r.status_code == 500
    assert r.json() == {"detail": "Something went wrong on the server. Please try again."}
    assert r.headers["content-security-policy"]
    logged = "\n".join(rec.getMessage() + (rec.exc_text or "") for rec in caplog.records)
    assert "ValueError" in logged and "Canary" not in logged


# ---------------------------------------------------------------- health and reload hook


def test_healthz_readyz_and_metrics(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["passages"] > 0
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {
        "ready": True,
        "index": True,
        "model": True,
        "build": health["build"],
        "limits": True,  # the rate-limit store answers (memory:// always does)
    }
    client.post("/api/ask", json={"question": "What are the three important messages?"})
    metrics = client.get("/metrics").text
    asked = float(re.search(r"^assistant_questions_total ([\d.]+)$", metrics, re.M).group(1))
    assert asked >= 1 and "assistant_answer_seconds_bucket" in metrics


def test_readyz_is_503_without_a_warm_model(fresh):
    c = fresh()
    from assistant.encoding.embeddings import Embedder

    c.app.state.assistant.encoder.embedder = Embedder()  # a real embedder whose model is not loaded yet
    try:
        r = c.get("/readyz")
        assert r.status_code == 503 and r.json()["model"] is False and r.json()["index"] is True
    finally:
        from assistant.encoding.embeddings import shared_embedder

        c.app.state.assistant.encoder.embedder = shared_embedder()


def test_reload_hook_is_for_the_servers_own_machine_only(fresh):
    outsider = fresh()
    assert outsider.post("/-/reload").status_code == 403
    local = fresh(client=("127.0.0.1", 5000))
    r = local.post("/-/reload")
    assert r.status_code == 200 and r.json()["status"] == "unchanged"
    proxied = local.post("/-/reload", headers={"X-Forwarded-For": "127.0.0.1"})
    assert proxied.status_code == 403
