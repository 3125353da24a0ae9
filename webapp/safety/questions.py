"""The screening questions, in Relieve's own words, from the facts file (../shared/content/FACTS.md
§1 and §2: NHS, NICE CKS on cauda equina, NICE NG59, AHCPR, Mayo Clinic, NCCIH, Bartsch 2021).

Each question is asked on its own, because people rarely mention some of these signs unless asked
directly. Question ids are part of the sync format (a screening record's answers are keyed by
them): never rename one; add new ids instead.
"""

from dataclasses import dataclass

from webapp.content.vocabulary import AVOID_IF

# How soon a "yes" needs a doctor: "emergency" is same-day emergency care; "soon" is a doctor
# before any routine.
URGENCIES = ("emergency", "soon")


@dataclass(frozen=True)
class RedFlag:
    id: str
    urgency: str  # one of URGENCIES
    question: str
    detail: str = ""

    def __post_init__(self):
        if self.urgency not in URGENCIES:
            raise ValueError(f"{self.id}: urgency must be one of {URGENCIES}")


@dataclass(frozen=True)
class Contraindication:
    id: str
    question: str
    avoid_if: str  # the technique tag (content/techniques/*.toml avoid_if) this answer rules out
    detail: str = ""

    @property
    def reason(self):
        return AVOID_IF[self.avoid_if]


# New or getting worse: these can be cauda equina syndrome, which needs treatment the same day.
RED_FLAGS = (
    RedFlag(
        "saddle-numbness",
        "emergency",
        "Numbness or tingling between your legs, around your bottom, or on your inner thighs?",
        "The area that would touch a saddle when riding.",
    ),
    RedFlag(
        "bladder",
        "emergency",
        "Any change in peeing: trouble starting or stopping, leaking, or not feeling when your bladder is full?",
    ),
    RedFlag("bowel", "emergency", "Loss of bowel control, or not feeling the need to go?"),
    RedFlag(
        "both-legs",
        "emergency",
        "Sciatica, numbness or weakness in both legs?",
        "Pain, numbness or weakness on both sides at once.",
    ),
    RedFlag("genital-sensation", "emergency", "Less feeling in your genitals, or new problems with erections or sex?"),
    RedFlag(
        "weakness-worse", "soon", "Weakness in a leg that is getting worse, such as your foot dragging or catching?"
    ),
    RedFlag("fever", "soon", "Fever, chills, or feeling generally unwell?"),
    RedFlag("cancer-weight", "soon", "A history of cancer, or weight loss you can't explain?"),
    RedFlag(
        "fall-osteoporosis",
        "soon",
        "A recent fall or accident, or new pain with osteoporosis or long-term steroid use?",
    ),
    RedFlag(
        "night-pain",
        "soon",
        "Constant pain, or pain at night that rest doesn't ease?",
        "Including pain that is worse lying on your back.",
    ),
    RedFlag(
        "immune",
        "soon",
        "A weakened immune system (steroids, a transplant, HIV), injecting drugs, or a recent bacterial infection?",
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
)

RED_FLAG_IDS = tuple(q.id for q in RED_FLAGS)
CONTRAINDICATION_IDS = tuple(q.id for q in CONTRAINDICATIONS)

# What a symptom log can record from the red-flag list, asked on the log itself.
LOG_WARNING_SIGNS = ("saddle-numbness", "bladder", "bowel", "both-legs", "weakness-worse", "fever")


def catalog():
    """The questions as the browser's rules need them (ids, urgency, tags and reasons)."""
    return {
        "redFlags": [{"id": q.id, "urgency": q.urgency, "question": q.question} for q in RED_FLAGS],
        "contraindications": [
            {"id": q.id, "question": q.question, "avoidIf": q.avoid_if, "reason": q.reason} for q in CONTRAINDICATIONS
        ],
        "logWarningSigns": list(LOG_WARNING_SIGNS),
    }
