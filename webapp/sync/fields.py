"""Building blocks for record schemas: the strictness every record shares and the time format
devices write. Features build their own record types from these (see webapp/sync/registry.py)."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

ISO_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"
# Phones' clocks drift; a time more than a day ahead of the server's is refused, not trusted.
MAX_CLOCK_SKEW_MS = 24 * 3600 * 1000


def parse_time(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def now_ms():
    return int(datetime.now(UTC).timestamp() * 1000)


def _real_time(value):
    try:
        parse_time(value)
    except ValueError:
        raise ValueError("is not a real date and time") from None
    return value


# Timestamps are ISO 8601 strings, as JavaScript's Date#toISOString writes them.
IsoTime = Annotated[str, StringConstraints(pattern=ISO_TIME_PATTERN), AfterValidator(_real_time)]


class Strict(BaseModel):
    # Unknown fields are errors, and no type coercion: what a device sends is what is stored.
    model_config = ConfigDict(extra="forbid", strict=True)
