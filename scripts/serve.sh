#!/usr/bin/env bash
# One command: set up, build the index of the bundled corpus, answer at http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1
exec .venv/bin/assistant serve "$@"
