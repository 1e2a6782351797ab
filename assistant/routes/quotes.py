"""Routes: quotes (filled in by its own issue)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
