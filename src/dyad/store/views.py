"""The dashboard's filtered views: one filter (date range, event types, quad classes, actor, dyad, country,
source, words) applied alike to the event list, canonical events, timeline, map, network and top dyads.

Every value is a bound parameter; the SQL is built only from fixed fragments. These read a ``Store``'s
connection and return plain data, so the API serves them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dyad.errors import DyadError
from dyad.store.duck import Store, _event_filters

#: Event types that are one act whichever side a sentence names first: a meeting of A and B is also a
#: meeting of B and A, so "one real event, one row" merges the two directions.
MUTUAL = ("CONSULT",)


@dataclass(frozen=True)
class ViewFilter:
    """What the dashboard's filter bar holds. Empty fields filter nothing."""

    actor: str | None = None
    dyad: str | None = None
    event: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    doc_id: str | None = None
    directed: bool = False
    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    country: str | None = None
    source: str | None = None

    @classmethod
    def parse(cls, types: str | None = None, quad: str | None = None, **fields: Any) -> ViewFilter:
        """From query-string values: ``types="CONSULT,ASSAULT"``, ``quad="1,2"``."""
        type_list = tuple(t.strip().upper() for t in (types or "").split(",") if t.strip())
        try:
            quad_list = tuple(int(q) for q in (quad or "").split(",") if q.strip())
        except ValueError as exc:
            raise DyadError(f"quad must be a comma-separated list of 0-4, not {quad!r}") from exc
        if any(q not in range(5) for q in quad_list):
            raise DyadError(f"quad must be a comma-separated list of 0-4, not {quad!r}")
        return cls(types=type_list, quads=quad_list, **{k: v for k, v in fields.items() if v not in (None, "")})

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over the events table, and its parameters."""
        where, params = _event_filters(
            self.actor,
            self.dyad,
            self.event,
            self.cameo,
            self.since,
            self.until,
            self.text,
            self.doc_id,
            self.directed,
            self.source,
        )
        clauses = [where]
        if self.types:
            clauses.append(f"event IN ({', '.join('?' for _ in self.types)})")
            params += list(self.types)
        if self.quads:
            clauses.append(f"quad_code IN ({', '.join('?' for _ in self.quads)})")
            params += list(self.quads)
        if self.country:
            clauses.append("loc_country = ?")
            params.append(self.country.upper())
        return " AND ".join(clauses), params


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    from dyad.export import json_value

    return [{k: json_value(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def events(
    store: Store, f: ViewFilter, sort: str = "date", limit: int = 50, offset: int = 0
) -> tuple[pd.DataFrame, int]:
    """Event mentions matching the filter, one page, and how many match in all."""
    where, params = f.where()
    order = {
        "date": "coalesce(event_date, doc_date) DESC NULLS LAST, doc_id, event_id",
        "confidence": "confidence DESC, doc_id, event_id",
        "goldstein": "goldstein, doc_id, event_id",
    }[sort]
    frame = store.con.execute(
        f"SELECT * FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, int(limit), int(offset)]
    ).df()
    row = store.con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
    return frame, int(row[0]) if row else 0


def canonical(
    store: Store, f: ViewFilter, mutual: bool = False, limit: int = 100, evidence: int = 12
) -> list[dict[str, Any]]:
    """One real event, one row, as ``Store.canonical_events`` clusters them, under the filter. With
    ``mutual``, the two directions of a MUTUAL type (a meeting) are one row. Each row carries up to
    ``evidence`` of its mentions (sentence, trigger, article) to expand in place.

    Rows come newest first and a row's mentions share its date, so the newest rows are all among the
    mentions on or after some date: clustering only those gives the same rows as clustering everything,
    as long as they make ``limit`` rows (else everything is clustered)."""
    where, params = f.where()
    row = store.con.execute(
        f"SELECT coalesce(event_date, doc_date) FROM events WHERE {where} AND coalesce(event_date, doc_date) "
        "IS NOT NULL ORDER BY 1 DESC LIMIT 1 OFFSET ?",
        [*params, int(limit) * 20],
    ).fetchone()
    if row is not None:
        recent = ViewFilter(**{**f.__dict__, "since": max(row[0].isoformat(), f.since or "")})
        rows = _canonical(store, recent, mutual, limit, evidence)
        if len(rows) >= limit:
            return rows
    return _canonical(store, f, mutual, limit, evidence)


def _canonical(store: Store, f: ViewFilter, mutual: bool, limit: int, evidence: int) -> list[dict[str, Any]]:
    where, params = f.where()
    kinds = ", ".join(f"'{t}'" for t in MUTUAL)  # fixed constants, not caller input
    merge = f"event IN ({kinds})" if mutual else "false"
    # the key orders a mutual pair; the row shows the sides as reported when one direction was
    sql = (
        "SELECT e.event, CASE WHEN count(DISTINCT e.a) = 1 THEN min(e.a) ELSE e.ka END AS actor, "
        "CASE WHEN count(DISTINCT e.a) = 1 THEN min(e.r) ELSE e.kr END AS recipient, e.date, e.loc_country AS place, "
        "min(e.cameo) AS cameo, min(e.quad_code) AS quad_code, count(*) AS mentions, "
        "count(DISTINCT e.doc_id) AS articles, count(DISTINCT coalesce(d.source, d.id)) AS sources, "
        "avg(e.goldstein) AS goldstein, count(DISTINCT e.a) > 1 AS both_directions, "
        "list(e.doc_id || ':' || e.event_id ORDER BY e.doc_id, e.event_id) AS members, "
        "list(struct_pack(doc_id := e.doc_id, event_id := e.event_id, event_text := e.event_text, "
        "  evidence_text := e.evidence_text, cameo := e.cameo, actor := e.a, recipient := e.r, title := d.title, "
        "  source := d.source) ORDER BY e.doc_id, e.evidence_start, e.event_id)[1:?] AS evidence "
        "FROM (SELECT *, CASE WHEN m THEN least(a, r) ELSE a END AS ka, "
        "  CASE WHEN m THEN greatest(a, r) ELSE r END AS kr "
        "  FROM (SELECT *, array_to_string(actor_codes, ',') AS a, array_to_string(recipient_codes, ',') AS r, "
        f"  coalesce(event_date, doc_date) AS date, {merge} AS m FROM events WHERE {where})) e "
        "JOIN documents d ON d.id = e.doc_id WHERE d.duplicate_of IS NULL AND len(e.actor_codes) > 0 "
        "GROUP BY e.event, e.ka, e.kr, e.date, e.loc_country "
        "ORDER BY e.date DESC NULLS LAST, mentions DESC, 1, 2, 3, 5 NULLS FIRST LIMIT ?"
    )
    frame = store.con.execute(sql, [int(evidence), *params, int(limit)]).df()
    return _rows(frame)


def timeline(store: Store, f: ViewFilter, interval: str = "month") -> pd.DataFrame:
    """Per period and quad class: event count, mean and summed Goldstein, under the filter."""
    if interval not in ("day", "week", "month", "year"):
        raise DyadError(f"interval must be day, week, month or year, not {interval!r}")
    where, params = f.where()
    return store.con.execute(
        f"SELECT date_trunc('{interval}', coalesce(event_date, doc_date)) AS period, quad_code, "
        "count(*) AS events, avg(goldstein) AS goldstein_mean, sum(goldstein) AS goldstein_sum "
        f"FROM events WHERE {where} AND coalesce(event_date, doc_date) IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    ).df()


def places(store: Store, f: ViewFilter, limit: int = 2000) -> pd.DataFrame:
    """Located events grouped by place, under the filter."""
    where, params = f.where()
    return store.con.execute(
        "SELECT json_extract_string(event_loc, '$.name') AS name, loc_country, lat, lon, count(*) AS events, "
        "avg(goldstein) AS goldstein, list(DISTINCT event) AS types "
        f"FROM events WHERE {where} AND lat IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY events DESC, 1 LIMIT ?",
        [*params, int(limit)],
    ).df()


def countries(store: Store, f: ViewFilter) -> pd.DataFrame:
    """Events per country where they happened (located or not), with mean Goldstein, under the filter."""
    where, params = f.where()
    return store.con.execute(
        "SELECT loc_country AS country, count(*) AS events, avg(goldstein) AS goldstein "
        f"FROM events WHERE {where} AND loc_country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    ).df()


def network(store: Store, f: ViewFilter, min_count: int = 1) -> dict[str, Any]:
    """Countries as nodes, their interactions as edges, under the filter (as ``Store.network``)."""
    where, params = f.where()
    edges = store.con.execute(
        "SELECT a AS source, r AS target, count(*) AS events, avg(goldstein) AS goldstein FROM ("
        f" SELECT unnest(actor_codes) AS a, unnest(recipient_codes) AS r, goldstein FROM events WHERE {where}"
        " AND len(actor_codes) = 1 AND len(recipient_codes) = 1) WHERE a <> r "
        "GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, 1, 2 LIMIT 2000",
        [*params, int(min_count)],
    ).df()
    nodes: dict[str, int] = {}
    for row in edges.itertuples():
        nodes[str(row.source)] = nodes.get(str(row.source), 0) + int(row.events)
        nodes[str(row.target)] = nodes.get(str(row.target), 0) + int(row.events)
    return {
        "nodes": [{"id": code, "events": n} for code, n in sorted(nodes.items(), key=lambda kv: -kv[1])],
        "edges": [
            {"source": r.source, "target": r.target, "events": int(r.events), "goldstein": round(float(r.goldstein), 2)}
            for r in edges.itertuples()
        ],
    }


def top_dyads(store: Store, f: ViewFilter, limit: int = 20) -> pd.DataFrame:
    """Undirected dyads by event count, with mean Goldstein, under the filter."""
    where, params = f.where()
    return store.con.execute(
        "SELECT least(a, r) || '-' || greatest(a, r) AS dyad, count(*) AS events, avg(goldstein) AS goldstein "
        f"FROM (SELECT unnest(actor_codes) AS a, unnest(recipient_codes) AS r, goldstein FROM events "
        f"WHERE {where} AND len(actor_codes) = 1 AND len(recipient_codes) = 1) WHERE a <> r "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
        [*params, int(limit)],
    ).df()


def facets(store: Store) -> dict[str, Any]:
    """What the filter bar offers: event types, sources and the date range present in the store."""
    types = [r[0] for r in store.con.execute("SELECT DISTINCT event FROM events ORDER BY 1").fetchall()]
    sources = [
        r[0]
        for r in store.con.execute(
            "SELECT source FROM documents WHERE source IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 200"
        ).fetchall()
    ]
    first, last = store.con.execute(
        "SELECT min(coalesce(event_date, doc_date)), max(coalesce(event_date, doc_date)) FROM events"
    ).fetchone() or (None, None)
    return {
        "types": types,
        "sources": sources,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
    }
