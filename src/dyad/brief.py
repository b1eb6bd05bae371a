"""A relations brief on one dyad: a self-contained HTML page (and its Markdown twin) an analyst forwards.

Timeline chart (inline SVG), key events with their evidence, quotes from both sides, open and
fulfilled commitments, tone. No scripts, no external files: it opens anywhere, offline.

``brief_data`` gathers what the brief says from the store (``BriefData``); ``render_html`` and
``render_markdown`` lay it out through the templates in ``dyad/data/brief`` (``string.Template``:
the HTML renderer escapes every value, the Markdown one keeps table cells whole).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template
from typing import Any

from dyad.serial import records
from dyad.store import Store

QUAD_COLOURS = {0: "#8c959f", 1: "#6cc28a", 2: "#1a7f37", 3: "#f08c7e", 4: "#b42318"}
QUAD_NAMES = {
    0: "neutral",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass
class Brief:
    html: str
    markdown: str


def _chart(series: list[dict[str, Any]]) -> str:
    periods = sorted({s["period"] for s in series})
    if not periods:
        return "<p>No events yet.</p>"
    counts = {p: {q: 0 for q in range(5)} for p in periods}
    for s in series:
        counts[s["period"]][int(s["quad_code"])] += int(s["events"])
    top = max(sum(c.values()) for c in counts.values()) or 1
    width, height, left = 640, 180, 30
    bar = min(40, (width - left) / len(periods) - 4)
    parts = [
        f'<svg viewBox="0 0 {width} {height + 30}" width="100%" role="img" aria-label="Events per month by quad class">'
    ]
    for i, p in enumerate(periods):
        x, y = left + i * (bar + 4), float(height)
        for q in (4, 3, 0, 1, 2):
            h = counts[p][q] / top * (height - 10)
            if h:
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{QUAD_COLOURS[q]}"><title>{html.escape(p)}: {counts[p][q]} '
                    f"{QUAD_NAMES[q]}</title></rect>"
                )
        if len(periods) <= 12 or i % max(1, len(periods) // 12) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height + 20}" font-size="11">{html.escape(p[:7])}</text>')
    parts.append(f'<text x="0" y="12" font-size="11">{top}</text></svg>')
    return "".join(parts)


@dataclass(frozen=True)
class KeyEvent:
    date: str  # the event's date, else its article's
    event: str
    cameo: str
    actors: str  # "Name (CODE), ..."
    recipients: str
    event_text: str
    evidence: str
    doc_id: str
    rule: str


@dataclass(frozen=True)
class BriefQuote:
    speaker: str
    code: str
    text: str
    doc_id: str


@dataclass(frozen=True)
class BriefCommitment:
    made_on: str
    parties: str  # "TUR → MYS"
    what: str
    status: str


@dataclass(frozen=True)
class BriefData:
    """Everything a relations brief says, before any layout."""

    title: str
    events: int
    period: str  # "FIRST to LAST" dates, or "no events"
    tone: float | None  # mean tone of the events, -10 hostile .. +10 warm
    quads: dict[int, int]  # events by quad class
    timeline: list[dict[str, Any]]  # Store.timeline rows: period, quad_code, events
    key_events: list[KeyEvent]
    quotes: list[BriefQuote]
    commitments: list[BriefCommitment]


def brief_data(store: Store, a: str, b: str, since: str | None = None, until: str | None = None) -> BriefData:
    """What the brief on ``a`` and ``b`` says: the strongest events (by Goldstein, then confidence),
    twelve quotes, every commitment."""
    dyad = f"{a.upper()}-{b.upper()}"
    events = records(store.events(dyad=dyad, since=since, until=until))
    key = sorted(events, key=lambda e: (-abs(e["goldstein"] or 0), -(e["confidence"] or 0)))[:12]
    tones = [e["tone"] for e in events if e.get("tone") is not None]
    first, last = (events[-1], events[0]) if events else ({}, {})
    period = (
        f"{first['event_date'] or first['doc_date']} to {last['event_date'] or last['doc_date']}"
        if events
        else "no events"
    )
    return BriefData(
        title=f"Relations brief: {a.upper()} – {b.upper()}",
        events=len(events),
        period=period,
        tone=sum(tones) / len(tones) if tones else None,
        quads={q: sum(1 for e in events if e["quad_code"] == q) for q in range(5)},
        timeline=records(store.timeline(dyad=dyad, interval="month")),
        key_events=[
            KeyEvent(
                str(e["event_date"] or e["doc_date"]),
                e["event"],
                e["cameo"],
                _who(e["actor"]),
                _who(e["recipient"]),
                e["event_text"],
                e["evidence_text"],
                e["doc_id"],
                e["rule"],
            )
            for e in key
        ],
        quotes=[
            BriefQuote(
                q["speaker"]["entity_name"] if q.get("speaker") else "?",
                q["speaker_code"] or "?",
                q["text"],
                q["doc_id"],
            )
            for q in records(store.quotes(dyad=dyad, limit=12))
        ],
        commitments=[
            BriefCommitment(
                str(c["made_on"]),
                f"{', '.join(c['actor_codes'])} → {', '.join(c['recipient_codes'])}",
                c["what"],
                c["status"],
            )
            for c in records(store.commitments(dyad=dyad))
        ],
    )


def _who(entities: list[dict[str, Any]] | None) -> str:
    return ", ".join(f"{e.get('entity_name') or e.get('raw_text')} ({e.get('code')})" for e in entities or []) or "?"


@cache
def _template(name: str) -> Template:
    text = resources.files("dyad.data").joinpath("brief", name).read_text(encoding="utf-8")
    return Template(text.removesuffix("\n"))  # a template file ends with a newline; the page does not


def _html(template: str, **values: Any) -> str:
    return _template(template).substitute({k: html.escape(str(v)) for k, v in values.items()})


def render_html(data: BriefData) -> str:
    """The brief as one self-contained HTML page (inline CSS and SVG, no scripts)."""
    meta = (
        _html("meta.html", events=data.events, period=data.period, tone=f"{data.tone:+.1f}")
        if data.tone is not None
        else _html("meta-no-tone.html", events=data.events)
    )
    quads = "".join(
        _html("quad.html", colour=QUAD_COLOURS[q], name=QUAD_NAMES[q], count=n) for q, n in data.quads.items() if n
    )
    return _template("page.html").substitute(
        title=html.escape(data.title),
        style=_template("style.css").template,
        meta=meta,
        quads=quads,
        chart=_chart(data.timeline),
        events="".join(_html("event.html", **vars(e)) for e in data.key_events),
        quotes="".join(_html("quote.html", **vars(q)) for q in data.quotes),
        commitments="".join(_html("commitment.html", **vars(c)) for c in data.commitments),
    )


def render_markdown(data: BriefData) -> str:
    """The brief as Markdown: the same content without the chart."""
    summary = f"{data.events} events, {data.period}." + (
        f" Mean tone {data.tone:+.1f}." if data.tone is not None else ""
    )

    def lines(template: str, items: list[Any]) -> str:
        return "".join(_template(template).substitute(vars(item)) + "\n" for item in items)

    commitments = [
        BriefCommitment(c.made_on, c.parties, c.what.replace("|", "/"), c.status) for c in data.commitments
    ]  # a | would end the table cell
    return _template("page.md").substitute(
        title=data.title,
        summary=summary,
        events=lines("event.md", data.key_events),
        quotes=lines("quote.md", data.quotes),
        commitments=lines("commitment.md", commitments),
    )


def make_brief(store: Store, a: str, b: str, since: str | None = None, until: str | None = None) -> Brief:
    """The brief on ``a`` and ``b`` in both forms."""
    data = brief_data(store, a, b, since=since, until=until)
    return Brief(html=render_html(data), markdown=render_markdown(data))
