"""Reading coded records in the coder's tests."""

from __future__ import annotations


def sides(record: dict, event: str) -> list[tuple[set[str], set[str]]]:
    """The (actor codes, recipient codes) of each event of type ``event``."""
    return [
        ({a["code"] for a in e["actor"]}, {r["code"] for r in e["recipient"]})
        for e in record["events"]
        if e["event"] == event
    ]
