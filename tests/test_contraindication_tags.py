"""The contraindications of FACTS §8 (hip replacement, diagnosed lumbar spinal stenosis, recent
spinal surgery): each is asked about, and rules out exactly the cards the facts name, with the
reason shown on the card."""

import pytest

from webapp.content.vocabulary import AVOID_IF, KINDS
from webapp.safety import questions

# tag -> the cards it must rule out, and why (FACTS §8 and §2).
EXPECTED = {
    # Deep hip flexion and figure-4 positions; child's pose (bottom to heels) and the seated
    # forward bend (hinging forward past a right angle at the hip) are deep hip flexion too.
    "hip-replacement": {
        "piriformis-stretch",
        "seated-figure-four",
        "knee-to-chest",
        "foam-roll-glutes",
        "childs-pose",
        "seated-forward-bend",
    },
    # Prone press-up and other back-arching extension: cat-cow's "cow" arch, and lying back over
    # a foam roller.
    "spinal-stenosis": {"prone-press-up", "cat-cow", "foam-roll-lower-back"},
    # Every card, of every kind (self-massage, stretch, nerve glide): follow the surgical team's plan.
    "spinal-surgery": None,
}

REASONS = {
    "hip-replacement": "a hip replacement (ask your surgeon or physio first)",
    "spinal-surgery": "recent spinal surgery (follow your surgical team's plan)",
}


@pytest.fixture
def catalog(client):
    return client.get("/catalog.json").get_json()


@pytest.mark.parametrize("tag", EXPECTED)
def test_each_new_tag_is_asked_about_once(tag):
    asked = [q for q in questions.CONTRAINDICATIONS if q.avoid_if == tag]
    assert len(asked) == 1 and asked[0].id == tag
    assert asked[0].reason == AVOID_IF[tag]
    assert asked[0].question.endswith("?")


@pytest.mark.parametrize("tag", EXPECTED)
def test_each_new_tag_rules_out_the_cards_the_facts_name(catalog, tag):
    tagged = {slug for slug, card in catalog["techniques"].items() if tag in card["avoid_if"]}
    expected = EXPECTED[tag]
    if expected is None:
        expected = {slug for slug, card in catalog["techniques"].items() if card["kind"] in KINDS}
        assert expected == set(catalog["techniques"])
    assert tagged == expected


def test_reason_wording(catalog):
    for tag, reason in REASONS.items():
        assert AVOID_IF[tag] == reason
    assert "stenosis" in AVOID_IF["spinal-stenosis"]
    by_tag = {q["avoidIf"]: q["reason"] for q in catalog["safety"]["contraindications"]}
    for tag in EXPECTED:
        assert by_tag[tag] == AVOID_IF[tag]


@pytest.mark.parametrize("slug", ["piriformis-stretch", "prone-press-up", "sciatic-nerve-glide"])
def test_card_page_says_not_advised_with_the_new_reasons(client, catalog, slug):
    html = client.get(f"/techniques/{slug}").get_data(as_text=True)
    html = html.replace("&#39;", "'")
    for tag in catalog["techniques"][slug]["avoid_if"]:
        assert AVOID_IF[tag] in html, (slug, tag)
