"""Index lifecycle: a SIGKILLed ingest leaves the live index intact and usable; a live re-index
under steady requests fails none of them; a corrupt or incompatible build is refused while the
running server keeps the last good one."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from assistant.encoding.embeddings import DIMENSIONS
from assistant.index import store as index_mod
from assistant.settings import MODEL_NAME
from tests.conftest import child_env

OLD = """Kites

The red kite flies over the valley every spring. Farmers watch the red kite circle above the hills.

Nesting

Red kites build untidy nests of sticks high in old oak trees.
"""
NEW = """Lighthouses

The lighthouse keeper climbed the spiral stairs each night to light the lamp. Ships kept clear of the rocks.

Storms

In winter storms the lighthouse lamp burned until dawn, and the keeper logged every passing ship.
"""
OLD_Q = "Where do red kites build their nests?"
NEW_Q = "What did the lighthouse keeper do each night?"

# Runs the real CLI (`assistant ingest ...`) in a child process; when ASSISTANT_TEST_PAUSE names
# a point, the child stops there (after touching a flag file) until the test SIGKILLs it.
WRAPPER = r"""
import os, sys, time
from pathlib import Path
point, flag = os.environ.get("ASSISTANT_TEST_PAUSE", ""), Path(os.environ.get("ASSISTANT_TEST_FLAG", "/dev/null"))

def pause(here):
    if here == point:
        flag.write_text(here)
        time.sleep(600)

