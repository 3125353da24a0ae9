"""The safety check page: emergency signs first, then the other warning signs, then contraindications."""

from flask import Blueprint, render_template

from webapp.safety.questions import CONTRAINDICATIONS, RED_FLAGS, SCREENS

bp = Blueprint("safety", __name__, url_prefix="/safety")


@bp.get("/")
def check():
    """Both screenings, answered on the device and kept as records. The page is the same for
    everyone (it is cached for offline use); the script fills in earlier answers."""
    return render_template(
        "safety/check.html", red_flags=RED_FLAGS, contraindications=CONTRAINDICATIONS, screens=SCREENS
    )
