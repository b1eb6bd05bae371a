"""dyad kb who / dyad kb update: whom a name means on a date, and the user's own layer in the store."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dyad.cli import main


def test_who_explains_the_pick_on_a_date():
    runner = CliRunner()
    before = runner.invoke(main, ["kb", "who", "Rishi Sunak", "--date", "2021-06-01", "--format", "json"])
    after = runner.invoke(main, ["kb", "who", "Rishi Sunak", "--date", "2025-06-01", "--format", "json"])
    assert before.exit_code == 0 and after.exit_code == 0, before.output + after.output
    picked_before = next(c for c in json.loads(before.output) if c["picked"])
    picked_after = next(c for c in json.loads(after.output) if c["picked"])
    assert (picked_before["code"], picked_before["sector"], picked_before["in_office"]) == ("GBR", "GOV", True)
    assert (picked_after["code"], picked_after["sector"], picked_after["in_office"]) == ("GBR", None, False)
    nobody = runner.invoke(main, ["kb", "who", "Qwzx Vbnmq"])
    assert nobody.exit_code == 0 and "nobody" in nobody.output


def test_update_keeps_a_users_people_in_the_store_and_who_uses_them(tmp_path):
    db = str(tmp_path / "dyad.duckdb")
    people = tmp_path / "ministers.json"
    people.write_text(
        json.dumps(
            [
                {
                    "name": "Zora Vantablack",
                    "aliases": ["Vantablack"],
                    "code": "KEN",
                    "sector": "GOV",
                    "from": "2026-01-10",
                    "source": "gazette 2026/4",
                }
            ]
        )
    )
    runner = CliRunner()
    result = runner.invoke(main, ["kb", "update", str(people), "--db", db])
    assert result.exit_code == 0 and "1 entry" in result.output, result.output
    who = runner.invoke(main, ["kb", "who", "Zora Vantablack", "--date", "2026-03-01", "--db", db, "--format", "json"])
    (found,) = json.loads(who.output)
    assert (found["code"], found["sector"], found["picked"]) == ("KEN", "GOV", True)
    assert "your own entry" in found["why"]
    without = runner.invoke(main, ["kb", "who", "Zora Vantablack", "--format", "json"])
    assert json.loads(without.output) == []  # the shared knowledge base itself never changed


def test_update_rejects_a_bad_date(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,code,sector,from\nX Y,KEN,GOV,10/01/2026\n")
    result = CliRunner().invoke(main, ["kb", "update", str(bad), "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.output


def test_a_user_recodes_a_former_state_and_a_run_uses_it():
    """The code table is the user's to override: the Soviet Union as SUN rather than Dyad's RUS."""
    from dyad.actors import ActorRecord
    from dyad.pipeline import Pipeline, shared_knowledge_base
    from dyad.read import ReadSettings, read_text_document

    pipeline = Pipeline(kb=shared_knowledge_base())
    pipeline.remember(
        [
            ActorRecord(
                name="Soviet Union", code="SUN", aliases=["Soviet", "USSR"], start="1922-12-30", end="1991-12-25"
            )
        ],
        priority=3,
    )
    document = read_text_document(
        "Soviet negotiators rejected the offer.", doc_id="t", settings=ReadSettings(default_date="1987-03-02")
    )
    codes = {m["text"]: m["entity"]["code"] for m in pipeline.code_document(document).to_record()["mentions"]}
    assert codes["Soviet"] == "SUN"
    assert shared_knowledge_base().best("soviet", "1987-03-02").spells[0].code == "RUS"  # shared KB unchanged
