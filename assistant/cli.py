"""The command line: parse options, build the core object, run it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer

from assistant.errors import AssistantError
from assistant.settings import Settings, default, readable_errors

app = typer.Typer(
    help="Answer questions about the Panel's Annual Report 2020 by quoting it, never by writing new text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def option(name: str, *flags: str, **kwargs):
    """A CLI option that falls back to the setting ``name``: its ASSISTANT_* variable, its
    description and its default come from Settings, so none is written twice."""
    help_text = Settings.model_fields[name].description
    envvar = f"ASSISTANT_{name.upper()}"
    return typer.Option(None, *flags, envvar=envvar, help=help_text, show_default=str(default(name)), **kwargs)


IndexOpt = option("index", "--index")


def make_settings(**overrides) -> Settings:
    """Settings from the environment, with the CLI's options on top; a bad value is a readable error."""
    from pydantic import ValidationError

    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        problems = readable_errors(exc.errors(), whole="settings")
        fail(f"invalid setting ({problems}). Options fall back to ASSISTANT_* environment variables.", 2)


def fail(message: str | AssistantError, code: int | None = None) -> NoReturn:
    """Say what went wrong and exit: 2 for a bad value given, 1 otherwise; an ``AssistantError``
    brings its own exit code (assistant/errors.py)."""
    if code is None:
        code = message.exit_code if isinstance(message, AssistantError) else 1
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def fetch_limits(settings: Settings):
    from assistant.ingest.sources import FetchLimits

    return FetchLimits(settings.fetch_timeout, settings.fetch_max_bytes, settings.fetch_allow_private)


def ingest_tools(settings: Settings):
    """The model and the chunking rules an ingest or a refresh uses, both from ``settings``."""
    from assistant.encoding.embeddings import shared_embedder
    from assistant.index.store import ChunkSettings

    return shared_embedder(settings.torch_threads), ChunkSettings.from_settings(settings)


def run_ingest(
    settings: Settings, sources: list[str], add: bool = False, remove=None, progress: bool = True, as_json=False
):
    from assistant.index.build import ingest
    from assistant.ingest.documents import DocumentError

    embedder, chunking = ingest_tools(settings)
    try:
        report = ingest(sources, settings.index, embedder, chunking, add, remove, progress, fetch_limits(settings))
    except DocumentError as exc:
        fail(exc)
    say_done(report, as_json)
    return report


def run_refresh(settings: Settings, progress: bool = True, strict: bool = True, fetch: bool = False):
    """Bring an existing index up to date from its own recorded sources; never drop a document.

    Not ``strict`` (serve): a refresh that cannot run (another ingest holds the lock) is a
    warning, and the server goes on with the index as it is. ``fetch``: URL sources and GOV.UK
    publications are fetched again too (``ingest --refresh``; serve never fetches).
    """
    from assistant.index.build import refresh
    from assistant.index.store import IndexProblem
    from assistant.ingest.documents import DocumentError

    embedder, chunking = ingest_tools(settings)
    try:
        check, report = refresh(settings.index, embedder, chunking, progress, fetch_limits(settings), fetch)
    except (DocumentError, IndexProblem) as exc:
        if strict and isinstance(exc, IndexProblem):
            raise  # the index cannot be read at all: the caller decides
        if strict:
            fail(exc)
        typer.secho(f"Warning: the index was not updated: {exc}", fg=typer.colors.YELLOW, err=True)
        return None
    for source in check.missing:
        typer.secho(
            f"Warning: {source} is no longer there; the index keeps the version it holds "
            "(drop it with: assistant ingest --remove ID).",
            fg=typer.colors.YELLOW,
            err=True,
        )
    if report is not None and check.reason:
        typer.echo(f"Updating the index from its own sources: {check.reason}.")
    if report is not None:
        for label, ids in (("Updated", report.updated), ("Added", report.added)):
            for doc_id in ids:
                typer.echo(f"{label} {doc_id}")
        say_done(report)
    return report if report is None or report.build else None


