"""The browser-made export files, read back by real parsers: the .ics reminder by the icalendar
library (as a calendar app would), the CSVs by Python's csv module (as a spreadsheet would).
tests/js/export_samples.js builds them with the same modules the pages use."""

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
        ],
        ["2026-11-20", "07:00", "07:12", "12", "'+Morning", "Finished", "2", "1", "5", "3", "Cat-cow"],
    ]
