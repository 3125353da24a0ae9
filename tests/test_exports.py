"""The browser-made export files, read back by real parsers: the .ics reminder by the icalendar
library (as a calendar app would), the CSVs by Python's csv module (as a spreadsheet would), the
FHIR R4 Bundle by the fhir.resources library's own models (as a clinic's system would).
tests/js/export_samples.js and RECORDS below are built with the same modules the pages use."""

import csv
import io
import json
import os
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr  # icalendar's own dependency: no recurrence library needed
from icalendar import Calendar

from tests.node import run_module

SCRIPT = Path(__file__).resolve().parent / "js" / "export_samples.js"

LONG_TITLE = "Étirement 🧘‍♀️ — 坐骨神经痛; «doucement», then a walk 🌿🌿 Привет, ça va? ok"
NOTE = 'Sat at desk, "long" day\nthen walked 🚶‍♀️ — better'
# name: (BYDAY, first start, title). Weekdays are worked out by hand from the dates in the script.
ICS_CASES = {
    "weekdays": (["MO", "WE", "FR"], datetime(2026, 11, 25, 7, 30), "Stretch, then walk; gently 🧘‍♀️ — café"),
    "weekend": (["SA", "SU"], datetime(2027, 1, 2, 18, 5), "Relieve: time for your routine"),
    "long": (["TU"], datetime(2026, 11, 24, 0, 0), LONG_TITLE),
}
WEEKDAY = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


@pytest.fixture(scope="module")
def samples():
    node = shutil.which("node")
    if node is None:
        message = "node not found: install Node.js 20+ to test the export files"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " -- this test may not skip under CI=true")
        pytest.skip(message)
    result = subprocess.run(
        [node, str(SCRIPT)],
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "TZ": "Europe/London"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["inputs"] == {"longTitle": LONG_TITLE, "note": NOTE}, "the script's inputs drifted from this test's"
    return data


def test_every_ics_case_is_present(samples):
    assert sorted(case["name"] for case in samples["ics"]) == sorted(ICS_CASES)


@pytest.mark.parametrize("name", sorted(ICS_CASES))
def test_ics_reads_as_one_weekly_event(samples, name):
    text = next(case["text"] for case in samples["ics"] if case["name"] == name)
    byday, first, title = ICS_CASES[name]

    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "a line longer than 75 octets"

    calendar = Calendar.from_ical(text)
    assert calendar.errors == []
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event.errors == []
    assert str(event["SUMMARY"]) == title

    start = event.decoded("DTSTART")
    assert isinstance(start, datetime) and start.tzinfo is None, "DTSTART must be floating local time"
    assert start == first
    assert event.decoded("DURATION") == timedelta(minutes=15)
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert [str(day) for day in rule["BYDAY"]] == byday

    alarms = event.walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == timedelta(0)
    assert str(alarms[0]["DESCRIPTION"]) == title

    # Expanding the rule needs nothing beyond what icalendar already depends on.
    occurrences = rrulestr(rule.to_ical().decode(), dtstart=start)
    upcoming = list(occurrences[:6])
    assert upcoming[0] == first
    assert {day.weekday() for day in upcoming} == {WEEKDAY[code] for code in byday}
    assert all((day.hour, day.minute) == (first.hour, first.minute) for day in upcoming)


def test_ics_url_and_description(samples):
    event = Calendar.from_ical(next(c["text"] for c in samples["ics"] if c["name"] == "weekdays")).walk("VEVENT")[0]
    assert str(event["URL"]) == "https://relieve.example/routines?from=reminder"
    assert str(event["DESCRIPTION"]) == "Time for your Relieve routine.\nhttps://relieve.example/routines?from=reminder"
    assert str(event["UID"]) == "weekdays-1@relieve"


def read_csv(text):
    # As a spreadsheet gets it: bytes on disk, the BOM telling it the file is UTF-8.
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    with io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, strict=True))


