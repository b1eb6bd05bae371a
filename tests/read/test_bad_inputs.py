"""The bad-input corpus: every kind of broken input beside good ones, through `dyad ingest`.

Each bad input must get a message naming its file (and line) and the reason; the good inputs
beside them must all be stored, whole; no traceback may reach the user; the exit code is 2.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.read import read_inputs
from dyad.store import Store

GOOD = "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday."


def build_corpus(root: Path) -> tuple[list[str], dict[str, str]]:
    """Write the corpus; return the ids of good documents and, per bad input, the words its message must carry."""
    good: list[str] = []
    bad: dict[str, str] = {}

    def text(name: str, content: str | bytes) -> Path:
        path = root / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    # good documents, some of them in awkward encodings or shapes
    text("good.txt", GOOD)
    text("utf16.txt", ("Turkish and Malaysian leaders held talks in Ankara. " * 3).encode("utf-16"))
    text("latin1.txt", "Le président français a rencontré le chancelier à Montréal.".encode("latin-1"))
    text("invalid_utf8.txt", b"Kenya \xff\xfe and Uganda \xc3\x28 signed a trade agreement on Monday.")
    text("controls.txt", "Kenya\x07 and\x1b Uganda held talks.\r\n")
    text("french.txt", "Le gouvernement malien a annoncé mardi la fin de la coopération militaire.")
    text("punctuation.txt", "!!! ??? ... --- ;;; ,,,")
    text("no_id.jsonl", json.dumps({"text": GOOD, "date": "2024-05-06"}) + "\n")
    good += ["good", "utf16", "latin1", "invalid_utf8", "controls", "french", "punctuation"]
    from dyad.model import Document

    good.append(Document.content_id(GOOD))  # an id from the text when none is given

    # bad documents
    text("empty.txt", "")
    bad["empty.txt"] = "empty document"
    text("whitespace.txt", " \n\t \n")
    bad["whitespace.txt"] = "empty document"
    text("report.pdf", b"%PDF-1.7 binary stream")
    bad["report.pdf"] = "unsupported file type"
    text("pdf_named.txt", b"%PDF-1.7 binary stream")
    bad["pdf_named.txt"] = "binary file (PDF)"
    text("photo.png", b"\x89PNG\r\n\x1a\n....")
    bad["photo.png"] = "unsupported file type"
    text("photo_named.txt", b"\x89PNG\r\n\x1a\n....")
    bad["photo_named.txt"] = "binary file (PNG image)"
    text("archive.txt", b"PK\x03\x04zip bytes")
    bad["archive.txt"] = "binary file (ZIP archive)"
    text("gzipped.txt", b"\x1f\x8b\x08gzip bytes")
    bad["gzipped.txt"] = "binary file (gzip archive)"
    text("nul.txt", b"Kenya\x00\x00 and Uganda")
    bad["nul.txt"] = "binary file"
    with open(root / "huge.txt", "wb") as f:  # 50 MB article
        f.truncate(50 * 1024 * 1024)
    bad["huge.txt"] = "over the article size limit"
    text(
        "long_line.jsonl",
        json.dumps({"id": "long", "text": "word " * 2_000_000})
        + "\n"
        + json.dumps({"id": "after_long", "text": GOOD})
        + "\n",
    )  # one 10 MB line, then a good one
    good.append("after_long")
    bad["long_line.jsonl:1"] = "over the article size limit"
    text(
        "mixed.jsonl",
        "\n".join(
            [
                json.dumps({"id": "jl_good", "text": GOOD}),
                '{"id": "broken", "text": ',
                json.dumps(["not", "an", "object"]),
                json.dumps({"id": "no_text"}),
                json.dumps({"id": "jl_good", "text": "a second document with the same id"}),
                json.dumps({"id": "bad_date", "text": GOOD, "date": "2025-02-30"}),
                json.dumps({"id": "future", "text": GOOD, "date": "2999-01-01"}),
                json.dumps({"id": "number", "text": 12345}),
            ]
        )
        + "\n",
    )
    good.append("jl_good")
    good.append("jl_good~" + Document.content_id("a second document with the same id")[5:13])  # kept apart
    bad["mixed.jsonl:2"] = "invalid JSON"
    bad["mixed.jsonl:3"] = "must be an object"
    bad["mixed.jsonl:4"] = "no 'text' field"
    bad["mixed.jsonl:6"] = "not a valid YYYY-MM-DD date"
    bad["mixed.jsonl:7"] = "lies in the future"
    bad["mixed.jsonl:8"] = "no 'text' field"
    text("fields.csv", f'id,date,text,extra\ncsv_good,2024-01-02,"{GOOD}",x,y,z\ncsv_short,2024-01-02\n')
    good.append("csv_good")
    bad["fields.csv:3"] = "no 'text' field"
    text("no_text_column.csv", "id,body\n1,hello\n")
    bad["no_text_column.csv"] = "no 'text' column"
    text("unterminated.csv", f'id,text\ncsv_before,"{GOOD}"\ncsv_open,"never closed\n')
    good.append("csv_before")
    bad["unterminated.csv"] = "CSV error"
    text("boilerplate.html", "<html><body><nav>Home</nav><footer>(c) 2026</footer></body></html>")
    bad["boilerplate.html"] = "no article text"
    text("nested.html", "<html><body>" + "<div>" * 20000 + f"<p>{GOOD}</p>" + "</div>" * 20000 + "</body></html>")
    bad["nested.html"] = "no article text"
    text("impossible_date.txt", f"date 2025-02-30 {GOOD}")
    bad["impossible_date.txt"] = "not a valid YYYY-MM-DD date"
    text("future_date.txt", f"date 2999-12-31 {GOOD}")
    bad["future_date.txt"] = "lies in the future"
    text("notes.docx", b"PK\x03\x04")
    bad["notes.docx"] = "unsupported file type"
    os.mkfifo(root / "pipe.txt")
    bad["pipe.txt"] = "not a regular file"
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    bad["dangling.txt"] = "cannot be read"
    loop = root / "sub"
    loop.mkdir()
    (loop / "inner.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    (loop / "back").symlink_to(root, target_is_directory=True)  # a symlink loop
    good.append("inner")
    return good, bad


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad_inputs")
    good, bad = build_corpus(root)
    db = tmp_path_factory.mktemp("db") / "bad.duckdb"
    result = CliRunner().invoke(
        main, ["ingest", str(root), str(root / "missing.txt"), "--db", str(db), "--workers", "1"]
    )
    bad["missing.txt"] = "no such file"
    return result, good, bad, db


def test_the_corpus_holds_at_least_25_kinds_of_bad_input(ingested):
    _, good, bad, _ = ingested
    assert len(bad) >= 25
    print(f"\nbad inputs: {len(bad)} kinds rejected by name, {len(good)} good inputs kept")


def test_every_bad_input_is_named_with_its_reason(ingested):
    result, _, bad, _ = ingested
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("rejected:")]
    for where, reason in bad.items():
        assert any(f"{where}:" in line and reason in line for line in lines), (where, reason, lines)
    assert "Traceback" not in result.output and "Traceback" not in (result.stderr or "")


def test_the_good_inputs_beside_them_are_stored_whole(ingested):
    _, good, _, db = ingested
    with Store(db, read_only=True) as store:
        stored = set(store.documents()["id"])
        assert set(good) == stored
        orphans = store.con.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)"
        ).fetchone()[0]
        assert orphans == 0  # no document without its sentences: nothing half-written
        ids = set(store.con.execute("SELECT DISTINCT doc_id FROM events").fetchall())
        assert {i for (i,) in ids} <= stored
        assert len(store.document("good")["events"]) > 0  # the good article was really coded


def test_a_hundred_thousand_tiny_articles_stream_through_the_reader(tmp_path):
    path = tmp_path / "tiny.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(100_000):
            f.write(f'{{"id": "t{i}", "text": "Talks {i}."}}\n')
    count = sum(1 for _ in read_inputs([path]))
    assert count == 100_000
