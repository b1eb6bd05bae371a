"""Event dates: relative expressions against the article date; historical events keep theirs."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.enrich.dates import resolve

REF = dt.date(2026, 1, 7)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("on Wednesday", "2026-01-07", "day"),
        ("Monday", "2026-01-05", "day"),
        ("last Wednesday", "2025-12-31", "day"),
        ("earlier in the day", "2026-01-07", "day"),
        ("yesterday", "2026-01-06", "day"),
        ("last year", "2025-01-01", "year"),
        ("next month", "2026-02-01", "month"),
        ("in 2019", "2019-01-01", "year"),
        ("in March", "2025-03-01", "month"),
        ("March 5, 2019", "2019-03-05", "day"),
        ("5 March 2019", "2019-03-05", "day"),
        ("three weeks ago", "2025-12-17", "week"),
        ("two years ago", "2024-01-01", "year"),
    ],
)
def test_resolve(text, date, precision):
    resolved = resolve(text, REF)
    assert resolved is not None and (resolved.date, resolved.precision) == (date, precision)


def test_words_that_are_not_dates():
    assert resolve("the coming days of reckoning", REF) is None or resolve("soon", REF) is None
    assert resolve("decades", REF) is None


def test_seed_dates(seed_record):
    events = seed_record["events"]
    conference = next(e for e in events if e["event_text"] == "press conference")
    assert (conference["event_date"], conference["date_precision"]) == ("2026-01-07", "day")
    visit = next(e for e in events if e["event_text"] == "visit")
    assert (visit["event_date"], visit["date_precision"]) == ("2025-01-01", "year")  # "last year": its own date
    mediation = next(e for e in events if e["cameo"] == "045")
    assert mediation["date_precision"] == "before" and mediation["event_date"] <= "2026-01-07"


def test_historical_event_keeps_its_own_date(coded):
    record = coded("Russia invaded Georgia in 2008, the minister recalled on Tuesday.", date="2026-01-07")
    invasion = next(e for e in record["events"] if e["event"] == "ASSAULT")
    assert (invasion["event_date"], invasion["date_precision"]) == ("2008-01-01", "year")
