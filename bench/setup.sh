#!/usr/bin/env bash
# Benchmark-only extras: the peer library (txtai) goes into bench/.peer, never into the
# assistant's environment. Its other needs (torch, transformers, faiss...) are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
# The project's venv: $PYTHON, else .venv (README setup), else /work/venv, else python3.
PY="${PYTHON:-}"
for candidate in .venv/bin/python /work/venv/bin/python; do
  if [ -z "$PY" ] && [ -x "$candidate" ]; then PY="$candidate"; fi
done
PY="${PY:-python3}"
"$PY" -m pip install --quiet --target bench/.peer --no-deps "txtai==9.14.0" "msgpack>=1.0.7"
