"""One settings object: every default defined once, and the CLI falls back to it (issue 16).
(The finder following the retrieval settings is tests/test_finder_relevance.py.)"""

from __future__ import annotations

from assistant.settings import Settings, default


def test_cli_options_take_env_names_and_defaults_from_settings():
    from typer.main import get_command

    from assistant.cli import app

    command = get_command(app)
    for name, flag, field in [
        ("serve", "--port", "port"),
        ("serve", "--host", "host"),
        ("ask", "-k", "k"),
        ("ingest", "--max-words", "passage_max_words"),
        ("ingest", "--fetch-timeout", "fetch_timeout"),
    ]:
        param = next(p for p in command.commands[name].params if flag in p.opts)
        assert param.envvar == f"ASSISTANT_{field.upper()}"
        assert param.show_default == str(default(field))
        assert param.help == Settings.model_fields[field].description


def test_code_defaults_are_the_settings_defaults():
    import inspect

    from assistant.answering.retrieval import hybrid
    from assistant.encoding.batching import BatchingEncoder
    from assistant.server.serving import GuardedH11Protocol

    batch = inspect.signature(BatchingEncoder).parameters
    assert (batch["window_ms"].default, batch["max_batch"].default, batch["cache_size"].default) == (
        default("batch_window_ms"),
        default("batch_max"),
        default("cache_size"),
    )
    ranking = inspect.signature(hybrid).parameters
    for name in ("candidates", "rrf_k", "fusion", "bm25_weight"):
        assert ranking[name].default == default(name)
    assert GuardedH11Protocol.header_timeout == default("header_timeout")
