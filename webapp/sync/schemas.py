"""What a sync batch and each record type look like. Adding a record type is one model here
and one entry in RECORD_TYPES; the sync itself carries any type the same way."""
import uuid
from datetime import datetime, timezone
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from webapp.safety.questions import CONTRAINDICATION_IDS, LOG_WARNING_SIGNS, RED_FLAG_IDS

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
RoutineRef = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Pain = Optional[Annotated[int, Field(ge=0, le=10)]]


def _parse_time(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _now_ms():
    return int(datetime.now(timezone.utc).timestamp() * 1000)


def _real_time(value):
    try:
        _parse_time(value)
    except ValueError:
        raise ValueError("is not a real date and time") from None
    return value


# Timestamps are ISO 8601 strings, as JavaScript's Date#toISOString writes them.
IsoTime = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"),
                    AfterValidator(_real_time)]

# Symptom log vocabularies and limits (mirrored in static/js/symptoms/validate.js).
LEVELS = ("none", "mild", "moderate", "severe")
REGIONS = ("buttock", "thigh", "calf", "foot")
SIDES = ("left", "right", "both")
HELPED = ("routine", "heat", "ice", "medication", "rest")
SLEEP = ("good", "fair", "poor")
NOTES_MAX = 1000
HELPED_OTHER_MAX = 100
Level = Literal[LEVELS]
Region = Literal[REGIONS]
Side = Literal[SIDES]
Helped = Literal[HELPED]
Sleep = Literal[SLEEP]
WarningSign = Literal[LOG_WARNING_SIGNS]
EARLIEST_LOG = datetime(2000, 1, 1, tzinfo=timezone.utc)

MAX_CHANGES = 100
MAX_RECORD_BYTES = 64 * 1024
EARLIEST = int(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp() * 1000)
# Phones' clocks drift; a change stamped more than a day ahead is rejected, not trusted to win.
MAX_CLOCK_SKEW_MS = 24 * 3600 * 1000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class RoutineStep(Strict):
    technique: Slug
    seconds: Optional[Annotated[int, Field(ge=5, le=600)]] = None
    reps: Optional[Annotated[int, Field(ge=1, le=50)]] = None
    sets: Optional[Annotated[int, Field(ge=1, le=10)]] = None
    sides: Literal["left-right", "both", "none"]
    rest: Optional[Annotated[int, Field(ge=0, le=300)]] = None


class RoutineData(Strict):
    name: Name
    steps: Annotated[list[RoutineStep], Field(min_length=1, max_length=40)]
    createdAt: Optional[IsoTime] = None
    updatedAt: Optional[IsoTime] = None


class DoneStep(Strict):
    technique: Slug
    side: Optional[Literal["left", "right"]] = None
    set: Optional[Annotated[int, Field(ge=1, le=10)]] = None


class SessionData(Strict):
    routineId: RoutineRef
    routineName: Name
    startedAt: IsoTime
    endedAt: IsoTime
    status: Literal["finished", "ended"]
    completed: Annotated[list[DoneStep], Field(max_length=400)]
    skipped: Annotated[list[DoneStep], Field(max_length=400)]
    skippedAtStart: Annotated[list[Slug], Field(max_length=40)] = []
    worse: Annotated[list[Slug], Field(max_length=40)] = []
    painBefore: Pain = None
    painAfter: Pain = None
    updatedAt: Optional[IsoTime] = None


class FlagData(Strict):
    technique: Slug
    at: IsoTime
    routineId: Optional[RoutineRef] = None
    updatedAt: Optional[IsoTime] = None


