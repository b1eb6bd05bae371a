"""Stages meet through dyad.model and the pipeline, not through each other's modules: a helper two
stages need lives in a layer both use (dyad.model, dyad.tokens, dyad.geo, dyad.serial)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "dyad"

#: package -> the dyad modules it must not import (directly or inside a function)
FORBIDDEN = {
    "store": ("dyad.enrich", "dyad.coding", "dyad.pipeline", "dyad.engine"),
    "engine": ("dyad.store",),
    "enrich": ("dyad.actors.resolve", "dyad.coding", "dyad.store"),
    "actors": ("dyad.coding", "dyad.enrich", "dyad.store"),
    "coding": ("dyad.store",),
}
#: Known exceptions, each to be removed by the change named: (file, imported module)
KNOWN: set[tuple[str, str]] = set()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_stage_imports_another_stages_module(package):
    offences = []
    for path in sorted((SRC / package).rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        for module in _imports(path):
            if module.startswith(FORBIDDEN[package]) and (relative, module) not in KNOWN:
                offences.append(f"{relative} imports {module}")
    assert offences == []


def test_the_known_exceptions_still_exist():
    """An exception that no longer occurs is deleted from KNOWN, so it cannot hide a new one."""
    for relative, module in KNOWN:
        assert module in _imports(SRC / relative), f"{relative} no longer imports {module}: drop it from KNOWN"
