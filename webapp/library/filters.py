"""Filtering the card list. static/js/library.js applies the same rules in the browser
(offline), so the list looks the same with or without JavaScript."""

from dataclasses import dataclass

from webapp.content import vocabulary as v
from webapp.library import synonyms


@dataclass(frozen=True)
class Filters:
    q: str = ""
    kind: str = ""
    equipment: str = ""
    position: str = ""
    area: str = ""

    @classmethod
    def from_args(cls, args):
        """Read filters from a query string, ignoring values outside the vocabularies."""

        def pick(name, allowed):
            value = (args.get(name) or "").strip()
            return value if value in allowed else ""

        return cls(
            q=" ".join((args.get("q") or "").split())[:100],
            kind=pick("kind", v.KINDS),
            equipment=pick("equipment", {**v.EQUIPMENT, v.NO_EQUIPMENT: ""}),
            position=pick("position", v.POSITIONS),
            area=pick("area", v.TARGET_AREAS),
        )

    @property
    def active(self):
        return any((self.q, self.kind, self.equipment, self.position, self.area))

    def matches(self, card):
        if self.kind and card.kind != self.kind:
            return False
        if self.position and card.position != self.position:
            return False
        if self.area and self.area not in card.target_areas:
            return False
        if self.equipment == v.NO_EQUIPMENT:
            if card.equipment:
                return False
        elif self.equipment and self.equipment not in card.equipment:
            return False
        if self.q:
            return synonyms.rank(self.q, search_text(card).split("\n")) is not None
        return True

    def ordered(self, cards):
        """The cards in the order the list shows them: best match first for a search (a stable
        sort, so equal matches keep the list's order), cards that do not match last."""
        if not self.q:
            return list(cards)

        def key(card):
            found = synonyms.rank(self.q, search_text(card).split("\n"))
            return float("inf") if found is None else found

        return sorted(cards, key=key)


def search_text(card):
    """The words a search matches against, on three lines: the name; the summary; the labels of
    its tags and the tags themselves (`@area:buttock`) that the synonyms (synonyms.py) stand for.
    The lines rank a match (synonyms.rank)."""
    labels = [v.KINDS[card.kind], v.POSITIONS[card.position], v.INTENSITIES[card.intensity]]
    labels += [v.TARGET_AREAS[a] for a in card.target_areas]
    labels += [v.EQUIPMENT[e] for e in card.equipment] or [v.NO_EQUIPMENT_LABEL]
    rest = " ".join([*labels, *synonyms.tags(card)])
    return "\n".join(" ".join(part.split()) for part in (card.name, card.summary, rest)).lower()
