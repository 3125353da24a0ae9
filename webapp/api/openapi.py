"""The API's OpenAPI document, generated from the pydantic models the API validates with: the
batch envelope (webapp/sync/schemas.py) and each registered record type's data schema, so the
document cannot drift from what the server accepts."""

from webapp.sync.fields import MAX_CLOCK_SKEW_MS, now_ms
from webapp.sync.registry import record_types
from webapp.sync.schemas import (
    EARLIEST,
    MAX_CHANGES,
    MAX_PUSH_BYTES,
    MAX_RECORD_BYTES,
    PULL_LIMIT_DEFAULT,
    PULL_LIMIT_MAX,
    UUID7_PATTERN,
    PushBody,
)

REF = "#/components/schemas/{model}"
DESCRIPTION = (
    "Offline-first sync of a signed-in person's records. Every error answers "
    '{"error": {"status", "message", "record"?, "field"?}}. Changes need the session cookie and the CSRF '
    "token from /session in the X-CSRFToken header. Conflicts: a record keeps the version with the greatest "
    "(updated_at, device_id, content hash); see docs/sync.md. Record types and their data are described "
    "by the Change variants; docs/tracking.md explains the symptom log and screenings."
)
STORED_CHANGE = {
    "type": "object",
    "required": ["id", "type", "op", "data", "updated_at", "device_id", "seq"],
    "properties": {
        "id": {"type": "string", "pattern": UUID7_PATTERN},
        "type": {"type": "string"},
        "op": {"type": "string", "enum": ["put", "delete"]},
        "data": {"type": ["object", "null"]},
        "updated_at": {"type": "integer"},
        "device_id": {"type": "string"},
        "seq": {"type": "integer"},
    },
}
ERROR = {
    "description": "An error",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["error"],
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["status", "message"],
                        "properties": {
                            "status": {"type": "integer"},
                            "message": {"type": "string"},
                            "record": {"type": "string"},
                            "field": {"type": "string"},
                        },
                    }
                },
            }
        }
    },
}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses):
    return {str(status): {"$ref": "#/components/responses/Error"} for status in statuses}


def _schemas(types):
    """PushBody, one Change variant per record type (its data schema attached), and a delete."""
    push = PushBody.model_json_schema(ref_template=REF)
    schemas = push.pop("$defs")
    schemas["PushBody"] = push
    envelope = schemas.pop("Change")
    # The server refuses a time before 2024 or more than MAX_CLOCK_SKEW_MS ahead of its clock.
    # The maximum is taken when the document is made and only grows later, so a time this
    # document calls valid stays valid.
    updated_at = envelope["properties"]["updated_at"]
    updated_at["minimum"] = EARLIEST
    updated_at["maximum"] = now_ms() + MAX_CLOCK_SKEW_MS
    updated_at["description"] = (
        f"{updated_at.get('description', 'Device time of the change')}: not before 2024-01-01 and at most "
        f"{MAX_CLOCK_SKEW_MS // 3600000} hours ahead of the server's clock (the maximum here is as of this document)."
    )

    def variant(names, op, data_ref=None):
        properties = dict(envelope["properties"], op={"type": "string", "const": op})
        properties["type"] = {"type": "string", "enum": list(names)}
        required = ["id", "type", "op", "updated_at"]
        if data_ref is None:
            properties.pop("data")
        else:
            properties["data"] = {"$ref": REF.format(model=data_ref)}
            required.append("data")
        return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}

    variants = []
    for name, model in types.items():
        data = model.model_json_schema(ref_template=REF)
        schemas.update(data.pop("$defs", {}))
        limit = f"At most {MAX_RECORD_BYTES // 1024} KB as JSON."
        data["description"] = f"{data['description']} {limit}" if data.get("description") else limit
        schemas[model.__name__] = data
        variants.append(variant([name], "put", model.__name__))
    variants.append(variant(list(types), "delete"))
    schemas["Change"] = {"oneOf": variants}
    schemas["PushBody"]["properties"]["changes"]["description"] = (
        f"1 to {MAX_CHANGES} changes, each record id at most once per batch; a record id keeps the type it "
        "was first stored with (another type is refused with 409)."
    )
    return schemas


def document(types=None):
    """The OpenAPI 3.1 document for /api/v1 (JSON Schema 2020-12, as pydantic writes it), for the
    given record types (name -> data model; by default the current app's registered types)."""
    push_ok = {
        "type": "object",
        "required": ["results", "cursor"],
        "properties": {
            "cursor": {
                "type": "string",
                "description": "Without 'since': the account's change number after this push. With 'since': "
                "the pull cursor after 'changes', as a pull answers it",
            },
            "changes": {
                "type": "array",
                "items": STORED_CHANGE,
                "description": "Only when the body had 'since': the changes after it (a page, oldest first), "
                "less the versions this push stored",
            },
            "has_more": {"type": "boolean", "description": "Only with 'since': more changes wait for a pull"},
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "status"],
                    "properties": {
                        "id": {"type": "string"},
                        "status": {"type": "string", "enum": ["applied", "unchanged", "superseded"]},
                        "seq": {"type": "integer"},
                        "winner": STORED_CHANGE,
                    },
                },
            },
        },
    }
    pull_ok = {
        "type": "object",
        "required": ["changes", "cursor", "has_more"],
        "properties": {
            "changes": {"type": "array", "items": STORED_CHANGE},
            "cursor": {"type": "string"},
            "has_more": {"type": "boolean"},
        },
    }
    session_ok = {
        "type": "object",
        "required": ["authenticated", "csrf_token"],
        "properties": {
            "authenticated": {"type": "boolean"},
            "csrf_token": {"type": "string"},
            "email": {"type": "string"},
            "user": {"type": "string"},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Relieve API", "version": "1", "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/session": {
                "get": {
                    "summary": "Who is signed in, and the CSRF token to send with changes",
                    "operationId": "getSession",
                    "responses": {"200": _json(session_ok, "The session")},
                }
            },
            "/sync/push": {
                "post": {
                    "summary": "Apply a batch of changes, all or nothing",
                    "description": f"At most {MAX_PUSH_BYTES // 1024} KB per batch.",
                    "operationId": "pushChanges",
                    "parameters": [
                        {"name": "X-CSRFToken", "in": "header", "required": True, "schema": {"type": "string"}}
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": REF.format(model="PushBody")}}},
                    },
                    "responses": {
                        "200": _json(
                            push_ok,
                            "Per-change results: replays are 'unchanged'; older versions 'superseded', with the winner",
                        ),
                        **_errors(400, 401, 409, 413, 415, 422),
                    },
                }
            },
            "/sync/pull": {
                "get": {
                    "summary": "Changes after a cursor, oldest first",
                    "operationId": "pullChanges",
                    "parameters": [
                        {
                            "name": "since",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "pattern": "^[0-9]{1,18}$", "default": "0"},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "required": False,
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": PULL_LIMIT_MAX,
                                "default": PULL_LIMIT_DEFAULT,
                            },
                        },
                    ],
                    "responses": {"200": _json(pull_ok, "A page of changes"), **_errors(400, 401, 410)},
                }
            },
        },
        "components": {"responses": {"Error": ERROR}, "schemas": _schemas(record_types() if types is None else types)},
    }
