#!/usr/bin/env bash
# The whole benchmark in one command: bash bench/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
# The project's venv: $PYTHON, else .venv (README setup), else /work/venv, else python3.
PY="${PYTHON:-}"
for candidate in .venv/bin/python /work/venv/bin/python; do
  if [ -z "$PY" ] && [ -x "$candidate" ]; then PY="$candidate"; fi
done
PY="${PY:-python3}"
[ -d bench/.peer/txtai ] || bash bench/setup.sh
exec "$PY" -m bench "$@"
