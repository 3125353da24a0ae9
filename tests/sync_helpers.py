"""Building sync changes in tests."""

import os
import time
import uuid


def uuid7(ms=None):
    ms = int(time.time() * 1000) if ms is None else ms
    raw = bytearray(ms.to_bytes(6, "big") + os.urandom(10))
    raw[6] = (raw[6] & 0x0F) | 0x70
    raw[8] = (raw[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(raw)))


def now_ms():
    return int(time.time() * 1000)


def routine(name="Morning", technique="pelvic-tilt"):
    return {"name": name, "steps": [{"technique": technique, "reps": 8, "sides": "none", "rest": 10}]}


def session(routine_id="morning-relief", pain_before=6, pain_after=3):
    return {
        "routineId": routine_id,
        "routineName": "Morning relief",
        "startedAt": "2026-11-20T08:00:00.000Z",
        "endedAt": "2026-11-20T08:10:00.000Z",
        "status": "finished",
        "completed": [{"technique": "pelvic-tilt", "side": None, "set": 1}],
        "skipped": [],
        "painBefore": pain_before,
        "painAfter": pain_after,
    }


def put(record_id, data, updated_at=None, record_type="routine"):
    return {"id": record_id, "type": record_type, "op": "put", "updated_at": updated_at or now_ms(), "data": data}


def delete(record_id, updated_at=None, record_type="routine"):
    return {"id": record_id, "type": record_type, "op": "delete", "updated_at": updated_at or now_ms()}


def symptom_log(**overrides):
    return {
        "loggedAt": "2026-11-20T08:00:00.000Z",
        "legPain": 6,
        "backPain": 3,
        "numbness": "mild",
        "tingling": "none",
        "weakness": "none",
        "areas": {"buttock": "left", "calf": "both"},
        "helped": ["heat"],
        "helpedOther": "",
        "sleep": "fair",
        "notes": "Long drive",
        "warningSigns": [],
        **overrides,
    }


def screening(kind="red-flags", yes=(), **overrides):
    from webapp.safety.questions import CONTRAINDICATION_IDS, RED_FLAG_IDS

    ids = RED_FLAG_IDS if kind == "red-flags" else CONTRAINDICATION_IDS
    return {
        "kind": kind,
        "takenAt": "2026-11-20T08:00:00.000Z",
        "answers": {q: q in yes for q in ids},
        "source": "first-run",
        **overrides,
    }
