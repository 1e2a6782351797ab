"""Widget profiles: for each allowed partner origin, the documents (or filter) its widget answers
from, its title, accent, suggested questions and daily question cap, in a TOML file
(``ASSISTANT_WIDGET_PROFILES``; docs/library.md, "Widget profiles").

A profile is applied on the server and never taken from the page. The partner is the request's
``Origin`` header when that names a profiled origin (a partner page's own script calling
/api/*, or a form it posts); otherwise the origin the embed frame declares (``?origin=``, the
form's or the chat script's ``origin``), which the browser enforces: a scoped /embed page may
be framed by that origin only, and an unscoped one by no profiled origin (frame-ancestors).
Whatever filter the page asks for is then narrowed to the profile (``Filters.within``).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Annotated

from fastapi import HTTPException, Request
from pydantic import AfterValidator, Field, ValidationError

from assistant.errors import InvalidProfile  # noqa: F401  (raised here; importable from here too)
from assistant.ingest.library import Filters, Name

MAX_QUESTIONS = 8


def _accent(value: str | None) -> str | None:
    from assistant.server.branding import check_accent

    return check_accent(value) if value is not None else None


Question = Annotated[Name, Field(min_length=1, max_length=200)]


class Profile(Filters):
    """One partner's widget: its filter (the fields of ``Filters``) and how it looks."""

    title: str | None = Field(None, min_length=1, max_length=80, description="The widget's heading and launcher.")
    accent: Annotated[str | None, AfterValidator(_accent)] = Field(None, description="#rrggbb, readable on white.")
    questions: list[Question] = Field(
        default_factory=list, max_length=MAX_QUESTIONS, description="Suggested questions shown before the first one."
    )
    daily_cap: int | None = Field(None, ge=1, description="Questions a day from this origin (UTC days).")

    @property
    def scope(self) -> Filters:
        return Filters(**self.model_dump(include=set(Filters.model_fields)))


def load(path: Path, allowed: list[str] | None = None) -> dict[str, Profile]:
    """The profiles in ``path`` by origin; a ValueError says which origin and field is wrong."""
    from assistant.server.security import check_origin

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path} cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path} is not valid TOML ({exc})") from None
    profiles: dict[str, Profile] = {}
    for key, table in data.items():
        try:
            origin = check_origin(key)
        except ValueError as exc:
            raise ValueError(f"{path}: [{key!r}]: {exc}") from None
        if not isinstance(table, dict):
            raise ValueError(f'{path}: {origin} must be a table: write ["{origin}"] on its own line, then its settings')
        try:
            profiles[origin] = Profile.model_validate(table)
        except ValidationError as exc:
            raise InvalidProfile(f"{path}: the profile of {origin}", exc.errors()) from None
        if allowed is not None and origin not in allowed:
            raise ValueError(
                f"{path}: {origin} has a profile but is not an allowed origin: add it to ASSISTANT_EMBED_ORIGINS too"
            )
    return profiles


def of(request: Request) -> dict[str, Profile]:
    return getattr(request.app.state, "profiles", None) or {}


def partner(request: Request, declared: str | None = None) -> str | None:
    """The profiled origin this request comes from (Origin header first, then the declared one)."""
    profiles = of(request)
    if not profiles:
        return None
    for value in (request.headers.get("origin"), declared):
        origin = (value or "").strip().lower().rstrip("/")
        if origin in profiles:
            return origin
    return None


def narrow(request: Request, filters: Filters | None, declared: str | None = None) -> Filters | None:
    """The request's filter, never wider than its partner's profile; the partner is remembered
    for ``spend``."""
    origin = partner(request, declared)
    request.state.partner = origin
    if origin is None:
        return filters
    return (filters or Filters()).within(of(request)[origin].scope)


def frame_ancestors(request: Request, origin: str | None) -> list[str]:
    """Who may frame an /embed page: its partner alone, or (unscoped) no profiled origin."""
    if origin:
        return ["'self'", origin]
    profiled = of(request)
    return ["'self'", *(o for o in request.app.state.settings.embed_origins if o not in profiled)]


def until_midnight(now: dt.datetime | None = None) -> int:
    now = now or dt.datetime.now(dt.UTC)
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    return max(1, int((midnight - now).total_seconds()))


async def spend(request: Request, questions: int = 1) -> None:
    """Count questions against the partner's daily cap (kept in the rate-limit store, so replicas
    sharing Redis share it); a readable 429 once it is reached."""
    import asyncio

    origin = getattr(request.state, "partner", None)
    cap = of(request)[origin].daily_cap if origin else None
    if not cap or questions <= 0:
        return
    limiter = request.app.state.limiter
    day = dt.datetime.now(dt.UTC).date().isoformat()
    key = f"widget-cap/{origin}/{day}"
    try:
        used = await asyncio.to_thread(limiter.storage.incr, key, 2 * 86400, questions)
    except Exception:  # noqa: BLE001 - the store is down: the rate limiter's policy decides
        if limiter.fail_open:
            return
        from assistant.server.ratelimit import OUTAGE_RETRY_SECONDS, LimitsUnavailable

        raise LimitsUnavailable(OUTAGE_RETRY_SECONDS) from None
    if used > cap:
        raise HTTPException(
            429,
            f"This website's assistant has answered its {cap:,} questions for today. It answers again from "
            "midnight (UTC); the full assistant, on its own site, is not affected.",
            {"Retry-After": str(until_midnight())},
        )


def guard(request: Request, index, *doc_ids: str) -> None:
    """A document outside the calling partner's profile is, to that partner, not there (404)."""
    from assistant.ingest import library

    origin = partner(request)
    if origin is None:
        return
    allowed = library.matching(index, Filters().within(of(request)[origin].scope))
    if allowed is not None and any(d not in allowed for d in doc_ids):
        raise HTTPException(404, "No document with that id.")
