"""The sync API: idempotent pushes, tombstones, conflicts, isolation, validation, pagination."""

import json

import pytest

from tests.conftest import ApiClient, create_user, sign_in
from tests.sync_helpers import delete, now_ms, put, routine, session, uuid7
from webapp.extensions import db
from webapp.sync.models import SyncRecord


def statuses(response):
    assert response.status_code == 200, response.get_json()
    return [r["status"] for r in response.get_json()["results"]]


def second_device(app, device_id="device-bbbb", email="ana@example.com"):
    client = app.test_client()
    assert sign_in(client, email=email).status_code == 302
    return ApiClient(client, device_id)


def record_count(app):
    with app.app_context():
        return db.session.query(SyncRecord).count()


class TestPushAndPull:
    def test_round_trip_between_devices(self, app, device):
        rid, sid = uuid7(), uuid7()
        assert (
            statuses(device.push([put(rid, routine()), put(sid, session(), record_type="session")])) == ["applied"] * 2
        )
        tablet = second_device(app)
        body = tablet.pull().get_json()
        assert {c["id"]: c["type"] for c in body["changes"]} == {rid: "routine", sid: "session"}
        assert body["changes"][0]["data"]["name"] == "Morning"
        assert body["has_more"] is False and body["cursor"] == "2"

    def test_same_batch_twice_changes_nothing(self, app, device):
        batch = [put(uuid7(), routine()), put(uuid7(), routine("Evening"))]
        first = device.push(batch).get_json()
        again = device.push(batch).get_json()
        assert [r["status"] for r in again["results"]] == ["unchanged", "unchanged"]
        assert again["cursor"] == first["cursor"]
        assert record_count(app) == 2
        assert len(device.pull().get_json()["changes"]) == 2

    def test_delete_leaves_a_tombstone_every_device_sees(self, app, device):
        rid = uuid7()
        t = now_ms()
        device.push([put(rid, routine(), t)])
        tablet = second_device(app)
        cursor = tablet.pull().get_json()["cursor"]
        assert statuses(tablet.push([delete(rid, t + 1000)])) == ["applied"]
        changes = device.pull(cursor).get_json()["changes"]
        assert changes == [
            {
                "id": rid,
                "type": "routine",
                "op": "delete",
                "data": None,
                "updated_at": t + 1000,
                "device_id": "device-bbbb",
                "seq": 2,
            }
        ]
        # An older edit arriving later does not bring the record back.
        assert statuses(device.push([put(rid, routine("Renamed"), t + 500)])) == ["superseded"]

    def test_pull_is_paginated_in_order(self, app, device):
        device.push([put(uuid7(), routine(f"R{n}")) for n in range(7)])
        seen, cursor = [], "0"
        while True:
            body = device.pull(cursor, limit=3).get_json()
            seen += [c["seq"] for c in body["changes"]]
            cursor = body["cursor"]
            if not body["has_more"]:
                break
        assert seen == list(range(1, 8))
        assert device.pull(cursor).get_json() == {"changes": [], "cursor": cursor, "has_more": False}


class TestConflicts:
    """Rule: the greater (updated_at, device_id, content hash) wins, whichever arrives first."""

    def test_later_edit_wins_in_either_order(self, app, device):
        rid, t = uuid7(), now_ms()
        tablet = second_device(app)
        device.push([put(rid, routine("Base"), t)])
        older, newer = put(rid, routine("Phone edit"), t + 100), put(rid, routine("Tablet edit"), t + 200)
        assert statuses(tablet.push([newer])) == ["applied"]
        result = device.push([older]).get_json()["results"][0]
        assert result["status"] == "superseded"
        assert result["winner"]["data"]["name"] == "Tablet edit"

    def test_same_time_ties_break_by_device_the_same_everywhere(self, app, device):
        rid, t = uuid7(), now_ms()
        tablet = second_device(app, "device-zzzz")
        device.push([put(rid, routine("From aaaa"), t)])
        assert statuses(tablet.push([put(rid, routine("From zzzz"), t)])) == ["applied"]
        assert statuses(device.push([put(rid, routine("From aaaa"), t)])) == ["superseded"]
        final = {c["id"]: c["data"]["name"] for c in device.pull().get_json()["changes"]}
        assert final == {rid: "From zzzz"}

    def test_loser_is_answered_whole_not_merged(self, app, device):
        rid, t = uuid7(), now_ms()
        tablet = second_device(app)
        tablet.push(
            [put(rid, {"name": "Tablet", "steps": [{"technique": "cat-cow", "reps": 8, "sides": "none"}]}, t + 10)]
        )
        result = device.push([put(rid, routine("Phone"), t)]).get_json()["results"][0]
        assert result["winner"]["data"] == {
            "name": "Tablet",
            "steps": [{"technique": "cat-cow", "reps": 8, "sides": "none"}],
        }


