#!/usr/bin/env bash
# Benchmark-only extras: the peer library (txtai) goes into bench/.peer, never into the
# assistant's environment. Its other needs (torch, transformers, faiss...) are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
"${PYTHON:-.venv/bin/python}" -m pip install --quiet --target bench/.peer --no-deps "txtai==9.14.0" "msgpack>=1.0.7"