def test_log_csv(samples):
    rows = read_csv(samples["csv"]["logs"])
    assert rows[0] == [
        "Date",
        "Time",
        "Leg pain (0-10)",
        "Back pain (0-10)",
        "Numbness",
        "Tingling",
        "Weakness",
        "Where",
        "How it feels",
        "Helped",
        "Sleep",
        "Warning signs",
        "Notes",
        "Recorded (UTC)",
    ]
    assert len(rows) == 4
    by_date = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert [row[0] for row in rows[1:]] == ["2026-11-20", "2026-11-21", "2026-11-22"]
    first = by_date["2026-11-20"]
    assert first["Notes"] == NOTE
    assert first["Where"] == "Calf: both"
    assert first["Warning signs"] == "Fever, chills or feeling very unwell"
    assert first["Leg pain (0-10)"] == "6"
    assert by_date["2026-11-21"]["Notes"] == "'=1+2"
    assert by_date["2026-11-21"]["Helped"] == "'@home"
    assert by_date["2026-11-22"]["Notes"] == "'-3 today, +2 yesterday"
    assert by_date["2026-11-22"]["Leg pain (0-10)"] == "0"


def test_session_csv(samples):
    rows = read_csv(samples["csv"]["sessions"])
    assert rows == [
        [
            "Date",
            "Start",
            "End",
            "Minutes",
            "Routine",
            "Status",
            "Steps done",
            "Steps skipped",
            "Pain before (0-10)",
            "Pain after (0-10)",
            "Made worse",
            "Left out at the start",
            "Symptoms after",
            "Recorded (UTC)",
        ],
        [
            "2026-11-20",
            "07:00",
            "07:12",
            "12",
            "'+Morning",
            "Finished",
            "2",
            "1",
            "5",
            "3",
            "Cat-cow",
            "",
            "",
            "2026-11-20T07:00:00.000Z",
        ],
    ]


# --- Issue 13: the new record types in CSV, and the FHIR R4 Bundle -------------------------------

PATIENT_ID = "00000000-0000-4000-8000-000000000000"
RECORDS = {
    "logs": [
        {
            "id": "l1",
            "loggedAt": "2026-11-20T18:45:00.000Z",
            "legPain": 6,
            "backPain": 2,
            "numbness": "mild",
            "areas": {"calf": "left", "sole": "left", "lower-back": "both"},
            "sensations": ["burning", "shooting"],
            "notes": "Long drive",
            "warningSigns": [],
        },
        # The quick log: back pain not rated, nerve symptoms not asked.
        {"id": "l2", "loggedAt": "2026-11-21T08:00:00.000Z", "legPain": 4},
        {"id": "junk", "loggedAt": "whenever", "legPain": 5},
    ],
    "checks": [
        {
            "id": "c1",
            "checkedAt": "2026-11-17T09:00:00.000Z",
            "ratings": [
                {"activity": "a1", "name": "Walking the dog", "score": 3},
                {"activity": "a2", "name": "Sitting at work", "score": 4},
                {"activity": "a3", "name": "Gardening", "score": 2},
            ],
            "walkMinutes": 10,
            "sitMinutes": 20,
            "change": 0,
        },
        {
            "id": "c2",
            "checkedAt": "2026-11-24T09:00:00.000Z",
            "ratings": [
                {"activity": "a1", "name": "Walking the dog", "score": 6},
                {"activity": "a2", "name": "Sitting at work", "score": 5},
                {"activity": "a3", "name": "Gardening", "score": 4},
            ],
            "walkMinutes": 25,
            "sitMinutes": None,
            "change": 2,
        },
    ],
    "treatments": [
        {
            "id": "t1",
            "takenAt": "2026-11-20T21:15:00.000Z",
            "kind": "medicine",
            "name": "Ibuprofen",
            "dose": "400 mg",
            "helped": "a-little",
            "sideEffects": "Upset stomach",
            "notes": "",
        },
        {"id": "t2", "takenAt": "2026-11-22T10:00:00.000Z", "kind": "physio", "name": "", "helped": "yes"},
        {"id": "t3", "takenAt": "2026-11-23T10:00:00.000Z", "kind": "heat", "name": "Heat pad"},
    ],
    "activities": [
        {"id": "a1", "name": "Walking the dog", "addedAt": "2026-11-17T08:55:00.000Z", "archived": False},
        {"id": "a4", "name": "Running", "addedAt": "2026-11-17T08:50:00.000Z", "archived": True},
    ],
}

