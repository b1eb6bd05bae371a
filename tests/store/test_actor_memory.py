"""The corpus-level actor memory: learned in one article, used in the next; listed and edited."""

from __future__ import annotations

import json

import duckdb
from click.testing import CliRunner

from dyad.cli import main
from dyad.ingest import ingest
from dyad.pipeline import Pipeline
from dyad.store import Store
from dyad.store.schema import MIGRATIONS, current_version


def test_person_learned_in_one_article_is_known_in_the_next(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("date 2025-03-01 Kenyan Interior Minister Kipchumba Murkomen visited Kampala on Monday.")
    second = tmp_path / "b.txt"
    second.write_text("date 2025-03-05 Kipchumba Murkomen criticised Uganda over the border closure.")
    with Store(tmp_path / "m.duckdb") as store:
        info = ingest([first], store, Pipeline())
        assert info.learned == 1
        memory = store.aliases()
        assert list(memory["name"]) == ["Kipchumba Murkomen"]
        assert (memory["code"][0], memory["sector"][0], memory["doc_id"][0]) == ("KEN", "GOV", "a")
        assert "Kenyan Interior Minister" in memory["evidence"][0]
    with Store(tmp_path / "m.duckdb") as store:  # a later run, a fresh pipeline: the memory is the store's
        ingest([second], store, Pipeline())
        events = store.events()
        accusation = events[events["doc_id"] == "b"]
        assert list(accusation["actor_codes"].iloc[0]) == ["KEN"]


def test_actors_cli_lists_searches_adds_and_removes(tmp_path):
    db = str(tmp_path / "c.duckdb")
    runner = CliRunner()
    with Store(db):
        pass
    assert "(no actors)" in runner.invoke(main, ["actors", "list", "--db", db]).stdout
    added = runner.invoke(
        main,
        ["actors", "add", "Zorana Velkovic", "--code", "srb", "--sector", "gov", "--alias", "Velkovic", "--db", db],
    )
    assert added.exit_code == 0 and "SRB GOV" in added.stdout
    found = json.loads(runner.invoke(main, ["actors", "search", "Velk", "--db", db, "--format", "json"]).stdout)
    assert found[0]["name"] == "Zorana Velkovic" and found[0]["source"] == "user"
    assert found[0]["aliases"] == ["Velkovic"]
    doc = tmp_path / "d.txt"
    doc.write_text("date 2025-01-01 Velkovic accused Croatia of provocations.")
    runner.invoke(main, ["ingest", str(doc), "--db", db])
    with Store(db, read_only=True) as store:
        assert list(store.events()["actor_codes"].iloc[0]) == ["SRB"]
    assert runner.invoke(main, ["actors", "remove", "Zorana Velkovic", "--db", db]).exit_code == 0
    missing = runner.invoke(main, ["actors", "remove", "Zorana Velkovic", "--db", db])
    assert missing.exit_code == 1 and "no learned or user actor" in missing.stderr


def test_migration_from_version_1_keeps_the_data(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE dyad_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO dyad_meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (id, text, text_hash, n_events) VALUES ('old', 'Old text.', 'x', 0)")
    con.close()
    with Store(path) as store:
        assert current_version(store.con) == max(MIGRATIONS)
        assert store.stats()["documents"] == 1
        assert len(store.aliases()) == 0
