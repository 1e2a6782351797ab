"""Takedowns: documents an operator withdrew from answers, kept as plain data in the index folder.

``index/takedowns.json`` sits beside ``CURRENT``, outside every build, so each new build --
a re-ingest, a refresh, a rebuild for another model -- hides the same documents. It maps a
document id to why and when: ``{"id": {"reason": "...", "at": "2026-12-05T23:50:00+00:00"}}``.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

from assistant.ingest.documents import DocumentError

FILE = "takedowns.json"


def read(root: Path) -> dict[str, dict]:
    """The takedowns of the index in ``root``; a damaged file is an error, never "none"."""
    path = Path(root) / FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DocumentError(f"{path} cannot be read ({exc}); it lists the documents taken down: fix it") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise DocumentError(f"{path} is not a JSON object of document ids; it lists the documents taken down: fix it")
    return data


def write(root: Path, entries: dict[str, dict]) -> None:
    """Replace the file atomically, so a crash leaves the old list or the new one."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".{FILE}.{uuid.uuid4().hex[:6]}"
    tmp.write_text(json.dumps(entries, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, root / FILE)
