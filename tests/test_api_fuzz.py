"""Fuzzing the JSON API from its own OpenAPI description (schemathesis, in-process through WSGI).

Every operation of /api/v1/openapi.json is called with generated requests, schema-valid
(positive) and schema-violating (negative): signed in as a real account with a valid CSRF token,
and signed out. Checked: never a 5xx, status codes and bodies as described, and invalid requests
rejected. A second pass uses a tightened copy of the description (a few record ids, a narrow clock,
real record shapes) so that generated batches get past validation and reach the conflict rule.

Deterministic: Hypothesis runs derandomized (same examples on every run) and without its example
database. schemathesis' pytest plugin (`from_fixture`) is not used: with pytest 9 it fails with
"'Function' object has no attribute '_nodeid'", so each operation's strategy is driven by @given.
"""

import copy

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import ApiClient, csrf_token, sign_in
from tests.sync_helpers import now_ms, routine, uuid7
from webapp.api.openapi import document
from webapp.extensions import db
from webapp.sync.models import SyncRecord

# The operations do not depend on the record types, so no app is needed to list them.
SPEC = document(types={})
# Every operation, positive and negative, except negative GET /session: it takes no parameters
# and no body, so there is nothing to make invalid.
RUNS = [
    pytest.param(method.upper(), path, mode, id=f"{method.upper()} {path} {mode.value}")
    for path, item in SPEC["paths"].items()
    for method in item
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if not (mode == GenerationMode.NEGATIVE and path == "/session")
]
BASE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# positive_data_acceptance is left out on purpose: the description cannot say everything the
# server checks (a record's shape per type, a plausible updated_at, a cursor this account gave
# out), so schema-valid requests are often, rightly, answered 410 or 422.
FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


def sent_headers(token=None):
    # schemathesis starts from requests' default headers, which accept gzip and brotli; the app
    # compresses JSON bodies over 500 bytes and the WSGI transport hands them over undecoded.
    headers = {"Accept-Encoding": "identity"}
    if token is not None:
        headers["X-CSRFToken"] = token
    return headers


def load_schema(app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def checks_for(mode, response, case):
    checks = list(BASE_CHECKS)
    if mode == GenerationMode.NEGATIVE:
        checks.append(negative_data_rejection)
    return checks


@pytest.fixture
def signed_in(app, user):
    client = app.test_client()
    assert sign_in(client).status_code == 302
    device = ApiClient(client, "fuzz-device-1")
    # Some history, so that small generated cursors are known to this account.
    changes = [
        {"id": uuid7(), "type": "routine", "op": "put", "updated_at": now_ms(), "data": routine(f"R{i}")}
        for i in range(20)
    ]
    assert device.push(changes).status_code == 200
    return device


@pytest.mark.parametrize(("method", "path", "mode"), RUNS)
def test_signed_in_requests_get_documented_answers(app, signed_in, method, path, mode):
    operation = load_schema(app)[path][method]
    statuses = []

    @FUZZ
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call(session=signed_in.client, headers=sent_headers(signed_in.token))
        statuses.append(response.status_code)
        case.validate_response(response, checks=checks_for(mode, response, case))

    run()
    assert statuses and all(status < 500 for status in statuses)


@pytest.mark.parametrize("with_token", [False, True], ids=["no-session", "anonymous-session"])
@pytest.mark.parametrize(("method", "path", "mode"), RUNS)
def test_signed_out_requests_never_reach_data(app, user, method, path, mode, with_token):
    """Signed out: no cookie at all (the generated CSRF header is sent as is), or an anonymous
    session sending its own valid token. Either way nothing but GET /session answers 2xx."""
    operation = load_schema(app)[path][method]
    client = app.test_client()
    headers = sent_headers(csrf_token(client) if with_token else None)

    @FUZZ
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call(session=client, headers=headers)
        case.validate_response(response, checks=checks_for(mode, response, case))
        if path == "/session":
            assert response.status_code == 200 and response.json()["authenticated"] is False
        else:
            assert response.status_code in (400, 401), response.text

    run()
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(SyncRecord)) == 0


# --- Batches that reach the conflict rule -------------------------------------------------------

