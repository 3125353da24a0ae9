"""Describe a card's dose in words and estimate how long it takes."""


def _seconds(n):
    if n >= 60 and n % 60 == 0:
        minutes = n // 60
        return f"{minutes} minute" + ("s" if minutes > 1 else "")
    return f"{n} seconds" if n != 1 else "1 second"


def describe(dosing):
    """One line such as "60 seconds, 2 sets, each side"."""
    if dosing["type"] == "time":
        parts = [_seconds(dosing["seconds"])]
    else:
        reps = dosing["reps"]
        part = f"{reps} rep" + ("s" if reps > 1 else "")
        if dosing.get("hold_seconds"):
            part += f", hold {_seconds(dosing['hold_seconds'])} each"
        parts = [part]
    sets = dosing["sets"]
    if sets > 1:
        parts.append(f"{sets} sets")
    parts.append("each side" if dosing["per_side"] else "both sides together")
    return ", ".join(parts)


# Assumed pace of one repetition without a hold, used only for the time estimate.
SECONDS_PER_REP = 4


def estimate_seconds(dosing):
    """Rough total time including rests between sets and sides."""
    if dosing["type"] == "time":
        work = dosing["seconds"]
    else:
        work = dosing["reps"] * (SECONDS_PER_REP + (dosing.get("hold_seconds") or 0))
    rounds = dosing["sets"] * (2 if dosing["per_side"] else 1)
    return rounds * work + (rounds - 1) * dosing["rest_seconds"]


def describe_duration(seconds):
    minutes = round(seconds / 60)
    return "under 1 minute" if minutes < 1 else f"about {minutes} min"
