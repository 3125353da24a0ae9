"""Words people search with, and what they mean in the cards' own terms. One table for both the
server's filter (filters.py) and the browser's (static/js/library.js, through the contract), so a
search finds the same cards with or without JavaScript, online or off.

A search is split into terms (a phrase listed here, such as "in bed", is one term; small words
like "in" or "my" are dropped). A card matches when every term matches: the term's own text is
in the card's name, summary or tag labels, or the card carries one of the tags the term stands
for. Tags are written into the card's search text as `@area:buttock`, `@position:chair`,
`@kind:stretch`, `@intensity:gentle`, `@slug:pelvic-tilt`.

Results are ranked (rank below): a match in a card's name beats one in its summary, which beats one
in its labels or tags. So list a term's tags most direct first: "sciatic" ranks the cards about the
nerve above those that only work near its path."""

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
    "glide": ["@kind:nerve-glide"],
    "glides": ["@kind:nerve-glide"],
    "slider": ["@kind:nerve-glide"],
    "sliders": ["@kind:nerve-glide"],
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


def term_tier(term, parts):
    """How well a card matches a term, 0 best: the term in its name (0), in its summary (1), in
    its labels or as the first tag the term stands for (2: the card is about it, as a nerve card
    is for "sciatic"), or only through the term's other tags (3). None when it does not match.
    `parts` is the card's search text split into name, summary and the rest (filters.search_text).
    static/js/lib/search.js termTier is the same rule."""
    name, summary, rest = parts
    if term in name:
        return 0
    if term in summary:
        return 1
    tags = SYNONYMS.get(term, ())
    if term in rest or (tags and tags[0] in rest):
        return 2
    if any(tag in rest for tag in tags):
        return 3
    return None


def rank(query, parts):
    """A matching card's place in a search's results, lower first: the sum of its terms' tiers.
    None when some term does not match. Cards of equal rank keep the list's order."""
    tiers = [term_tier(term, parts) for term in terms(query)]
    return None if None in tiers else sum(tiers)


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
