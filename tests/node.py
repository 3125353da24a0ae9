"""Run the front end's own modules under Node from pytest, at unit speed: one process, JSON in and out."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_module(script, payload=None, tz=None):
    """Run `script` (an ES module, importing from ./static/js/...) with `payload` as JSON on its
    standard input; return what it prints, parsed as JSON. `tz` pins the time zone it runs in."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed; `make test` needs it for the JavaScript tests")
    result = subprocess.run(
        [node, "--input-type=module", "-e", script],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TZ": tz} if tz else None,
        check=True,
    )
    return json.loads(result.stdout)
