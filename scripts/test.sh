#!/usr/bin/env bash
# One command: set up (venv, torch, the project, Chromium, axe-core) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
mkdir -p artifacts
# Lint and format first (ruff, configured in pyproject.toml): a style slip fails in seconds.
.venv/bin/ruff check assistant tests bench scripts
.venv/bin/ruff format --check assistant tests bench scripts
# Static types (mypy, configured in pyproject.toml): every function body in assistant/ is checked.
.venv/bin/mypy
.venv/bin/python -m pytest -p no:cacheprovider --junitxml=artifacts/junit.xml "$@"
