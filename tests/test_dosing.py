"""Dose descriptions and time estimates shown on cards."""

import pytest

from webapp.content.dosing import describe, describe_duration, estimate_seconds

TIME = {"type": "time", "seconds": 60, "sets": 2, "per_side": True, "rest_seconds": 15}
REPS = {"type": "reps", "reps": 10, "hold_seconds": 5, "sets": 1, "per_side": False, "rest_seconds": 0}


@pytest.mark.parametrize(
    ("dosing", "text"),
    [
        (TIME, "1 minute, 2 sets, each side"),
        ({**TIME, "seconds": 30, "sets": 1}, "30 seconds, each side"),
        (REPS, "10 reps, hold 5 seconds each, both sides together"),
        ({**REPS, "reps": 1, "hold_seconds": None}, "1 rep, both sides together"),
        ({**TIME, "seconds": 120, "per_side": False, "sets": 3}, "2 minutes, 3 sets, both sides together"),
    ],
)
def test_describe(dosing, text):
    assert describe(dosing) == text


def test_estimate_counts_sides_sets_and_rests():
    # 2 sets x 2 sides = 4 rounds of 60 s, with 3 rests of 15 s between them
    assert estimate_seconds(TIME) == 4 * 60 + 3 * 15
    assert estimate_seconds(REPS) == 10 * (4 + 5)


@pytest.mark.parametrize(("seconds", "text"), [(20, "under 1 minute"), (90, "about 2 min"), (285, "about 5 min")])
def test_describe_duration(seconds, text):
    assert describe_duration(seconds) == text