class SymptomLogData(Strict):
    """One symptom log entry. The limits are mirrored by static/js/symptoms/validate.js, which
    checks the form before anything is saved; tests compare the two."""
    loggedAt: IsoTime
    legPain: Annotated[int, Field(ge=0, le=10)]
    backPain: Annotated[int, Field(ge=0, le=10)]
    numbness: Level = "none"
    tingling: Level = "none"
    weakness: Level = "none"
    areas: Annotated[dict[Region, Side], Field(max_length=len(REGIONS))] = {}
    helped: Annotated[list[Helped], Field(max_length=len(HELPED))] = []
    helpedOther: Annotated[str, StringConstraints(strip_whitespace=True, max_length=HELPED_OTHER_MAX)] = ""
    sleep: Optional[Sleep] = None
    notes: Annotated[str, StringConstraints(max_length=NOTES_MAX)] = ""
    warningSigns: Annotated[list[WarningSign], Field(max_length=len(LOG_WARNING_SIGNS))] = []
    updatedAt: Optional[IsoTime] = None

    @field_validator("loggedAt")
    @classmethod
    def _not_future(cls, value):
        when = _parse_time(value)  # IsoTime has checked it is real and carries a zone
        if when < EARLIEST_LOG:
            raise ValueError("is before the year 2000")
        # The device checked its own clock when the entry was made; the server allows for the
        # same drift it allows a change's timestamp, and no more.
        if when.timestamp() * 1000 > _now_ms() + MAX_CLOCK_SKEW_MS:
            raise ValueError("is in the future")
        return value

    @field_validator("helped", "warningSigns")
    @classmethod
    def _unique(cls, value):
        if len(set(value)) != len(value):
            raise ValueError("lists an item twice")
        return value


class ScreeningData(Strict):
    """A person's answers to one screening (red flags or contraindications). Every screening is
    kept, so a summary can show what was answered when.

    The app asks every question; the server accepts any of the questions it knows, so answers
    given in an older version of the app (before a question was added) still sync and are never
    lost. The app asks a question missing from the latest answers again before a routine."""
    kind: Literal["red-flags", "contraindications"]
    takenAt: IsoTime
    answers: Annotated[dict[Annotated[str, StringConstraints(max_length=40)], bool], Field(min_length=1)]
    source: Optional[Literal["first-run", "log", "routine", "settings"]] = None
    updatedAt: Optional[IsoTime] = None

    @model_validator(mode="after")
    def _known_questions(self):
        known = set(RED_FLAG_IDS if self.kind == "red-flags" else CONTRAINDICATION_IDS)
        unknown = sorted(set(self.answers) - known)
        if unknown:
            raise ValueError(f"answers a question this check does not ask: {', '.join(unknown)}")
        return self


RECORD_TYPES = {"routine": RoutineData, "session": SessionData, "flag": FlagData,
                "symptom_log": SymptomLogData, "screening": ScreeningData}


class Change(Strict):
    id: str
    type: str
    op: Literal["put", "delete"]
    updated_at: int
    data: Optional[dict] = None

    @field_validator("id")
    @classmethod
    def _uuid7(cls, value):
        try:
            parsed = uuid.UUID(value)
        except ValueError:
            raise ValueError("must be a UUID") from None
        if parsed.version != 7 or str(parsed) != value:
            raise ValueError("must be a lowercase, hyphenated UUID version 7")
        return value

    @field_validator("type")
    @classmethod
    def _known_type(cls, value):
        if value not in RECORD_TYPES:
            raise ValueError(f"must be one of {', '.join(sorted(RECORD_TYPES))}")
        return value

    @field_validator("updated_at")
    @classmethod
    def _plausible_time(cls, value):
        if value < EARLIEST or value > _now_ms() + MAX_CLOCK_SKEW_MS:
            raise ValueError("must be a time in milliseconds since 1970, not before 2024 nor in the future")
        return value

    @model_validator(mode="after")
    def _data_matches_op(self):
        if self.op == "delete" and self.data is not None:
            raise ValueError("a delete carries no data")
        if self.op == "put" and self.data is None:
            raise ValueError("a put needs data")
        return self


class PushBody(Strict):
    device_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
    changes: Annotated[list[Change], Field(min_length=1, max_length=MAX_CHANGES)]
