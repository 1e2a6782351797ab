"""The package's shape, read from its source (no model, no import): no function longer than a
screen, no tracker numbers in comments or docstrings (the why belongs there, not the history),
FAISS behind one module, and one error base that every error kind of the package derives from."""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "assistant"
MAX_LINES = 60  # from ``def`` (or its first decorator) to its last line


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@lru_cache(maxsize=1)
def parsed() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sources()]


def test_no_function_is_longer_than_a_screen():
    long = []
    for path, tree in parsed():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                lines = (node.end_lineno or node.lineno) - start + 1
                if lines > MAX_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, "split these functions:\n" + "\n".join(long)


def test_no_issue_numbers_in_the_package():
    pattern = re.compile(r"issues? *#?\d+", re.IGNORECASE)
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in [*sources(), ROOT / "pyproject.toml"]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert not found, "say why, not which issue:\n" + "\n".join(found)


def test_every_error_kind_derives_from_the_one_base():
    from assistant import errors

    base = {"AssistantError", "HTTPException"}  # HTTPException: the web's own (rate limits, body size)
    stray = []
    for path, tree in parsed():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and path.name != "errors.py":
                names = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if names & {"Exception", "ValueError", "RuntimeError", "OSError"} and not names & base:
                    stray.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not stray, "derive these from assistant.errors.AssistantError:\n" + "\n".join(stray)
    for kind in errors.KINDS:
        assert issubclass(kind, errors.AssistantError)
        assert 400 <= kind.http_status < 600 and kind.exit_code in (1, 2), kind


def test_errors_keep_their_old_homes():
    from assistant import errors
    from assistant.answering.evaluation import SetProblem
    from assistant.answering.glossary import GlossaryProblem
    from assistant.index.store import IndexProblem
    from assistant.ingest.documents import DocumentError
    from assistant.ingest.formats.ocr import OCRUnavailable
    from assistant.ingest.library import UnknownDocument
    from assistant.quoting.exports import ExportError
    from assistant.quoting.quotes import SearchError
    from assistant.server.profiles import InvalidProfile

    old = {SetProblem, GlossaryProblem, IndexProblem, DocumentError, OCRUnavailable, UnknownDocument}
    assert old | {ExportError, SearchError, InvalidProfile} == set(errors.KINDS)


def test_faiss_is_used_by_one_module_only():
    """The dense store is behind ``VectorStore`` (assistant/index/vectors.py): another store
    is one new class there, and nothing else in the package knows FAISS."""
    users = {
        str(path.relative_to(ROOT))
        for path, tree in parsed()
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(
            (alias.name if isinstance(node, ast.Import) else node.module or "").split(".")[0] == "faiss"
            for alias in node.names
        )
    }
    assert users == {"assistant/index/vectors.py"}


def test_the_faiss_store_keeps_to_the_protocol_and_its_filter():
    import numpy as np

    from assistant.index import vectors

    rng = np.random.default_rng(3)
    x = rng.standard_normal((500, 8)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    for spec in ({"type": "flat-ip"}, {"type": "ivf-sq8", "nlist": 8, "nprobe": 8}):
        store: vectors.VectorStore = vectors.FaissStore(vectors.make_dense(x, spec))
        assert len(store) == 500 and store.spec() == spec
        rows, scores = store.search(x[7], 5)
        assert rows[0] == 7 and rows.dtype == np.int64 and scores.dtype == np.float32
        allowed = np.zeros(500, bool)
        allowed[100:200] = True
        rows, _ = store.search(x[7], 5, allowed)
        assert len(rows) == 5 and allowed[rows].all()
        assert len(store.search(x[7], 0)[0]) == 0


def test_the_fake_encoder_keeps_to_the_protocols():
    """The fake (ASSISTANT_ENCODER=fake) is an Encoder like the real ones, over a Backend like
    torch's and ONNX Runtime's (mypy checks those classes against Backend: encoders.BACKENDS)."""
    from assistant.encoding import embeddings, encoders
    from assistant.index import vectors

    fake = embeddings.Embedder(encoder="fake")
    assert isinstance(fake, embeddings.Encoder) and isinstance(fake.model, encoders.Backend)
    assert encoders.FakeBackend in encoders.BACKENDS
    vecs, parts = fake.encode_passages(["Two words. And three more."], [[(0, 10), (11, 26)]])
    assert vecs.shape == (1, fake.dimensions) and parts[0].shape == (2, fake.dimensions)
    assert isinstance(vectors.build_store(vecs), vectors.VectorStore)
