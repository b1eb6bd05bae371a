"""Commitments: pledges and intentions become records that later events fulfil or break."""

from __future__ import annotations

from dyad.ingest import ingest
from dyad.pipeline import Pipeline
from dyad.store import Store


def test_seed_commitments(seed_record):
    whats = [c["what"] for c in seed_record["commitments"]]
    assert any("steps" in w for w in whats)  # defence-industry steps
    assert any("education, culture, and tourism" in w for w in whats)
    for c in seed_record["commitments"]:
        assert c["actor"][0]["code"] == "TUR" and c["recipient"][0]["code"] == "MYS"
        assert c["made_on"] == "2026-01-07" and c["status"] == "open"


def test_due_date_of_a_pledge(coded):
    record = coded("Germany pledged to send humanitarian aid to Sudan next month.", date="2025-03-10")
    (commitment,) = record["commitments"]
    assert commitment["kind"] == "pledge" and commitment["due"] == "2025-04-01"


def test_later_event_fulfils_and_another_breaks(tmp_path):
    promise = tmp_path / "a.txt"
    promise.write_text("date 2025-01-10 Indonesia will provide humanitarian aid to Myanmar.")
    kept = tmp_path / "b.txt"
    kept.write_text("date 2025-02-02 Indonesia delivered humanitarian aid to Myanmar on Sunday.")
    vow = tmp_path / "c.txt"
    vow.write_text("date 2025-01-12 Thailand will cooperate with Cambodia on border security.")
    broken = tmp_path / "d.txt"
    broken.write_text("date 2025-03-01 Thailand imposed sanctions on Cambodia.")
    with Store(tmp_path / "c.duckdb") as store:
        ingest([promise, vow], store, Pipeline())
        assert set(store.commitments()["status"]) == {"open"}
        ingest([kept, broken], store, Pipeline())
        status = {
            tuple(r["actor_codes"]): (r["status"], r["fulfilled_by"], r["broken_by"])
            for r in store.commitments().to_dict(orient="records")
        }
        assert status[("IDN",)][0] == "fulfilled" and status[("IDN",)][1].startswith("b:")
        assert status[("THA",)][0] == "broken" and status[("THA",)][2].startswith("d:")
        assert list(store.commitments(status="open")["id"]) == []


def _candidate(cid: str, event: str, event_cameo: str, actors=("THA",), recipients=("KHM",), cameo="036"):
    from dyad.model import CommitmentCandidate

    return CommitmentCandidate(cid, cameo, ["THA"], ["KHM"], event, event_cameo, list(actors), list(recipients))


def test_settle_takes_each_commitments_first_fulfilling_or_breaking_event():
    from dyad.enrich.commitments import settle
    from dyad.model import Settlement

    candidates = [
        _candidate("a", "d1:e0", "010"),  # a statement: neither keeps nor breaks a promise to meet
        _candidate("a", "d2:e0", "040"),  # the meeting: fulfils
        _candidate("a", "d3:e0", "163"),  # later sanctions no longer matter
        _candidate("b", "d4:e0", "163", cameo="0311"),  # sanctions against the partner: broken
        _candidate("b", "d5:e0", "061", cameo="0311"),
        _candidate("c", "d6:e0", "040", actors=("VNM",), recipients=("LAO",)),  # other parties: stays open
    ]
    assert settle(candidates) == [Settlement("a", "fulfilled", "d2:e0"), Settlement("b", "broken", "d4:e0")]


def test_link_commitments_pages_through_later_events_until_one_settles(tmp_path):
    from dyad.ingest import link_commitments

    events = [  # doc, date, cameo, actors, recipients
        ("n1", "2025-01-02", "010", ["THA"], ["KHM"]),  # a statement: keeps and breaks nothing
        ("v1", "2025-01-02", "163", ["THA"], ["VNM"]),  # sanctions on someone else
        ("n2", "2025-01-03", "020", ["KHM"], ["THA"]),
        ("b1", "2025-01-04", "163", ["THA"], ["KHM"]),  # sanctions on the partner: broken
        ("f1", "2025-01-05", "061", ["IDN"], ["MMR"]),  # economic aid: fulfils the aid pledge
        ("old", "2024-12-01", "061", ["IDN"], ["MMR"]),  # before the pledge: does not count
    ]
    with Store(tmp_path / "l.duckdb") as store:
        store.con.executemany(
            "INSERT INTO events (doc_id, event_id, event, cameo, actor_codes, recipient_codes, event_date, doc_date) "
            "VALUES (?, 'e0', 'X', ?, ?, ?, ?, ?)",
            [[doc, cameo, actors, recipients, day, day] for doc, day, cameo, actors, recipients in events],
        )
        store.con.executemany(
            "INSERT INTO commitments (id, doc_id, event_id, kind, actor_codes, recipient_codes, cameo, made_on, "
            "status) VALUES (?, ?, 'e0', 'intention', ?, ?, ?, '2025-01-01', 'open')",
            [["tha", "p1", ["THA"], ["KHM"], "036"], ["idn", "p2", ["IDN"], ["MMR"], "0311"]],
        )
        assert link_commitments(store, page=1) == 2  # THA's takes two pages: its third event breaks it
        rows = store.con.execute("SELECT id, status, fulfilled_by, broken_by FROM commitments ORDER BY id").fetchall()
    assert rows == [("idn", "fulfilled", "f1:e0", None), ("tha", "broken", None, "b1:e0")]