class TestIsolation:
    def test_other_users_records_are_invisible_and_untouchable(self, app, device):
        rid, t = uuid7(), now_ms()
        device.push([put(rid, routine("Ana's"), t)])
        create_user(app, "ben@example.com")
        ben = second_device(app, "device-benn", email="ben@example.com")
        assert ben.pull().get_json()["changes"] == []
        # Ben sends Ana's id: it becomes Ben's own record; Ana's is untouched.
        assert statuses(
            ben.push(
                [
                    put(rid, routine("Ben's"), t + 1000),
                ]
            )
        ) == ["applied"]
        assert statuses(ben.push([delete(rid, t + 2000)])) == ["applied"]
        ana = {c["id"]: c for c in device.pull().get_json()["changes"]}
        assert ana[rid]["data"]["name"] == "Ana's" and ana[rid]["op"] == "put"

    def test_signed_out_calls_get_401(self, app):
        client = app.test_client()
        assert client.get("/api/v1/sync/pull").status_code == 401
        response = client.post("/api/v1/sync/push", json={"device_id": "device-aaaa", "changes": []})
        assert response.status_code == 401 and response.get_json()["error"]["status"] == 401

    def test_cross_site_post_without_token_is_refused(self, app, device):
        response = device.client.post(
            "/api/v1/sync/push",
            json={"device_id": "device-aaaa", "changes": [put(uuid7(), routine())]},
            headers={"Origin": "https://evil.example"},
        )
        assert response.status_code == 400
        assert record_count(app) == 0


GOOD = put("0190f3a0-0000-7000-8000-000000000001", routine(), now_ms())


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({**GOOD, "id": "not-a-uuid"}, "id", "must be a UUID"),
        ({**GOOD, "id": "3b241101-e2bb-4255-8caf-4136c566a962"}, "id", "version 7"),
        ({**GOOD, "type": "diary"}, "type", "must be one of"),
        ({**GOOD, "op": "merge"}, "op", "Input should be"),
        ({**GOOD, "updated_at": 5}, "updated_at", "not before 2024"),
        ({**GOOD, "updated_at": now_ms() + 10 * 24 * 3600 * 1000}, "updated_at", "in the future"),
        ({**GOOD, "updated_at": "yesterday"}, "updated_at", "valid integer"),
        ({**GOOD, "data": None}, None, "a put needs data"),
        ({**GOOD, "data": {"name": "", "steps": []}}, "data.name", "at least 1 character"),
        ({**GOOD, "data": {"name": "x" * 61, "steps": routine()["steps"]}}, "data.name", "at most 60"),
        (
            {**GOOD, "data": {"name": "R", "steps": [{"technique": "x", "seconds": 0, "sides": "none"}]}},
            "data.steps.0.seconds",
            "greater than or equal to 5",
        ),
        (
            {**GOOD, "data": {"name": "R", "steps": [{"technique": "Bad Slug", "sides": "none"}]}},
            "data.steps.0.technique",
            "should match",
        ),
        ({**GOOD, "data": {**routine(), "evil": True}}, "data.evil", "Extra inputs"),
        (
            {**GOOD, "type": "session", "data": {**session(), "painBefore": 11}},
            "data.painBefore",
            "less than or equal to 10",
        ),
        (
            {**GOOD, "type": "session", "data": {**session(), "startedAt": "last tuesday"}},
            "data.startedAt",
            "should match",
        ),
        ({**GOOD, "op": "delete"}, None, "a delete carries no data"),
        (
            {
                **GOOD,
                "data": {
                    **routine(),
                    "name": "n" * 60,
                    "steps": [{"technique": "a" * 80, "sides": "none"}] * 40,
                    "createdAt": "2026-11-20T08:00:00.000Z",
                },
            },
            None,
            None,
        ),  # the largest valid routine is fine
    ],
)
def test_bad_record_is_named_and_nothing_of_the_batch_applies(app, device, change, field, words):
    existing = uuid7()
    device.push([put(existing, routine("Kept"))])
    before = device.pull().get_json()
    response = device.push([put(uuid7(), routine("Also new")), change])
    if words is None:
        assert response.status_code == 200
        return
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert words in error["message"]
    assert error["record"] == (change["id"] if isinstance(change["id"], str) else None)
    if field:
        assert error["field"] == field
    assert device.pull().get_json() == before


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ("not json", 400, "not valid JSON"),
        ("[]", 422, "JSON object"),
        ('{"device_id": "device-aaaa"}', 422, "'changes'"),
        ('{"device_id": "x", "changes": []}', 422, "device_id"),
        ('{"device_id": "device-aaaa", "changes": []}', 422, "at least 1"),
    ],
)
def test_malformed_bodies(app, device, body, status, words):
    response = device.client.post(
        "/api/v1/sync/push", data=body, content_type="application/json", headers={"X-CSRFToken": device.token}
    )
    assert response.status_code == status
    assert words in response.get_json()["error"]["message"]