def say_done(report, as_json: bool = False) -> None:
    if as_json:
        from dataclasses import asdict

        typer.echo(json.dumps(_report_json(report, asdict), indent=2, ensure_ascii=False))
        return
    say_summaries(report.summaries)
    for source, reason in report.problems:
        typer.secho(f"Skipped {source}: {reason}", fg=typer.colors.YELLOW, err=True)
    for doc_id in report.kept:
        typer.secho(f"Kept the previous version of {doc_id}", fg=typer.colors.YELLOW, err=True)
    for doc_id in report.flagged:
        typer.secho(f"Withdrawn by its publisher: {doc_id} (kept; its quotes say so)", fg=typer.colors.YELLOW, err=True)
    if report.build is None:
        return  # nothing changed: the caller says the index is up to date
    s = report.stats
    typer.echo(
        f"Indexed {len(report.documents)} document(s) into {report.build} "
        f"({s.documents_embedded} embedded, {s.documents_reused} unchanged; "
        f"{s.passages_embedded} passages and {s.sentences_embedded} sentences embedded)."
    )
    for doc_id in report.removed:
        typer.echo(f"Removed {doc_id}")


def _report_json(report, asdict) -> dict:
    return {
        "build": str(report.build) if report.build else None,
        "documents": [asdict(s) for s in report.summaries],
        "indexed": report.documents,
        "problems": [{"source": src, "reason": why} for src, why in report.problems],
        "kept": report.kept,
        "removed": report.removed,
        "stats": asdict(report.stats),
    }


def say_summaries(summaries: list) -> None:
    """Each document read: in full on a terminal (stderr, beside the progress bars; stdout keeps
    its one line), and its warnings alone in a log."""
    from assistant.ingest import summary

    full = sys.stderr.isatty()
    for s in summaries:
        if full:
            typer.echo("\n".join(summary.lines(s)), err=True)
        else:
            for warning in s.warnings:
                typer.echo(f"Note: {s.id}: {warning}", err=True)


def has_index(settings: Settings) -> bool:
    return (settings.index / "CURRENT").is_file()


@app.command()
def ingest(
    sources: list[str] | None = typer.Argument(
        None,
        help="Files, folders, http(s) URLs or GOV.UK publication pages [default: the bundled corpus "
        "for a new index; an existing index re-reads its own sources that changed].",
    ),
    index: Path | None = IndexOpt,
    add: bool = typer.Option(False, "--add", help="Keep documents already in the index that are not named here."),
    remove: list[str] | None = typer.Option(None, "--remove", help="Document id to drop from the index (repeatable)."),
    max_words: int | None = option("passage_max_words", "--max-words"),
    fetch_timeout: float | None = option("fetch_timeout", "--fetch-timeout"),
    fetch_max_bytes: int | None = option("fetch_max_bytes", "--fetch-max-bytes"),
    as_json: bool = typer.Option(False, "--json", help="Print what was read, per document, as JSON."),
    refresh: bool = typer.Option(
        False,
        "--refresh",
        help="Re-check every recorded source, fetching URLs and GOV.UK publications again: changed ones are "
        "re-read, withdrawn ones flagged, new files in recorded folders added; nothing is dropped.",
    ),
):
    """Read documents and build the index (unchanged documents are not re-embedded)."""
    settings = make_settings(
        index=index,
        passage_max_words=max_words,
        fetch_timeout=fetch_timeout,
        fetch_max_bytes=fetch_max_bytes,
    )
    if refresh:
        if sources or remove or add:
            fail("--refresh re-checks the index's own sources: give no SOURCES, --add or --remove with it.", 2)
        if not has_index(settings):
            fail(f"No index in {settings.index} to refresh. Build it with: assistant ingest --index {settings.index}")
        from assistant.index.store import IndexProblem

        try:
            if run_refresh(settings, fetch=True) is None:
                typer.echo(f"The index in {settings.index} is up to date with its sources.")
        except IndexProblem as exc:  # no readable build, so no recorded sources to re-check
            fail(exc)
    elif sources:
        run_ingest(settings, sources, add, remove, as_json=as_json)
    elif remove:
        run_ingest(settings, [], add=True, remove=remove)  # drop those, keep everything else
    elif has_index(settings):
        from assistant.index.store import IndexProblem

        try:
            if run_refresh(settings) is None:
                typer.echo(f"The index in {settings.index} is up to date with its sources.")
        except IndexProblem as exc:  # no readable build, so no recorded sources: start again
            typer.echo(f"{exc} Building it again from {', '.join(settings.corpus)}.")
            run_ingest(settings, settings.corpus)
    else:
        run_ingest(settings, settings.corpus)


