"""Medicines and treatments (`treatment` records) through the sync API: stored as sent, and bad
input refused with a 422 naming the record and the field, leaving stored data untouched."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.node import run_module
from tests.sync_helpers import put, uuid7
from webapp.symptoms import vocabulary
from webapp.symptoms.records import TreatmentData


def iso(dt):
    return dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")


FUTURE = iso(datetime.now(UTC) + timedelta(days=2))


def treatment(**overrides):
    return {
        "takenAt": "2026-11-20T08:00:00.000Z",
        "kind": "medicine",
        "name": "Ibuprofen",
        "dose": "400 mg",
        "helped": "a-little",
        "sideEffects": "",
        "notes": "",
        **overrides,
    }


def test_treatments_round_trip(device):
    ids = [uuid7(), uuid7(), uuid7()]
    sent = [treatment(), treatment(kind="heat", name="", dose="", helped=None), treatment(kind="physio", name="Clinic")]
    response = device.push([put(i, d, record_type="treatment") for i, d in zip(ids, sent, strict=True)])
    assert response.status_code == 200, response.get_json()
    changes = {c["id"]: c for c in device.pull().get_json()["changes"]}
    for i, d in zip(ids, sent, strict=True):
        assert changes[i]["type"] == "treatment" and changes[i]["data"] == d


def test_a_treatment_with_only_the_required_fields(device):
    response = device.push([put(uuid7(), {"takenAt": iso(datetime.now(UTC)), "kind": "ice"}, record_type="treatment")])
    assert response.status_code == 200, response.get_json()


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (treatment(name=""), "data.name", "is needed for a medicine"),
        (treatment(name="   "), "data.name", "is needed for a medicine"),
        (treatment(kind="other", name=""), "data.name", "is needed for other"),
        (treatment(name="x" * (vocabulary.TREATMENT_NAME_MAX + 1)), "data.name", "at most 80 characters"),
        (treatment(dose="d" * 41), "data.dose", "at most 40 characters"),
        (treatment(sideEffects="s" * 201), "data.sideEffects", "at most 200 characters"),
        (treatment(notes="n" * 501), "data.notes", "at most 500 characters"),
        (treatment(kind="surgery"), "data.kind", "Input should be"),
        (treatment(helped="maybe"), "data.helped", "Input should be"),
        (treatment(takenAt=FUTURE), "data.takenAt", "in the future"),
        (treatment(takenAt="yesterday"), "data.takenAt", "should match"),
        (treatment(strength="high"), "data.strength", "Extra inputs"),
    ],
)
def test_bad_treatment_is_refused_and_nothing_changes(device, data, field, words):
    kept = uuid7()
    device.push([put(kept, treatment(), record_type="treatment")])
    before = device.pull().get_json()
    response = device.push(
        [
            put(uuid7(), treatment(kind="ice", name=""), record_type="treatment"),
            put(kept, data, record_type="treatment"),
        ]
    )
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["record"] == kept and error["field"] == field
    assert words in error["message"]
    assert device.pull().get_json() == before


def test_the_form_refuses_what_the_server_refuses():
    cases = [
        treatment(name=""),
        treatment(kind="other", name=" "),
        treatment(name="x" * 81),
        treatment(dose="d" * 41),
        treatment(sideEffects="s" * 201),
        treatment(notes="n" * 501),
        treatment(kind="surgery"),
        treatment(helped="maybe"),
        treatment(takenAt=FUTURE),
        treatment(),
        treatment(kind="heat", name="", dose="", helped=None),
        treatment(name="  Naproxen  "),
    ]
    script = (
        "import { validateTreatment } from './static/js/symptoms/treatments-validate.js';"
        f"const cases = {json.dumps(cases)};"
        "process.stdout.write(JSON.stringify(cases.map((c) => Object.keys(validateTreatment(c).errors).length === 0)));"
    )
    client_ok = run_module(script)
    server_ok = []
    for case in cases:
        try:
            TreatmentData.model_validate(case)
            server_ok.append(True)
        except ValueError:
            server_ok.append(False)
    assert client_ok == server_ok == [False] * 9 + [True] * 3