def test_wrong_content_type(device):
    response = device.client.post(
        "/api/v1/sync/push",
        data="device_id=x",
        headers={"X-CSRFToken": device.token},
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 415


def test_duplicate_ids_in_one_batch(device):
    rid = uuid7()
    response = device.push([put(rid, routine()), put(rid, routine("Again"))])
    assert response.status_code == 422 and response.get_json()["error"]["record"] == rid


def test_batch_size_limit(device):
    response = device.push([put(uuid7(), routine()) for _ in range(101)])
    assert response.status_code == 422 and "at most 100" in response.get_json()["error"]["message"]


def test_huge_body_is_refused(device):
    payload = json.dumps(
        {"device_id": "device-aaaa", "changes": [put(uuid7(), {"name": "x" * 3_000_000, "steps": []})]}
    )
    response = device.client.post(
        "/api/v1/sync/push", data=payload, content_type="application/json", headers={"X-CSRFToken": device.token}
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


def test_record_type_cannot_change(app, device):
    rid = uuid7()
    device.push([put(rid, routine())])
    response = device.push([put(rid, session(), record_type="session")])
    assert response.status_code == 409 and response.get_json()["error"]["field"] == "type"


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("since=abc", 400),
        ("since=-1", 400),
        ("since=99", 410),
        ("since=1e3", 400),
        ("limit=0", 400),
        ("limit=501", 400),
        ("limit=ten", 400),
        ("since=%EF%BC%91", 400),
    ],
)
def test_bad_cursors_and_limits(device, query, status):
    response = device.client.get(f"/api/v1/sync/pull?{query}")
    assert response.status_code == status
    assert response.get_json()["error"]["status"] == status


def test_api_responses_are_never_cached(device):
    assert device.pull().headers["Cache-Control"] == "no-store"


