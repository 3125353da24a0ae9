"""Every page answers, shows what it should, and fails kindly."""

import re

import pytest

from webapp.content.models import Article, Technique
from webapp.extensions import db


def slugs(app, model):
    with app.app_context():
        return db.session.scalars(db.select(model.slug)).all()


STATIC_PAGES = ["/", "/techniques/", "/learn/", "/offline"]


@pytest.mark.parametrize("path", STATIC_PAGES)
def test_static_pages(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert '<html lang="en"' in html and 'href="/manifest.webmanifest"' in html


def test_every_card_page(client, content_app):
    for slug in slugs(content_app, Technique):
        response = client.get(f"/techniques/{slug}")
        assert response.status_code == 200, slug
        html = response.get_data(as_text=True)
        for heading in ("Steps", "Cues", "Cautions", "Stop if", "What the evidence says", "Sources"):
            assert f">{heading}</h2>" in html, (slug, heading)
        assert f"/static/img/techniques/{slug}.svg?v=" in html
        assert "does not replace advice from a doctor" in html


def test_every_learn_page(client, content_app):
    for slug in slugs(content_app, Article):
        response = client.get(f"/learn/{slug}")
        assert response.status_code == 200, slug
        assert "does not replace advice from a doctor" in response.get_data(as_text=True)


def test_card_page_shows_the_card(client):
    html = client.get("/techniques/piriformis-stretch").get_data(as_text=True)
    with client.application.app_context():
        card = db.session.scalar(db.select(Technique).filter_by(slug="piriformis-stretch"))
        for number, step in enumerate(card.steps, 1):
            assert f'<li id="step-{number}">' + f"{step}</li>".replace("'", "&#39;").replace('"', "&#34;") in html
        assert card.illustration_alt.replace("'", "&#39;") in html


@pytest.mark.parametrize("path", ["/techniques/no-such-card", "/learn/no-such-page", "/nowhere"])
def test_unknown_pages_are_friendly_404s(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "We can't find that page" in html and 'href="/techniques/"' in html


def test_json_clients_get_the_json_error_shape(client):
    response = client.get("/techniques/no-such-card", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


class TestLibraryFiltersWithoutJavaScript:
    def visible_cards(self, client, query):
        html = client.get("/techniques/" + query).get_data(as_text=True)
        tiles = html.split('<li class="card-tile"')[1:]
        return [t for t in tiles if " hidden>" not in t.split(">", 1)[0] + ">"]

    def test_all_cards_listed(self, client, content_app):
        assert len(self.visible_cards(client, "")) == len(slugs(content_app, Technique))

    def test_kind_filter(self, client):
        visible = self.visible_cards(client, "?kind=stretch")
        assert visible and all('data-kind="stretch"' in t for t in visible)

    def test_search(self, client):
        visible = self.visible_cards(client, "?q=foam+roller")
        assert visible and all("Foam roller" in t for t in visible)

    def test_bad_filter_values_are_ignored(self, client, content_app):
        response = client.get("/techniques/?kind=%3Cscript%3E&area=knee")
        assert response.status_code == 200
        assert "<script>" not in response.get_data(as_text=True).split("</head>")[1]
        assert len(self.visible_cards(client, "?kind=%3Cscript%3E")) == len(slugs(content_app, Technique))

    def test_no_match_shows_the_empty_message(self, client):
        html = client.get("/techniques/?q=zzzz").get_data(as_text=True)
        assert '<p class="empty" id="no-results">' in html
        assert "0 of" in html


class TestBookingCallToAction:
    def test_hidden_without_configuration(self, client):
        for path in ("/", "/learn/", "/learn/safety"):
            assert "Book a professional session" not in client.get(path).get_data(as_text=True)

    def test_shown_when_configured(self, content_app):
        content_app.config.update(CLINIC_NAME="Calm Clinic", CLINIC_BOOKING_URL="https://calm.example/book")
        html = content_app.test_client().get("/learn/").get_data(as_text=True)
        assert "Book a professional session" in html
        assert 'href="https://calm.example/book"' in html and "Calm Clinic" in html


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_no_inline_scripts_or_styles(client):
    html = client.get("/").get_data(as_text=True)
    assert "<script>" not in html and "<style" not in html and " style=" not in html


def test_html_is_compressed_when_asked(client):
    response = client.get("/techniques/", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"


def test_missing_static_files_are_not_cached_for_good(client):
    response = client.get("/static/gen/app.deadbeef.js")
    assert response.status_code == 404
    assert "immutable" not in response.headers.get("Cache-Control", "")


def test_hsts_over_https(client):
    response = client.get("/", base_url="https://relieve.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_trusted_proxy_headers(database_url, tmp_path):
    from tests.conftest import _settings
    from webapp import create_app

    app = create_app({**_settings(database_url, tmp_path), "TRUSTED_PROXIES": 1})
    seen = {}

    @app.get("/_whoami")
    def whoami():
        from flask import request

        seen.update(addr=request.remote_addr, secure=request.is_secure)
        return "ok"

    app.test_client().get("/_whoami", headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"})
    assert seen == {"addr": "203.0.113.9", "secure": True}


TEACHING_AND_GUIDING = [
    "/",
    "/routines/",
    "/routines/morning-relief",
    "/play",
    "/history",
    "/log/",
    "/log/new",
    "/safety/",
    "/insights/",
    "/insights/summary",
    "/reminders/",
]


@pytest.mark.parametrize("path", TEACHING_AND_GUIDING)
def test_pages_that_teach_or_guide_say_they_are_not_medical_advice(content_app, client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "does not replace advice from a doctor" in response.get_data(as_text=True)


def test_safety_check_asks_every_question_on_its_own(client):
    from webapp.safety.questions import CONTRAINDICATIONS, RED_FLAGS

    html = client.get("/safety/").get_data(as_text=True)
    for q in RED_FLAGS + CONTRAINDICATIONS:
        assert f'data-question="{q.id}"' in html
        assert html.count(f'name="{q.id}"') == 2  # yes and no, nothing pre-ticked by the server
    form = html.split('id="safety-form"')[1].split("</form>")[0]
    assert not re.search(r"<input[^>]*\bchecked\b", form)


def test_log_form_offers_the_fixed_vocabularies(client):
    from webapp.symptoms import vocabulary

    html = client.get("/log/new").get_data(as_text=True)
    for region in vocabulary.REGIONS:
        for side in ("left", "right"):
            assert f'data-region="{region}" data-side="{side}"' in html
    for name in ("legPain", "backPain"):
        assert all(f'name="{name}" value="{n}"' in html for n in range(11))
    for name in ("numbness", "tingling", "weakness"):
        assert all(f'name="{name}" value="{level}"' in html for level in vocabulary.LEVELS)


def test_when_to_get_help_lists_every_tier_and_sign_in_the_checks_words(client):
    """The learn page's warning signs come from webapp/safety/questions.py: each tier's name and
    advice, then its questions, in tier order; the hand-written parts of the page stay."""
    from markupsafe import escape

    from webapp.safety.questions import COMBINATIONS, RED_FLAGS, TIERS

    html = client.get("/learn/when-to-get-help").get_data(as_text=True)
    block = html.split('id="warning-signs"')[1].split("When to see a professional")[0]
    positions = []
    for tier in TIERS:
        section = block.split(f'data-tier="{tier.id}"')[1].split("</section>")[0]
        assert f">{escape(tier.name)}</h2>" in section
        assert escape(tier.action) in section
        for q in RED_FLAGS:
            if q.tier == tier.id:
                assert f'data-question="{q.id}">{escape(q.question)}' in section, q.id
                if q.detail:
                    assert escape(q.detail) in section, q.id
        for c in COMBINATIONS:
            if c.tier == tier.id:
                assert escape(c.explanation) in section, c.id
        positions.append(block.index(f'data-tier="{tier.id}"'))
    assert positions == sorted(positions)
    assert block.count('data-question="') == len(RED_FLAGS)
    assert "[[" not in html
    for kept in ("cauda equina", "When to see a professional", "Choosing a massage therapist", "NHS 111"):
        assert kept in html, kept
    # Nothing hand-written left that names other tiers.
    assert "See a doctor soon" not in html


def test_article_blocks_must_be_known_and_on_their_own_line(app, tmp_path):
    import shutil
    from pathlib import Path

    from webapp.content.loader import ContentError, load_content

    fixtures = Path(__file__).parent / "fixtures"
    content, static = tmp_path / "content", tmp_path / "static"
    shutil.copytree(fixtures / "content", content)
    shutil.copytree(fixtures / "static", static)
    page = content / "learn" / "test-page.toml"
    original = page.read_text()
    assert 'body = """\n' in original
    for marker, words in (("[[no-such-block]]", "no block [[no-such-block]]"), ("See [[warning-signs]]", "own")):
        page.write_text(original.replace('body = """\n', f'body = """\n{marker}\n\n', 1))
        with app.app_context(), pytest.raises(ContentError, match=re.escape(words)):
            load_content(content, static)
    page.write_text(original.replace('body = """\n', 'body = """\n[[warning-signs]]\n\n', 1))
    with app.app_context():
        assert load_content(content, static)["articles"].created == ["test-page"]
