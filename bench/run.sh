#!/usr/bin/env bash
# The whole benchmark in one command: bash bench/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
# The project's venv with the test extras (reportlab, httpx...), as scripts/setup.sh makes it.
[ -x .venv/bin/python ] || bash scripts/setup.sh --test
export PYTHON="${PYTHON:-.venv/bin/python}" HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
{ [ -d bench/.peer/txtai ] && command -v wrk >/dev/null; } || bash bench/setup.sh
exec "$PYTHON" -m bench "$@"
