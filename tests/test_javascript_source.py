"""Rules for the front-end source that the regex-based minifier (rjsmin) needs."""
import re
from pathlib import Path

import pytest
import rjsmin

JS = sorted((Path(__file__).resolve().parent.parent / "static" / "js").rglob("*.js"))


@pytest.mark.parametrize("path", JS, ids=lambda p: p.name)
def test_no_nested_template_literals(path):
    # rjsmin drops whitespace inside a template literal nested in another one.
    for number, line in enumerate(path.read_text().splitlines(), 1):
        assert not re.search(r"\$\{[^}]*`", line), f"{path.name}:{number}: nested template literal"


@pytest.mark.parametrize("path", JS, ids=lambda p: p.name)
def test_minifying_keeps_template_literals(path):
    source = path.read_text()
    for literal in re.findall(r"`[^`]*`", rjsmin.jsmin(source)):
        assert literal in source, f"{path.name}: the minifier changed {literal!r}"
