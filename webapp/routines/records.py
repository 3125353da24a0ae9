"""The records the routine pages keep on the device and sync: routines people build or save,
sessions the player writes when a routine ends, and "this made it worse" flags."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from webapp.sync.fields import IsoTime, Strict

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
RoutineRef = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Pain = Annotated[int, Field(ge=0, le=10)] | None
STEP_SIDES = ("left-right", "both", "none")
SESSION_STATUSES = ("finished", "ended")
# FACTS §9: after a routine, did leg symptoms move toward the back, stay, or spread further down?
# The answers as the person reads them: in the player, the history, the CSV and the summary.
SYMPTOM_DIRECTION_LABELS = {
    "toward-back": "Toward my back",
    "same": "Stayed the same",
    "further-down": "Further down my leg",
}
SYMPTOM_DIRECTIONS = tuple(SYMPTOM_DIRECTION_LABELS)


class RoutineStep(Strict):
    technique: Slug
    seconds: Annotated[int, Field(ge=5, le=600)] | None = None
    reps: Annotated[int, Field(ge=1, le=50)] | None = None
    sets: Annotated[int, Field(ge=1, le=10)] | None = None
    sides: Literal[STEP_SIDES]
    rest: Annotated[int, Field(ge=0, le=300)] | None = None


class RoutineData(Strict):
    name: Name
    steps: Annotated[list[RoutineStep], Field(min_length=1, max_length=40)]
    createdAt: IsoTime | None = None
    updatedAt: IsoTime | None = None
    # Which of Today's suggestions Start saved this as ("suggested", or the built-in routine it
    # was trimmed from): starting it again reuses this copy. The builder drops it on save, so a
    # routine the person edited is theirs and never rewritten (static/js/main/today.js).
    suggestion: RoutineRef | None = None


class DoneStep(Strict):
    technique: Slug
    side: Literal["left", "right"] | None = None
    set: Annotated[int, Field(ge=1, le=10)] | None = None


class SessionData(Strict):
    routineId: RoutineRef
    routineName: Name
    startedAt: IsoTime
    endedAt: IsoTime
    status: Literal[SESSION_STATUSES]
    completed: Annotated[list[DoneStep], Field(max_length=400)]
    skipped: Annotated[list[DoneStep], Field(max_length=400)]
    skippedAtStart: Annotated[list[Slug], Field(max_length=40)] = []
    worse: Annotated[list[Slug], Field(max_length=40)] = []
    painBefore: Pain = None
    painAfter: Pain = None
    symptomDirection: Literal[SYMPTOM_DIRECTIONS] | None = None
    updatedAt: IsoTime | None = None


class FlagData(Strict):
    technique: Slug
    at: IsoTime
    routineId: RoutineRef | None = None
    updatedAt: IsoTime | None = None


RECORD_TYPES = {"routine": RoutineData, "session": SessionData, "flag": FlagData}
