"""Shared fixtures: the real model, a real index of the bundled corpus, the real app,
a real server on a free port and Debian's Chromium. Each heavy thing loads once a session."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import logwatch
import pytest
from logwatch import no_question_in_logs  # noqa: F401 - autouse: no question text in any log

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]


# ---------------------------------------------------------------- markers

# Test files that start the real CLI or server in subprocesses, which load the model there.
SUBPROCESS_MODEL_FILES = {
    "test_cli.py",
    "test_fetching.py",
    "test_lifecycle.py",
    "test_load.py",
    "test_own_sources.py",
    "test_refresh.py",
    "test_ingest_report.py",
}
# Fixtures that load the model (test_encoders.py's fp32 is the torch-fp32 reference).
MODEL_FIXTURES = {"embedder", "fp32"}


def pytest_collection_modifyitems(config, items):
    """Mark every test that loads the model (directly, through a fixture, or in a subprocess)
    and every browser test, so ``pytest -m "not model and not browser"`` runs without either;
    the tests of tests/fast that need no browser are the fast loop, ``pytest -m fast``."""
    for item in items:
        if item.path.parent.name == "browser":
            item.add_marker(pytest.mark.browser)
        if item.path.parent.name == "fast":
            if not item.get_closest_marker("browser"):
                item.add_marker(pytest.mark.fast)
            continue  # encoded by the fake encoder (tests/fast/conftest.py), never the model
        if MODEL_FIXTURES & set(item.fixturenames) or item.path.name in SUBPROCESS_MODEL_FILES:
            item.add_marker(pytest.mark.model)


# ---------------------------------------------------------------- core objects


@pytest.fixture(scope="session")
def embedder():
    from assistant.encoding.embeddings import shared_embedder

    return shared_embedder()


@pytest.fixture(scope="session")
def build_index(embedder, tmp_path_factory):
    """Build an index from sources into a fresh folder: ``build_index(sources, **settings)``."""
    from assistant.index.build import ingest
    from assistant.index.store import ChunkSettings

    def build(sources: list[str], name: str = "index", **kwargs) -> Path:
        root = tmp_path_factory.mktemp(name)
        ingest([str(s) for s in sources], root, embedder, ChunkSettings(**kwargs))
        return root

    return build


@pytest.fixture(scope="session")
def corpus_index(build_index) -> Path:
    from assistant.settings import BUNDLED_CORPUS

    return build_index([BUNDLED_CORPUS], "corpus-index")


KESTRELS = "Kestrels\n\nThe kestrel hovers above the motorway verge while it hunts for voles in the long grass.\n"


@pytest.fixture(scope="session")
def kestrel_index(build_index, tmp_path_factory) -> Path:
    """A one-document index (a few words about kestrels): for tests of the server, not of answers."""
    folder = tmp_path_factory.mktemp("kestrel-docs")
    (folder / "kestrels.txt").write_text(KESTRELS, encoding="utf-8")
    return build_index([folder], "kestrel-index")


@pytest.fixture(scope="session")
def make_settings():
    from assistant.settings import Settings

    def make(index: Path, **kwargs):
        kwargs.setdefault("rate_limit", "100000/minute")  # tests hammer the API on purpose
        kwargs.setdefault("allowed_hosts", ["testserver"])  # TestClient's Host header
        return Settings(index=index, **kwargs)

    return make


@pytest.fixture(scope="session")
def make_assistant(embedder, make_settings):
    from assistant.answering.answers import load_assistant

    def make(index: Path, **kwargs):
        return load_assistant(make_settings(index, **kwargs), embedder)

    return make


@pytest.fixture(scope="session")
def assistant(make_assistant, corpus_index):
    return make_assistant(corpus_index)


@pytest.fixture(scope="session")
def make_app(make_assistant):
    """``make_app(index, **settings)``: the real app over any index."""
    from assistant.server.app import create_app

    def make(index: Path, **kwargs):
        helper = make_assistant(index, **kwargs)
        return create_app(helper.settings, helper)

    return make


@pytest.fixture(scope="session")
def app(make_app, corpus_index):
    return make_app(corpus_index)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        c.event_hooks["request"].append(logwatch.remember)  # see logwatch.py
        yield c


# ---------------------------------------------------------------- real servers


def run_coroutine(coro):
    """asyncio.run in a thread of its own: Playwright's sync API may own this thread's loop."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def child_env(**extra) -> dict:
    """The environment for a child process of the real CLI: offline, no operator settings, and
    one thread each (several children share two cores)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        ASSISTANT_TORCH_THREADS="1",
        **extra,
    )
    return env


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def serve():
    """``serve(asgi_app, host="127.0.0.1") -> base URL``: uvicorn in a thread, stopped at the end."""
    import uvicorn

    servers = []

    def start(asgi_app, host: str = "127.0.0.1") -> str:
        port = free_port(host)
        config = uvicorn.Config(asgi_app, host=host, port=port, log_level="warning", access_log=False)
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.time() + 30
        while not server.started:
            if time.time() > deadline:
                raise RuntimeError("test server did not start")
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://{host}:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(serve, app) -> str:
    return serve(app)


# ---------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def nojs_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def run_axe(page, context: str | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in the page; return its violations.

    The script is evaluated through the DevTools protocol, so the page's strict CSP
    (no inline script) stays on while it runs.
    """
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate(
        """async (ctx) => {
            const r = await axe.run(ctx ? document.querySelector(ctx) : document, {
                runOnly: {type: 'tag',
                          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}
            });
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }""",
        context,
    )
    return result


@pytest.fixture
def axe():
    def check(page, context: str | None = None):
        violations = run_axe(page, context)
        assert violations == [], f"axe-core found violations: {violations}"

    return check


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Folder for screenshots the browser tests write (git-ignored, kept by CI)."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