EXPORT_SCRIPT = """
import { readFileSync } from 'node:fs';
import { fhirBundle } from './static/js/export/fhir.js';
import { logsCsv, treatmentsCsv, checksCsv, activitiesCsv } from './static/js/export/csv.js';
const input = JSON.parse(readFileSync(0, 'utf8'));
let n = 0;
const newId = () => (n++ === 0 ? input.patientId : `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
const bundle = (patient) => fhirBundle({ ...input.records, patient, now: '2026-11-24T10:00:00.000Z', newId });
const named = bundle({ name: 'Sam Example', birthDate: '1980-02-29' });
n = 0;
process.stdout.write(JSON.stringify({
  anonymous: bundle(null),
  named,
  csv: {
    logs: logsCsv(input.records.logs), treatments: treatmentsCsv(input.records.treatments),
    checks: checksCsv(input.records.checks), activities: activitiesCsv(input.records.activities),
  },
}));
"""


@pytest.fixture(scope="module")
def exported():
    return run_module(EXPORT_SCRIPT, {"records": RECORDS, "patientId": PATIENT_ID}, tz="Europe/London")


def parse_bundle(data):
    # R4B's models: fhir.resources ships no R4-only package any more, and R4B leaves the
    # resources used here (Bundle, Patient, Observation, MedicationStatement, Procedure) as in R4.
    from fhir.resources.R4B.bundle import Bundle

    return Bundle.model_validate(data)


def by_code_text(bundle):
    out = {}
    for entry in bundle.entry:
        resource = entry.resource
        if resource.__resource_type__ == "Observation":
            out.setdefault(resource.code.text, []).append(resource)
    return out


def test_fhir_bundle_parses_with_the_library_models(exported):
    bundle = parse_bundle(exported["anonymous"])
    assert bundle.type == "collection"
    kinds = [entry.resource.__resource_type__ for entry in bundle.entry]
    # Patient; 3 pain (leg+back, leg); per check 3 activities + average + walk (+ sit) + change; 1 medicine; 2 procedures.
    assert kinds.count("Patient") == 1
    assert kinds.count("Observation") == 3 + (3 + 1 + 1 + 1 + 1) + (3 + 1 + 1 + 1)
    assert kinds.count("MedicationStatement") == 1
    assert kinds.count("Procedure") == 2
    urls = [entry.fullUrl for entry in bundle.entry]
    assert len(set(urls)) == len(urls), "fullUrls are unique"
    # Every reference resolves inside the Bundle.
    for entry in bundle.entry:
        data = entry.resource.model_dump(mode="json")
        refs = [data.get("subject", {}).get("reference")] + [d["reference"] for d in data.get("derivedFrom", [])]
        for ref in filter(None, refs):
            assert ref in urls, ref


def test_fhir_patient_is_anonymous_unless_named(exported):
    anonymous = parse_bundle(exported["anonymous"]).entry[0]
    assert anonymous.fullUrl == f"urn:uuid:{PATIENT_ID}"
    patient = anonymous.resource
    assert patient.__resource_type__ == "Patient"
    assert patient.name is None and patient.birthDate is None
    named = parse_bundle(exported["named"]).entry[0].resource
    assert named.name[0].text == "Sam Example"
    assert str(named.birthDate) == "1980-02-29"


def test_fhir_pain_observations(exported):
    bundle = parse_bundle(exported["anonymous"])
    pain = [
        e.resource
        for e in bundle.entry
        if e.resource.__resource_type__ == "Observation"
        and e.resource.code.coding
        and e.resource.code.coding[0].code == "72514-3"
    ]
    assert [(p.code.text, p.valueInteger, p.bodySite.coding[0].code) for p in pain] == [
        ("Leg pain", 6, "61685007"),
        ("Back pain", 2, "37822005"),
        ("Leg pain", 4, "61685007"),  # back pain not rated: no Observation
    ]
    for p in pain:
        assert p.code.coding[0].system == "http://loinc.org"
        assert p.bodySite.coding[0].system == "http://snomed.info/sct"
        assert p.status == "final"
        assert p.subject.reference == f"urn:uuid:{PATIENT_ID}"
    assert pain[0].effectiveDateTime.isoformat().startswith("2026-11-20T18:45:00")


