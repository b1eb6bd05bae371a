"""The last gate before anything leaves the pipeline: codes from the codebook, dates that exist.

GDELT has shipped hundreds of thousands of rows dated 1920 and events coded '---'. Every stage
here is meant to make that impossible already; this gate makes it certain. An event whose CAMEO
code is not in the codebook is dropped (it would be a bug, and a wrong record is worse than a
missing one); a date that is not a real calendar day, or lies implausibly far from the article's
own date, is cleared, so the event falls back to the article's date.
"""

from __future__ import annotations

import datetime as dt

from dyad import taxonomy
from dyad.model import CodedDocument

EARLIEST_YEAR = 1900  # history older than this is not an event of the news
YEARS_AHEAD = 10  # "by 2035" in a 2026 article is a plan; "in 3000" is not a date


def plausible_date(value: str | None, article_date: str | None) -> bool:
    """A real YYYY-MM-DD day from EARLIEST_YEAR to YEARS_AHEAD years after the article (or today)."""
    if value is None:
        return True
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    try:
        anchor = dt.date.fromisoformat(article_date) if article_date else dt.date.today()
    except ValueError:
        anchor = dt.date.today()
    return EARLIEST_YEAR <= day.year <= anchor.year + YEARS_AHEAD


def enforce(coded: CodedDocument) -> CodedDocument:
    """Drop events with codes outside the codebook; clear dates that cannot be right."""
    article_date = coded.document.date
    coded.events = [e for e in coded.events if taxonomy.is_cameo(e.cameo)]
    for event in coded.events:
        if not plausible_date(event.event_date, article_date):
            event.event_date, event.date_precision, event.date_text = None, None, None
        if not plausible_date(event.due_date, article_date):
            event.due_date = None
    kept = {e.id for e in coded.events}
    coded.commitments = [c for c in coded.commitments if c.get("event_id") in kept]
    for commitment in coded.commitments:
        if not plausible_date(commitment.get("due"), article_date):
            commitment["due"] = None
    return coded
