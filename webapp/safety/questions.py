"""The screening questions and what a "yes" means, in Relieve's own words, from the facts file
(../shared/content/FACTS.md §1, §2, §7 and §8: NHS, NICE CKS on cauda equina, NHS Lothian
RefHelp, NICE NG59 and NG234, AHCPR, Mayo Clinic, NCCIH, Bartsch 2021).

This module is the one source of the safety rules: the check page, the log form, the browser's
rules (through the generated contract), the learn page "When to get help" and the clinician
summary all read the tiers, questions and combinations from here.

Each question is asked on its own, because people rarely mention some of these signs unless asked
directly. Question ids are part of the sync format (a screening record's answers are keyed by
them): never rename or reuse one; retire it (RETIRED_RED_FLAGS) and add a new id instead.
"""

from dataclasses import dataclass

from webapp.content.vocabulary import AVOID_IF


@dataclass(frozen=True)
class Tier:
    """How soon a "yes" needs care, with the same name and advice on every screen (FACTS §7)."""

    id: str
    name: str
    action: str
    # Which tap-to-call button leads: the emergency number, the urgent advice line, or none.
    call: str | None


TIERS = (
    Tier(
        "emergency",
        "Emergency now",
        "Call the emergency number or go to an emergency department (A&E or ER) now. "
        "These signs can mean pressure on the nerves at the bottom of the spine, "
        "which needs treatment in hospital the same day.",
        "emergency",
    ),
    Tier(
        "today",
        "Today",
        "Get medical advice today: call your GP surgery for a same-day appointment, or an urgent advice line. "
        "If you can't get advice today, or things get worse, go to an emergency department.",
        "urgent",
    ),
    Tier(
        "soon",
        "Within a few days",
        "Book an appointment with a GP or physiotherapist in the next few days, and tell them about this sign. "
        "Until a doctor has checked you, leave routines for now.",
        None,
    ),
)
TIER_IDS = tuple(tier.id for tier in TIERS)
TIER = {tier.id: tier for tier in TIERS}

# Cauda equina can develop at any time (FACTS §7): the emergency questions are asked again after
# this many days, as well as after a log entry that records or suggests a nerve sign.
RECHECK_DAYS = 7

# The check's screens, in order: emergency signs first, so the question that matters most comes
# before anything else; then the other warning signs; then what rules out techniques.
SCREENS = ("emergency", "warning", "contraindications")


@dataclass(frozen=True)
class RedFlag:
    id: str
    tier: str  # one of TIER_IDS
    question: str
    detail: str = ""
    # The sign as a short phrase, for lists of signs (the home page, a tier's summary).
    sign: str = ""

    def __post_init__(self):
        if self.tier not in TIER_IDS:
            raise ValueError(f"{self.id}: tier must be one of {TIER_IDS}")

    @property
    def screen(self):
        return "emergency" if self.tier == "emergency" else "warning"


@dataclass(frozen=True)
class Contraindication:
    id: str
    question: str
    avoid_if: str  # the technique tag (content/techniques/*.toml avoid_if) this answer rules out
    detail: str = ""

    @property
    def reason(self):
        return AVOID_IF[self.avoid_if]


