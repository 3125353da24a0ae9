"""How long a routine takes. Mirrors expandRoutine/totalSeconds in static/js/routine/expand.js
and the transition rule in static/js/routine/transitions.js, which read these constants through
the contract (webapp/contract.py); a browser test checks both give the same figure."""

GET_READY = 5
SWITCH_SIDES = 5
SECONDS_PER_REP = 4

# Time to move between steps (issue 12): a change of position takes longer than staying put,
# and getting down to the floor from standing (or back up) longest. The first get-ready counts
# from standing: the person has just tapped Start with the phone in hand.
TRANSITION_SAME = 5
TRANSITION_CHANGE = 12
TRANSITION_FLOOR_STANDING = 20
START_POSITION = "standing"
UPRIGHT = ("standing", "wall")
# The player's "slower transitions" setting multiplies get-ready and switch-sides pauses, and the
# "slow" tempo multiplies the moving part of each rep (not the hold).
SLOWER_TRANSITIONS = 2
SLOW_TEMPO_PERCENT = 150  # whole numbers only cross the contract


def transition_seconds(before, after, *, slower=False):
    """Seconds to get from one position (floor, chair, standing, wall) into the next; `before`
    None means the start of the routine."""
    before = before or START_POSITION
    if before == after:
        seconds = TRANSITION_SAME
    elif {before, after} & {"floor"} and {before, after} & set(UPRIGHT):
        seconds = TRANSITION_FLOOR_STANDING
    else:
        seconds = TRANSITION_CHANGE
    return seconds * SLOWER_TRANSITIONS if slower else seconds


def step_work_seconds(step):
    if step.get("seconds") is not None:
        return step["seconds"]
    return step["reps"] * (SECONDS_PER_REP + (step.get("hold_seconds") or 0))


def total_seconds(steps, positions=None, *, without_optional=False, skip=(), slower=False):
    """Seconds from Start to the end; `positions` maps a technique's slug to its card position
    (without it every step counts as standing still). `without_optional` leaves optional add-on
    steps out, as expandRoutine(..., { withoutOptional: true }) does (the rest after a left-out
    step goes too); `skip` leaves out those techniques; `slower`, the slower transitions (a flare
    routine plays with them, static/js/routine/transitions.js)."""
    positions = positions or {}
    steps = [s for s in steps if s["technique"] not in skip and not (without_optional and s.get("optional"))]
    total = 0
    before = None
    for number, step in enumerate(steps):
        position = positions.get(step["technique"], START_POSITION)
        move = transition_seconds(before, position, slower=slower)
        if number == 0:
            total += move
        else:
            # The pause between steps: the rest asked for, or the time to move, whichever is longer.
            total += max(steps[number - 1]["rest"] or 0, move)
        sides = 2 if step["sides"] == "left-right" else 1
        sets = step["sets"]
        total += sets * sides * step_work_seconds(step)
        total += sets * (sides - 1) * SWITCH_SIDES * (SLOWER_TRANSITIONS if slower else 1)
        total += (sets - 1) * step["set_rest"]
        before = position
    return total
