#!/usr/bin/env bash
# Benchmark-only extras: the peer library (txtai) goes into bench/.peer, never into the
# assistant's environment (its other needs, torch, transformers, faiss..., are already
# there); the HTTP load generator is Debian's wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
  else
    echo "bench/setup.sh: please install wrk (apt-get install wrk): the HTTP stage uses it" >&2
  fi
fi
[ -d bench/.peer/txtai ] || "${PYTHON:-.venv/bin/python}" -m pip install --quiet --target bench/.peer --no-deps "txtai==9.14.0" "msgpack>=1.0.7"
