"""When this episode started (`episode` records): stored and synced like any record, a bad date
refused with a 422 naming the field, and the browser's form refusing the same dates."""

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.node import run_module
from tests.sync_helpers import put, symptom_log, uuid7
from webapp.symptoms.records import EpisodeData

ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.now(UTC).date()
FUTURE = (TODAY + timedelta(days=3)).isoformat()


def episode(started_on="2026-10-06"):
    return {"startedOn": started_on}


def test_an_episode_round_trips_and_the_latest_edit_wins(device):
    record = uuid7()
    assert (
        device.push(
            [put(record, episode("2026-10-06"), updated_at=1_790_000_000_000, record_type="episode")]
        ).status_code
        == 200
    )
    edited = put(record, episode("2026-09-29"), updated_at=1_790_000_100_000, record_type="episode")
    older = put(record, episode("2026-10-20"), updated_at=1_790_000_050_000, record_type="episode")
    results = device.push([edited]).get_json()["results"]
    assert results[0]["status"] == "applied"
    # An older edit from another device arrives late: the stored one stays.
    assert device.push([older], device_id="device-bbbb").get_json()["results"][0]["status"] == "superseded"
    changes = [c for c in device.pull().get_json()["changes"] if c["id"] == record]
    assert changes[-1]["type"] == "episode" and changes[-1]["data"]["startedOn"] == "2026-09-29"


@pytest.mark.parametrize("started_on", ["1900-01-01", TODAY.isoformat(), "2024-02-29"])
def test_good_start_dates_are_accepted(device, started_on):
    response = device.push([put(uuid7(), episode(started_on), record_type="episode")])
    assert response.status_code == 200, response.get_json()


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (episode(FUTURE), "data.startedOn", "is in the future"),
        (episode("1899-12-31"), "data.startedOn", "before 1900"),
        (episode("2026-02-30"), "data.startedOn", "not a real date"),
        (episode("6 October"), "data.startedOn", "should match"),
        (episode("2026-10-06T00:00:00Z"), "data.startedOn", "should match"),
        ({"startedOn": 20261006}, "data.startedOn", "valid string"),
        ({}, "data.startedOn", "Field required"),
        ({**episode(), "endedOn": "2026-11-01"}, "data.endedOn", "Extra inputs"),
    ],
)
def test_bad_start_dates_are_refused_naming_the_field(device, data, field, words):
    record = uuid7()
    response = device.push([put(record, data, record_type="episode")])
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["record"] == record and error["field"] == field
    assert words in error["message"]
    assert device.pull().get_json()["changes"] == []


def test_a_local_day_ahead_of_the_servers_day_is_allowed():
    """UTC+14 is a day ahead of UTC: the person's today must not be refused."""
    EpisodeData.model_validate(episode((TODAY + timedelta(days=1)).isoformat()))


def test_older_apps_sync_as_before(device):
    """An app from before episodes pushes and pulls its own records unchanged; the pull also
    carries episodes, in the same envelope, which such an app skips as a type it doesn't know
    (static/js/sync/records.js applyRemote) and pulls again after upgrading (store.js v4)."""
    log = uuid7()
    old_batch = [put(log, symptom_log(), record_type="symptom_log")]
    assert device.push(old_batch).status_code == 200
    other = device.push([put(uuid7(), episode(), record_type="episode")], device_id="device-bbbb")
    assert other.status_code == 200
    changes = device.pull().get_json()["changes"]
    assert [c["type"] for c in changes] == ["symptom_log", "episode"]
    assert set(changes[1]) == set(changes[0])
    # Pushing the old batch again changes nothing, episodes or not.
    assert device.push(old_batch).get_json()["results"][0]["status"] == "unchanged"


def test_episode_is_in_the_openapi_document(app):
    spec = json.dumps(app.test_client().get("/api/v1/openapi.json").get_json())
    assert '"episode"' in spec and "startedOn" in spec


def test_the_form_refuses_what_the_server_refuses():
    cases = [FUTURE, "1899-12-31", "2026-02-30", "6 October", "1900-01-01", TODAY.isoformat(), "2024-02-29"]
    script = (
        "import { startError } from './static/js/symptoms/episode.js';"
        f"const cases = {json.dumps(cases)};"
        f"process.stdout.write(JSON.stringify(cases.map((c) => startError(c, {json.dumps(TODAY.isoformat())}) === null)));"
    )
    client_ok = run_module(script)
    server_ok = []
    for case in cases:
        try:
            EpisodeData.model_validate(episode(case))
            server_ok.append(True)
        except ValueError:
            server_ok.append(False)
    assert client_ok == server_ok == [False] * 4 + [True] * 3
    assert date.fromisoformat(cases[-1])