def test_fhir_function_observations(exported):
    obs = by_code_text(parse_bundle(exported["anonymous"]))
    walking = obs["Patient-Specific Functional Scale: Walking the dog"]
    assert [o.valueInteger for o in walking] == [3, 6]
    average = obs["Patient-Specific Functional Scale: average of the activities"]
    assert [(float(o.valueQuantity.value), o.valueQuantity.code) for o in average] == [
        (3.0, "{score}"),
        (5.0, "{score}"),
    ]
    assert len(average[0].derivedFrom) == 3
    walk = obs["Walking tolerance (minutes at a time)"]
    assert [(float(o.valueQuantity.value), o.valueQuantity.code, o.valueQuantity.system) for o in walk] == [
        (10.0, "min", "http://unitsofmeasure.org"),
        (25.0, "min", "http://unitsofmeasure.org"),
    ]
    assert [float(o.valueQuantity.value) for o in obs["Sitting tolerance (minutes at a time)"]] == [20.0]
    change = next(o for text, found in obs.items() if text.startswith("Global rating of change") for o in found[1:])
    assert change.valueInteger == 2
    assert change.note[0].text == "Much better"


def test_fhir_medicines_and_treatments(exported):
    bundle = parse_bundle(exported["anonymous"])
    medicine = next(e.resource for e in bundle.entry if e.resource.__resource_type__ == "MedicationStatement")
    assert medicine.status == "completed"
    assert medicine.medicationCodeableConcept.text == "Ibuprofen"
    assert medicine.dosage[0].text == "400 mg"
    assert [n.text for n in medicine.note] == ["Helped: A little", "Side effects: Upset stomach"]
    procedures = [e.resource for e in bundle.entry if e.resource.__resource_type__ == "Procedure"]
    assert [(p.code.text, p.status) for p in procedures] == [("Physio", "completed"), ("Heat: Heat pad", "completed")]
    assert procedures[0].note[0].text == "Helped: Yes"
    assert procedures[1].performedDateTime.isoformat().startswith("2026-11-23T10:00:00")


def test_new_csvs_read_back(exported):
    logs = read_csv(exported["csv"]["logs"])
    header = logs[0]
    first = dict(zip(header, logs[1], strict=True))
    assert first["Where"] == "Lower back: both; Calf: left; Sole of foot: left"
    assert first["How it feels"] == "Burning; Electric or shooting"
    quick = dict(zip(header, logs[2], strict=True))
    assert quick["Back pain (0-10)"] == "" and quick["Numbness"] == ""

    treatments = read_csv(exported["csv"]["treatments"])
    assert treatments[0] == [
        "Date",
        "Time",
        "Kind",
        "Name",
        "Dose",
        "Helped",
        "Side effects",
        "Notes",
        "Recorded (UTC)",
    ]
    assert treatments[1] == [
        "2026-11-20",
        "21:15",
        "Medicine",
        "Ibuprofen",
        "400 mg",
        "A little",
        "Upset stomach",
        "",
        "2026-11-20T21:15:00.000Z",
    ]
    assert [row[2] for row in treatments[1:]] == ["Medicine", "Physio", "Heat"]

    checks = read_csv(exported["csv"]["checks"])
    latest = dict(zip(checks[0], checks[2], strict=True))
    assert latest["Activities (0 unable - 10 as before)"] == "Walking the dog: 6; Sitting at work: 5; Gardening: 4"
    assert latest["PSFS average (0-10)"] == "5"
    assert latest["Walking (minutes)"] == "25" and latest["Sitting (minutes)"] == ""
    assert latest["Change since starting (-3 to +3)"] == "2" and latest["Change in words"] == "Much better"

    activities = read_csv(exported["csv"]["activities"])
    assert activities[1:] == [
        ["Running", "2026-11-17", "yes", "2026-11-17T08:50:00.000Z"],
        ["Walking the dog", "2026-11-17", "no", "2026-11-17T08:55:00.000Z"],
    ]