RED_FLAGS = (
    # Emergency now: cauda equina signs (new, or getting worse) and a new change in walking.
    RedFlag(
        "saddle-numbness",
        "emergency",
        "Numbness or tingling between your legs, around your bottom, or on your inner thighs?",
        "For example, toilet paper feels different when you wipe.",
        sign="numbness or tingling around your genitals, bottom or inner thighs",
    ),
    RedFlag(
        "bladder",
        "emergency",
        "Any change in peeing: can't pee at all, trouble starting or stopping, leaking, "
        "less feeling when you pee, or not knowing if your bladder is full or empty?",
        sign="can't pee, trouble starting or stopping, leaking, or less feeling when you pee",
    ),
    RedFlag(
        "bowel",
        "emergency",
        "Loss of bowel control, less feeling when you poo, or not feeling the need to go?",
        sign="loss of bowel control, or less feeling when you poo",
    ),
    RedFlag(
        "both-legs",
        "emergency",
        "Sciatica, numbness or weakness in both legs?",
        "Pain, numbness or weakness on both sides at once.",
        sign="sciatica, numbness or weakness in both legs",
    ),
    RedFlag(
        "genital-sensation",
        "emergency",
        "Less feeling in your genitals, or new problems with erections or sex?",
        sign="less feeling in your genitals, or new problems with erections or sex",
    ),
    RedFlag(
        "walking",
        "emergency",
        "New difficulty walking, feeling unsteady on your feet, or your legs giving way?",
        sign="new difficulty walking, unsteadiness, or legs giving way",
    ),
    # Today: same-day advice.
    RedFlag(
        "weakness-worse",
        "today",
        "Weakness in a leg that is getting worse, such as your foot dragging or catching?",
        sign="leg weakness that is getting worse, such as a foot that drags or catches",
    ),
    RedFlag("fever", "today", "Fever, chills, or feeling very unwell?", sign="fever, chills or feeling very unwell"),
    RedFlag(
        "cancer-history",
        "today",
        "Have you had cancer, and is this back or leg pain new, or different from before?",
        "With a history of cancer, new back pain or nerve symptoms should be checked the same day.",
        sign="new or different back or leg pain after cancer",
    ),
    RedFlag(
        "spinal-procedure",
        "today",
        "Spinal surgery, an injection into your spine, or a lumbar puncture recently, "
        "and new or worse back or leg symptoms since?",
        "Call the team that did it, or your GP. (Recovering from spinal surgery as planned is asked about later.)",
        sign="new or worse back or leg symptoms after recent spinal surgery, a spinal injection or a lumbar puncture",
    ),
    # Within a few days.
    RedFlag(
        "night-pain",
        "soon",
        "Constant pain, or pain at night that rest doesn't ease?",
        "Including pain that is worse lying on your back.",
        sign="constant pain, or night pain that rest doesn't ease",
    ),
    RedFlag(
        "fall-osteoporosis",
        "soon",
        "A recent fall or accident, or new pain with osteoporosis or long-term steroid use?",
        sign="a recent fall or accident, or new pain with osteoporosis or long-term steroids",
    ),
    RedFlag(
        "immune",
        "soon",
        "A weakened immune system (steroids, a transplant, HIV), injecting drugs, or a recent bacterial infection?",
        sign="a weakened immune system, injecting drugs, or a recent bacterial infection",
    ),
    RedFlag("weight-loss", "soon", "Weight loss you can't explain?", sign="weight loss you can't explain"),
    RedFlag(
        "mid-back",
        "soon",
        "Pain in the middle of your back, between or below your shoulder blades?",
        sign="pain in the middle of your back",
    ),
)

# Asked by an older version of the app: answers to them still sync and still count, at this tier.
# "cancer-weight" asked about cancer and weight loss together; a yes is taken at the higher tier.
RETIRED_RED_FLAGS = (
    RedFlag(
        "cancer-weight",
        "today",
        "A history of cancer, or weight loss you can't explain?",
        sign="a history of cancer, or weight loss you can't explain",
    ),
)


@dataclass(frozen=True)
class Combination:
    """Signs that together need care sooner than either alone (FACTS §7: CKS, NICE NG234)."""

    id: str
    tier: str
    # A "yes" (in the check or on today's log) to one of `any_of`, together with one of `with_any`.
    any_of: tuple
    with_any: tuple
    explanation: str
    # Log entries today with one of these symptoms at this level or worse count for `with_any`.
    log_levels: tuple = ()


COMBINATIONS = (
    Combination(
        "infection-with-weakness",
        "emergency",
        ("fever", "immune", "spinal-procedure"),
        ("weakness-worse", "both-legs", "walking"),
        "Fever or a risk of infection together with new leg weakness or numbness can mean an infection near the spine.",
        log_levels=(("weakness", "moderate"), ("numbness", "moderate")),
    ),
)

