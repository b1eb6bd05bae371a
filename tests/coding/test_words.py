"""The coder's word lists (data/lexicon/words.tsv): well-formed, documented, and each one read."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.coding.words import load_word_lists, parse_word_lists

CODING = Path(__file__).resolve().parents[2] / "src" / "dyad" / "coding"


def test_every_list_has_a_purpose_and_clean_unique_words():
    lists = load_word_lists()
    assert len(lists) >= 30
    for name in lists:
        words = lists.tuple(name)
        assert words, name
        assert lists.purposes[name], f"{name} says what it is for"
        assert len(set(words)) == len(words), f"{name} repeats a word"
        assert all(w == w.strip().lower() and "\t" not in w for w in words), name


def test_every_list_is_read_by_the_coder():
    source = "".join(path.read_text(encoding="utf-8") for path in sorted(CODING.glob("*.py")))
    unread = [name for name in load_word_lists() if f'"{name}"' not in source]
    assert unread == []


def test_a_word_outside_a_list_is_an_error_naming_its_line():
    with pytest.raises(ValueError, match="words.tsv:2: word 'stray'"):
        parse_word_lists("# header\nstray\n## A: a list\nword\n")


def test_a_list_opened_twice_is_an_error():
    with pytest.raises(ValueError, match="list A opened twice"):
        parse_word_lists("## A: one\nx\n## A: again\ny\n")