@app.command()
def documents(
    assignments: list[str] | None = typer.Argument(
        None, metavar="[KEY=VALUE]...", help="With --set: the facts to set (kind, publisher, year, topics)."
    ),
    index: Path | None = IndexOpt,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list."),
    withdraw: str | None = typer.Option(
        None, "--withdraw", metavar="ID", help="Take document ID down: hidden from answers, the finder and pages."
    ),
    reason: str | None = typer.Option(None, "--reason", help="Why it is taken down (required with --withdraw)."),
    restore: str | None = typer.Option(None, "--restore", metavar="ID", help="Undo the takedown of document ID."),
    set_id: str | None = typer.Option(
        None,
        "--set",
        metavar="ID",
        help="Set a document's facts, e.g. --set my-review kind=local-review year=2022; kept in the index "
        "folder, so it survives rebuilds. An empty value (kind=) goes back to the detected one.",
    ),
):
    """List the documents an index holds: id, title, kind, publisher, year, source, pages, passages.
    --withdraw ID --reason "..." takes one down (kept, listed, restorable with --restore ID);
    --set ID KEY=VALUE... sets its kind, publisher, year or topics for filters."""
    from assistant.index.store import IndexProblem, current_build, list_documents

    settings = make_settings(index=index)
    if withdraw or restore:
        change_takedown(settings, withdraw, reason, restore)
        return
    if assignments and not set_id:
        fail("KEY=VALUE needs --set ID, e.g. assistant documents --set my-review kind=local-review", 2)
    if set_id:
        set_document_facts(settings, set_id, assignments or [])
        if not as_json:
            return
    try:
        rows = list_documents(settings.index)
    except IndexProblem as exc:
        fail(exc)
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    typer.echo(f"{len(rows)} document(s) in {current_build(settings.index)}")
    for row in rows:
        say_document(row)


def say_document(row: dict) -> None:
    """One document of ``assistant documents``: what it is, where from, and what happened to it."""
    from assistant.ingest.library import KINDS

    pages = f"{row['pages']} pages, " if row.get("pages") else ""
    typer.echo(f"\n{row['id']}  {row['title']}")
    facts = [KINDS[row["kind"]], row["publisher"] or "publisher not known", str(row["year"] or "year not known")]
    typer.echo("  " + ", ".join(facts) + (f"; topics: {', '.join(row['topics'])}" if row["topics"] else ""))
    typer.echo(
        f"  {row['format']}, {pages}{row['passages']} passages, ingested "
        f"{row.get('ingested_at') or 'at an unknown time'}"
    )
    origin = row.get("origin") or {}
    if origin:
        typer.echo("  " + ", ".join(f"{k}: {v}" for k, v in origin.items()))
    typer.echo(f"  source: {row['source']}")
    if row.get("publication"):
        typer.echo(f"  from: {row['publication']}")
    if row.get("withdrawn_notice"):
        typer.echo(f"  {row['withdrawn_notice']}")
    if row.get("takedown"):
        down = row["takedown"]
        typer.echo(f"  TAKEN DOWN {down.get('at', '')}: {down.get('reason', '')} (undo: --restore {row['id']})")
    if row.get("scanned"):
        typer.echo(f"  text recognised from a scan on page(s) {', '.join(map(str, row['scanned']))}")
    for warning in row.get("warnings") or []:
        typer.echo(f"  warning: {warning}")


