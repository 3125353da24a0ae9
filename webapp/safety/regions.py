"""Who to call, by region: the emergency number and, where there is one we can source, an urgent
advice line (issue #9). The browser guesses the region from its language and time zone; the person
can change it in one tap; a deployment can set the default and its numbers (README, "Settings").

Numbers are only those named in the project's sources; where no urgent advice line is sourced the
app says to call the person's own doctor instead of giving a number.
"""

import re
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    emergency: str
    urgent: str | None = None  # an urgent advice line's number, where sourced
    urgent_name: str | None = None  # what people call that line, e.g. "NHS 111"


REGIONS = (
    Region("uk", "United Kingdom", "999", "111", "NHS 111"),
    Region("eu", "European Union", "112"),
    Region("us", "United States", "911"),
    Region("ca", "Canada", "911"),
    Region("au", "Australia", "000"),
)
REGION_IDS = tuple(r.id for r in REGIONS)

# A dialable number: digits, optionally a leading +, spaces allowed between groups.
PHONE = re.compile(r"^\+?[0-9](?:[0-9 ]{0,18}[0-9])?$")


def valid_phone(number):
    return bool(PHONE.match(number)) and 2 <= sum(c.isdigit() for c in number) <= 15


def configured(default_region=None, emergency=None, urgent=None, urgent_name=None):
    """The regions with a deployment's overrides applied, and the default region id (or None: guess).

    Raises ValueError with a message naming the setting when one is not valid."""
    if default_region is not None and default_region not in REGION_IDS:
        raise ValueError(f"RELIEVE_REGION must be one of {', '.join(REGION_IDS)}; got {default_region!r}.")
    overrides = {"emergency": emergency, "urgent": urgent, "urgent_name": urgent_name}
    if any(overrides.values()) and default_region is None:
        raise ValueError("Set RELIEVE_REGION too: the emergency and urgent numbers override that region's.")
    for setting, number in (("RELIEVE_EMERGENCY_NUMBER", emergency), ("RELIEVE_URGENT_NUMBER", urgent)):
        if number is not None and not valid_phone(number):
            raise ValueError(f"{setting} must be a phone number (digits, an optional leading +), got {number!r}.")
    if urgent_name is not None and urgent is None:
        raise ValueError("RELIEVE_URGENT_NAME names the urgent line: set RELIEVE_URGENT_NUMBER with it.")
    regions = []
    for region in REGIONS:
        if region.id == default_region:
            region = replace(region, **{k: v for k, v in overrides.items() if v is not None})
            if urgent is not None and urgent_name is None:
                region = replace(region, urgent_name="the urgent advice line")
        regions.append(region)
    return regions, default_region


def region_data(regions, default_region):
    """For the browser (in /catalog.json): every region and the deployment's default."""
    return {
        "default": default_region,
        "regions": [
            {"id": r.id, "name": r.name, "emergency": r.emergency, "urgent": r.urgent, "urgentName": r.urgent_name}
            for r in regions
        ],
    }
