"""One error base: each kind's HTTP status and exit code come from assistant/errors.py, and the
app's handler and the CLI's fail() read them there (no model)."""

from __future__ import annotations

import pytest
import typer
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant import cli, errors
from assistant.server.app import handle_errors

SAID = {
    errors.DocumentError: (422, 1),
    errors.OCRUnavailable: (500, 1),
    errors.IndexProblem: (503, 1),
    errors.UnknownDocument: (422, 2),
    errors.SearchError: (422, 2),
    errors.ExportError: (422, 2),
    errors.GlossaryProblem: (500, 1),
    errors.SetProblem: (422, 1),
    errors.InvalidProfile: (500, 2),
}


def test_each_kind_is_mapped_once():
    assert set(SAID) == set(errors.KINDS)
    assert {kind: (kind.http_status, kind.exit_code) for kind in errors.KINDS} == SAID
    for kind in (errors.UnknownDocument, errors.SearchError, errors.ExportError, errors.SetProblem):
        assert issubclass(kind, ValueError)  # callers that caught ValueError still do


@pytest.fixture(scope="module")
def client():
    app = FastAPI()
    handle_errors(app)

    @app.get("/raise/{name}")
    def raising(name: str):
        kind = getattr(errors, name)
        message = f"/srv/secret/{name} cannot be used."
        raise kind(message, []) if kind is errors.InvalidProfile else kind(message)

    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("kind", errors.KINDS, ids=lambda k: k.__name__)
def test_the_app_answers_with_the_kind_status(client, kind):
    reply = client.get(f"/raise/{kind.__name__}")
    assert reply.status_code == kind.http_status
    detail = reply.json()["detail"]
    if kind.http_status < 500:
        assert detail == f"/srv/secret/{kind.__name__} cannot be used."  # the sentence is for the user
    else:
        assert "secret" not in detail and detail.startswith("Something went wrong")  # a server path stays in


@pytest.mark.parametrize("kind", errors.KINDS, ids=lambda k: k.__name__)
def test_the_cli_exits_with_the_kind_code(kind, capsys):
    with pytest.raises(typer.Exit) as exited:
        said = "The index cannot be read."
        cli.fail(kind(said, []) if kind is errors.InvalidProfile else kind(said))
    assert exited.value.exit_code == kind.exit_code
    assert "Error: The index cannot be read." in capsys.readouterr().err


def test_a_plain_message_fails_with_one_unless_told():
    with pytest.raises(typer.Exit) as exited:
        cli.fail("no")
    assert exited.value.exit_code == 1
    with pytest.raises(typer.Exit) as exited:
        cli.fail("bad value", 2)
    assert exited.value.exit_code == 2
