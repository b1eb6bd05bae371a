"""docs/cli.md is generated from the commands (scripts/cli_reference.py) and must say what they do."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from dyad.cli import main

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "cli.md"


def _generator():
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_reference_is_current():
    assert PAGE.read_text(encoding="utf-8") == _generator().reference(), "docs/cli.md is stale: run `make docs`"


def test_the_reference_has_a_section_for_every_command():
    generator = _generator()
    page = generator.reference()
    paths = [path for path, _ in generator.commands(main)]
    assert ("kb", "who") in paths and ("code",) in paths
    for path in paths:
        assert f"\n## dyad {' '.join(path)}\n" in page
        assert f"Usage: dyad {' '.join(path)} " in page


def test_a_changed_help_text_makes_the_page_stale(monkeypatch):
    generator = _generator()
    before = generator.reference()
    code = main.commands["code"]
    assert isinstance(code, click.Command)
    monkeypatch.setattr(code, "help", (code.help or "") + " A sentence the page does not have.")
    assert generator.reference() != before