# A small pool of fixed UUIDv7 ids: generated batches collide with earlier ones.
RECORD_IDS = [f"01942f4e-6000-7000-8000-00000000000{i}" for i in range(4)]
CLOCK = 1_750_000_000_000  # mid-2025; updated_at within CLOCK..CLOCK+3 so versions tie often
SLUG = {"type": "string", "pattern": r"^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$"}
# Real dates only (the server refuses 2025-19-39), and numbers as enums: JSON Schema's "integer"
# also allows 5.0, which the strict server rightly refuses, so ranges would waste examples on it.
ISO = {"type": "string", "pattern": r"^202[4-5]-0[1-9]-[0-2][1-9]T[01][0-9]:[0-5][0-9]:[0-5][0-9](\.[0-9]{3})?Z$"}
ROUTINE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "steps"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 60},
        "steps": {
            "type": "array",
            "minItems": 1,
            "maxItems": 3,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["technique", "sides"],
                "properties": {
                    "technique": SLUG,
                    "sides": {"type": "string", "enum": ["left-right", "both", "none"]},
                    "seconds": {"enum": [5, 60, 600]},
                    "reps": {"enum": [1, 10, 50]},
                    "rest": {"enum": [0, 15, 300]},
                },
            },
        },
        "createdAt": ISO,
    },
}
FLAG = {
    "type": "object",
    "additionalProperties": False,
    "required": ["technique", "at"],
    "properties": {"technique": SLUG, "at": ISO, "routineId": {"type": "string", "minLength": 1, "maxLength": 80}},
}


def tightened(spec):
    """The served description with each change narrowed to a real record of a known type."""
    spec = copy.deepcopy(spec)
    common = {
        "id": {"type": "string", "enum": RECORD_IDS},
        "updated_at": {"enum": [CLOCK, CLOCK + 1, CLOCK + 2, CLOCK + 3]},
    }

    def variant(types, op, data=None):
        properties = dict(common, type={"type": "string", "enum": types}, op={"type": "string", "enum": [op]})
        required = ["id", "type", "op", "updated_at"]
        if data is not None:
            properties["data"] = data
            required.append("data")
        return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}

    schemas = spec["components"]["schemas"]
    schemas["Change"] = {
        "oneOf": [
            variant(["routine"], "put", ROUTINE),
            variant(["flag"], "put", FLAG),
            variant(["routine", "flag"], "delete"),
        ]
    }
    schemas["PushBody"]["properties"]["changes"]["maxItems"] = 4
    schemas["PushBody"]["properties"]["device_id"] = {
        "type": "string",
        "enum": ["device-aaaa", "device-bbbb", "device-cccc"],
    }
    return spec


def test_generated_batches_apply_by_the_conflict_rule(app, signed_in):
    served = signed_in.client.get("/api/v1/openapi.json").get_json()
    operation = schemathesis.openapi.from_dict(tightened(served))["/sync/push"]["POST"]
    statuses, results = [], set()

    @settings(FUZZ, max_examples=80)
    @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
    def run(case):
        response = case.call(session=signed_in.client, headers=sent_headers(signed_in.token), app=app)
        statuses.append(response.status_code)
        case.validate_response(response, checks=BASE_CHECKS)
        # 409: a record id reused with another type; 422: an id twice in one batch, a blank name.
        assert response.status_code in (200, 409, 422), response.text
        if response.status_code == 200:
            body = response.json()
            assert [r["id"] for r in body["results"]] == [c["id"] for c in case.body["changes"]]
            results.update(r["status"] for r in body["results"])
            # The replay of an accepted batch changes nothing and does not move the cursor.
            again = signed_in.client.post("/api/v1/sync/push", json=case.body, headers={"X-CSRFToken": signed_in.token})
            assert again.status_code == 200
            assert again.get_json()["cursor"] == body["cursor"]
            assert {r["status"] for r in again.get_json()["results"]} <= {"unchanged", "superseded"}
        everything = signed_in.client.get("/api/v1/sync/pull?since=0&limit=500").get_json()
        ids = [c["id"] for c in everything["changes"]]
        assert len(ids) == len(set(ids)), "a record appears twice in a pull"

    run()
    assert 200 in statuses
    assert results >= {"applied", "superseded"}, results


# --- Found by fuzzing: once answered 500 ------------------------------------------------------------


def test_deeply_nested_json_is_a_bad_request(signed_in):
    body = "[" * 100_000 + "]" * 100_000  # 200 KB, well under the 1 MB limit
    response = signed_in.client.post(
        "/api/v1/sync/push", data=body, content_type="application/json", headers={"X-CSRFToken": signed_in.token}
    )
    assert response.status_code == 400


def test_absurdly_long_limit_is_a_bad_request(signed_in):
    response = signed_in.client.get("/api/v1/sync/pull?since=0&limit=" + "1" * 4301)
    assert response.status_code == 400
