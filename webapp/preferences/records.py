"""Preferences as they sync: one record per person (the device keeps one id); the latest edit
wins. static/js/preferences/prefs.js checks the settings form with the same vocabularies (from
webapp/contract.py) before anything is saved."""

from typing import Annotated, Literal

from pydantic import Field, field_validator

from webapp.content.vocabulary import EQUIPMENT
from webapp.symptoms.vocabulary import SIDES
from webapp.sync.fields import IsoTime, Strict

# Floor work is fine, or a chair or standing is better.
POSITION_CHOICES = {"floor": "Getting down to the floor is OK", "chair": "A chair or standing is better"}
# What the person has at home: the content's equipment, plus a clear wall (a position in the cards).
OWNED_EQUIPMENT = {**EQUIPMENT, "wall": "A clear wall"}
MINUTES = (5, 10, 15)
TRANSITIONS = {"normal": "Normal", "slower": "Slower (more time to change position)"}
SIDE_LABELS = {"left": "Left", "right": "Right", "both": "Both sides"}

Side = Literal[SIDES]
Position = Literal[tuple(POSITION_CHOICES)]
Owned = Literal[tuple(OWNED_EQUIPMENT)]
Minutes = Literal[MINUTES]
Transition = Literal[tuple(TRANSITIONS)]


class PreferencesData(Strict):
    """What fits this person. Every answer may be left unset (first run is skippable)."""

    side: Side | None = None
    position: Position | None = None
    equipment: Annotated[
        list[Owned], Field(max_length=len(OWNED_EQUIPMENT), json_schema_extra={"uniqueItems": True})
    ] = []
    minutes: Minutes | None = None
    sound: bool = True
    voice: bool = True
    vibration: bool = True
    transition: Transition = "normal"
    updatedAt: IsoTime | None = None

    @field_validator("equipment")
    @classmethod
    def _unique(cls, value):
        if len(set(value)) != len(value):
            raise ValueError("lists an item twice")
        return value


def contract():
    """What the browser's forms and the suggestion use, from the definitions above."""
    return {
        "PREFERENCE_SIDES": SIDE_LABELS,
        "PREFERENCE_POSITIONS": POSITION_CHOICES,
        "PREFERENCE_EQUIPMENT": OWNED_EQUIPMENT,
        "PREFERENCE_EQUIPMENT_ORDER": list(OWNED_EQUIPMENT),
        "PREFERENCE_MINUTES": list(MINUTES),
        "PREFERENCE_TRANSITIONS": TRANSITIONS,
    }


RECORD_TYPES = {"preferences": PreferencesData}
