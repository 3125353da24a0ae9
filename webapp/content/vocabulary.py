"""The fixed vocabularies content files use, with the labels people see."""

# A nerve glide ("slider", FACTS §5 and §9) moves the nerve with light tension only: its own kind,
# not a stretch, so the list, the filter and the card say what it is.
KINDS = {"massage": "Self-massage", "stretch": "Stretch", "nerve-glide": "Nerve glide"}

TARGET_AREAS = {
    "lower-back": "Lower back",
    "buttock": "Buttock",
    "hip": "Hip",
    "back-of-thigh": "Back of thigh",
    "outer-thigh": "Outer thigh",
    "leg-nerve": "Nerve along the leg",
}

EQUIPMENT = {
    "foam-roller": "Foam roller",
    "massage-ball": "Massage or tennis ball",
    "chair": "Chair",
    "strap": "Strap or towel",
    "mat": "Mat or rug",
}
NO_EQUIPMENT = "none"
NO_EQUIPMENT_LABEL = "No equipment"

POSITIONS = {"floor": "On the floor", "wall": "Against a wall", "chair": "On a chair", "standing": "Standing"}

INTENSITIES = {"gentle": "Gentle", "moderate": "Moderate", "firm": "Firm"}

# How a technique moves the lower back, where it matters to what is suggested (FACTS §9: a mix
# of forward bending only can aggravate disc-related leg pain). A card without one moves
# otherwise (a glide, a side bend, bending back) or is self-massage.
BENDS_FORWARD = "bends-forward"
POSITION_OF_EASE = "position-of-ease"
MOVEMENTS = {
    BENDS_FORWARD: "Bends the lower back forward",
    POSITION_OF_EASE: "A resting position that eases the leg; moves nothing",
}

AVOID_IF = {
    "fracture": "a recent fracture or injury in the area",
    "blood-clot": "a blood clot (DVT) or suspected clot",
    "infection": "an infection or fever",
    "open-skin": "open wounds, burns, a rash or fragile skin over the area",
    "bleeding-risk": "a bleeding disorder, low platelets or blood thinners",
    "osteoporosis": "severe osteoporosis",
    "pregnancy": "pregnancy (ask your midwife or doctor first)",
    "cancer": "cancer or a tumour in the area (ask your care team first)",
    "knee-problems": "knee problems that make kneeling painful",
    "hip-replacement": "a hip replacement (ask your surgeon or physio first)",
    "spinal-stenosis": "diagnosed lumbar spinal stenosis (bending backward often makes it worse)",
    "spinal-surgery": "recent spinal surgery (follow your surgical team's plan)",
}

# Blocks a learn page's Markdown can place on a line of their own as `[[name]]`: rendered by
# templates/learn/blocks/<name>.html from the app's own data, so the words match the app's.
ARTICLE_BLOCKS = {
    "warning-signs": "the warning signs and what to do, by tier, from the safety check (webapp/safety/questions.py)",
}
