"""Enrich stage: quotes, event dates, places, themes, tone and commitments.

The walking skeleton fills only the article-level locations from the actor mentions; quotes,
dates, themes, tone and commitments arrive with issue #5 and extend ``enrich`` in place.
"""

from __future__ import annotations

from dyad.model import CodedDocument, Location


def enrich(coded: CodedDocument) -> CodedDocument:
    """Add what lies beyond events to ``coded`` (in place) and return it."""
    seen: set[tuple[str, str | None]] = set()
    for mention in coded.mentions:
        entity = mention.entity
        if entity is None or entity.kind not in ("country", "capital"):
            continue
        key = (mention.text, entity.code)
        if key in seen:
            continue
        seen.add(key)
        coded.locations.append(Location(name=mention.text, country_code=entity.code, start=mention.start,
                                        end=mention.end))
    return coded
