"""The content loader: valid files load idempotently; malformed files fail clearly and write nothing."""

import shutil
from pathlib import Path

import pytest

from webapp.content.loader import ContentError, load_content
from webapp.content.models import Article, Routine, Technique
from webapp.extensions import db

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def dirs(tmp_path):
    content, static = tmp_path / "content", tmp_path / "static"
    shutil.copytree(FIXTURES / "content", content)
    shutil.copytree(FIXTURES / "static", static)
    return content, static


def card_file(content, slug="test-roll"):
    return content / "techniques" / f"{slug}.toml"


def edit(path, old, new):
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def counts():
    return db.session.query(Technique).count(), db.session.query(Article).count()


class TestLoading:
    def test_loads_cards_and_pages(self, app, dirs):
        with app.app_context():
            reports = load_content(*dirs)
            assert sorted(reports["techniques"].created) == ["test-roll", "test-stretch"]
            assert reports["articles"].created == ["test-page"]
            card = db.session.scalar(db.select(Technique).filter_by(slug="test-roll"))
            assert card.kind == "massage"
            assert card.sort_order == 10
            assert card.dosing["seconds"] == 60 and card.dosing["per_side"] is True
            assert card.steps == ["Sit on the roller.", "Roll slowly."]
            page = db.session.scalar(db.select(Article).filter_by(slug="test-page"))
            assert "<h2>A heading</h2>" in page.body_html
            assert '<a href="/techniques/test-roll">link</a>' in page.body_html

    def test_second_run_changes_nothing(self, app, dirs):
        with app.app_context():
            load_content(*dirs)
            before = {t.slug: (t.content_hash, t.updated_at) for t in db.session.scalars(db.select(Technique))}
            reports = load_content(*dirs)
            assert reports["techniques"].created == reports["techniques"].updated == []
            assert sorted(reports["techniques"].unchanged) == ["test-roll", "test-stretch"]
            assert reports["articles"].unchanged == ["test-page"]
            after = {t.slug: (t.content_hash, t.updated_at) for t in db.session.scalars(db.select(Technique))}
            assert before == after

    def test_changed_file_updates_its_card_only(self, app, dirs):
        content, _ = dirs
        with app.app_context():
            load_content(*dirs)
            edit(card_file(content), 'name = "Test roll"', 'name = "Renamed roll"')
            reports = load_content(*dirs)
            assert reports["techniques"].updated == ["test-roll"]
            assert reports["techniques"].unchanged == ["test-stretch"]
            assert db.session.scalar(db.select(Technique.name).filter_by(slug="test-roll")) == "Renamed roll"

    def test_changed_illustration_counts_as_a_change(self, app, dirs):
        _, static = dirs
        with app.app_context():
            load_content(*dirs)
            (static / "img" / "techniques" / "test-roll.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
            assert load_content(*dirs)["techniques"].updated == ["test-roll"]

    def test_removed_file_removes_its_card(self, app, dirs):
        content, _ = dirs
        with app.app_context():
            load_content(*dirs)
            card_file(content, "test-stretch").unlink()
            assert load_content(*dirs)["techniques"].removed == ["test-stretch"]
            assert counts() == (1, 1)

    def test_cli_reports_counts(self, app, dirs, runner):
        app.config["CONTENT_DIR"] = str(dirs[0])
        app.static_folder = str(dirs[1])
        result = runner.invoke(args=["content", "load"])
        assert result.exit_code == 0, result.output
        assert "techniques: 2 created, 0 updated, 0 unchanged, 0 removed" in result.output
        result = runner.invoke(args=["content", "load"])
        assert "techniques: 0 created, 0 updated, 2 unchanged, 0 removed" in result.output


BAD_EDITS = [
    # (old text, new text, field named in the message, words in the message)
    ('kind = "massage"', 'kind = "yoga"', "kind", "Input should be"),
    ('name = "Test roll"', 'name = ""', "name", "at least 3"),
    ("seconds = 60", "seconds = 0", "dosing.seconds", "greater than or equal to 5"),
    ("seconds = 60", 'seconds = "60"', "dosing.seconds", "valid integer"),
    ("seconds = 60\n", "", "dosing", "needs 'seconds'"),
    ('target_areas = ["buttock"]', 'target_areas = ["knee"]', "target_areas.0", "Input should be"),
    ('target_areas = ["buttock"]', "target_areas = []", "target_areas", "at least 1"),
    ('equipment = ["foam-roller"]', 'equipment = ["foam-roller", "foam-roller"]', "(file)", "same value twice"),
    ('avoid_if = ["open-skin"]', 'avoid_if = ["headache"]', "avoid_if.0", "Input should be"),
    ('steps = ["Sit on the roller.", "Roll slowly."]', 'steps = ["Only one."]', "steps", "at least 2"),
    ('url = "https://www.nhs.uk/conditions/sciatica/"', 'url = "http://example.com"', "sources.0.url", "should match"),
    ('cues = ["Breathe out."]', 'cues = ["Breathe out."]\ncolour = "red"', "colour", "not a known field"),
    ('stop_if = ["Pain spreads down the leg."]\n', "", "stop_if", "is required"),
    ('kind = "massage"', 'kind = "massage"\nmovement = "twists"', "movement", "Input should be"),
]


class TestMalformedFiles:
    @pytest.mark.parametrize(("old", "new", "field", "words"), BAD_EDITS)
    def test_bad_field_names_file_card_and_field(self, app, dirs, old, new, field, words):
        content, _ = dirs
        path = card_file(content)
        edit(path, old, new)
        with app.app_context(), pytest.raises(ContentError) as info:
            load_content(*dirs)
        message = str(info.value)
        assert message.startswith(f"{path}: card 'test-roll': field '{field}'"), message
        assert words in message

    def test_invalid_toml(self, app, dirs):
        content, _ = dirs
        path = card_file(content)
        path.write_text('name = "unterminated\n')
        with app.app_context(), pytest.raises(ContentError, match=r"test-roll.toml: card 'test-roll': not valid TOML"):
            load_content(*dirs)

    def test_missing_illustration(self, app, dirs):
        _, static = dirs
        (static / "img" / "techniques" / "test-roll.svg").unlink()
        with app.app_context(), pytest.raises(ContentError, match=r"card 'test-roll': field 'illustration': no file"):
            load_content(*dirs)

    def test_bad_file_name(self, app, dirs):
        content, _ = dirs
        card_file(content).rename(content / "techniques" / "Test_Roll.toml")
        with app.app_context(), pytest.raises(ContentError, match="lowercase words joined by hyphens"):
            load_content(*dirs)

    def test_bad_learn_page_names_the_page(self, app, dirs):
        content, _ = dirs
        path = content / "learn" / "test-page.toml"
        edit(path, "order = 1", "order = -1")
        with app.app_context(), pytest.raises(ContentError) as info:
            load_content(*dirs)
        assert str(info.value).startswith(f"{path}: page 'test-page': field 'order'")

    def test_nothing_is_written_when_any_file_is_bad(self, app, dirs):
        content, _ = dirs
        with app.app_context():
            load_content(*dirs)
            edit(card_file(content, "test-stretch"), 'name = "Test stretch"', 'name = "Changed"')
            edit(card_file(content), 'kind = "massage"', 'kind = "nope"')
            with pytest.raises(ContentError):
                load_content(*dirs)
            assert db.session.scalar(db.select(Technique.name).filter_by(slug="test-stretch")) == "Test stretch"
            assert counts() == (2, 1)

    def test_cli_prints_the_error_and_fails(self, app, dirs, runner):
        content, _ = dirs
        edit(card_file(content), "sets = 2", "sets = 99")
        app.config["CONTENT_DIR"] = str(content)
        app.static_folder = str(dirs[1])
        result = runner.invoke(args=["content", "load"])
        assert result.exit_code != 0
        assert "card 'test-roll': field 'dosing.sets'" in result.output


def test_the_shipped_content_is_valid(app):
    """The real content/ loads, with at least 16 cards covering everything the seed names."""
    from tests.conftest import CONTENT_DIR, STATIC_DIR

    with app.app_context():
        load_content(CONTENT_DIR, STATIC_DIR)
        cards = {t.slug: t for t in db.session.scalars(db.select(Technique))}
    assert len(cards) >= 16
    for slug in (
        "foam-roll-glutes",
        "foam-roll-lower-back",
        "ball-wall-glutes",
        "ball-floor-glutes",
        "hand-kneading-lower-back",
        "hand-circles-buttock",
        "piriformis-stretch",
        "seated-forward-bend",
        "knee-to-chest",
    ):
        assert slug in cards, slug
    assert {c.kind for c in cards.values()} == {"massage", "stretch", "nerve-glide"}
    # The glide says it is not a stretch (FACTS §5, §9), and is filed as what it is.
    assert cards["sciatic-nerve-glide"].kind == "nerve-glide"
    # What today's suggestion weighs (FACTS §9), said by the cards themselves.
    assert {slug for slug, c in cards.items() if c.movement == "bends-forward"} >= {
        "pelvic-tilt",
        "knee-to-chest",
        "piriformis-stretch",
        "seated-forward-bend",
        "childs-pose",
    }
    assert {slug for slug, c in cards.items() if c.movement == "position-of-ease"} == {
        "rest-calves-on-chair",
        "rest-side-lying-pillow",
    }
    assert {slug for slug, c in cards.items() if c.warm_up_first} == {"foam-roll-lower-back"}
    with app.app_context():
        after = db.session.scalars(db.select(Routine.slug).filter_by(after_massage=True)).all()
    assert after == ["after-massage-stretches"]
    assert {c.position for c in cards.values()} == {"floor", "wall", "chair", "standing"}
