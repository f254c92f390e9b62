"""The OpenAPI 3.1 description of the HTTP API, served at /openapi.json."""
from __future__ import annotations

from typing import Any

_PROBLEM = {"description": "RFC 9457 problem details: the message as the command line says it, with file, line, "
                           "column and field",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
_ERRORS = {"413": {"description": "the request is larger than the limit", **_PROBLEM},
           "422": _PROBLEM, "429": {"description": "every print worker is busy: retry after the seconds in "
                                                   "Retry-After", **_PROBLEM},
           "503": {"description": "the document took longer than the time limit, or its worker stopped", **_PROBLEM}}
_FORMAT = {"name": "format", "in": "query", "schema": {"enum": ["docx", "pdf", "zip"], "default": "docx"},
           "description": "docx, pdf, or zip (both, with report.json: findings and warnings)"}
_DOCUMENT = {"200": {"description": "the document", "content": {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
    "application/pdf": {}, "application/zip": {}}}, **_ERRORS}
_UPLOAD = {"content": {
    "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string",
                                                                                 "format": "binary"}}}},
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}
_JSON = {"200": {"description": "JSON", "content": {"application/json": {"schema": {"type": "object"}}}}, **_ERRORS}


def _flag(name: str, default: bool, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": "boolean", "default": default}, "description": description}


def document() -> dict[str, Any]:
    from importlib.metadata import version

    return {
        "openapi": "3.1.0",
        "info": {"title": "gongwen", "version": version("gongwen"),
                 "description": "Chinese official documents (党政机关公文) laid out to GB/T 9704-2012. With a token "
                                "(`gongwen serve --token`), send `Authorization: Bearer TOKEN`."},
        "paths": {
            "/api/render": {"post": {
                "summary": "A plan (YAML or JSON, Chinese or English keys) → .docx, PDF or both",
                "parameters": [_FORMAT, _flag("paginate", True, "lay out on LibreOffice's pages (版记, signature)")],
                "requestBody": {"content": {
                    "application/yaml": {"schema": {"type": "string"}},
                    "application/json": {"schema": {"$ref": "/api/schema/plan"}},
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "plan": {"type": "string"}, "files": {"type": "array", "items": {
                            "type": "string", "format": "binary"}, "description": "files the plan names (seal, "
                                                                                  "tables, scans), by name"}}}}}},
                "responses": _DOCUMENT}},
            "/api/check": {"post": {
                "summary": "Any .docx → the report of `gongwen check --json`",
                "parameters": [_flag("pdf", False, "print it with LibreOffice and measure its pages"),
                               _flag("pages", False, "add each page as a PNG data URI")],
                "requestBody": _UPLOAD, "responses": _JSON}},
            "/api/import": {"post": {
                "summary": "A draft (.docx, .txt, .md) → the plan's text, leftovers and changes",
                "parameters": [{"name": "kind", "in": "query", "schema": {"type": "string"}},
                               {"name": "form", "in": "query", "schema": {"enum": ["docx", "txt", "md"]}}],
                "requestBody": _UPLOAD, "responses": _JSON}},
            "/api/format": {"post": {
                "summary": "A draft → a standard document (import, render, paginate)",
                "parameters": [_FORMAT], "requestBody": _UPLOAD, "responses": _DOCUMENT}},
            "/api/campaign": {"post": {
                "summary": "A campaign file with its plans and data tables → every document in a .zip",
                "parameters": [_flag("pdf", False, "PDFs too"), _flag("facts", False, "the facts only (JSON)")],
                "requestBody": _UPLOAD, "responses": _DOCUMENT}},
            "/api/schema/{which}": {"get": {
                "summary": "The JSON Schema of plan or campaign files",
                "parameters": [{"name": "which", "in": "path", "required": True,
                                "schema": {"enum": ["plan", "campaign"]}}], "responses": _JSON}},
            "/api/kinds": {"get": {"summary": "The document kinds and their rules", "responses": _JSON}},
            "/api/starter/{kind}": {"get": {
                "summary": "A kind's commented starter plan (`gongwen new KIND`)",
                "parameters": [{"name": "kind", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "YAML", "content": {"text/plain": {}}}}}},
            "/healthz": {"get": {"summary": "Alive, with the print workers busy and waiting", "responses": _JSON}},
        },
        "components": {"schemas": {"Problem": {"type": "object", "properties": {
            "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
            "detail": {"type": "string"}, "message": {"type": "string"}, "file": {"type": "string"},
            "line": {"type": "integer"}, "column": {"type": "integer"}, "field": {"type": "string"},
            "hint": {"type": "string"}}}}},
    }
