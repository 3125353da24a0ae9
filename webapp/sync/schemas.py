"""The envelope of a sync batch: what every change carries whatever its record type. The
record's own data is checked against the schema its feature registered (webapp/sync/registry.py)."""

import re
import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from webapp.sync.fields import MAX_CLOCK_SKEW_MS, Strict, now_ms

MAX_CHANGES = 100
MAX_RECORD_BYTES = 64 * 1024
MAX_PUSH_BYTES = 1024 * 1024
PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX = 200, 500
EARLIEST = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp() * 1000)
UUID7_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
UUID7 = re.compile(UUID7_PATTERN.strip("^$"))
DEVICE_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"
CURSOR_PATTERN = r"^[0-9]{1,18}$"


class Change(Strict):
    id: Annotated[str, Field(json_schema_extra={"pattern": UUID7_PATTERN})]
    type: str
    op: Literal["put", "delete"]
    updated_at: Annotated[int, Field(description="Device time of the change, ms since 1970")]
    data: dict | None = None

    @field_validator("id")
    @classmethod
    def _uuid7(cls, value):
        # One pattern match (parsing a UUID object per change was a tenth of a push's time).
        if UUID7.fullmatch(value):
            return value
        try:
            uuid.UUID(value)
        except ValueError:
            raise ValueError("must be a UUID") from None
        raise ValueError("must be a lowercase, hyphenated UUID version 7")

    @field_validator("type")
    @classmethod
    def _known_type(cls, value, info: ValidationInfo):
        # The registered types come in the validation context: the envelope knows none itself.
        known = (info.context or {}).get("record_types", ())
        if value not in known:
            raise ValueError(f"must be one of {', '.join(sorted(known))}")
        return value

    @field_validator("updated_at")
    @classmethod
    def _plausible_time(cls, value):
        if value < EARLIEST or value > now_ms() + MAX_CLOCK_SKEW_MS:
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
    device_id: Annotated[str, StringConstraints(pattern=DEVICE_ID_PATTERN)]
    changes: Annotated[list[Change], Field(min_length=1, max_length=MAX_CHANGES)]
    # The device's pull cursor: with it, the answer also carries the changes since then (other
    # devices' changes, never the ones this push applied), so a change costs one round trip.
    since: Annotated[
        str | None,
        StringConstraints(pattern=CURSOR_PATTERN),
        Field(description="Pull cursor; the answer then carries changes, cursor and has_more as a pull does"),
    ] = None
    # The change number this device's first push of the same sync got (from its answer): its
    # versions from there on are left out of the answer too, as it has them.
    pushed_from: Annotated[
        str | None,
        StringConstraints(pattern=CURSOR_PATTERN),
        Field(description="With 'since': the first change number this sync's earlier pushes got"),
    ] = None