def change_takedown(settings: Settings, withdraw: str | None, reason: str | None, restore: str | None) -> None:
    from assistant.index.build import restore as restore_doc
    from assistant.index.build import take_down
    from assistant.ingest.documents import DocumentError

    if withdraw and restore:
        fail("Give --withdraw or --restore, not both.", 2)
    if withdraw and not (reason or "").strip():
        fail('Say why with --reason "..." (it is listed with the document).', 2)
    if not has_index(settings):
        fail(f"No index in {settings.index}.")
    embedder, chunking = ingest_tools(settings)
    try:
        if withdraw:
            report = take_down(settings.index, withdraw, " ".join((reason or "").split()), embedder, chunking)
            typer.echo(f"Took down {withdraw}: hidden from answers, the finder and the document pages.")
        elif restore:
            report = restore_doc(settings.index, restore, embedder, chunking)
            typer.echo(f"Restored {restore}.")
        else:
            fail("Give --withdraw ID or --restore ID.", 2)
    except DocumentError as exc:
        fail(exc)
    say_done(report)


def set_document_facts(settings: Settings, doc_id: str, assignments: list[str]) -> None:
    """Store overrides beside the index's CURRENT (library.json), each checked first."""
    from assistant.index.store import IndexProblem, list_documents
    from assistant.ingest import library

    try:
        known = {row["id"] for row in list_documents(settings.index)}
    except IndexProblem as exc:
        fail(exc)
    if doc_id not in known:
        fail(f"there is no document with the id {doc_id!r} (see: assistant documents)", 2)
    if not assignments:
        fail(f"--set {doc_id} needs KEY=VALUE, e.g. kind=local-review", 2)
    pairs = [a.partition("=") for a in assignments]
    for key, eq, value in pairs:
        if not eq:
            fail(f"{key!r} is not KEY=VALUE (e.g. kind=local-review)", 2)
        try:
            library.check_key(key.strip())
            if value.strip():
                library.clean_fact(key.strip(), value)
        except ValueError as exc:
            fail(str(exc), 2)
    for key, _, value in pairs:
        stored = library.set_fact(settings.index, doc_id, key.strip(), value)
        shown = "the detected value" if value.strip() == "" else repr(stored)
        typer.echo(f"{doc_id}: {key.strip()} set to {shown}")


DocumentOpt = typer.Option(None, "--document", help="Only this document (its id; repeatable).")
KindOpt = typer.Option(None, "--kind", help="Only this kind of document, e.g. local-review (repeatable).")
PublisherOpt = typer.Option(None, "--publisher", help="Only this publisher (repeatable).")
YearFromOpt = typer.Option(None, "--year-from", help="Only documents published in or after this year.")
YearToOpt = typer.Option(None, "--year-to", help="Only documents published in or before this year.")


def scope_for(index, documents, kinds, publishers, year_from, year_to):
    """The filter options as the API's Filters: (documents allowed or None, scope); bad values fail plainly."""
    from pydantic import ValidationError

    from assistant.ingest import library

    try:
        filters = library.Filters(
            documents=documents or [],
            kinds=kinds or [],
            publishers=publishers or [],
            year_from=year_from,
            year_to=year_to,
        )
        ids = library.matching(index, filters)
    except ValidationError as exc:
        fail(readable_errors(exc.errors(), positions=False, whole="filter"), 2)
    except library.UnknownDocument as exc:
        fail(exc)
    return ids, None if ids is None else library.Scope(filters=filters, documents=len(ids))


def load(settings: Settings):
    from assistant.answering.answers import load_assistant

    try:
        return load_assistant(settings)
    except AssistantError as exc:  # no readable index, or a glossary that cannot be read
        fail(exc)


