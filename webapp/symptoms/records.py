"""The symptom log entry and the episode start as they sync. static/js/symptoms/validate.js and
static/js/symptoms/episode.js check the forms with the same limits (from webapp/contract.py)
before anything is saved."""

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from webapp.safety.questions import LOG_WARNING_SIGNS
from webapp.symptoms.vocabulary import HELPED, HELPED_OTHER_MAX, LEVELS, NOTES_MAX, REGIONS, SIDES, SLEEP
from webapp.sync.fields import MAX_CLOCK_SKEW_MS, IsoTime, Strict, now_ms, parse_time

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


class SymptomLogData(Strict):
    """One symptom log entry."""

    loggedAt: IsoTime
    legPain: Annotated[int, Field(ge=0, le=10)]
    backPain: Annotated[int, Field(ge=0, le=10)]
    numbness: Level = "none"
    tingling: Level = "none"
    weakness: Level = "none"
    areas: Annotated[dict[Region, Side], Field(max_length=len(REGIONS))] = {}
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
        when = parse_time(value)  # IsoTime has checked it is real and carries a zone
        if when < EARLIEST_LOG:
            raise ValueError("is before the year 2000")
        # The device checked its own clock when the entry was made; the server allows for the
        # same drift it allows a change's timestamp, and no more.
        if when.timestamp() * 1000 > now_ms() + MAX_CLOCK_SKEW_MS:
            raise ValueError("is in the future")
        return value

    @field_validator("helped", "warningSigns")
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


RECORD_TYPES = {"symptom_log": SymptomLogData, "episode": EpisodeData}
