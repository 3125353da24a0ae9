"""Load `content/` into the database: validate every file first, then write in one transaction.

Idempotent: each row keeps a hash of its file's validated data, so a second run with the same
files writes nothing; an edited file updates its row; a removed file removes its row.
"""

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from pydantic import ValidationError

from webapp.content.models import Article, Routine, Technique
from webapp.content.schema import ArticleFile, RoutineFile, TechniqueFile
from webapp.content.vocabulary import ARTICLE_BLOCKS
from webapp.extensions import db

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ContentError(Exception):
    """A content file is malformed. The message names the file, the item and the field."""


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    removed: list = field(default_factory=list)

    def __str__(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed"
        )


def _describe(err: ValidationError):
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(file)"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "is required"
    elif first["type"] == "extra_forbidden":
        message = "is not a known field (check the spelling against docs/content.md)"
    return where, message


def _parse(path: Path, model, noun):
    slug = path.stem
    prefix = f"{path}: {noun} '{slug}'"
    if not SLUG.match(slug):
        raise ContentError(f"{prefix}: the file name must be lowercase words joined by hyphens")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ContentError(f"{prefix}: not valid TOML: {exc}") from None
    try:
        parsed = model.model_validate(raw)
    except ValidationError as exc:
        where, message = _describe(exc)
        raise ContentError(f"{prefix}: field '{where}': {message}") from None
    data = parsed.model_dump()
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
    return slug, data, digest


def read_techniques(content_dir: Path, static_dir: Path):
    items = []
    for path in sorted((content_dir / "techniques").glob("*.toml")):
        slug, data, digest = _parse(path, TechniqueFile, "card")
        picture = static_dir / "img" / "techniques" / f"{slug}.svg"
        if not picture.is_file():
            raise ContentError(f"{path}: card '{slug}': field 'illustration': no file at {picture}")
        # The illustration is part of what the card shows, so its bytes count as a change too.
        digest = hashlib.sha256((digest + hashlib.sha256(picture.read_bytes()).hexdigest()).encode()).hexdigest()
        items.append((slug, data, digest))
    return items


BLOCK_MARKER = re.compile(r"\[\[([^\]]*)\]\]")


def read_articles(content_dir: Path):
    items = []
    for path in sorted((content_dir / "learn").glob("*.toml")):
        slug, data, digest = _parse(path, ArticleFile, "page")
        _check_blocks(path, slug, data["body"])
        items.append((slug, data, digest))
    return items


def _check_blocks(path, slug, body):
    """`[[name]]` places a block (vocabulary.ARTICLE_BLOCKS) and must be a line of its own."""
    for line in body.splitlines():
        for name in BLOCK_MARKER.findall(line):
            if name not in ARTICLE_BLOCKS:
                known = ", ".join(f"[[{n}]]" for n in ARTICLE_BLOCKS)
                raise ContentError(f"{path}: page '{slug}': field 'body': no block [[{name}]] (known: {known})")
            if line.strip() != f"[[{name}]]":
                raise ContentError(f"{path}: page '{slug}': field 'body': [[{name}]] must be on a line of its own")


def read_routines(content_dir: Path, techniques):
    """Routines, each step resolved against its card's dosing; unknown cards are errors."""
    cards = {slug: data for slug, data, _ in techniques}
    for slug, data in cards.items():
        gentler = data.get("gentler")
        if gentler is not None and (gentler == slug or gentler not in cards):
            raise ContentError(f"technique '{slug}': field 'gentler': no other technique card '{gentler}'")
    items = []
    for path in sorted((content_dir / "routines").glob("*.toml")):
        slug, data, digest = _parse(path, RoutineFile, "routine")
        if all(step["optional"] for step in data["steps"]):
            # Optional steps are add-ons (FACTS §9): leaving them out must leave a routine.
            raise ContentError(
                f"{path}: routine '{slug}': field 'steps': every step is optional; "
                "a routine needs at least one step that is not optional"
            )
        for number, step in enumerate(data["steps"]):
            card = cards.get(step["technique"])
            if card is None:
                raise ContentError(
                    f"{path}: routine '{slug}': field 'steps.{number}.technique': "
                    f"no technique card '{step['technique']}'"
                )
            resolve_step(step, card["dosing"])
        # Resolved steps depend on the cards' dosing, so hash what is stored.
        digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
        items.append((slug, data, digest))
    return items


def resolve_step(step, dosing):
    """Fill a routine step's blanks from its card's dosing: what a player needs, nothing more."""
    if step["seconds"] is None and step["reps"] is None:
        if dosing["type"] == "time":
            step["seconds"] = dosing["seconds"]
        else:
            step["reps"] = dosing["reps"]
    if step["reps"] is not None:
        step["hold_seconds"] = dosing.get("hold_seconds")
    if step["sets"] is None:
        step["sets"] = dosing["sets"]
    if step["sides"] is None:
        step["sides"] = "left-right" if dosing["per_side"] else "none"
    step["set_rest"] = dosing["rest_seconds"]
    return step


def _routine_fields(data):
    return {
        "name": data["name"],
        "summary": data["summary"],
        "sort_order": data["order"],
        "flare": data["flare"],
        "after_massage": data["after_massage"],
        "steps": data["steps"],
    }


def _technique_fields(data):
    fields = {k: data[k] for k in data if k != "order"}
    fields["sort_order"] = data["order"]
    return fields


def _article_fields(data):
    return {
        "title": data["title"],
        "summary": data["summary"],
        "sort_order": data["order"],
        "sources": data["sources"],
        "body_html": markdown.markdown(data["body"], extensions=["sane_lists"], output_format="html"),
    }


def _sync(model, items, to_fields, report):
    existing = {row.slug: row for row in db.session.scalars(db.select(model))}
    for slug, data, digest in items:
        row = existing.pop(slug, None)
        if row is None:
            db.session.add(model(slug=slug, content_hash=digest, **to_fields(data)))
            report.created.append(slug)
        elif row.content_hash != digest:
            for key, value in to_fields(data).items():
                setattr(row, key, value)
            row.content_hash = digest
            report.updated.append(slug)
        else:
            report.unchanged.append(slug)
    for slug, row in existing.items():
        db.session.delete(row)
        report.removed.append(slug)


def load_content(content_dir, static_dir):
    """Validate all files, then apply them in one transaction. Returns a Report per kind."""
    content_dir, static_dir = Path(content_dir), Path(static_dir)
    techniques = read_techniques(content_dir, static_dir)
    articles = read_articles(content_dir)
    if not techniques:
        raise ContentError(f"{content_dir / 'techniques'}: no technique cards found")
    routines = read_routines(content_dir, techniques)
    reports = {"techniques": Report(), "articles": Report(), "routines": Report()}
    try:
        _sync(Technique, techniques, _technique_fields, reports["techniques"])
        _sync(Article, articles, _article_fields, reports["articles"])
        _sync(Routine, routines, _routine_fields, reports["routines"])
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return reports
