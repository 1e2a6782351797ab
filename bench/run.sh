#!/usr/bin/env bash
# The whole benchmark in one command: bash bench/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-/work/venv/bin/python}"
[ -x "$PY" ] || PY=.venv/bin/python
[ -d bench/.peer/txtai ] || bash bench/setup.sh
exec "$PY" -m bench "$@"
