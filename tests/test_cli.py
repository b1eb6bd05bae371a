"""The CLI through Click's runner; results checked through the library."""

from __future__ import annotations

import json

import click
import jsonschema
import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.schema import record_schema, validation_errors
from dyad.store import Store

from .conftest import FIXTURES, SEED


def _walk(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in group.commands.items():
        out.append((*prefix, name))
        if isinstance(command, click.Group):
            out.extend(_walk(command, (*prefix, name)))
    return out


COMMANDS = sorted(main.commands)
ALL_COMMANDS = sorted(_walk(main))


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"dyad {' '.join(command)}" in result.output


def test_expected_commands_exist():
    assert {"code", "ingest", "events", "show", "stats", "eval", "actors"} <= set(COMMANDS)


def test_code_prints_one_valid_record_per_document(runner):
    result = runner.invoke(main, ["code", str(SEED), str(FIXTURES / "articles.csv")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["000_e51a7bb7ba208ab8", "c1", "c2"]
    for record in lines:
        assert validation_errors(record) == []
        assert set(record) >= {"id", "date", "events", "quotes", "mentions", "locations", "commitments"}


def test_code_reads_stdin(runner):
    stdin = json.dumps({"id": "x", "text": "Brazil and Argentina signed a trade agreement."}) + "\n"
    result = runner.invoke(main, ["code", "-"], input=stdin)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["id"] == "x" and record["events"]


def test_code_exit_code_2_keeps_good_documents(runner):
    result = runner.invoke(main, ["code", str(FIXTURES / "articles.jsonl")])
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 3
    assert "articles.jsonl:3" in result.stderr and "Traceback" not in result.output


def test_ingest_then_events_and_stats(runner, tmp_path):
    db = str(tmp_path / "cli.duckdb")
    result = runner.invoke(main, ["ingest", str(SEED), "--db", db])
    assert result.exit_code == 0, result.output
    assert "ingested 1 documents" in result.stdout
    events = runner.invoke(main, ["events", "--db", db, "--dyad", "TUR-MYS", "--format", "json"])
    assert events.exit_code == 0
    rows = json.loads(events.stdout)
    assert rows and all({"TUR", "MYS"} <= set(r["actor_codes"]) | set(r["recipient_codes"]) for r in rows)
    assert all(r["doc_date"] == "2026-01-07" for r in rows)
    stats = json.loads(runner.invoke(main, ["stats", "--db", db, "--format", "json"]).stdout)
    with Store(db, read_only=True) as store:
        assert stats["documents"] == store.stats()["documents"] == 1
        assert stats["events"] == len(store.events()) > len(rows)  # the seed has events of other dyads too
        assert sorted(r["event_id"] for r in rows) == sorted(store.events(dyad="TUR-MYS")["event_id"])
    csv_out = runner.invoke(main, ["events", "--db", db, "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("doc_id,event_id,event")
    table = runner.invoke(main, ["events", "--db", db, "--dyad", "TUR-MYS"]).stdout
    assert "CONSULT" in table


def test_ingest_with_rejections_exits_2_and_lists_them(runner, tmp_path):
    db = str(tmp_path / "r.duckdb")
    result = runner.invoke(main, ["ingest", str(FIXTURES / "articles.jsonl"), "--db", db])
    assert result.exit_code == 2
    assert "rejected:" in result.stdout and "articles.jsonl:3" in result.stdout
    with Store(db, read_only=True) as store:
        assert store.stats()["documents"] == 3


def test_show_prints_article_events_and_actors(runner, tmp_path):
    db = str(tmp_path / "s.duckdb")
    runner.invoke(main, ["ingest", str(SEED), "--db", db])
    result = runner.invoke(main, ["show", "000_e51a7bb7ba208ab8", "--db", db])
    assert result.exit_code == 0
    assert "Türkiye will continue" in result.stdout
    assert "CONSULT" in result.stdout and "Anwar Ibrahim = MYS GOV" in result.stdout
    as_json = json.loads(runner.invoke(main, ["show", "000_e51a7bb7ba208ab8", "--db", db, "--format", "json"]).stdout)
    assert as_json["id"] == "000_e51a7bb7ba208ab8" and as_json["events"]


def test_fatal_errors_exit_1_with_a_message(runner, tmp_path):
    result = runner.invoke(main, ["stats", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert "no such file" in result.stderr and "Traceback" not in result.stderr
    db = str(tmp_path / "x.duckdb")
    runner.invoke(main, ["ingest", str(SEED), "--db", db])
    bad = runner.invoke(main, ["events", "--db", db, "--dyad", "TURMYS"])
    assert bad.exit_code == 1 and "TUR-MYS" in bad.stderr


def test_two_workers_store_what_one_worker_stores(runner, tmp_path, monkeypatch):
    from dyad.engine import local

    from .conftest import ROOT

    monkeypatch.setattr(local, "PARALLEL_MIN_DOCUMENTS", 1)  # six documents would run in-process

    one, two = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    assert runner.invoke(main, ["ingest", str(ROOT / "samples"), "--db", one]).exit_code == 0
    assert runner.invoke(main, ["ingest", str(ROOT / "samples"), "--db", two, "--workers", "2"]).exit_code == 0
    with Store(one, read_only=True) as a, Store(two, read_only=True) as b:
        columns = ["doc_id", "event_id", "event", "cameo", "evidence_start", "trigger_start"]
        assert a.events()[columns].equals(b.events()[columns])


def test_export_formats_and_brief(runner, tmp_path):
    import csv as csvlib

    db = str(tmp_path / "x.duckdb")
    runner.invoke(main, ["ingest", str(SEED), str(FIXTURES / "hostile.jsonl"), "--db", db])
    gdelt = runner.invoke(main, ["export", "--db", db, "--format", "gdelt", "--dyad", "TUR-MYS"]).stdout
    rows = [line.split("\t") for line in gdelt.splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    assert {r[7] for r in rows} <= {"TUR", "MYS"} and rows[0][26].isdigit()  # Actor1CountryCode, EventCode
    plover_out = runner.invoke(main, ["export", "--db", db, "--format", "plover"]).stdout
    plover = [json.loads(line) for line in plover_out.splitlines()]
    assert plover and {"event", "actor", "recipient", "evidence"} <= set(plover[0])
    evidence_schema = {**record_schema()["$defs"]["evidence"], "$defs": record_schema()["$defs"]}
    for record in plover:  # the evidence as the record schema has it: the sentence is an index
        jsonschema.validate(record["evidence"], evidence_schema)
        assert isinstance(record["evidence"]["sentence"], int)
    csv_text = runner.invoke(main, ["export", "--db", db, "--format", "csv"]).stdout
    for row in csvlib.reader(csv_text.splitlines()):
        assert not any(cell.startswith(("=", "+", "@")) for cell in row)  # formula injection guarded
    out = tmp_path / "pq"
    assert runner.invoke(main, ["export", "--db", db, "--format", "parquet", "--out", str(out)]).exit_code == 0
    assert list(out.glob("month=2026-01/*.parquet"))
    brief = tmp_path / "brief.html"
    result = runner.invoke(main, ["brief", "TUR", "MYS", "--db", db, "--out", str(brief)])
    assert result.exit_code == 0
    html = brief.read_text()
    assert "<svg" in html and "Relations brief: TUR – MYS" in html and "<script" not in html
    assert "courageous leadership" in html and "open" in html
    assert brief.with_suffix(".md").read_text().startswith("# Relations brief")


def test_events_filter_by_source(runner, tmp_path):
    articles = tmp_path / "two.jsonl"
    articles.write_text(
        json.dumps(
            {
                "id": "a",
                "date": "2024-05-01",
                "source": "Wire One",
                "text": "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala.",
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "b",
                "date": "2024-05-02",
                "source": "Wire Two",
                "text": "Chinese President Xi Jinping met Brazilian President Lula da Silva in Beijing.",
            }
        )
        + "\n"
    )
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(main, ["ingest", str(articles), "--db", db, "--workers", "1"]).exit_code == 0
    result = runner.invoke(main, ["events", "--db", db, "--source", "Wire One", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and {r["doc_id"] for r in rows} == {"a"}


def test_code_and_ingest_code_through_one_library_function(runner, tmp_path, monkeypatch):
    """No face re-implements the orchestration: both commands code through dyad.ingest.code_documents,
    and each reads an --actors file once."""
    import importlib

    import dyad.actors

    ingest_module = importlib.import_module("dyad.ingest")  # `dyad.ingest` is also the function
    calls: list[str] = []
    real_code, real_load = ingest_module.code_documents, dyad.actors.load_actor_file

    def code_documents(documents, *args, **kwargs):
        calls.append("code")
        return real_code(documents, *args, **kwargs)

    def load_actor_file(path):
        calls.append(f"read {path}")
        return real_load(path)

    monkeypatch.setattr(ingest_module, "code_documents", code_documents)
    monkeypatch.setattr(dyad.actors, "load_actor_file", load_actor_file)
    actors = str(FIXTURES / "user_actors.csv")
    coded = runner.invoke(main, ["code", str(SEED), "--actors", actors])
    assert coded.exit_code == 0 and calls == [f"read {actors}", "code"]
    calls.clear()
    stored = runner.invoke(main, ["ingest", str(SEED), "--actors", actors, "--db", str(tmp_path / "c.duckdb")])
    assert stored.exit_code == 0 and calls == [f"read {actors}", "code"]
