"""Routine pages. Everything here is the same for every visitor, so the service worker can
cache it; the device's own routines and history are filled in by the page scripts."""

from typing import NamedTuple

from flask import Blueprint, abort, current_app, render_template, url_for

from webapp.content import vocabulary
from webapp.content.models import Routine
from webapp.content.queries import all_routines, cards_by_slug
from webapp.extensions import db
from webapp.pwa import release
from webapp.pwa.precache import illustration_path
from webapp.pwa.static_urls import static_url
from webapp.routines.records import SYMPTOM_DIRECTION_LABELS
from webapp.routines.timing import total_seconds
from webapp.safety import questions

bp = Blueprint("routines", __name__)


class RoutineSeconds(NamedTuple):
    total: int
    without_optional: int


def routine_seconds(routine, where):
    """A built-in routine's time, with and without its optional steps, as the player plays it
    (a flare routine with the slower transitions)."""
    return RoutineSeconds(
        total_seconds(routine.steps, where, slower=routine.flare),
        total_seconds(routine.steps, where, without_optional=True, slower=routine.flare),
    )


def routine_facts(routine, cards):
    """Total time (with and without the optional add-on steps), equipment and positions, shown
    before a routine starts."""
    used = [cards[step["technique"]] for step in routine.steps]
    equipment = sorted({e for card in used for e in card.equipment})
    positions = list(dict.fromkeys(card.position for card in used))
    where = {slug: card.position for slug, card in cards.items()}
    times = routine_seconds(routine, where)
    return {
        "seconds": times.total,
        "seconds_without_optional": times.without_optional,
        "optional_steps": sum(1 for step in routine.steps if step.get("optional")),
        "equipment": equipment,
        "positions": positions,
    }


@bp.get("/routines/")
def index():
    """Built-in routines, the device's own routines, and a way to build one."""
    cards = cards_by_slug()
    routines = all_routines()
    return render_template(
        "routines/index.html", routines=routines, facts={r.slug: routine_facts(r, cards) for r in routines}
    )


@bp.get("/routines/<slug>")
def detail(slug):
    """A built-in routine: what it involves, and Start."""
    routine = db.session.scalar(db.select(Routine).filter_by(slug=slug))
    if routine is None:
        abort(404)
    cards = cards_by_slug()
    return render_template("routines/detail.html", routine=routine, cards=cards, facts=routine_facts(routine, cards))


@bp.get("/routines/new")
def builder():
    """Build or edit a routine (kept on the device)."""
    return render_template("routines/builder.html", cards=list(cards_by_slug().values()))


@bp.get("/routines/shared")
def shared():
    """Open a routine shared as a link; the routine is in the address's fragment."""
    return render_template("routines/shared.html")


@bp.get("/play")
def player():
    """The guided routine player."""
    return render_template("routines/player.html", directions=SYMPTOM_DIRECTION_LABELS)


@bp.get("/history")
def history():
    """Past sessions, from the device's own store."""
    return render_template("routines/history.html")


def catalog_data():
    cards = cards_by_slug()
    where = {slug: card.position for slug, card in cards.items()}
    return {
        "labels": {"equipment": vocabulary.EQUIPMENT, "positions": vocabulary.POSITIONS},
        "safety": {**questions.catalog(), "calls": current_app.config["EMERGENCY_REGIONS"]},
        "techniques": {
            slug: {
                "slug": slug,
                "name": card.name,
                "kind": card.kind,
                "cue": card.cues[0],
                "illustration": static_url(illustration_path(slug)),
                "alt": card.illustration_alt,
                "url": url_for("library.detail", slug=slug),
                "position": card.position,
                "equipment": card.equipment,
                "avoid_if": card.avoid_if,
                "dosing": card.dosing,
                # For the player's how-to sheet and its "this made it worse" panel.
                "steps": card.steps,
                "stop_if": card.stop_if,
                "gentler": card.gentler,
                # What today's suggestion weighs (static/js/main/suggest.js).
                "movement": card.movement,
                "warm_up_first": card.warm_up_first,
            }
            for slug, card in cards.items()
        },
        "routines": [
            {
                "id": r.slug,
                "name": r.name,
                "summary": r.summary,
                "flare": r.flare,
                "afterMassage": r.after_massage,
                "builtin": True,
                "seconds": (times := routine_seconds(r, where)).total,
                "secondsWithoutOptional": times.without_optional,
                "steps": [
                    {
                        **{k: step[k] for k in ("technique", "seconds", "reps", "sets", "sides", "rest")},
                        "optional": bool(step.get("optional")),
                    }
                    for step in r.steps
                ],
            }
            for r in all_routines()
        ],
    }


@bp.get("/catalog.json")
def catalog():
    """Techniques and built-in routines for the player and builder, cached for offline use."""
    # Built once per release, with an ETag: a repeat request is a 304 (webapp/pwa/release.py).
    body = release.built("catalog.json", lambda: current_app.json.dumps(catalog_data()))
    return release.respond(body, "application/json", {"Cache-Control": "no-cache"})