from assistant.index import store as ix
from assistant.encoding.embeddings import Embedder
wrap = lambda name, fn: (lambda *a, **k: (pause(name), fn(*a, **k))[1])
Embedder.encode_passages = wrap("embedding", Embedder.encode_passages)
_write = ix._write_jsonl
ix._write_jsonl = lambda path, rows: (
    _write(path, rows), pause("writing") if path.name == "passages.jsonl" else None
)[0]
ix._fsync_tree = wrap("syncing", ix._fsync_tree)
ix._set_current = wrap("naming", ix._set_current)
_replace = os.replace
os.replace = lambda src, dst, **k: (
    pause("replacing") if Path(dst).name == "CURRENT" else None, _replace(src, dst, **k)
)[1]
ix._prune = wrap("pruning", ix._prune)
from assistant.cli import app
app(sys.argv[1:], prog_name="assistant")
"""
POINTS = ["embedding", "writing", "syncing", "naming", "replacing", "pruning"]


def ingest_cmd(source: Path, root: Path) -> list[str]:
    return [sys.executable, "-c", WRAPPER, "ingest", str(source), "--index", str(root)]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("lifecycle-corpora")
    (base / "old").mkdir()
    (base / "new").mkdir()
    (base / "old" / "kites.txt").write_text(OLD, encoding="utf-8")
    (base / "new" / "lighthouses.txt").write_text(NEW, encoding="utf-8")
    return base / "old", base / "new"


@pytest.fixture(scope="module")
def old_index(build_index, corpora) -> Path:
    return build_index([corpora[0]], "lifecycle-old")


def copy_index(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


def answer_text(make_assistant, root: Path, question: str) -> str:
    answer = make_assistant(root).ask(question)
    return " ".join(q.text for q in answer.quotes) if answer.answered else ""


def test_sigkill_at_any_point_of_ingest_leaves_a_usable_index(old_index, corpora, tmp_path, make_assistant):
    old_build = index_mod.current_build(old_index).name
    runs = {}
    for point in POINTS:  # all at once: each child loads the model, which is most of its time
        root = copy_index(old_index, tmp_path / point)
        flag = tmp_path / f"{point}.paused"
        proc = subprocess.Popen(
            ingest_cmd(corpora[1], root),
            env=child_env(ASSISTANT_TEST_PAUSE=point, ASSISTANT_TEST_FLAG=str(flag)),
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / f"{point}.err").open("w"),
        )
        runs[point] = (root, flag, proc)
    # And one killed after a plain delay, wherever it happens to be.
    timed_root = copy_index(old_index, tmp_path / "timed")
    timed = subprocess.Popen(
        ingest_cmd(corpora[1], timed_root), env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(5)  # mid-way through loading the model and reading the sources
    timed.send_signal(signal.SIGKILL)
    timed.wait(timeout=10)
    deadline = time.time() + 240
    try:
        for point, (_root, flag, proc) in runs.items():
            while not flag.exists():
                assert proc.poll() is None, f"ingest ended before {point}: {(tmp_path / f'{point}.err').read_text()}"
                assert time.time() < deadline, f"ingest never reached {point}"
                time.sleep(0.05)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            assert proc.returncode == -signal.SIGKILL
    finally:
        for _, _, proc in runs.values():
            if proc.poll() is None:
                proc.kill()

    for point, (root, _, _) in [*runs.items(), ("timed", (timed_root, None, None))]:
        live = index_mod.load(root, MODEL_NAME, DIMENSIONS)  # intact: checksums and counts verified
        if point == "pruning":  # killed after CURRENT named the new, complete build
            assert live.build != old_build
            assert "lighthouse" in answer_text(make_assistant, root, NEW_Q)
        elif point != "timed":
            assert live.build == old_build, point
            assert "nests of sticks" in answer_text(make_assistant, root, OLD_Q), point
        else:
            assert live.build == old_build or "lighthouse" in answer_text(make_assistant, root, NEW_Q)

    # After a crash the next ingest simply works, and sweeps the half-written leftovers away.
    root = runs["syncing"][0]
    assert list((root / "builds").glob(".tmp-*")), "the killed ingest left a half-written build"
    done = subprocess.run(ingest_cmd(corpora[1], root), env=child_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not list((root / "builds").glob(".tmp-*"))
    assert "lighthouse" in answer_text(make_assistant, root, NEW_Q)


class Traffic:
    """Client threads asking questions (and checking health) until stopped; every reply counts."""

    def __init__(self, base: str, questions: list[str], threads: int = 4):
        self.base, self.questions = base, questions
        self.stop = threading.Event()
        self.ok = 0
        self.failures: list[str] = []
        self.builds: list[str] = []
        self._lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(threads)]

    def run(self, n: int) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as http:
            i = n
            while not self.stop.is_set():
                i += 1
                try:
                    if i % 3:
                        r = http.post("/api/ask", json={"question": self.questions[i % len(self.questions)]})
                        good = r.status_code == 200 and "quotes" in r.json()
                    else:
                        r = http.get("/healthz")
                        good = r.status_code == 200
                        if good:
                            with self._lock:
                                self.builds.append(r.json()["build"])
                except httpx.HTTPError as exc:
                    good, r = False, type(exc).__name__
                with self._lock:
                    if good:
                        self.ok += 1
                    else:
                        self.failures.append(str(getattr(r, "status_code", r)))

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=30)


def wait_for(condition, seconds: float) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_live_reindex_and_refused_builds_with_requests_throughout(
    old_index, corpora, tmp_path, make_app, serve, caplog
):
    root = copy_index(old_index, tmp_path / "live")
    old_build = index_mod.current_build(root).name
    base = serve(make_app(root, reload_poll_seconds=0.2))
    health = lambda: httpx.get(base + "/healthz", timeout=10).json()["build"]  # noqa: E731

    with caplog.at_level("INFO", logger="assistant.server.reload"), Traffic(base, [OLD_Q, NEW_Q, "spring"]) as traffic:
        time.sleep(1)
        done = subprocess.run(
            ingest_cmd(corpora[1], root), env=child_env(), capture_output=True, text=True, timeout=180
        )
        assert done.returncode == 0, done.stderr[-2000:]
        new_build = index_mod.current_build(root).name
        assert wait_for(lambda: health() == new_build, 10), "the server never swapped to the new build"
        time.sleep(1)
        answer = httpx.post(base + "/api/ask", json={"question": NEW_Q}, timeout=30).json()
        assert answer["answered"] and "lighthouse" in answer["quotes"][0]["text"]

        # A corrupt build named in CURRENT is refused; the server keeps the good one.
        bad = root / "builds" / "build-99999999T999999-broken"
        shutil.copytree(root / "builds" / new_build, bad)
        (bad / "passages.jsonl").write_text('{"broken": true}\n', encoding="utf-8")
        index_mod._set_current(root, bad.name)
        assert wait_for(
            lambda: any(bad.name in r.getMessage() and "Refused" in r.getMessage() for r in caplog.records), 10
        )
        refused = next(r.getMessage() for r in caplog.records if bad.name in r.getMessage())
        assert "corrupt" in refused or "wrong size" in refused
        assert f"Still serving {new_build}" in refused
        assert health() == new_build

        # So is a build written by another format version, with a message saying so.
        other = root / "builds" / "build-99999999T999999-format"
        shutil.copytree(root / "builds" / new_build, other)
        manifest = json.loads((other / "manifest.json").read_text(encoding="utf-8"))
        manifest.update(format_version=99, build=other.name)
        (other / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        index_mod._set_current(root, other.name)
        assert wait_for(lambda: any(other.name in r.getMessage() for r in caplog.records), 10)
        assert "format 99" in next(r.getMessage() for r in caplog.records if other.name in r.getMessage())
        assert health() == new_build

        # `assistant reload` checks the build first and says why it will not ask the server.
        from typer.testing import CliRunner

        from assistant.cli import app as cli

        result = CliRunner().invoke(cli, ["reload", "--index", str(root), "--url", base])
        assert result.exit_code == 1 and "format 99" in result.output

        # Naming a good build again (a copy, under a new name) and asking by CLI swaps to it.
        again = root / "builds" / "build-99999999T999999-again"
        shutil.copytree(root / "builds" / new_build, again)
        manifest = json.loads((again / "manifest.json").read_text(encoding="utf-8"))
        (again / "manifest.json").write_text(json.dumps({**manifest, "build": again.name}), encoding="utf-8")
        index_mod._set_current(root, again.name)
        result = CliRunner().invoke(cli, ["reload", "--index", str(root), "--url", base])
        assert result.exit_code == 0 and again.name in result.output, result.output
        assert health() == again.name
        time.sleep(0.5)

    assert traffic.ok > 50
    assert traffic.failures == [], f"{len(traffic.failures)} failed requests: {traffic.failures[:10]}"
    assert old_build in traffic.builds and new_build in traffic.builds