@app.command()
def ask(
    question: str = typer.Argument(..., help="The question, in quotes."),
    k: int | None = option("k", "-k", min=1, max=10),
    as_json: bool = typer.Option(False, "--json", help="Print the API's JSON object."),
    index: Path | None = IndexOpt,
    document: list[str] | None = DocumentOpt,
    kind: list[str] | None = KindOpt,
    publisher: list[str] | None = PublisherOpt,
    year_from: int | None = YearFromOpt,
    year_to: int | None = YearToOpt,
):
    """Quote the passages that answer QUESTION, or say that the report does not."""
    settings = make_settings(index=index, k=k)
    from assistant.answering.answers import clean_question

    if not clean_question(question) or len(question) > settings.max_question_chars:
        fail(f"Please give a question of 1 to {settings.max_question_chars} characters.", 2)
    helper = load(settings)
    doc_ids, scope = scope_for(helper.index, document, kind, publisher, year_from, year_to)
    answer = helper.ask(question, k=settings.k, doc_ids=doc_ids)
    answer.scope = scope
    if as_json:
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    if answer.signpost:  # above any quote, as on the web
        sp = answer.signpost
        typer.echo(f"{sp.title}\n{sp.text}")
        for link in sp.links:
            typer.echo(f"  {link.text}: {link.href}")
        typer.echo("")
    if answer.interpreted_as:
        typer.echo(f"Searched as: “{answer.interpreted_as}”")
    if answer.scope and answer.scope.documents:
        typer.echo(f"Searched only in {answer.scope.documents} document(s) of the filter.")
    typer.echo(answer.message)
    if answer.missing:
        typer.echo("Missing: " + ", ".join(answer.missing))
    for n, quote in enumerate(answer.quotes, start=1):
        typer.echo(f"\n[{n}] {quote.citation}")
        if quote.notes:
            typer.echo(f"({'; '.join(quote.notes)})")
        if quote.document.withdrawn:
            typer.echo(quote.document.withdrawn)
        typer.echo(f"“{quote.text}”")


