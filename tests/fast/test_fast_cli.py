"""The real CLI in subprocesses with ASSISTANT_ENCODER=fake: ingest, ask, and the readable
refusal when the encoder changes under a built index."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fastcorpus import NOTES_META, NOTES_TXT, RIVERSIDE_MD, RIVERSIDE_META

from tests.conftest import child_env

CMD = [sys.executable, "-m", "assistant"]


def run(*args, **env):
    return subprocess.run([*CMD, *args], capture_output=True, text=True, timeout=120, env=child_env(**env))


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-corpus")
    (folder / "riverside-review.md").write_text(RIVERSIDE_MD, encoding="utf-8")
    (folder / "riverside-review.meta.toml").write_text(RIVERSIDE_META, encoding="utf-8")
    (folder / "training-notes.txt").write_text(NOTES_TXT, encoding="utf-8")
    (folder / "training-notes.meta.toml").write_text(NOTES_META, encoding="utf-8")
    root = tmp_path_factory.mktemp("cli-index")
    done = run("ingest", str(folder), "--index", str(root), ASSISTANT_ENCODER="fake")
    assert done.returncode == 0, done.stderr
    return root


def test_ask_quotes_the_documents_exactly(cli_index):
    done = run(
        "ask", "What did reviews find about professional curiosity?", "--json", "--index", str(cli_index),
        ASSISTANT_ENCODER="fake",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["answered"] and "professional curiosity" in answer["quotes"][0]["text"]
    for line in answer["quotes"][0]["text"].splitlines():  # a quote may run over a heading ("### ..." in the file)
        assert line in RIVERSIDE_MD


def test_the_real_model_refuses_the_fake_index_in_words(cli_index):
    done = run("ask", "What is neglect?", "--index", str(cli_index), ASSISTANT_ENCODER="onnx-int8")
    assert done.returncode != 0
    assert "fake/hashed-word-pieces" in done.stderr and "Traceback" not in done.stderr
