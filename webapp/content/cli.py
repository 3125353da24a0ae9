"""`flask content load`: bring the database in line with the files under `content/`."""

import click
from flask import Blueprint, current_app

from webapp.content.loader import ContentError, load_content

bp = Blueprint("content", __name__, cli_group="content")


@bp.cli.command("load")
def load_command():
    """Validate content/ and load it into the database (safe to run again)."""
    try:
        reports = load_content(current_app.config["CONTENT_DIR"], current_app.static_folder)
    except ContentError as exc:
        raise click.ClickException(str(exc)) from None
    for kind, report in reports.items():
        click.echo(f"{kind}: {report}")
