"""Commitments: intentions, pledges and agreements as records that later events fulfil or break.

An AGREE event (CAMEO 03: intent to cooperate, meet, aid, yield ...) or a signed agreement (057)
becomes a commitment: who, to whom, what, when made, due date if stated, status. Within an article,
a commitment whose content is itself an event of the article ("the meeting, agreed last year,
was held today") is fulfilled by that event. Across articles, ``settle`` reads the store's open
commitments beside the later events of their parties (one query, ``Store.commitment_candidates``)
and says which are fulfilled or broken (``fulfils`` / ``breaks``); ingest writes that back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from dyad.model import CodedDocument, Commitment, CommitmentCandidate, CommitmentKind, Event, Settlement

#: The CAMEO roots that carry out each kind of promise (intent code prefix -> roots of the act).
PROMISED_ACTS: dict[str, tuple[str, ...]] = {
    "031": ("06",),
    "032": ("05",),
    "033": ("07",),
    "034": ("08",),
    "035": ("08",),
    "036": ("04",),
    "037": ("04", "05", "08"),
    "038": ("04",),
    "039": ("04",),
    "030": ("04", "05", "06", "07", "08"),
    "057": ("04", "05", "06", "07", "08"),
}
#: Acts that break a promise of cooperation: rejections, threats, sanctions, force.
BREAKING_ROOTS = ("12", "13", "16", "17", "18", "19", "20")


def promise_family(cameo: str) -> tuple[str, ...] | None:
    for prefix in sorted(PROMISED_ACTS, key=len, reverse=True):
        if cameo.startswith(prefix):
            return PROMISED_ACTS[prefix]
    return None


def fulfils(commitment: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    """True when ``event`` (later, same dyad either way) carries out what ``commitment`` promised."""
    roots = promise_family(commitment["cameo"]) or ()
    return str(event["cameo"])[:2] in roots and _same_dyad(commitment, event)


def breaks(commitment: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    """True when the promiser later acts against the promise toward the same party."""
    return bool(
        str(event["cameo"])[:2] in BREAKING_ROOTS
        and set(event["actor_codes"]) & set(commitment["actor_codes"])
        and set(event["recipient_codes"]) & set(commitment["recipient_codes"])
    )


def _same_dyad(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    pa, pb = set(a["actor_codes"]) | set(a["recipient_codes"]), set(b["actor_codes"]) | set(b["recipient_codes"])
    return len(pa & pb) >= 2 or (pa == pb and bool(pa))


def settle(candidates: Iterable[CommitmentCandidate]) -> list[Settlement]:
    """For each open commitment, the first later event that fulfils it or else breaks it, if any."""
    settled: dict[str, Settlement] = {}
    for c in candidates:
        if c.commitment_id in settled:
            continue
        commitment = {"cameo": c.cameo, "actor_codes": c.actor_codes, "recipient_codes": c.recipient_codes}
        event = {"cameo": c.event_cameo, "actor_codes": c.event_actor_codes, "recipient_codes": c.event_recipient_codes}
        if fulfils(commitment, event):
            settled[c.commitment_id] = Settlement(c.commitment_id, "fulfilled", c.event)
        elif breaks(commitment, event):
            settled[c.commitment_id] = Settlement(c.commitment_id, "broken", c.event)
    return list(settled.values())


def extract_commitments(
    coded: CodedDocument, content_links: dict[str, str], scopes: dict[str, str] | None = None
) -> list[Commitment]:
    """Commitment records for a coded document. ``content_links`` maps a commitment's event id to the
    id of the event in the same article that is its content (and so fulfils it, when later);
    ``scopes`` maps event ids to the text of the trigger's phrase."""
    scopes = scopes or {}
    doc = coded.document
    events = {e.id: e for e in coded.events}
    out = []
    seen: set[tuple[object, ...]] = set()
    for event in coded.events:
        if not (event.cameo.startswith("03") or event.cameo == "057") or not event.actor:
            continue
        if event.evidence.rule.endswith(":reciprocal"):
            continue
        key = (event.cameo, event.evidence.start, *sorted(a.code or "" for a in event.actor))
        if key in seen:
            continue
        seen.add(key)
        made_on = event.event_date if event.date_precision not in ("after",) else doc.date
        record: Commitment = {
            "id": f"{doc.id}:{event.id}",
            "kind": _kind(event),
            "actor": [asdict(a) for a in event.actor],
            "recipient": [asdict(r) for r in event.recipient],
            "actor_codes": sorted({a.code for a in event.actor if a.code}),
            "recipient_codes": sorted({r.code for r in event.recipient if r.code}),
            "what": _what(event, scopes.get(event.id)),
            "cameo": event.cameo,
            "context": list(event.context),
            "made_on": made_on,
            "due": event.due_date,
            "status": "open",
            "fulfilled_by": None,
            "event_id": event.id,
            "evidence": asdict(event.evidence),
        }
        linked = content_links.get(event.id)
        if linked and linked in events:
            fulfilling = events[linked]
            if (fulfilling.event_date or "") >= (made_on or ""):
                record["status"] = "fulfilled"
                record["fulfilled_by"] = f"{doc.id}:{linked}"
        out.append(record)
    return out


def _kind(event: Event) -> CommitmentKind:
    if event.cameo == "057" or "agree" in event.event_text.lower():
        return "agreement"
    if any(w in event.evidence.text.lower() for w in ("pledge", "promise", "vow")):
        return "pledge"
    return "intention"


def _what(event: Event, scope: str | None) -> str:
    """The promised act in the article's words: the trigger's own phrase (its dependency subtree)."""
    if scope:
        words = scope.split()
        text = " ".join(words[:25]).rstrip(",;:")
        return text.removeprefix("to ") + (" …" if len(words) > 25 else "")
    return event.event_text
