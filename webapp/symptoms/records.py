"""The symptom log entry, the episode start, medicines and treatments, and the function
check-in (the person's own activities and their weekly ratings) as they sync.
static/js/symptoms/validate.js, episode.js, treatments.js and function.js check the forms with the
same limits (from webapp/contract.py) before anything is saved."""

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from webapp.safety.questions import LOG_WARNING_SIGNS
from webapp.symptoms.vocabulary import (
    ACTIVITY_NAME_MAX,
    CHANGES,
    DOSE_MAX,
    HELPED,
    HELPED_OTHER_MAX,
    LEVELS,
    MINUTES_MAX,
    NOTES_MAX,
    REGIONS,
    SCORE_RANGE,
    SENSATIONS,
    SIDE_EFFECTS_MAX,
    SIDES,
    SLEEP,
    TREATMENT_HELPED,
    TREATMENT_KINDS,
    TREATMENT_NAME_MAX,
    TREATMENT_NAMED_KINDS,
    TREATMENT_NOTES_MAX,
)
from webapp.sync.fields import MAX_CLOCK_SKEW_MS, IsoTime, Strict, now_ms, parse_time
from webapp.sync.schemas import UUID7_PATTERN

EARLIEST_LOG = datetime(2000, 1, 1, tzinfo=UTC)
# An episode may have started long before the app was used, but not before anyone alive.
EARLIEST_EPISODE = date(1900, 1, 1)
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
Level = Literal[LEVELS]
Region = Literal[REGIONS]
Side = Literal[SIDES]
Helped = Literal[HELPED]
Sleep = Literal[SLEEP]
WarningSign = Literal[LOG_WARNING_SIGNS]
Sensation = Literal[SENSATIONS]
TreatmentKind = Literal[TREATMENT_KINDS]
TreatmentHelped = Literal[TREATMENT_HELPED]
Change = Literal[CHANGES]
Score = Annotated[int, Field(ge=SCORE_RANGE[0], le=SCORE_RANGE[1])]
Minutes = Annotated[int, Field(ge=0, le=MINUTES_MAX)]
ActivityName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=ACTIVITY_NAME_MAX)]


def _unique_list(kind, size):
    return Annotated[list[kind], Field(max_length=size, json_schema_extra={"uniqueItems": True})]


def _past_time(value):
    """An IsoTime (already checked real, with a zone) that is after 2000 and not in the future."""
    when = parse_time(value)
    if when < EARLIEST_LOG:
        raise ValueError("is before the year 2000")
    # The device checked its own clock when the entry was made; the server allows for the
    # same drift it allows a change's timestamp, and no more.
    if when.timestamp() * 1000 > now_ms() + MAX_CLOCK_SKEW_MS:
        raise ValueError("is in the future")
    return value


class SymptomLogData(Strict):
    """One symptom log entry."""

    loggedAt: IsoTime
    legPain: Annotated[int, Field(ge=0, le=10)]
    # Absent (or null): not rated in this entry. Entries before issue 13 always have it.
    backPain: Annotated[int, Field(ge=0, le=10)] | None = None
    # Absent: not asked in this entry (the quick log sends only what the person set). Older
    # entries stored "none" for fields left alone; readers can't tell those apart.
    numbness: Level | None = None
    tingling: Level | None = None
    weakness: Level | None = None
    areas: Annotated[dict[Region, Side], Field(max_length=len(REGIONS))] = {}
    sensations: _unique_list(Sensation, len(SENSATIONS)) = []
    helped: Annotated[list[Helped], Field(max_length=len(HELPED), json_schema_extra={"uniqueItems": True})] = []
    helpedOther: Annotated[str, StringConstraints(strip_whitespace=True, max_length=HELPED_OTHER_MAX)] = ""
    sleep: Sleep | None = None
    notes: Annotated[str, StringConstraints(max_length=NOTES_MAX)] = ""
    warningSigns: Annotated[
        list[WarningSign], Field(max_length=len(LOG_WARNING_SIGNS), json_schema_extra={"uniqueItems": True})
    ] = []
    updatedAt: IsoTime | None = None

    @field_validator("loggedAt")
    @classmethod
    def _not_future(cls, value):
        return _past_time(value)

    @field_validator("helped", "warningSigns", "sensations")
    @classmethod
    def _unique(cls, value):
        if len(set(value)) != len(value):
            raise ValueError("lists an item twice")
        return value


