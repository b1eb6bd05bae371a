"""Readers: every supported format, directories, stdin, and the odd inputs beside good ones."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dyad.model import Document, Rejection
from dyad.read import ReadSettings, read_inputs, read_text_document

from ..conftest import FIXTURES, SEED


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Rejection)]


def test_seed_format_gives_date_and_stem_id():
    (doc,) = list(read_inputs([SEED]))
    assert doc.id == "000_e51a7bb7ba208ab8"
    assert doc.date == "2026-01-07"
    assert doc.text.startswith("Türkiye will continue")  # the date prefix is not part of the text


def test_dated_text_on_its_own_line():
    (doc,) = list(read_inputs([FIXTURES / "dated.txt"]))
    assert doc.date == "2025-03-04"
    assert doc.text.startswith("Indonesian President")


def test_plain_text_has_no_date_unless_given():
    (doc,) = list(read_inputs([FIXTURES / "undated.txt"]))
    assert doc.date is None and doc.id == "undated"
    (doc,) = list(read_inputs([FIXTURES / "undated.txt"], ReadSettings(default_date="2024-02-01")))
    assert doc.date == "2024-02-01"


def test_jsonl_keeps_good_lines_and_names_bad_ones():
    docs, rejected = split(read_inputs([FIXTURES / "articles.jsonl"]))
    assert [d.id for d in docs[:2]] == ["a1", "a2"]
    assert docs[0].title == "Energy deal" and docs[0].url == "https://example.org/a1"
    assert docs[2].id.startswith("sha1-")  # no id: a stable content hash
    reasons = {r.origin: r.reason for r in rejected}
    assert any(o.endswith("articles.jsonl:3") for o in reasons), reasons
    assert any("invalid JSON" in r for r in reasons.values())
    assert any(o.endswith("articles.jsonl:4") and "'text'" in r for o, r in reasons.items())


def test_content_hash_ids_are_stable():
    a = read_text_document("Some text.")
    b = read_text_document("Some text.")
    assert isinstance(a, Document) and isinstance(b, Document) and a.id == b.id


def test_csv_rows_become_documents():
    docs, rejected = split(read_inputs([FIXTURES / "articles.csv"]))
    assert [d.id for d in docs] == ["c1", "c2"] and not rejected
    assert docs[0].date == "2023-01-10" and docs[0].title == "Visit"
    assert docs[1].title is None
    assert "Dhaka" in docs[0].text


def test_csv_without_text_column_is_rejected(tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,hello\n")
    _, rejected = split(read_inputs([bad]))
    assert "no 'text' column" in rejected[0].reason and "bad.csv" in rejected[0].reason


def test_unterminated_csv_quote_keeps_earlier_rows(tmp_path: Path):
    bad = tmp_path / "broken.csv"
    bad.write_text('id,text\n1,"fine row"\n2,"never closed\n')
    docs, rejected = split(read_inputs([bad]))
    assert [d.id for d in docs] == ["1"]
    assert rejected and "broken.csv" in rejected[0].origin


def test_html_main_text_is_extracted_without_boilerplate():
    (doc,) = list(read_inputs([FIXTURES / "article.html"]))
    assert doc.id == "article"
    assert "Pham Minh Chinh held talks" in doc.text
    assert "cookie banner" not in doc.text and "Home" not in doc.text.split()
    assert doc.title == "Leaders meet in Hanoi"


def test_directories_are_read_recursively_in_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article.")
    (tmp_path / "one.txt").write_text("First article.")
    (tmp_path / "README.md").write_text("# not an article")
    docs, rejected = split(read_inputs([tmp_path]))
    assert [d.id for d in docs] == ["two", "one"] or [d.id for d in docs] == ["one", "two"]
    assert len(docs) == 2 and not rejected


def test_stdin_jsonl():
    stream = io.StringIO(json.dumps({"id": "s1", "text": "Hello from stdin."}) + "\n")
    docs, _ = split(read_inputs(["-"], stdin=stream))
    assert docs[0].id == "s1" and docs[0].text == "Hello from stdin."


def test_stdin_jsonl_keeps_line_numbers_after_blank_lines():
    stream = io.StringIO("\n\n" + json.dumps({"id": "a", "text": "One."}) + "\nnot json\n")
    docs, rejected = split(read_inputs(["-"], stdin=stream))
    assert [d.id for d in docs] == ["a"]
    assert rejected[0].origin == "<stdin>:4"


def test_stdin_plain_text_is_one_dated_article():
    stream = io.StringIO("date 2026-01-07\nTurkey and Malaysia signed an agreement.\n\nIt covers tourism.\n")
    docs, rejected = split(read_inputs(["-"], stdin=stream))
    assert not rejected and len(docs) == 1
    assert docs[0].date == "2026-01-07" and docs[0].text.endswith("It covers tourism.")


def test_odd_inputs_are_rejected_with_file_and_reason(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("   \n\t\n")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "fake.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "nul.txt").write_bytes(b"abc\x00\x00def")
    (tmp_path / "baddate.txt").write_text("date 2025-02-30 An article.")
    (tmp_path / "future.txt").write_text("date 2999-01-01 An article from the future.")
    (tmp_path / "good.txt").write_text("A good article about Kenya.")
    docs, rejected = split(read_inputs([tmp_path, tmp_path / "missing.txt"]))
    assert [d.id for d in docs] == ["good"]
    reasons = " | ".join(r.reason for r in rejected)
    for expected in (
        "empty.txt: empty",
        "blank.txt: empty",
        "doc.pdf: unsupported",
        "fake.txt: looks like a binary",
        "nul.txt: looks like a binary",
        "baddate.txt: date '2025-02-30'",
        "future.txt: date 2999-01-01",
        "missing.txt: no such file",
    ):
        assert expected in reasons, expected


def test_encodings_are_decoded(tmp_path: Path):
    (tmp_path / "utf16.txt").write_bytes("Türkiye and Malaysia.".encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes("Café talks in Montréal.".encode("latin-1"))
    (tmp_path / "bom.txt").write_bytes("\ufeffBOM article.".encode())
    docs, rejected = split(read_inputs([tmp_path]))
    texts = {d.id: d.text for d in docs}
    assert not rejected
    assert texts["utf16"] == "Türkiye and Malaysia."
    assert texts["latin1"] == "Café talks in Montréal."
    assert texts["bom"] == "BOM article."


def test_repeated_ids_lose_nothing(tmp_path: Path):
    # a source that truncates its slugs gives two stories one id: both are kept, the second under
    # an id of its own derived from its text; the same story listed twice stays one id
    f = tmp_path / "dup.jsonl"
    f.write_text('{"id": "x", "text": "one"}\n{"id": "x", "text": "two"}\n{"id": "x", "text": "one"}\n')
    docs, rejected = split(read_inputs([f]))
    assert not rejected
    assert [d.text for d in docs] == ["one", "two", "one"]
    assert docs[0].id == docs[2].id == "x"
    assert docs[1].id.startswith("x~") and docs[1].id != "x"
    again, _ = split(read_inputs([f]))
    assert [d.id for d in again] == [d.id for d in docs]  # the same input, the same ids


def test_a_record_date_wins_over_text_that_starts_with_date(tmp_path: Path):
    # "Date of publication ..." is article text, not the seed's date line
    f = tmp_path / "dated.jsonl"
    f.write_text(
        '{"id": "a", "date": "2016-07-05", "text": "Date of publication 5 July 2016 Rebels shelled Aleppo."}\n'
        '{"id": "b", "text": "Dates were set for the talks in Geneva."}\n'
        '{"id": "c", "date": "2020-01-02", "text": "date 2019-05-06 Iran met Iraq."}\n'
    )
    docs, rejected = split(read_inputs([f]))
    assert not rejected
    assert (docs[0].date, docs[0].text) == ("2016-07-05", "Date of publication 5 July 2016 Rebels shelled Aleppo.")
    assert (docs[1].date, docs[1].text) == (None, "Dates were set for the talks in Geneva.")
    assert (docs[2].date, docs[2].text) == ("2020-01-02", "Iran met Iraq.")  # the seed line is cut, the record wins


@pytest.mark.parametrize(
    "text",
    [
        "date of the talks is not set.",
        "Date 2016-07-05 rebels shelled Aleppo.",
        "date 5 July 2016 rebels shelled Aleppo.",
        "dated 2016-07-05 letter",
    ],
)
def test_only_the_exact_seed_line_is_metadata(text: str):
    doc = read_text_document(text)
    assert isinstance(doc, Document)
    assert (doc.date, doc.text) == (None, text)


def test_article_size_limit(tmp_path: Path):
    f = tmp_path / "big.txt"
    f.write_text("word " * 1000)
    _, rejected = split(read_inputs([f], ReadSettings(max_bytes=100)))
    assert "over the article size limit" in rejected[0].reason


def test_control_characters_are_removed_and_line_ends_normalised():
    doc = read_text_document("Line one.\r\nLine\x07 two.\r")
    assert isinstance(doc, Document)
    assert doc.text == "Line one.\nLine  two."


def test_articles_longer_than_the_parser_takes_are_rejected_not_crashed(tmp_path: Path):
    long = tmp_path / "long.txt"
    long.write_text("Kenya and Uganda held talks. " * 40_000)  # 1.16 MB
    good = tmp_path / "good.txt"
    good.write_text("Kenya and Uganda held talks.")
    docs, rejected = split(read_inputs([tmp_path]))
    assert [d.id for d in docs] == ["good"]
    assert "long.txt" in rejected[0].reason and "size limit" in rejected[0].reason
    line = tmp_path / "line.jsonl"
    line.write_text('{"id": "big", "text": "' + "word " * 300_000 + '"}\n{"id": "ok", "text": "Fine."}\n')
    docs, rejected = split(read_inputs([line]))
    assert [d.id for d in docs] == ["ok"] and "line.jsonl:1" in rejected[0].reason


def test_html_without_an_article_is_rejected(tmp_path: Path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav>Home</nav><footer>(c)</footer></body></html>")
    _, rejected = split(read_inputs([page]))
    assert "no article text" in rejected[0].reason and "empty.html" in rejected[0].reason
