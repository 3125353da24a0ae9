"""How the packages depend on each other: one way only, and the sync engine knows no record type."""

import ast
from pathlib import Path

import pytest

from webapp.api.openapi import document
from webapp.sync.fields import Strict
from webapp.sync.registry import record_types, register_record_type

WEBAPP = Path(__file__).resolve().parent.parent / "webapp"


def package_imports():
    """package -> the other webapp packages its modules import (at any depth in the module)."""
    graph = {}
    for path in WEBAPP.rglob("*.py"):
        parts = path.relative_to(WEBAPP).parts
        if len(parts) < 2:
            continue  # webapp/__init__.py and the top-level modules gather everything by design
        package = parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                target = name.split(".")[1] if name.startswith("webapp.") and name.count(".") >= 1 else None
                if target and target != package and (WEBAPP / target).is_dir():
                    graph.setdefault(package, set()).add(target)
    return graph


def test_no_two_packages_import_each_other():
    graph = package_imports()
    ties = sorted((a, b) for a, targets in graph.items() for b in targets if a < b and a in graph.get(b, ()))
    assert ties == []


def test_accounts_know_nothing_of_sync_and_sync_knows_no_feature():
    graph = package_imports()
    assert "sync" not in graph.get("auth", set())
    assert graph.get("sync", set()) <= {"auth", "content"}  # content: the shared utcnow column default


def test_every_registered_record_type_is_described_with_its_schema(app):
    with app.app_context():
        spec = document()
        types = record_types()
    variants = spec["components"]["schemas"]["Change"]["oneOf"]
    described = {
        v["properties"]["type"]["enum"][0]: v["properties"]["data"]["$ref"].rsplit("/", 1)[1]
        for v in variants
        if v["properties"]["op"]["const"] == "put"
    }
    assert described == {name: model.__name__ for name, model in types.items()}
    for model in types.values():
        assert model.__name__ in spec["components"]["schemas"]


class Note(Strict):
    text: str


def test_a_new_record_type_syncs_once_registered(app, device):
    register_record_type(app, "note", Note)
    change = {
        "id": "01942f4e-6000-7000-8000-000000000001",
        "type": "note",
        "op": "put",
        "updated_at": 1_750_000_000_000,
        "data": {"text": "hello"},
    }
    assert device.push([change]).status_code == 200
    assert device.pull().get_json()["changes"][0]["data"] == {"text": "hello"}


def test_a_type_cannot_be_registered_twice_with_different_schemas(app):
    with pytest.raises(ValueError):
        register_record_type(app, "routine", Note)