@app.command()
def search(
    text: str = typer.Argument(..., help="The phrase, words or question to find quotes for."),
    mode: str = typer.Option("phrase", "--mode", help="phrase (exact wording), words (all in one sentence), meaning."),
    limit: int = typer.Option(10, "--limit", min=1, max=1000, help="How many quotes at most."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON object of /api/search."),
    index: Path | None = IndexOpt,
    document: list[str] | None = DocumentOpt,
    kind: list[str] | None = KindOpt,
    publisher: list[str] | None = PublisherOpt,
    year_from: int | None = YearFromOpt,
    year_to: int | None = YearToOpt,
):
    """Find exact quotes, as the finder page does, within the filter given."""
    from assistant.answering.answers import clean_question
    from assistant.ingest import library
    from assistant.quoting import quotes

    settings = make_settings(index=index)
    cleaned = clean_question(text)
    if not cleaned or len(text) > settings.max_question_chars:
        fail(f"Please give 1 to {settings.max_question_chars} characters to search for.", 2)
    if mode not in quotes.MODES:
        fail(f"--mode is one of: {', '.join(quotes.MODES)}", 2)
    helper = load(settings)
    within, scope = scope_for(helper.index, document, kind, publisher, year_from, year_to)
    if within is not None and not within:
        result: dict[str, Any] = {"query": cleaned, "mode": mode, "count": 0, "results": [], "suggestions": []}
    else:
        query = quotes.Query(cleaned, mode, limit=limit, within=within)
        try:
            result = quotes.search(helper.index, helper.encoder, query, helper.similar)
        except quotes.SearchError as exc:
            fail(exc)
    result["scope"] = scope.model_dump() if scope else None
    if as_json:
        typer.echo(json.dumps(jsonable(result), ensure_ascii=False, indent=2))
        return
    if scope is not None and not scope.documents:
        typer.echo(library.NO_MATCH)
        return
    typer.echo(f"{result['count']} match(es) for “{cleaned}”" + (f" in {scope.documents} document(s)" if scope else ""))
    for n, quote in enumerate(result["results"], start=1):
        typer.echo(f"\n[{n}] {quote['citation']}")
        typer.echo(f"“{quote['text']}”")


def jsonable(value):
    """Models inside a result as plain data."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


@app.command()
def serve(
    host: str | None = option("host", "--host"),
    port: int | None = option("port", "--port"),
    index: Path | None = IndexOpt,
    build: bool = typer.Option(
        True, "--build/--no-build", help="Build the index first when it is missing; re-read its sources that changed."
    ),
    workers: int | None = option("workers", "--workers"),
):
    """Serve the web chat and the JSON API (building the index first when needed)."""
    settings = make_settings(host=host, port=port, index=index, workers=workers)
    if build and not has_index(settings):
        typer.echo(f"No index in {settings.index} yet: building it from {', '.join(settings.corpus)}.")
        run_ingest(settings, settings.corpus)
    elif build:
        run_refresh(settings, strict=False)  # re-reads changed sources, keeps every document
    import logging

    from assistant.server.app import create_app
    from assistant.server.serving import run

    # The assistant's own lines (index reloads and refusals, errors) beside uvicorn's.
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    logging.getLogger("faiss.loader").setLevel(logging.WARNING)  # which CPU build it tried: noise

    typer.echo(f"Answering at http://{settings.host}:{settings.port}")
    # Several workers each load the app themselves (serving.app_from_env).
    helper = load(settings) if settings.workers == 1 else None
    if helper is not None:
        from assistant.server.routes.health import ADD_REPORT
        from assistant.server.routes.pages import lacks_report

        if lacks_report(helper.index):
            typer.secho(ADD_REPORT, fg=typer.colors.YELLOW, err=True)  # for the operator, never on a page
    run(settings, create_app(settings, helper) if helper is not None else None)


@app.command()
def reload(
    index: Path | None = IndexOpt,
    url: str | None = typer.Option(None, "--url", help="The server to tell [default: http://HOST:PORT from settings]."),
    pid: int | None = typer.Option(None, "--pid", help="Send SIGHUP to this server process instead."),
):
    """Check the build index/CURRENT names, then tell a running server to swap to it."""
    from assistant.encoding.embeddings import DIMENSIONS, model_name
    from assistant.index import store as index_mod

    settings = make_settings(index=index)
    try:
        folder = index_mod.current_build(settings.index)
        index_mod.check_manifest(index_mod.read_manifest(folder), folder, model_name(settings.encoder), DIMENSIONS)
    except index_mod.IndexProblem as exc:
        fail(f"{exc} The server keeps its current index.", exc.exit_code)
    if pid is not None:
        import os
        import signal

        try:
            os.kill(pid, signal.SIGHUP)
        except OSError as exc:
            fail(f"Cannot signal process {pid}: {exc.strerror}.")
        typer.echo(f"Asked process {pid} to load {folder.name}.")
        return
    import httpx

    from assistant.server.routes.health import TOKEN_HEADER, reload_token

    target = (url or f"http://{settings.host}:{settings.port}").rstrip("/") + "/-/reload"
    token = reload_token(settings.reload_token_file)
    try:
        reply = httpx.post(target, timeout=60, headers={TOKEN_HEADER: token} if token else {})
    except httpx.HTTPError as exc:
        fail(f"No server answered at {target} ({type(exc).__name__}).")
    if reply.status_code != 200:
        fail(f"The server refused: {reply.json().get('detail', reply.status_code)}")
    result = reply.json()
    if result["status"] == "refused":
        fail(f"The server refused build {folder.name}: {result['detail']} It still serves {result['build']}.")
    typer.echo(f"The server serves {result['build']} ({result['status']}).")


@app.command()
def insights(
    index: Path | None = IndexOpt,
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
):
    """What goes unanswered: counts of everyday words (and feedback per quote), never questions."""
    from assistant.server import insights as counts

    settings = make_settings(index=index)
    store = counts.Store(counts.path_for(settings), settings.insights_days)
    if not store.path.exists():
        state = "on" if settings.insights else "off (ASSISTANT_INSIGHTS=on turns them on)"
        typer.echo(f"Nothing counted yet in {store.path}: insights are {state}.")
        return
    sections = counts.report(store)
    if as_json:
        typer.echo(json.dumps(sections, indent=2, ensure_ascii=False))
        return
    typer.echo(
        f"Counts over the last {settings.insights_days} day(s) in {store.path}; "
        f"counts below {counts.MIN_SHOWN} are not shown."
    )
    for section in sections:
        typer.echo(f"\n{section['title']}:")
        for row in section["rows"]:
            typer.echo(f"  {row['count']:>6}  {row['item']}")
        if not section["rows"]:
            typer.echo("  (none)")


# What `eval --calibrate` says of the fit it writes, measured on documents each fit did not see.
FITTED_SHOWN = ("hit@3", "right_answers_refused", "near_misses_refused", "off_topic_refused")


@app.command("eval")
def evaluate(
    questions: Path | None = typer.Argument(None, help="Questions file or set folder (the same as --set)."),
    eval_set: Path | None = option("eval_set", "--set"),
    index: Path | None = IndexOpt,
    as_json: bool = typer.Option(False, "--json", help="Print the figures and every row as JSON."),
    calibrate: bool = typer.Option(False, "--calibrate", help="Write the fitted calibration into the index folder."),
):
    """Measure a set: hit@k, refusals by kind, signposts, missing words, the marked sentence, and a
    fitted calibration held out one document at a time; --calibrate stores the fit."""
    from dataclasses import asdict

    from assistant.answering.evaluation import SetProblem, load_questions, warnings
    from assistant.answering.evaluation import evaluate as run

    settings = make_settings(index=index, eval_set=eval_set)
    try:
        asked = load_questions(questions or settings.eval_set)
    except SetProblem as exc:
        fail(exc)
    result = run(load(settings), asked)
    fitted = result.pop("fitted")
    if calibrate:
        from assistant.answering.evalmetrics import fraction

        saved = fitted.save(settings.index)
        held = result["leave_one_document_out"]["report"]
        typer.echo(
            f"Wrote the calibration to {saved} (threshold {fitted.threshold:.3f}); it applies from the next load. "
            "Expect the 'fitted, held out' column on documents it was not fit on: "
            + "; ".join(f"{key} {fraction(held[key])}" for key in FITTED_SHOWN)
            + ".",
            err=True,
        )
    if as_json:
        typer.echo(json.dumps({**result, "fitted": asdict(fitted)}, indent=2, ensure_ascii=False))
    else:
        say_eval(result)
    for line in warnings(result):
        typer.secho(line, fg=typer.colors.YELLOW, err=as_json)


def say_eval(result: dict) -> None:
    from assistant.answering.evalmetrics import fraction, misses, target_text

    for key in (
        "answerable",
        "unanswerable",
        "hit@1",
        "hit@3",
        "mrr",
        "answerable_recall",
        "abstention_precision",
        "abstention_recall",
        "unanswerable_answered",
        "auc",
        "threshold",
        "calibrated",
    ):
        value = result[key]
        typer.echo(f"{key:24} {value:.3f}" if isinstance(value, float) else f"{key:24} {value}")
    typer.echo(f"{'calibration':24} {result['calibration']}")
    columns = [("in use", result["report"])]
    if "leave_one_document_out" in result:
        columns += [
            ("fitted, held out", result["leave_one_document_out"]["report"]),
            ("fitted, own set", result["fitted_own_set"]["report"]),
        ]
    typer.echo("\n" + f"{'figure':34}{'target':>7}" + "".join(f"  {name:>22}" for name, _ in columns))
    missed = [set(misses(r)) for _, r in columns]
    for key in columns[0][1]:
        cells = [r[key] for _, r in columns]
        shown = [fraction(c) if isinstance(c, dict) else ("-" if c is None else f"{c:.3f}") for c in cells]
        shown = [f"{s} {'✗' if key in m else ' '}" for s, m in zip(shown, missed, strict=True)]
        typer.echo(f"  {key:32}{target_text(key):>7}" + "".join(f"  {s:>22}" for s in shown))
    typer.echo("  (✗: misses the target a set nobody tuned on should meet)")
    if "leave_one_document_out" in result:
        folds = result["leave_one_document_out"]["folds"]
        typer.echo("\nheld out: each group answered by a fit made without its questions")
        for f in folds:
            typer.echo(f"  {f['document']:44} {f['questions']:4} questions, threshold {f['threshold']:.3f}")
        s = result["stability"]
        typer.echo(
            f"  refits on resampled questions: median {s['flips_median']:g}, 90th percentile {s['flips_p90']:g} "
            f"decisions changed"
        )
    c = result["confusion"]
    typer.echo("\nconfusion                answered  abstained")
    typer.echo(f"  answerable             {c['answerable_answered']:8}  {c['answerable_abstained']:9}")
    typer.echo(f"  unanswerable           {c['unanswerable_answered']:8}  {c['unanswerable_abstained']:9}")
    typer.echo("\ncategory                      n  right  recall  precision")
    for cat, m in result["categories"].items():
        typer.echo(f"  {cat:24} {m['n']:5}  {m['right']:5}  {m['recall']:6.3f}  {m['precision']:9.3f}")


def main() -> None:  # pragma: no cover
    sys.exit(app())
