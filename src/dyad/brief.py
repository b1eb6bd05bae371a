"""A relations brief on one dyad: a self-contained HTML page (and its Markdown twin) an analyst forwards.

Timeline chart (inline SVG), key events with their evidence, quotes from both sides, open and
fulfilled commitments, tone. No scripts, no external files: it opens anywhere, offline.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
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


def make_brief(store: Store, a: str, b: str, since: str | None = None, until: str | None = None) -> Brief:
    dyad = f"{a.upper()}-{b.upper()}"
    events = records(store.events(dyad=dyad, since=since, until=until))
    series = records(store.timeline(dyad=dyad, interval="month"))
    quotes = records(store.quotes(dyad=dyad, limit=12))
    commitments = records(store.commitments(dyad=dyad))
    key = sorted(events, key=lambda e: (-abs(e["goldstein"] or 0), -(e["confidence"] or 0)))[:12]
    tones = [e["tone"] for e in events if e.get("tone") is not None]
    tone = sum(tones) / len(tones) if tones else None
    by_quad = {q: sum(1 for e in events if e["quad_code"] == q) for q in range(5)}
    title = f"Relations brief: {a.upper()} – {b.upper()}"
    first, last = (events[-1], events[0]) if events else ({}, {})
    period = (
        f"{first['event_date'] or first['doc_date']} to {last['event_date'] or last['doc_date']}"
        if events
        else "no events"
    )
    esc = html.escape

    def who(entities: list[dict[str, Any]] | None) -> str:
        items = entities or []
        return ", ".join(f"{e.get('entity_name') or e.get('raw_text')} ({e.get('code')})" for e in items) or "?"

    body = [
        f"<h1>{esc(title)}</h1>",
        f"<p class=meta>{len(events)} events, {esc(period)}. Mean tone {tone:+.1f} (−10 hostile … +10 warm).</p>"
        if tone is not None
        else f"<p class=meta>{len(events)} events.</p>",
        "<ul class=quads>"
        + "".join(
            f"<li><i style='background:{QUAD_COLOURS[q]}'></i>{QUAD_NAMES[q]}: {n}</li>"
            for q, n in by_quad.items()
            if n
        )
        + "</ul>",
        "<h2>Timeline</h2>",
        _chart(series),
        "<h2>Key events</h2><ol>",
    ]
    summary = f"{len(events)} events, {period}." + (f" Mean tone {tone:+.1f}." if tone is not None else "")
    md = [f"# {title}", "", summary, "", "## Key events", ""]
    for e in key:
        date = e["event_date"] or e["doc_date"]
        body.append(
            f"<li><b>{esc(str(date))} · {esc(e['event'])} ({esc(e['cameo'])})</b> {esc(who(e['actor']))} → "
            f"{esc(who(e['recipient']))}: “{esc(e['event_text'])}”<br><q>{esc(e['evidence_text'])}</q> "
            f"<small>[{esc(e['doc_id'])}, rule {esc(e['rule'])}]</small></li>"
        )
        md.append(
            f"- **{date} · {e['event']} ({e['cameo']})** {who(e['actor'])} → {who(e['recipient'])}: "
            f"“{e['event_text']}” — > {e['evidence_text']} [{e['doc_id']}]"
        )
    body.append("</ol><h2>Quotes</h2><ul>")
    md += ["", "## Quotes", ""]
    for q in quotes:
        speaker = q["speaker"]["entity_name"] if q.get("speaker") else "?"
        body.append(
            f"<li><b>{esc(speaker)} ({esc(q['speaker_code'] or '?')})</b>: “{esc(q['text'])}” "
            f"<small>[{esc(q['doc_id'])}]</small></li>"
        )
        md.append(f"- **{speaker} ({q['speaker_code'] or '?'})**: “{q['text']}” [{q['doc_id']}]")
    body.append("</ul><h2>Commitments</h2><table><tr><th>Made</th><th>Who → whom</th><th>What</th><th>Status</th></tr>")
    md += ["", "## Commitments", "", "| Made | Who → whom | What | Status |", "|---|---|---|---|"]
    for c in commitments:
        parties = f"{', '.join(c['actor_codes'])} → {', '.join(c['recipient_codes'])}"
        body.append(
            f"<tr><td>{esc(str(c['made_on']))}</td><td>{esc(parties)}</td><td>{esc(c['what'])}</td>"
            f"<td class='{esc(c['status'])}'>{esc(c['status'])}</td></tr>"
        )
        md.append(f"| {c['made_on']} | {parties} | {c['what'].replace('|', '/')} | {c['status']} |")
    body.append(
        "</table><p class=meta>Made by Dyad from news articles; every line cites the article and the rule "
        "that coded it.</p>"
    )
    style = (
        "body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#1b1f24}"
        "h1{font-size:1.6rem}.meta{color:#57606a}q{color:#57606a}small{color:#57606a}"
        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d0d7de;padding:.3rem;"
        "text-align:left;vertical-align:top}.quads{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}"
        ".quads i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem}.open{color:#9a6700}"
        ".fulfilled{color:#1a7f37}.broken{color:#b42318}"
    )
    page = (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport "
        f"content='width=device-width,initial-scale=1'><title>{esc(title)}</title><style>{style}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )
    return Brief(html=page, markdown="\n".join(md) + "\n")
