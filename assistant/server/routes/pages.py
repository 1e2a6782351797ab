"""HTML pages: the chat at / (works without JavaScript) and /about.

Without JavaScript the question form asks by GET: ``/?q=question`` answers that one question,
and ``&after=`` carries the question before it, only so a follow-up ("and in schools?") can be
read with it. Every answer is then a page of its own in the browser's history: Back shows the
previous answer and never a "Confirm Form Resubmission" page, nothing is stored on the server,
and the URL never holds more than those two questions (not the thread). The same URL without
``after`` is the "Link to this answer". The older POST form (the whole thread in hidden
``history`` fields) is still answered. With JavaScript, ``web/static/chat.js`` asks for the
answered turn (``POST /fragments/turns``) and appends it to the thread instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from assistant.answering.signpost import is_urgent
from assistant.ingest.library import Filters
from assistant.server import insights, profiles
from assistant.server.routes.api import run_ask, validate_question
from assistant.server.routes.deps import AssistantDep, IndexDep, SettingsDep
from assistant.server.routes.facets import form_filters, scope_of, search_in
from assistant.server.routes.schemas import Text, is_text
from assistant.settings import CHAT_TURNS

router = APIRouter()

# First-load suggestions: what the bundled news item covers.
EXAMPLES = (
    "What are the three important messages in the report?",
    "Why does the voice of the child matter?",
    "What does the Panel say about information sharing?",
    "Which perennial problems does the Panel want to address?",
    "How are reviews changing the way the system learns?",
)
MAX_TURNS = CHAT_TURNS  # chat.js reads it from the form (data-max-turns)
# The thread shown (and re-answered) without JavaScript.
CHAT: dict[str, Any] = {"active": "ask", "action": "/", "restart": "/"}


@dataclass
class Turn:
    n: int
    question: str
    answer: dict
    alone: bool = False  # asked on its own: never read together with the question before
    urgent: bool = False  # help first, no search advice (partials/turn.html)


def privacy_text(settings) -> dict:
    """What the pages say about questions: from the real settings, never a fixed promise."""
    from assistant.answering.privacy import insights_notice

    counted = insights_notice(settings.insights_days) if settings.insights else ""
    if not settings.question_log:
        return {"log": False, "insights": counted, "short": f"Questions are not stored or logged. {counted}".strip()}
    days = settings.question_log_days
    kept = f"for {days} day{'s' if days != 1 else ''}" if days else "until the operator deletes it"
    return {
        "log": True,
        "kept": kept,
        "insights": counted,
        "short": "Questions are written, with names and other personal details removed, to a log on this "
        f"server, kept {kept}. {counted}".strip(),
    }


def lacks_report(index) -> bool:
    """Every document is known to be something other than a report (the report is not here)."""
    kinds = [d.meta.kind for d in index.documents.values()]
    return bool(kinds) and all(k and k != "report" for k in kinds)


def coverage(index, within: Filters | None = None) -> dict:
    """What the index holds, said plainly (e.g. one news item about the report, not the report);
    ``within``: only what a widget answers from (``here`` says so)."""
    from assistant.ingest import library

    try:
        ids = library.matching(index, within)
    except library.UnknownDocument:
        ids = set()
    docs = [d for d in index.documents.values() if ids is None or d.id in ids]
    return {
        "documents": [{"title": d.meta.title, "kind": d.meta.kind, "year": d.meta.year} for d in docs],
        "no_report": lacks_report(index),
        "here": ids is not None,
    }


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    settings = request.app.state.settings
    context.setdefault("max_chars", settings.max_question_chars)
    context.setdefault("alone", [])
    context.setdefault("max_turns", MAX_TURNS)
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def answer_turns(assistant, settings, questions: list[str], first: int = 0, alone=(), filters=None) -> list[Turn]:
    """Answer ``questions[first:]``, each with the ones before it as history (as chat.js does);
    a question whose index is in ``alone`` is asked on its own; all within ``filters``."""
    turns = []
    for i, q in enumerate(questions[first:], start=first):
        answer = run_ask(assistant, settings, q, None, [] if i in alone else questions[:i], filters).to_dict()
        turns.append(Turn(i + 1, q, answer, i in alone, urgent_turn(q, answer)))
    return turns


def urgent_turn(question: str, answer: dict) -> bool:
    """Help first: a signpost on an answer is there for urgency (by rules or by meaning);
    on a refusal, only when the question reads as urgent by the rules too."""
    return bool(answer.get("signpost")) and (bool(answer.get("answered")) or is_urgent(question))


def indices(values: list[str], limit: int) -> list[int]:
    """Turn numbers from a form or body: integers in range, others ignored."""
    return sorted({int(v) for v in values if isinstance(v, str) and v.isdigit() and int(v) < limit})


async def posted_form(request: Request):
    """The posted form; a malformed body is a readable 400, never a traceback."""
    try:
        return await request.form()
    except HTTPException:
        raise  # e.g. the body limit's 413
    except Exception as exc:
        raise HTTPException(400, "The form could not be read.") from exc


async def read_form(request: Request) -> tuple[str, list[str], dict[str, str]]:
    """The question, the earlier questions, and every other text field of a posted form."""
    form = await posted_form(request)
    texts = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    history = [v for v in form.getlist("history") if isinstance(v, str)]
    # Turn numbers count from the first question kept, so shift them when older ones are dropped.
    dropped = max(0, len(history) - (MAX_TURNS - 1))
    alone = [str(i - dropped) for i in indices(form.getlist("alone"), MAX_TURNS + dropped) if i >= dropped]
    texts["alone"] = ",".join(alone)
    return texts.get("question", ""), history[-(MAX_TURNS - 1) :], texts


async def charge(request: Request, cost: int) -> None:
    """Count ``cost`` more units of model work for this client; 429 over the limit."""
    from assistant.server.security import too_many

    retry = await request.app.state.limiter.hit(request.scope, cost)
    if retry is not None:
        status, detail, headers = too_many(retry)
        raise HTTPException(status, detail, headers)


async def chat_post(request: Request, assistant, settings, template: str, **context) -> HTMLResponse:
    """Answer a posted question and render the whole thread; errors are shown in the page."""
    question, history, fields = await read_form(request)
    alone = indices(fields.get("alone", "").split(","), MAX_TURNS)
    return await answer_page(request, assistant, settings, template, question, history, alone, fields=fields, **context)


async def chat_get(request: Request, assistant, settings, template: str, **context) -> HTMLResponse:
    """``?q=`` answered (read after ``?after=`` when given), or the empty chat without ``q``."""
    params = request.query_params
    if "q" not in params:
        context.pop("filters", None)
        context.setdefault("examples", EXAMPLES)
        context.update(thread=[], history=[], question="", error=context.pop("problem", None))
        if template == "chat.html":
            try:
                preset = form_filters(params)  # a link may open the chat within a filter
            except HTTPException:
                preset = None
            context["search_in"] = search_in(assistant.index, preset)
        return render(request, template, **context)
    after = params.get("after", "")
    response = await answer_page(
        request,
        assistant,
        settings,
        template,
        params.get("q", ""),
        [after] if after else [],
        [],
        True,
        fields=params,
        **context,
    )
    response.headers["Cache-Control"] = "no-store"  # the page echoes the question: no cache may keep it
    return response


async def answer_page(
    request: Request,
    assistant,
    settings,
    template: str,
    question: str,
    history: list[str],
    alone,
    last_only: bool = False,
    fields=None,
    **context,
) -> HTMLResponse:
    """Answer ``question`` after ``history`` and render the thread (``last_only``: only the last
    turn, the one before it being read only to understand a follow-up); errors are shown in the page.
    ``fields`` (the form or query) may hold the "Search in" filter; the widget gives its own
    (``filters``, already narrowed to its partner's profile, and any ``problem`` with it)."""
    preset, problem = context.pop("filters", None), context.pop("problem", None)
    context.setdefault("examples", EXAMPLES)
    context.update(question="", error=None, thread=[])
    status = 200
    filters = None
    try:
        if problem:
            raise HTTPException(422, problem)
        # A bad filter is shown like a bad question, before any work.
        filters = preset if preset is not None else form_filters(fields or {})
        # Every check before any work. A bad earlier turn ends the thread there.
        for i, h in enumerate(history):
            try:
                validate_question(settings, h)
            except HTTPException:
                history = history[:i]
                break
        asked = [*history, question]
        try:
            validate_question(settings, question)
        except HTTPException as exc:
            status, context["error"], context["question"], asked = exc.status_code, str(exc.detail), question, history
        # The middleware counted a POST once (a GET not at all); each answer beyond that counts too.
        first = max(0, len(asked) - 1) if last_only else 0
        await charge(request, len(asked) - first - (1 if request.method == "POST" else 0))
        if status == 200:
            await profiles.spend(request)  # a partner's widget: its daily cap
        context["thread"] = await run_in_threadpool(answer_turns, assistant, settings, asked, first, alone, filters)
        if status == 200 and context["thread"]:  # the new question only: earlier turns were counted when asked
            insights.count_answer(request, context["thread"][-1].answer)
    except HTTPException as exc:
        status, context["error"], context["question"] = exc.status_code, str(exc.detail), question
    context["history"] = [t.question for t in context["thread"]]
    context["alone"] = [t.n - 1 for t in context["thread"] if t.alone]
    if not is_text(context["question"]):
        context["question"] = ""  # never echo text that cannot be written out
    if template == "chat.html":
        context["search_in"] = search_in(assistant.index, filters)
    return render(request, template, status, **context)


def documents(index) -> list[dict]:
    """The documents the index holds (the API's summaries, plus each one's kind), for /about."""
    from assistant.server.routes.api import summaries

    return [
        dict(s["document"], passages=s["passages"], kind=getattr(d.meta, "kind", ""))
        for d, s in zip(index.documents.values(), summaries(index), strict=False)
    ]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def chat(request: Request, assistant: AssistantDep, settings: SettingsDep, index: IndexDep) -> HTMLResponse:
    return await chat_get(request, assistant, settings, "chat.html", **CHAT, coverage=coverage(index))


@router.post("/", response_class=HTMLResponse, include_in_schema=False)
async def chat_form(request: Request, assistant: AssistantDep, settings: SettingsDep, index: IndexDep) -> HTMLResponse:
    return await chat_post(request, assistant, settings, "chat.html", **CHAT, coverage=coverage(index))


@router.get("/about", response_class=HTMLResponse, include_in_schema=False)
def about(request: Request, index: IndexDep) -> HTMLResponse:
    return render(request, "about.html", active="about", documents=documents(index), coverage=coverage(index))


class TurnsRequest(BaseModel):
    """The chat script's request for turns drawn by the server (partials/turn.html), so a
    turn looks the same with and without JavaScript and is drawn in one place."""

    model_config = ConfigDict(extra="forbid")

    questions: list[Text] = Field(..., min_length=1, max_length=MAX_TURNS)
    alone: list[StrictInt] = Field(default_factory=list, max_length=MAX_TURNS, description="Turns asked on their own.")
    first: StrictInt = Field(0, ge=0, description="Draw the turns from this one (earlier ones are history).")
    number: StrictInt = Field(1, ge=1, le=100_000, description="The number shown for the first turn drawn.")
    compact: StrictBool = Field(False, description="For /embed: links open in a new tab.")
    filters: Filters | None = Field(None, description='The form\'s "Search in" choices.')
    origin: str | None = Field(None, max_length=300, description="For /embed: the partner page's origin.")


@router.post("/fragments/turns", response_class=HTMLResponse, include_in_schema=False)
async def turns_fragment(
    body: TurnsRequest, request: Request, assistant: AssistantDep, settings: SettingsDep
) -> HTMLResponse:
    """HTML of ``questions[first:]`` answered, each read with the ones before it (or alone)."""
    alone = sorted({i for i in body.alone if 0 <= i < len(body.questions)})
    for q in body.questions:
        validate_question(settings, q)  # every check before any work
    first = min(body.first, len(body.questions) - 1)
    await charge(request, len(body.questions) - first - 1)  # each answer past the first counts too
    scope_of(assistant.index, body.filters)  # an unknown document is a 422 before any work
    # The embed frame says whose widget it is; the profile narrows whatever filter was sent.
    origin = body.origin if body.compact and body.origin in settings.embed_origins else None
    filters = profiles.narrow(request, body.filters, origin)
    await profiles.spend(request, 1 if first == len(body.questions) - 1 else 0)  # a redraw is not a new question
    thread = await run_in_threadpool(answer_turns, assistant, settings, body.questions, first, alone, filters)
    for t in thread:
        t.n = body.number + t.n - 1 - first
    if first == len(body.questions) - 1:  # a new question, not a conversation drawn again after a reload
        insights.count_answer(request, thread[-1].answer)
    return render(
        request,
        "partials/turns.html",
        thread=thread,
        history=body.questions,
        alone=alone,
        action="/embed" if body.compact else "/",
        compact=body.compact,
        parent_origin=origin or "",
        search_in=search_in(assistant.index, body.filters),
    )


@router.post("/feedback", response_class=HTMLResponse, include_in_schema=False)
async def feedback(request: Request, assistant: AssistantDep) -> HTMLResponse:
    """ "Was this useful?": one count per quote id and answer, nothing else (no question, no identifier)."""
    counted = await record_feedback(request, assistant)
    if "application/json" in request.headers.get("accept", ""):
        return HTMLResponse(status_code=204)
    return render(request, "feedback.html", active="ask", counted=counted)


async def record_feedback(request: Request, assistant) -> int:
    form = await posted_form(request)
    useful = form.get("useful")
    if useful not in ("yes", "no"):
        raise HTTPException(422, "Say yes or no.")
    ids = [i for i in form.getlist("quote") if isinstance(i, str)][:10]
    known = [i for i in dict.fromkeys(ids) if assistant.index.passage(i) is not None]  # only real ids are counted
    if not known:
        raise HTTPException(422, "No quote to give feedback on.")
    assistant.counters.feedback(known, useful == "yes")
    insights.count_feedback(request, known, useful == "yes")
    return len(known)


@router.get("/favicon.ico", include_in_schema=False)
def favicon(settings: SettingsDep) -> FileResponse:
    """Browsers ask for /favicon.ico whatever the page says: answer with the SVG icon, not a 404."""
    path = settings.web_dir / "static" / "favicon.svg"
    return FileResponse(path, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})
