"""The OpenAPI document states the time and size limits the server applies, so a change it
calls valid is accepted: updated_at at the document's own minimum and maximum is applied, one
step outside is refused."""

from tests.sync_helpers import put, routine, uuid7
from webapp.sync.schemas import MAX_RECORD_BYTES


def updated_at_schema(spec):
    return spec["components"]["schemas"]["Change"]["oneOf"][0]["properties"]["updated_at"]


def test_updated_at_limits_in_the_document_are_the_servers(app, device):
    spec = device.client.get("/api/v1/openapi.json").get_json()
    limits = updated_at_schema(spec)
    for stamp, expected in (
        (limits["minimum"], 200),
        (limits["maximum"], 200),
        (limits["minimum"] - 1, 422),
        (limits["maximum"] + 2 * 24 * 3600 * 1000, 422),
    ):
        change = put(uuid7(), routine())
        change["updated_at"] = stamp
        assert device.push([change]).status_code == expected, stamp


def test_each_record_type_states_its_size_limit(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    variants = spec["components"]["schemas"]["Change"]["oneOf"]
    for variant in variants:
        if variant["properties"]["op"]["const"] == "put":
            name = variant["properties"]["data"]["$ref"].rsplit("/", 1)[1]
            assert f"At most {MAX_RECORD_BYTES // 1024} KB" in spec["components"]["schemas"][name]["description"]
    assert "at most once per batch" in spec["components"]["schemas"]["PushBody"]["properties"]["changes"]["description"]
