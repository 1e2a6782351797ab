"""HTML pages: the chat at / (works without JavaScript) and /about.

Without JavaScript the question form posts to the page itself; the earlier questions of the
conversation travel back in hidden ``history`` fields and the server renders the whole thread
again (answers are deterministic, so nothing is stored on the server). With JavaScript,
``web/static/chat.js`` asks ``POST /api/ask`` and appends to the thread instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from assistant.routes.api import run_ask, validate_question
from assistant.routes.schemas import is_text

router = APIRouter()

# First-load suggestions: what the bundled news item covers.
EXAMPLES = (
    "What are the three important messages in the report?",
    "Why does the voice of the child matter?",
    "What does the Panel say about information sharing?",
    "Which perennial problems does the Panel want to address?",
    "How are reviews changing the way the system learns?",
)
MAX_TURNS = 10
CHAT = {"active": "ask", "action": "/", "restart": "/"}  # the thread shown (and re-answered) without JavaScript


@dataclass
class Turn:
    n: int
    question: str
    answer: dict


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    context.setdefault("max_chars", request.app.state.settings.max_question_chars)
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def answer_turns(request: Request, questions: list[str], first: int = 0) -> list[Turn]:
    """Answer ``questions[first:]``, each with the ones before it as history (as chat.js does)."""
    return [
        Turn(i + 1, q, run_ask(request, q, None, questions[:i]).to_dict())
        for i, q in enumerate(questions)
        if i >= first
    ]


async def read_form(request: Request) -> tuple[str, list[str], dict[str, str]]:
    """The question, the earlier questions, and every other text field of a posted form."""
    try:
        form = await request.form()
    except HTTPException:
        raise  # e.g. the body limit's 413
    except Exception as exc:  # malformed body: a readable 400, never a traceback
        raise HTTPException(400, "The form could not be read.") from exc
    texts = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    history = [v for v in form.getlist("history") if isinstance(v, str)]
    return texts.get("question", ""), history[-(MAX_TURNS - 1):], texts


async def charge(request: Request, cost: int) -> None:
    """Count ``cost`` more units of model work for this client; 429 over the limit."""
    from assistant.security import too_many

    retry = await request.app.state.limiter.hit(request.scope, cost)
    if retry is not None:
        status, detail, headers = too_many(retry)
        raise HTTPException(status, detail, headers)


async def chat_post(request: Request, template: str, **context) -> HTMLResponse:
    """Answer a posted question and render the whole thread; errors are shown in the page."""
    question, history, _ = await read_form(request)
    context.update(question="", error=None, thread=[], examples=EXAMPLES)
    status = 200
    try:
        # Every check before any work. A bad earlier turn ends the thread there.
        for i, h in enumerate(history):
            try:
                validate_question(request, h)
            except HTTPException:
                history = history[:i]
                break
        asked = [*history, question]
        try:
            validate_question(request, question)
        except HTTPException as exc:
            status, context["error"], context["question"], asked = exc.status_code, str(exc.detail), question, history
        # The middleware counted this request once; each earlier turn answered again counts too.
        await charge(request, len(history))
        context["thread"] = await run_in_threadpool(answer_turns, request, asked)
    except HTTPException as exc:
        status, context["error"], context["question"] = exc.status_code, str(exc.detail), question
    context["history"] = [t.question for t in context["thread"]]
    if not is_text(context["question"]):
        context["question"] = ""  # never echo text that cannot be written out
    return render(request, template, status, **context)


def documents(request: Request) -> list[dict]:
    """The documents the index holds (the API's summaries, plus each one's kind), for /about."""
    from assistant.routes.api import summaries

    index = request.app.state.assistant.index  # one snapshot: a reload may swap it meanwhile
    return [
        dict(s["document"], passages=s["passages"], kind=getattr(d.meta, "kind", ""))
        for d, s in zip(index.documents.values(), summaries(index))
    ]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def chat(request: Request) -> HTMLResponse:
    return render(request, "chat.html", **CHAT, thread=[], history=[], question="", error=None, examples=EXAMPLES)


@router.post("/", response_class=HTMLResponse, include_in_schema=False)
async def chat_form(request: Request) -> HTMLResponse:
    return await chat_post(request, "chat.html", **CHAT)


@router.get("/about", response_class=HTMLResponse, include_in_schema=False)
def about(request: Request) -> HTMLResponse:
    return render(request, "about.html", active="about", documents=documents(request))
