"""What a valid content file looks like, checked before anything is written to the database."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from webapp.content import vocabulary as v

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https://[^\s/]+\.[^\s]+$")]

Kind = Literal[tuple(v.KINDS)]
Area = Literal[tuple(v.TARGET_AREAS)]
Equipment = Literal[tuple(v.EQUIPMENT)]
Position = Literal[tuple(v.POSITIONS)]
Intensity = Literal[tuple(v.INTENSITIES)]
Movement = Literal[tuple(v.MOVEMENTS)]
AvoidIf = Literal[tuple(v.AVOID_IF)]


class Strict(BaseModel):
    # Unknown fields are errors: a misspelt field would otherwise vanish silently.
    model_config = ConfigDict(extra="forbid", strict=True)


class Source(Strict):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200)]
    url: Url


class StartDose(Strict):
    """Where a new step starts when the note says to start lower than the full dose (the builder
    adds steps at this dose; blank fields are the full dose's)."""

    seconds: Annotated[int, Field(ge=5, le=600)] | None = None
    reps: Annotated[int, Field(ge=1, le=50)] | None = None
    sets: Annotated[int, Field(ge=1, le=10)] | None = None


class Dosing(Strict):
    type: Literal["time", "reps"]
    seconds: Annotated[int, Field(ge=5, le=600)] | None = None
    reps: Annotated[int, Field(ge=1, le=50)] | None = None
    hold_seconds: Annotated[int, Field(ge=1, le=60)] | None = None
    sets: Annotated[int, Field(ge=1, le=10)]
    per_side: bool
    rest_seconds: Annotated[int, Field(ge=0, le=300)]
    frequency: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=120)]
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] | None = None
    start: StartDose | None = None

    @model_validator(mode="after")
    def _fields_match_type(self):
        if self.start is not None and (self.start.seconds if self.type == "reps" else self.start.reps) is not None:
            raise ValueError("'start' takes the same measure as the dose: 'seconds' for 'time', 'reps' for 'reps'")
        if self.type == "time":
            if self.seconds is None:
                raise ValueError("a 'time' dose needs 'seconds'")
            if self.reps is not None or self.hold_seconds is not None:
                raise ValueError("a 'time' dose takes 'seconds', not 'reps' or 'hold_seconds'")
        else:
            if self.reps is None:
                raise ValueError("a 'reps' dose needs 'reps'")
            if self.seconds is not None:
                raise ValueError("a 'reps' dose takes 'reps' (and optional 'hold_seconds'), not 'seconds'")
        return self


class TechniqueFile(Strict):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60)]
    kind: Kind
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=160)]
    order: Annotated[int, Field(ge=0, le=100000)]
    target_areas: Annotated[list[Area], Field(min_length=1, max_length=6)]
    equipment: Annotated[list[Equipment], Field(max_length=5)]
    position: Position
    intensity: Intensity
    movement: Movement | None = None
    # Pressure on the lower back comes after gentle movement, never first in a routine.
    warm_up_first: bool = False
    intensity_note: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=400)]
    illustration_alt: Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=300)]
    steps: Annotated[list[Line], Field(min_length=2, max_length=10)]
    cues: Annotated[list[Line], Field(min_length=1, max_length=6)]
    cautions: Annotated[list[Line], Field(min_length=1, max_length=8)]
    stop_if: Annotated[list[Line], Field(min_length=1, max_length=6)]
    avoid_if: Annotated[list[AvoidIf], Field(max_length=len(v.AVOID_IF))] = []
    # A gentler technique to switch to when this one stirs symptoms up (the player offers it).
    gentler: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)] | None = None
    evidence: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=600)]
    dosing: Dosing
    sources: Annotated[list[Source], Field(min_length=1, max_length=10)]

    @model_validator(mode="after")
    def _no_repeats(self):
        for field in ("target_areas", "equipment", "avoid_if"):
            values = getattr(self, field)
            if len(values) != len(set(values)):
                raise ValueError(f"'{field}' lists the same value twice")
        return self


class ArticleFile(Strict):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=200)]
    order: Annotated[int, Field(ge=0, le=100000)]
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=50)]
    sources: Annotated[list[Source], Field(min_length=1, max_length=20)]


class RoutineStep(Strict):
    technique: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
    seconds: Annotated[int, Field(ge=5, le=600)] | None = None
    reps: Annotated[int, Field(ge=1, le=50)] | None = None
    sets: Annotated[int, Field(ge=1, le=10)] | None = None
    sides: Literal["left-right", "both", "none"] | None = None
    rest: Annotated[int, Field(ge=0, le=300)] = 15
    # An add-on the player can leave out (FACTS §9: self-massage only alongside exercise).
    optional: bool = False

    @model_validator(mode="after")
    def _one_measure(self):
        if self.seconds is not None and self.reps is not None:
            raise ValueError("a step takes 'seconds' or 'reps', not both")
        return self


class RoutineFile(Strict):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60)]
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=200)]
    order: Annotated[int, Field(ge=0, le=100000)]
    flare: bool = False
    # Meant to follow a self-massage session: suggested only after one, never as a first routine.
    after_massage: bool = False
    steps: Annotated[list[RoutineStep], Field(min_length=1, max_length=40)]
