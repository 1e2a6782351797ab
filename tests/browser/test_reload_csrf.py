"""A page on another site makes the browser post a form to the assistant on this machine's
loopback address: the reload hook refuses it, and the server keeps its index until a program
(`assistant reload`, here a plain POST) asks."""

from __future__ import annotations

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

from tests.test_server_hardening import add_owls


def evil_site(target: str) -> tuple[ThreadingHTTPServer, str]:
    """Another origin whose page posts a form to ``target`` as soon as it loads."""
    page = (
        f'<!doctype html><title>Win a prize</title><form method="post" action="{target}" enctype="text/plain">'
        '<input name="x" value="1"></form><script>document.forms[0].submit()</script>'
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://localhost:{server.server_address[1]}/"  # localhost: another origin than 127.0.0.1


def test_a_cross_site_form_post_cannot_reload(page, kestrel_index, make_app, embedder, serve, tmp_path):
    own_index = tmp_path / "index"
    shutil.copytree(kestrel_index, own_index)
    app = make_app(own_index, reload_poll_seconds=0)
    base = serve(app)
    serving = app.state.assistant.index.build
    add_owls(own_index, embedder, tmp_path)  # a new build waits in CURRENT

    evil, url = evil_site(f"{base}/-/reload")
    try:
        with page.expect_response(lambda r: r.url.endswith("/-/reload")) as reply:
            page.goto(url)
        assert reply.value.status == 403
        assert app.state.assistant.index.build == serving  # still the old build
    finally:
        evil.shutdown()
    r = httpx.post(f"{base}/-/reload", timeout=60)
    assert r.status_code == 200 and r.json()["status"] == "reloaded" and r.json()["build"] != serving
