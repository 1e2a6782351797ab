"""The command line, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx

from tests.conftest import free_port

CMD = [sys.executable, "-m", "assistant"]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def run(*args, timeout=120, **env):
    return subprocess.run([*CMD, *args], capture_output=True, text=True, timeout=timeout, env={**ENV, **env})


def test_help_is_instant_and_imports_no_heavy_library():
    start = time.perf_counter()
    result = run("--help")
    assert result.returncode == 0
    assert "ingest" in result.stdout and "serve" in result.stdout
    assert time.perf_counter() - start < 5
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, assistant.cli; print(sorted(m for m in ('torch','faiss','sentence_transformers') if "
            "m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert probe.stdout.strip() == "[]"


def test_ask_json_prints_the_api_object(corpus_index, client):
    result = run(
        "ask",
        "What does the report say about professional curiosity?",
        "--json",
        "-k",
        "2",
        "--index",
        str(corpus_index),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    api = client.post(
        "/api/ask", json={"question": "What does the report say about professional curiosity?", "k": 2}
    ).json()
    assert data["answered"] is True
    assert [q["text"] for q in data["quotes"]] == [q["text"] for q in api["quotes"]]
    assert set(data) == set(api)


def test_ask_reads_the_index_from_the_environment(corpus_index):
    result = run("ask", "What is the capital of France?", ASSISTANT_INDEX=str(corpus_index))
    assert result.returncode == 0, result.stderr
    assert "does not seem to cover this" in result.stdout


def test_missing_index_is_a_clear_error(tmp_path):
    result = run("ask", "anything", "--index", str(tmp_path / "none"))
    assert result.returncode == 1
    assert "No index found" in result.stderr and "assistant ingest" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_reports_unreadable_sources_by_name(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Notes\n\nSupervision helps practitioners think about risk.", encoding="utf-8")
    result = run("ingest", str(good), str(tmp_path / "missing.pdf"), "--index", str(tmp_path / "idx"))
    assert result.returncode == 0, result.stderr
    assert "missing.pdf: no such file or folder" in result.stderr
    assert "Indexed 1 document(s)" in result.stdout


def test_serve_builds_a_missing_index_then_answers(tmp_path):
    port = free_port()
    index = tmp_path / "idx"
    proc = subprocess.Popen(
        [*CMD, "serve", "--port", str(port), "--index", str(index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=ENV,
    )
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                r = httpx.post(
                    f"http://127.0.0.1:{port}/api/ask", json={"question": "Who chairs the Panel?"}, timeout=5
                )
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                time.sleep(0.5)
        else:
            raise AssertionError("server did not start")
        assert r.status_code == 200 and r.json()["answered"] is True
        assert (index / "CURRENT").is_file()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_ask_prints_no_progress_bars(corpus_index):
    result = run("ask", "Who chairs the Panel?", "--index", str(corpus_index))
    assert result.returncode == 0, result.stderr
    for noise in ("Batches", "Loading weights", "it/s", "%|"):
        assert noise not in result.stdout and noise not in result.stderr
    assert result.stderr == ""


def test_ingest_draws_one_bar_per_stage_on_a_terminal(tmp_path):
    """On a terminal (a pty here), ingest shows reading, passage and sentence bars with counts;
    stdout stays one parseable line, and no model-loading bar appears."""
    import fcntl
    import pty
    import struct
    import termios

    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(3):
        (folder / f"note{n}.md").write_text(
            f"# Note {n}\n\nSupervision note {n} is about escalation.\n", encoding="utf-8"
        )
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    proc = subprocess.Popen(
        [*CMD, "ingest", str(folder), "--index", str(tmp_path / "ix")],
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
        env=ENV,
    )
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    out = proc.communicate(timeout=180)[0]
    os.close(leader)
    assert proc.returncode == 0
    assert out.startswith("Indexed 3 document(s)") and out.count("\n") == 1
    screen = drawn.decode("utf-8", "replace")
    assert "Reading: 100%" in screen and "3/3" in screen
    assert "Embedding passages: 100%" in screen and "Embedding sentences: 100%" in screen
    assert "Batches" not in screen and "Loading weights" not in screen
