"""Schemathesis against the app's own OpenAPI schema: for generated (and deliberately wrong)
requests to every operation, no 5xx, and every response matches the schema it documents."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

EXAMPLES = int(os.environ.get("SCHEMA_EXAMPLES", "30"))  # per operation


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


def test_the_schema_lists_the_api(api_schema):
    paths = {f"{op.method.upper()} {op.path}" for op in operations(api_schema)}
    assert {"POST /api/ask", "GET /api/documents", "GET /healthz", "GET /readyz"} <= paths


def test_every_operation_matches_its_schema(api_schema):
    failures = []
    for operation in operations(api_schema):

        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call()
            assert response.status_code < 500, f"{response.status_code} {response.text[:300]}"
            # A question that is blank once control and spacing characters are dropped is a
            # readable 422 ("Please type a question."), which JSON Schema cannot express; every
            # other built-in check runs (status codes, content types, bodies, headers, negative data).
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

        try:
            check()
        except Exception as exc:  # noqa: BLE001 - gather every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:3000])
    assert not failures, "\n\n".join(failures)
