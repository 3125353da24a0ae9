"""A safety screening as it syncs: a person's answers to one of the two checks."""

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from webapp.safety.questions import CONTRAINDICATION_IDS, RED_FLAG_IDS, RETIRED_RED_FLAG_IDS
from webapp.sync.fields import IsoTime, Strict

# Retired questions stay accepted: answers given in an older version of the app keep syncing.
QUESTIONS_BY_KIND = {"red-flags": RED_FLAG_IDS + RETIRED_RED_FLAG_IDS, "contraindications": CONTRAINDICATION_IDS}
SCREENING_KINDS = tuple(QUESTIONS_BY_KIND)
SCREENING_SOURCES = ("first-run", "log", "routine", "settings")


def _answers_per_kind(schema):
    # What _known_questions checks, said in JSON Schema, so the OpenAPI document agrees with it.
    schema["oneOf"] = [
        {"properties": {"kind": {"const": kind}, "answers": {"propertyNames": {"enum": list(ids)}}}}
        for kind, ids in QUESTIONS_BY_KIND.items()
    ]


class ScreeningData(Strict):
    """A person's answers to one screening (red flags or contraindications). Every screening is
    kept, so a summary can show what was answered when.

    The app asks every question; the server accepts any of the questions it knows, so answers
    given in an older version of the app (before a question was added) still sync and are never
    lost. The app asks a question missing from the latest answers again before a routine."""

    model_config = ConfigDict(json_schema_extra=_answers_per_kind)

    kind: Literal[SCREENING_KINDS]
    takenAt: IsoTime
    answers: Annotated[dict[Annotated[str, StringConstraints(max_length=40)], bool], Field(min_length=1)]
    source: Literal[SCREENING_SOURCES] | None = None
    updatedAt: IsoTime | None = None

    @model_validator(mode="after")
    def _known_questions(self):
        known = set(QUESTIONS_BY_KIND[self.kind])
        unknown = sorted(set(self.answers) - known)
        if unknown:
            raise ValueError(f"answers a question this check does not ask: {', '.join(unknown)}")
        return self


RECORD_TYPES = {"screening": ScreeningData}
