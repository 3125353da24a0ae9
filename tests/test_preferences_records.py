"""Preferences (`preferences` records): one per person, the latest edit wins, a bad value refused
with a 422 naming the field, in the OpenAPI document and in the contract the browser reads."""

import json

import pytest

from tests.sync_helpers import put, uuid7
from webapp import contract
from webapp.content.vocabulary import EQUIPMENT


def prefs(**overrides):
    return {
        "side": "left",
        "position": "chair",
        "equipment": ["chair", "strap", "wall"],
        "minutes": 10,
        "sound": True,
        "voice": False,
        "vibration": True,
        "transition": "slower",
        **overrides,
    }


def test_preferences_round_trip_and_the_latest_edit_wins(device):
    record = uuid7()
    assert (
        device.push([put(record, prefs(), updated_at=1_790_000_000_000, record_type="preferences")]).status_code == 200
    )
    edited = put(record, prefs(minutes=15), updated_at=1_790_000_100_000, record_type="preferences")
    older = put(record, prefs(minutes=5), updated_at=1_790_000_050_000, record_type="preferences")
    assert device.push([edited]).get_json()["results"][0]["status"] == "applied"
    assert device.push([older], device_id="device-bbbb").get_json()["results"][0]["status"] == "superseded"
    changes = [c for c in device.pull().get_json()["changes"] if c["id"] == record]
    assert changes[-1]["type"] == "preferences" and changes[-1]["data"]["minutes"] == 15


def test_every_answer_may_be_left_unset(device):
    """First run is skippable: an empty record is a valid one, with calm defaults."""
    response = device.push([put(uuid7(), {}, record_type="preferences")])
    assert response.status_code == 200, response.get_json()


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (prefs(side="middle"), "data.side", "Input should be"),
        (prefs(position="bed"), "data.position", "Input should be"),
        (prefs(equipment=["kettlebell"]), "data.equipment.0", "Input should be"),
        (prefs(equipment=["mat", "mat"]), "data.equipment", "twice"),
        (prefs(minutes=20), "data.minutes", "Input should be"),
        (prefs(minutes="10"), "data.minutes", "Input should be"),
        (prefs(sound="yes"), "data.sound", "valid boolean"),
        (prefs(transition="fast"), "data.transition", "Input should be"),
        ({**prefs(), "theme": "dark"}, "data.theme", "Extra inputs"),
    ],
)
def test_bad_preferences_are_refused_naming_the_field(device, data, field, words):
    record = uuid7()
    response = device.push([put(record, data, record_type="preferences")])
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["record"] == record and error["field"] == field, error
    assert words in error["message"]
    assert device.pull().get_json()["changes"] == []


def test_preferences_are_in_the_openapi_document(app):
    spec = json.dumps(app.test_client().get("/api/v1/openapi.json").get_json())
    assert '"preferences"' in spec and "transition" in spec and "vibration" in spec


def test_the_contract_carries_the_equipment_vocabulary_and_the_synonyms(app):
    with app.app_context():
        built = contract.build(app)
    assert set(EQUIPMENT) < set(built["PREFERENCE_EQUIPMENT"]) and "wall" in built["PREFERENCE_EQUIPMENT"]
    assert built["PREFERENCE_MINUTES"] == [5, 10, 15]
    assert "@area:back-of-thigh" in built["SEARCH_SYNONYMS"]["hamstring"]


def test_the_pages_render(client):
    for path in ("/settings", "/welcome"):
        response = client.get(path)
        assert response.status_code == 200, path
