"""Users bring their own actor dictionaries: CSV, YAML and the PETRARCH/Phoenix format."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyad.actors import load_actor_file
from dyad.cli import main
from dyad.errors import DyadError

from ..conftest import FIXTURES

SENTENCE = "Velkovic accused the FCM of attacking a police station."


@pytest.mark.parametrize("name", ["user_actors.csv", "user_actors.yaml", "user_actors.actors"])
def test_formats_load_the_same_actors(name):
    records = load_actor_file(FIXTURES / name)
    by_name = {r.name.lower(): r for r in records}
    assert by_name["zorana velkovic"].code == "SRB" and by_name["zorana velkovic"].sector == "GOV"
    assert by_name["zorana velkovic"].start == "2024-01-01"
    assert by_name["free coast movement"].code == "CIV" and by_name["free coast movement"].sector == "REB"


@pytest.mark.parametrize("name", ["user_actors.csv", "user_actors.yaml", "user_actors.actors"])
def test_code_uses_the_users_dictionary(tmp_path, name):
    doc = tmp_path / "a.txt"
    doc.write_text("date 2025-02-01 " + SENTENCE)
    result = CliRunner().invoke(main, ["code", str(doc), "--actors", str(FIXTURES / name)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    accuse = [e for e in record["events"] if e["event"] == "ACCUSE"]
    assert accuse and accuse[0]["actor"][0]["code"] == "SRB" and accuse[0]["actor"][0]["sector_code"] == "GOV"
    assert accuse[0]["recipient"][0]["code"] == "CIV"


def test_bad_dictionary_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,code\nSomeone,not-a-code\n")
    with pytest.raises(DyadError, match="bad.csv:2"):
        load_actor_file(bad)
    result = CliRunner().invoke(main, ["code", str(FIXTURES / "dated.txt"), "--actors", str(bad)])
    assert result.exit_code == 1 and "bad.csv" in result.stderr
