"""Words people search with, and what they mean in the cards' own terms. One table for both the
server's filter (filters.py) and the browser's (static/js/library.js, through the contract), so a
search finds the same cards with or without JavaScript, online or off.

A search is split into terms (a phrase listed here, such as "in bed", is one term; small words
like "in" or "my" are dropped). A card matches when every term matches: the term's own text is
in the card's name, summary or tag labels, or the card carries one of the tags the term stands
for. Tags are written into the card's search text as `@area:buttock`, `@position:chair`,
`@kind:stretch`, `@intensity:gentle`, `@slug:pelvic-tilt`."""

from webapp.content import vocabulary as v

# Dropped from a search: they never decide which card someone wants.
STOP_WORDS = ("a", "an", "and", "at", "for", "i", "in", "my", "of", "on", "or", "the", "to", "with")

# term -> tags it stands for. Keys are lower case; a key with a space is a phrase.
# Lying on the back, side or front: the cards done lying down.
LYING = [
    "@slug:knee-to-chest",
    "@slug:pelvic-tilt",
    "@slug:piriformis-stretch",
    "@slug:rest-side-lying-pillow",
    "@slug:rest-calves-on-chair",
    "@slug:prone-press-up",
]

SYNONYMS = {
    # The condition itself: the nerve, and the muscles it runs under and beside.
    "sciatica": ["@area:leg-nerve", "@area:buttock", "@area:back-of-thigh", "@area:lower-back"],
    "sciatic": ["@area:leg-nerve", "@area:buttock", "@area:back-of-thigh"],
    "nerve": ["@area:leg-nerve"],
    "leg": ["@area:leg-nerve", "@area:back-of-thigh", "@area:outer-thigh"],
    # Body parts in everyday words.
    "hamstring": ["@area:back-of-thigh"],
    "hamstrings": ["@area:back-of-thigh"],
    "glute": ["@area:buttock"],
    "glutes": ["@area:buttock"],
    "bum": ["@area:buttock"],
    "bottom": ["@area:buttock"],
    "butt": ["@area:buttock"],
    "back": ["@area:lower-back"],
    "lower back": ["@area:lower-back"],
    "low back": ["@area:lower-back"],
    "lumbar": ["@area:lower-back"],
    "thigh": ["@area:back-of-thigh", "@area:outer-thigh"],
    "it band": ["@area:outer-thigh"],
    "itb": ["@area:outer-thigh"],
    "hips": ["@area:hip"],
    # Where and how.
    "sitting": ["@position:chair"],
    "seated": ["@position:chair"],
    "sit": ["@position:chair"],
    "desk": ["@position:chair"],
    "office": ["@position:chair"],
    "work": ["@position:chair"],
    "standing": ["@position:standing", "@position:wall"],
    "stand": ["@position:standing", "@position:wall"],
    "floor": ["@position:floor"],
    "lying": LYING,
    "lying down": LYING,
    # Lying on your back or side, as you can in bed (nothing that needs kneeling or a roller).
    "bed": ["@slug:knee-to-chest", "@slug:pelvic-tilt", "@slug:piriformis-stretch", "@slug:rest-side-lying-pillow"],
    "in bed": ["@slug:knee-to-chest", "@slug:pelvic-tilt", "@slug:piriformis-stretch", "@slug:rest-side-lying-pillow"],
    "night": ["@slug:rest-side-lying-pillow", "@slug:knee-to-chest", "@slug:piriformis-stretch"],
    "sleep": ["@slug:rest-side-lying-pillow", "@slug:knee-to-chest", "@slug:piriformis-stretch"],
    # How strong.
    "gentle": ["@intensity:gentle"],
    "easy": ["@intensity:gentle"],
    "light": ["@intensity:gentle"],
    "soft": ["@intensity:gentle"],
    "beginner": ["@intensity:gentle"],
    "flare": ["@intensity:gentle"],
    "flare-up": ["@intensity:gentle"],
    # What kind.
    "stretching": ["@kind:stretch"],
    "stretches": ["@kind:stretch"],
    "massage": ["@kind:massage"],
    "rub": ["@kind:massage"],
    "roll": ["@kind:massage"],
    "rolling": ["@kind:massage"],
    "towel": ["strap or towel"],
    "strap": ["strap or towel"],
    "ball": ["massage or tennis ball"],
    "tennis": ["massage or tennis ball"],
}

_VOCABS = {"area": v.TARGET_AREAS, "position": v.POSITIONS, "kind": v.KINDS, "intensity": v.INTENSITIES}


def _check():
    for term, tags in SYNONYMS.items():
        assert term == term.lower().strip(), term
        for tag in tags:
            if tag.startswith("@") and not tag.startswith("@slug:"):
                group, value = tag[1:].split(":", 1)
                assert value in _VOCABS[group], f"{term}: {tag} is not in the vocabulary"


_check()


def terms(query):
    """The terms of a search: lower case, phrases kept whole, small words dropped."""
    words = query.lower().split()
    longest = max(len(k.split()) for k in SYNONYMS)
    out, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 1, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in SYNONYMS:
                out.append(phrase)
                i += size
                break
        else:
            if words[i] not in STOP_WORDS:
                out.append(words[i])
            i += 1
    return out


def term_matches(term, haystack):
    return term in haystack or any(tag in haystack for tag in SYNONYMS.get(term, ()))


def tags(card):
    """The tag words a card's search text carries."""
    return [
        f"@slug:{card.slug}",
        f"@kind:{card.kind}",
        f"@position:{card.position}",
        f"@intensity:{card.intensity}",
        *(f"@area:{a}" for a in card.target_areas),
    ]


def contract():
    return {"SEARCH_SYNONYMS": SYNONYMS, "SEARCH_STOP_WORDS": list(STOP_WORDS)}
