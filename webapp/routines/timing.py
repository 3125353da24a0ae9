"""How long a routine takes. Mirrors expandRoutine/totalSeconds in static/js/routine/expand.js
(a browser test checks both give the same figure)."""

GET_READY = 5
SWITCH_SIDES = 5
SECONDS_PER_REP = 4


def step_work_seconds(step):
    if step.get("seconds") is not None:
        return step["seconds"]
    return step["reps"] * (SECONDS_PER_REP + (step.get("hold_seconds") or 0))


def total_seconds(steps, *, without_optional=False):
    """Seconds from Start to the end; `without_optional` leaves optional add-on steps out, as
    expandRoutine(..., { withoutOptional: true }) does (the rest after a left-out step goes too)."""
    if without_optional:
        steps = [step for step in steps if not step.get("optional")]
    total = GET_READY
    for number, step in enumerate(steps):
        sides = 2 if step["sides"] == "left-right" else 1
        sets = step["sets"]
        total += sets * sides * step_work_seconds(step)
        total += sets * (sides - 1) * SWITCH_SIDES
        total += (sets - 1) * step["set_rest"]
        if number < len(steps) - 1:
            total += step["rest"]
    return total