CONTRAINDICATIONS = (
    Contraindication("recent-injury", "A recent injury or broken bone in your back, hips or legs?", "fracture"),
    Contraindication("blood-clot", "A blood clot (DVT), or a swollen, hot, painful calf?", "blood-clot"),
    Contraindication("infection", "An infection or fever at the moment?", "infection"),
    Contraindication(
        "skin", "Open or healing wounds, burns, a rash or fragile skin where you would massage?", "open-skin"
    ),
    Contraindication(
        "bleeding",
        "A bleeding disorder, low platelets, or do you take blood thinners?",
        "bleeding-risk",
        "Blood thinners include warfarin, apixaban and rivaroxaban.",
    ),
    Contraindication("osteoporosis", "Severe osteoporosis (thin, fragile bones)?", "osteoporosis"),
    Contraindication("pregnancy", "Are you pregnant?", "pregnancy"),
    Contraindication("cancer", "Cancer, or a tumour in your back, hips or legs?", "cancer"),
    Contraindication("knees", "Knee problems that make kneeling painful?", "knee-problems"),
    Contraindication("hip-replacement", "Have you had a hip replacement?", "hip-replacement"),
    Contraindication(
        "spinal-stenosis",
        "Has a doctor told you that you have lumbar spinal stenosis "
        "(narrowing of the spinal canal in your lower back)?",
        "spinal-stenosis",
    ),
    Contraindication(
        "spinal-surgery",
        "Have you had surgery on your spine recently?",
        "spinal-surgery",
        "For example in the last few months, or you are still being followed up by the surgical team.",
    ),
)

RED_FLAG_IDS = tuple(q.id for q in RED_FLAGS)
RETIRED_RED_FLAG_IDS = tuple(q.id for q in RETIRED_RED_FLAGS)
CONTRAINDICATION_IDS = tuple(q.id for q in CONTRAINDICATIONS)

# What a symptom log can record from the red-flag list, asked on the log itself: the signs a
# person notices in the moment, not history (cancer, procedures) that the check asks about.
LOG_WARNING_SIGNS = (
    "saddle-numbness",
    "bladder",
    "bowel",
    "both-legs",
    "genital-sensation",
    "walking",
    "weakness-worse",
    "fever",
)


def tier_of(question_id):
    for q in RED_FLAGS + RETIRED_RED_FLAGS:
        if q.id == question_id:
            return q.tier
    raise KeyError(question_id)


def signs_by_tier():
    """[(tier, [red flags])] in tier order, for pages that list the signs (home, learn)."""
    return [(tier, [q for q in RED_FLAGS if q.tier == tier.id]) for tier in TIERS]


def tier_for(signs, log_levels=None, level_order=()):
    """The tier a day's signs call for: the most urgent sign's, or a combination's when it is met.

    `signs`: red-flag ids answered yes or ticked today; `log_levels`: {symptom: level} from today's
    log entries, ranked by `level_order` (the log's levels, mildest first). The browser's rules
    (static/js/safety/rules.js) decide the same from the same data; tests compare the two on every
    sign, every pair and every combination."""
    signs = set(signs)
    rank_of = {level: i for i, level in enumerate(level_order)}
    rank = {tier.id: len(TIERS) - i for i, tier in enumerate(TIERS)}
    tiers = [tier_of(s) for s in signs]
    for combination in COMBINATIONS:
        logged = any(
            rank_of.get((log_levels or {}).get(field), -1) >= rank_of[level] for field, level in combination.log_levels
        )
        if signs & set(combination.any_of) and (signs & set(combination.with_any) or logged):
            tiers.append(combination.tier)
    return max(tiers, key=rank.get) if tiers else None


def tiers_data():
    return [{"id": t.id, "name": t.name, "action": t.action, "call": t.call} for t in TIERS]


def red_flag_data(q):
    return {"id": q.id, "tier": q.tier, "screen": q.screen, "question": q.question, "detail": q.detail, "sign": q.sign}


def combinations_data():
    return [
        {
            "id": c.id,
            "tier": c.tier,
            "anyOf": list(c.any_of),
            "withAny": list(c.with_any),
            "explanation": c.explanation,
            "logLevels": [list(pair) for pair in c.log_levels],
        }
        for c in COMBINATIONS
    ]


def catalog():
    """The questions and rules as the browser's rules need them."""
    return {
        "tiers": tiers_data(),
        "redFlags": [red_flag_data(q) for q in RED_FLAGS],
        "retiredRedFlags": [red_flag_data(q) for q in RETIRED_RED_FLAGS],
        "combinations": combinations_data(),
        "contraindications": [
            {"id": q.id, "question": q.question, "avoidIf": q.avoid_if, "reason": q.reason} for q in CONTRAINDICATIONS
        ],
        "logWarningSigns": list(LOG_WARNING_SIGNS),
    }