def test_openapi_is_served_and_describes_the_endpoints(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/session", "/sync/push", "/sync/pull"} <= set(spec["paths"])


@pytest.mark.parametrize(
    ("field", "value"),
    [("startedAt", "9999-99-99T99:99:99Z"), ("endedAt", "2026-02-30T10:00:00Z"), ("routineName", "bad\x00name")],
)
def test_junk_in_session_records_is_refused(device, field, value):
    response = device.push([put(uuid7(), {**session(), field: value}, record_type="session")])
    assert response.status_code == 422
    assert response.get_json()["error"]["record"]


class TestPushAnswersChanges:
    """A push with the device's cursor answers the changes since it, as a pull would, less the
    versions this push stored: one round trip per change, nothing pulled back."""

    def push_since(self, device, changes, since):
        return device.client.post(
            "/api/v1/sync/push",
            json={"device_id": device.device_id, "changes": changes, "since": since},
            headers={"X-CSRFToken": device.token},
        )

    def test_other_devices_changes_come_back_own_do_not(self, app, device):
        theirs = uuid7()
        tablet = second_device(app)
        tablet.push([put(theirs, routine("Tablet"))])
        mine = uuid7()
        body = self.push_since(device, [put(mine, routine("Phone"))], "0").get_json()
        assert [r["status"] for r in body["results"]] == ["applied"]
        assert [c["id"] for c in body["changes"]] == [theirs]
        assert body["cursor"] == "2" and body["has_more"] is False
        # The next push from that cursor brings nothing: its own record is not pulled back.
        again = self.push_since(device, [put(uuid7(), routine("Again"))], body["cursor"]).get_json()
        assert again["changes"] == [] and again["cursor"] == "3"

    def test_replay_and_superseded_are_not_answered_twice(self, app, device):
        rid, t = uuid7(), now_ms()
        tablet = second_device(app)
        tablet.push([put(rid, routine("Newer"), t + 1000)])
        body = self.push_since(device, [put(rid, routine("Older"), t)], "0").get_json()
        assert body["results"][0]["status"] == "superseded"
        assert body["changes"] == [] and body["cursor"] == "1"  # the winner came in results
        replay = self.push_since(device, [put(rid, routine("Older"), t)], "0").get_json()
        assert replay["changes"] == []

    def test_a_later_version_of_a_pushed_record_is_answered(self, app, device):
        rid, t = uuid7(), now_ms()
        device.push([put(rid, routine("First"), t)])
        tablet = second_device(app)
        tablet.push([put(rid, routine("Tablet"), t + 1000)])
        body = self.push_since(device, [put(uuid7(), routine("Other"))], "1").get_json()
        assert [(c["id"], c["data"]["name"]) for c in body["changes"]] == [(rid, "Tablet")]

    def test_pages_like_a_pull(self, app, device):
        tablet = second_device(app)
        for n in range(3):
            tablet.push([put(uuid7(), routine(f"R{n}{m}")) for m in range(100)])
        body = self.push_since(device, [put(uuid7(), routine("Mine"))], "0").get_json()
        assert len(body["changes"]) == 200 and body["has_more"] is True and body["cursor"] == "200"
        rest = device.pull(body["cursor"]).get_json()
        # The rest of the others', then its own (seq 301): past the first page the server no longer
        # knows what this device pushed; the app skips it by the seqs its push answered.
        assert [c["device_id"] for c in rest["changes"]] == ["device-bbbb"] * 100 + ["device-aaaa"]

    def test_pushed_from_leaves_out_this_syncs_earlier_pushes(self, app, device):
        tablet = second_device(app)
        tablet.push([put(uuid7(), routine(f"T{m}")) for m in range(3)])  # seqs 1-3
        first = self.push_since(device, [put(uuid7(), routine("P1"))], "0").get_json()  # seq 4
        assert len(first["changes"]) == 3 and first["cursor"] == "4"
        tablet.push([put(uuid7(), routine("T4"))])  # seq 5
        body = device.client.post(
            "/api/v1/sync/push",
            json={"device_id": device.device_id, "changes": [put(uuid7(), routine("P2"))], "since": "2"},
            headers={"X-CSRFToken": device.token},
        ).get_json()
        # Without pushed_from its first push (seq 4) comes back; with it, only the others'.
        assert [c["seq"] for c in body["changes"]] == [3, 4, 5]
        body = device.client.post(
            "/api/v1/sync/push",
            json={
                "device_id": device.device_id,
                "changes": [put(uuid7(), routine("P3"))],
                "since": "2",
                "pushed_from": "4",
            },
            headers={"X-CSRFToken": device.token},
        ).get_json()
        assert [c["seq"] for c in body["changes"]] == [3, 5]

    def test_without_since_the_answer_is_as_before(self, device):
        body = device.push([put(uuid7(), routine())]).get_json()
        assert set(body) == {"results", "cursor"}

    def test_unknown_or_bad_cursor(self, device):
        body = self.push_since(device, [put(uuid7(), routine())], "99").get_json()
        assert "changes" not in body  # the app then pulls, which answers 410: pull from 0
        response = self.push_since(device, [put(uuid7(), routine())], "1x")
        assert response.status_code == 422 and response.get_json()["error"]["field"] == "since"

    def test_session_sets_the_account_hint(self, app, device):
        device.client.get("/api/v1/session")
        assert device.client.get_cookie("relieve_account").value
        fresh = app.test_client()
        fresh.get("/api/v1/session")
        assert fresh.get_cookie("relieve_account") is None
        assert sign_in(fresh).status_code == 302
        assert fresh.get_cookie("relieve_account").value == device.client.get_cookie("relieve_account").value
