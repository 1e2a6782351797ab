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


def test_eval_calibrate_reports_the_written_fit_held_out(tmp_path):
    """`eval --set fit --calibrate`: the fit it writes is the one whose held-out figures it reports,
    with the stability of the fit (model-free: the fake encoder)."""
    import importlib.util
    import tomllib
    from pathlib import Path

    from assistant.answering import calibration

    here = Path(__file__).resolve().parents[1] / "eval_fit" / "build_set.py"
    spec = importlib.util.spec_from_file_location("fit_build_set_fast", here)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    docs, index = builder.build(tmp_path / "docs"), tmp_path / "index"
    assert run("ingest", str(docs), "--index", str(index), ASSISTANT_ENCODER="fake").returncode == 0
    # Every fourth question of the fit set, to keep the fast loop fast.
    blocks = (here.parent / "questions.toml").read_text(encoding="utf-8").split("[[question]]")[1:]
    few = tmp_path / "few.toml"
    few.write_text("".join("[[question]]" + b for b in blocks[::4]), encoding="utf-8")
    asked = [tomllib.loads("[[question]]" + b)["question"][0] for b in blocks[::4]]
    answerable = sum(q["category"] in ("answerable", "case") for q in asked)
    near = sum(q["category"] == "near_miss" for q in asked)
    done = run("eval", "--set", str(few), "--index", str(index), "--calibrate", "--json", ASSISTANT_ENCODER="fake")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    written = calibration.load(index)
    assert written.threshold == result["fitted"]["threshold"] == result["calibrated"]
    assert result["calibration"] == "shipped default"  # the figures "in use" are the default's, not the fit's
    held = result["leave_one_document_out"]["report"]
    said = done.stderr.split("Wrote the calibration", 1)[1]
    assert f"near_misses_refused {held['near_misses_refused']['n']} of {near}" in said
    assert f"hit@3 {held['hit@3']['n']} of {answerable}" in said
    assert result["stability"]["refits"] == 50
    assert ("WARNING: unstable fit" in done.stderr) == result["stability"]["unstable"]
    text = run("eval", "--set", str(few), "--index", str(index), ASSISTANT_ENCODER="fake")
    assert text.returncode == 0 and "fitted, held out" in text.stdout and "refits on resampled questions" in text.stdout
    assert f"calibration              {result['fitted']['method']}" in text.stdout  # the index's own fit is in use now