class EpisodeData(Strict):
    """When this episode of sciatica started: a local calendar day, as the person lived it.
    The device keeps the latest record (by updatedAt) as the current episode."""

    startedOn: Annotated[str, StringConstraints(pattern=DAY_PATTERN), Field(json_schema_extra={"format": "date"})]
    updatedAt: IsoTime | None = None

    @field_validator("startedOn")
    @classmethod
    def _real_past_day(cls, value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise ValueError("is not a real date") from None
        if day < EARLIEST_EPISODE:
            raise ValueError("is before 1900")
        # A local day can be a day ahead of the server's UTC day (UTC+14), and a phone's clock may
        # run fast: the same allowance as for a change's time, and no more.
        latest = (datetime.now(UTC) + timedelta(milliseconds=MAX_CLOCK_SKEW_MS)).date()
        if day > latest:
            raise ValueError("is in the future")
        return value


class TreatmentData(Strict):
    """A medicine taken or a treatment done (physio, a massage visit, heat...), and whether it helped."""

    takenAt: IsoTime
    kind: TreatmentKind
    # Required for a medicine or "other" (see _named); optional for the rest ("Heat" says enough).
    name: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=TREATMENT_NAME_MAX), Field(validate_default=True)
    ] = ""
    dose: Annotated[str, StringConstraints(strip_whitespace=True, max_length=DOSE_MAX)] = ""
    helped: TreatmentHelped | None = None
    sideEffects: Annotated[str, StringConstraints(strip_whitespace=True, max_length=SIDE_EFFECTS_MAX)] = ""
    notes: Annotated[str, StringConstraints(max_length=TREATMENT_NOTES_MAX)] = ""
    updatedAt: IsoTime | None = None

    @field_validator("takenAt")
    @classmethod
    def _not_future(cls, value):
        return _past_time(value)

    @field_validator("name")
    @classmethod
    def _named(cls, value, info: ValidationInfo):
        # kind is checked first (declared first); if it was refused, that error is the one reported.
        if not value and info.data.get("kind") in TREATMENT_NAMED_KINDS:
            raise ValueError("is needed for a medicine" if info.data["kind"] == "medicine" else "is needed for other")
        return value


class ActivityData(Strict):
    """One activity the person named for the function check-in (the PSFS), e.g. "walking the dog".
    Archived ones are no longer rated but keep their past ratings' meaning."""

    name: ActivityName
    addedAt: IsoTime
    archived: bool = False
    updatedAt: IsoTime | None = None


class FunctionRating(Strict):
    activity: Annotated[str, StringConstraints(pattern=UUID7_PATTERN)]
    # The name when rated: the activity may be renamed or archived later.
    name: ActivityName
    score: Score


class FunctionCheckData(Strict):
    """The weekly function check-in: each activity rated 0 (unable) to 10 (as before the problem),
    walking and sitting tolerance, and the 7-point change since starting."""

    checkedAt: IsoTime
    ratings: Annotated[list[FunctionRating], Field(max_length=5)] = []
    walkMinutes: Minutes | None = None
    sitMinutes: Minutes | None = None
    change: Change | None = None
    updatedAt: IsoTime | None = None

    @field_validator("checkedAt")
    @classmethod
    def _not_future(cls, value):
        return _past_time(value)

    @field_validator("ratings")
    @classmethod
    def _one_each(cls, value):
        if len({r.activity for r in value}) != len(value):
            raise ValueError("rates an activity twice")
        return value


RECORD_TYPES = {
    "symptom_log": SymptomLogData,
    "episode": EpisodeData,
    "treatment": TreatmentData,
    "activity": ActivityData,
    "function_check": FunctionCheckData,
}
