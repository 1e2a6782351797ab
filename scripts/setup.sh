#!/usr/bin/env bash
# Set up a virtual environment with everything the assistant needs, on a fresh machine.
#   bash scripts/setup.sh          # the assistant
#   bash scripts/setup.sh --test   # plus the test tools: Chromium, axe-core, pytest...
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${ASSISTANT_VENV:-.venv}"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# The CPU build of torch first: a bare "torch" requirement would pull a multi-GB CUDA build.
"$VENV/bin/python" -m pip install --quiet "torch==2.13.0"

if [ "${1:-}" = "--test" ]; then
  "$VENV/bin/python" -m pip install --quiet -e ".[test]"
  if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  fi
  # redis-server for the multi-replica test (tests/test_replicas.py starts its own on a free port).
  if ! command -v redis-server >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq redis-server >/dev/null
  fi
  # axe-core for the accessibility checks, from the npm registry (no browser download).
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
else
  "$VENV/bin/python" -m pip install --quiet -e .
fi
# pdf.js for the "Open in the report" viewer (npm registry, copied into a git-ignored static folder).
bash scripts/vendor-pdfjs.sh
echo "Set up in $VENV"
