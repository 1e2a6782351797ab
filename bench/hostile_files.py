"""What hostile files cost to read: ``python -m bench.hostile_files [--code PATH] [--timeout S]``.

Builds each file (tests/hostile.py), then reads it in a child process of its own with the
``assistant`` package found at ``--code`` (default: this checkout; point it at an older
checkout for "before" figures) and prints a Markdown table of wall time, peak memory and
what happened. The figures are in docs/operations.md ("Caps on what a file may cost").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
path, mode = Path(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
try:
    if mode == "read":
        from assistant.ingest import formats
        blocks, _, _ = formats.read(path.read_bytes(), path.suffix, path.name)
        outcome = f"read: {len(blocks)} blocks"
    else:
        from assistant.ingest.documents import load_document
        from assistant.ingest.passages import make_passages
        passages = make_passages(load_document(path))
        outcome = f"{len(passages)} passages, longest {max(p.end - p.start for p in passages):,} characters"
except Exception as exc:
    outcome = f"{type(exc).__name__}: {str(exc)[:110]}"
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss, "outcome": outcome}))
"""


def build(folder: Path) -> list[tuple[str, Path, str]]:
    sys.path.insert(0, str(ROOT))
    from tests.hostile import nested_divs, pdf_bomb, run_on, zip_bomb_docx

    cases = []

    def add(name: str, file: str, data: bytes, mode: str) -> None:
        path = folder / file
        path.write_bytes(data)
        cases.append((f"{name} ({len(data) / 1024:,.0f} KB)", path, mode))

    add("DOCX zip bomb, 1.4 GB unpacked", "bomb.docx", zip_bomb_docx(1400), "read")
    add("PDF bomb, 1.4 GB of page content", "bomb.pdf", pdf_bomb(1400), "read")
    add("PDF, 100 MB of spaces in its page content (under the cap)", "spaces.pdf", pdf_bomb(100), "read")
    add("PDF, 2 MB of `0 0 Td` operators (under the cap)", "moves.pdf", pdf_bomb(2, fill=b"0 0 Td\n"), "read")
    add("8,000 nested `<div>`s", "nested.html", b"<html><body>" + b"<div>" * 8000 + b"x" + b"</div>" * 8000, "read")
    add("40 runs of 200 nested `<div>`s", "deep.html", nested_divs(200, 40), "read")
    for chars in (100_000, 2_000_000):
        add(f"{chars:,} characters without a sentence end", f"runon{chars}.txt", run_on(chars).encode(), "passages")
    add("a 2,000,000-character word", "word.txt", b"x" * 2_000_000, "passages")
    return cases


def run(path: Path, mode: str, code: Path, timeout: float) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
    env = {k: v for k, v in env.items() if not k.startswith("ASSISTANT_")}
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), mode],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=code,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "rss_mb": None, "outcome": f"stopped after {timeout:g} s"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose assistant package reads the files")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", default="", help="run only cases whose name contains this")
    args = parser.parse_args(argv)
    print("| File | Time | Peak memory | Outcome |\n| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, mode in build(Path(tmp)):
            if args.only and args.only not in name:
                continue
            r = run(path, mode, args.code, args.timeout)
            seconds = f"{r['seconds']:.2f} s" if r["seconds"] is not None else "-"
            rss = f"{r['rss_mb']:,.0f} MB" if r["rss_mb"] is not None else "-"
            print(f"| {name} | {seconds} | {rss} | {r['outcome']} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
