"""The function check-in (the PSFS: `activity` and `function_check` records) through the sync
API: stored as sent, bad input refused with a 422 naming the record and the field."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.node import run_module
from tests.sync_helpers import now_ms, put, uuid7
from webapp.symptoms.records import ActivityData, FunctionCheckData


def iso(dt):
    return dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")


FUTURE = iso(datetime.now(UTC) + timedelta(days=2))
WALK, SIT = uuid7(), uuid7()


def activity(**overrides):
    return {"name": "Walking the dog", "addedAt": "2026-11-20T08:00:00.000Z", "archived": False, **overrides}


def check(**overrides):
    return {
        "checkedAt": "2026-11-20T08:00:00.000Z",
        "ratings": [
            {"activity": WALK, "name": "Walking the dog", "score": 4},
            {"activity": SIT, "name": "Sitting through a film", "score": 0},
        ],
        "walkMinutes": 20,
        "sitMinutes": 600,
        "change": -3,
        **overrides,
    }


def test_activities_and_a_check_round_trip(device):
    check_id = uuid7()
    response = device.push(
        [
            put(WALK, activity(), record_type="activity"),
            put(SIT, activity(name="Sitting through a film", archived=True), record_type="activity"),
            put(check_id, check(), record_type="function_check"),
            put(uuid7(), {"checkedAt": iso(datetime.now(UTC))}, record_type="function_check"),
        ]
    )
    assert response.status_code == 200, response.get_json()
    changes = {c["id"]: c for c in device.pull().get_json()["changes"]}
    assert changes[WALK]["data"] == activity() and changes[WALK]["type"] == "activity"
    assert changes[check_id]["data"] == check() and changes[check_id]["type"] == "function_check"


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (activity(name=""), "data.name", "at least 1 character"),
        (activity(name="   "), "data.name", "at least 1 character"),
        (activity(name="a" * 61), "data.name", "at most 60 characters"),
        (activity(addedAt="soon"), "data.addedAt", "should match"),
        (activity(archived="no"), "data.archived", "valid boolean"),
    ],
)
def test_bad_activity_is_refused(device, data, field, words):
    kept = uuid7()
    device.push([put(kept, activity(), record_type="activity")])
    before = device.pull().get_json()
    response = device.push([put(kept, data, record_type="activity")])
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["record"] == kept and error["field"] == field
    assert words in error["message"]
    assert device.pull().get_json() == before


def rating(score=5, **overrides):
    return {"activity": WALK, "name": "Walking the dog", "score": score, **overrides}


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (check(ratings=[rating(11)]), "data.ratings.0.score", "less than or equal to 10"),
        (check(ratings=[rating(-1)]), "data.ratings.0.score", "greater than or equal to 0"),
        (check(ratings=[rating(5.5)]), "data.ratings.0.score", "valid integer"),
        (check(ratings=[rating(name="")]), "data.ratings.0.name", "at least 1 character"),
        (check(ratings=[rating(activity="walk")]), "data.ratings.0.activity", "should match"),
        (check(ratings=[rating(), rating()]), "data.ratings", "rates an activity twice"),
        (check(ratings=[rating(activity=uuid7()) for _ in range(6)]), "data.ratings", "at most 5 items"),
        (check(walkMinutes=601), "data.walkMinutes", "less than or equal to 600"),
        (check(sitMinutes=-5), "data.sitMinutes", "greater than or equal to 0"),
        (check(change=4), "data.change", "Input should be"),
        (check(checkedAt=FUTURE), "data.checkedAt", "in the future"),
    ],
)
def test_bad_check_is_refused_and_nothing_changes(device, data, field, words):
    kept = uuid7()
    device.push([put(kept, check(), record_type="function_check")])
    before = device.pull().get_json()
    response = device.push([put(kept, data, record_type="function_check")])
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["record"] == kept and error["field"] == field
    assert words in error["message"]
    assert device.pull().get_json() == before


def test_two_devices_share_activities_checks_and_treatments(app, device):
    """Written on one device, pulled on the other, edited there and pulled back."""
    from tests.conftest import ApiClient

    other = ApiClient(device.client, "device-bbbb")
    check_id, treatment_id = uuid7(), uuid7()
    medicine = {"takenAt": "2026-11-20T09:00:00.000Z", "kind": "medicine", "name": "Paracetamol"}
    response = device.push(
        [
            put(WALK, activity(), record_type="activity"),
            put(check_id, check(), record_type="function_check"),
            put(treatment_id, medicine, record_type="treatment"),
        ]
    )
    assert response.status_code == 200, response.get_json()
    pulled = other.pull().get_json()
    assert {(c["type"], c["id"]) for c in pulled["changes"]} >= {
        ("activity", WALK),
        ("function_check", check_id),
        ("treatment", treatment_id),
    }
    cursor = pulled["cursor"]
    # The second device archives the activity and says the medicine helped.
    response = other.push(
        [
            put(WALK, activity(archived=True), record_type="activity", updated_at=now_ms() + 1000),
            put(treatment_id, {**medicine, "helped": "yes"}, record_type="treatment", updated_at=now_ms() + 1000),
        ]
    )
    assert response.status_code == 200, response.get_json()
    back = {c["id"]: c["data"] for c in device.pull(since=cursor).get_json()["changes"]}
    assert back[WALK]["archived"] is True and back[treatment_id]["helped"] == "yes"


def test_the_form_refuses_what_the_server_refuses():
    cases = [
        (activity(name=" "), "activity"),
        (activity(name="a" * 61), "activity"),
        (activity(), "activity"),
        (check(ratings=[rating(11)]), "check"),
        (check(ratings=[rating(), rating()]), "check"),
        (check(walkMinutes=601), "check"),
        (check(change=4), "check"),
        (check(checkedAt=FUTURE), "check"),
        (check(), "check"),
        ({"checkedAt": "2026-11-20T08:00:00.000Z", "ratings": [rating(0)]}, "check"),
    ]
    script = (
        "import { validateActivity, validateCheck } from './static/js/symptoms/function-validate.js';"
        f"const cases = {json.dumps(cases)};"
        "process.stdout.write(JSON.stringify(cases.map(([c, kind]) =>"
        " Object.keys((kind === 'activity' ? validateActivity : validateCheck)(c).errors).length === 0)));"
    )
    client_ok = run_module(script)
    server_ok = []
    for case, kind in cases:
        try:
            (ActivityData if kind == "activity" else FunctionCheckData).model_validate(case)
            server_ok.append(True)
        except ValueError:
            server_ok.append(False)
    assert client_ok == server_ok == [False, False, True, False, False, False, False, False, True, True]
