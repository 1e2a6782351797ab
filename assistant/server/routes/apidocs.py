"""/docs: the API reference as our own server-rendered page, built from ``app.openapi()``.

FastAPI's Swagger UI and ReDoc load scripts from a CDN and run inline script, which would
break both "nothing leaves the server" and the CSP; this page needs neither.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter()

METHODS = ("get", "post", "put", "patch", "delete")


def schema_name(schema: dict | None) -> str | None:
    schema = schema or {}
    ref = schema.get("$ref", "")
    if ref:
        return ref.rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        inner = schema_name(schema.get("items"))
        return f"{inner}" if inner else None
    return None


def type_text(schema: dict) -> str:
    """A short readable type: "string", "integer (1–10)", "list of string", "Quote"."""
    if not schema:
        return "any"
    if "$ref" in schema:
        return schema_name(schema) or "any"
    if "anyOf" in schema:
        kinds = [type_text(s) for s in schema["anyOf"]]
        return " or ".join(dict.fromkeys("null" if k == "null" else k for k in kinds))
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {type_text(schema.get('items', {}))}"
    bounds = [str(schema[b]) for b in ("minimum", "maximum") if b in schema]
    if len(bounds) == 2:
        return f"{kind} ({bounds[0]}–{bounds[1]})"
    return kind


def describe(spec: dict) -> tuple[list[dict], list[dict]]:
    """(operations, schemas) of an OpenAPI document, ready for the template."""
    operations = [
        operation(path, method, item[method])
        for path, item in spec.get("paths", {}).items()
        for method in METHODS
        if item.get(method)
    ]
    found = spec.get("components", {}).get("schemas", {})
    schemas = [schema_of(name, schema) for name, schema in sorted(found.items())]
    return operations, schemas


def operation(path: str, method: str, op: dict) -> dict:
    """One operation: what it takes (parameters, body) and what it answers."""
    body = None
    for ctype, content in (op.get("requestBody", {}).get("content") or {}).items():
        body = {"content_type": ctype, "schema": schema_name(content.get("schema"))}
        break
    responses = []
    for status, resp in op.get("responses", {}).items():
        ctype, content = next(iter((resp.get("content") or {"": {}}).items()))
        responses.append(
            {
                "status": status,
                "description": resp.get("description", ""),
                "schema": schema_name(content.get("schema")),
                "content_type": ctype or "none",
            }
        )
    return {
        "method": method.upper(),
        "path": path,
        "anchor": "op-" + re.sub(r"[^a-z0-9]+", "-", f"{method}{path}".lower()).strip("-"),
        "summary": op.get("summary", ""),
        "description": op.get("description", ""),
        "parameters": [
            {
                "name": p["name"],
                "where": p.get("in", ""),
                "required": p.get("required", False),
                "type": type_text(p.get("schema", {})),
                "description": p.get("description", ""),
            }
            for p in op.get("parameters", [])
        ],
        "body": body,
        "responses": responses,
    }


def schema_of(name: str, schema: dict) -> dict:
    required = set(schema.get("required", []))
    return {
        "name": name,
        "description": schema.get("description", ""),
        "fields": [
            {"name": f, "type": type_text(s), "required": f in required, "description": s.get("description", "")}
            for f, s in schema.get("properties", {}).items()
        ],
    }


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference (no JavaScript, nothing from elsewhere)."""
    spec = request.app.openapi()
    operations, schemas = describe(spec)
    context = {
        "info": spec.get("info", {}),
        "openapi_version": spec.get("openapi", ""),
        "operations": operations,
        "schemas": schemas,
        "active": "docs",
    }
    return request.app.state.templates.TemplateResponse(request, "api_docs.html", context)
