"""The dashboard's filtered views: one filter (date range, event types, quad classes, actor, dyad, country,
source, words) applied alike to the event list, canonical events, timeline, map, network and top dyads.

Every value is a bound parameter; the SQL is built only from fixed fragments. These read a ``Store``'s
connection, or a ``Mirror``'s (an in-memory copy of the columns they read, refreshed when the store
changes), and return plain data, so the API serves them as they are.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any, Protocol

import pandas as pd

from dyad.errors import DyadError, Msg
from dyad.store.duck import Store, _event_filters, parse_dyad


class Source(Protocol):
    """Where a view reads: a ``Store`` or a ``MirrorView`` (both have the tables ``events`` and ``documents``)."""

    @property
    def con(self) -> Any: ...


#: The events' columns the views read (all but the actors' and recipients' full JSON and the enrichment's
#: extras), and the documents' ones: what a mirror holds.
MIRRORED_EVENTS = (
    "doc_id, event_id, event, cameo, quad_code, goldstein, actor_codes, recipient_codes, event_text, event_loc, "
    "loc_country, event_date, doc_date, lat, lon, evidence_start, evidence_text, topics"
)
MIRRORED_DOCUMENTS = "id, date, title, source, duplicate_of"
#: The mirror's own columns, so that a side or date filter reads one plain column (which DuckDB tests while
#: scanning, before it reads the other columns of a row) rather than two code lists per event:
#: ``sides`` lists every directed pair of the event's codes as ``|A>B|`` (``|A>|`` or ``|>B|`` for a side with
#: no code), ``date`` is the event's date or else its article's; ``a1``/``r1`` are the sole actor and
#: recipient of one-code sides, ``multi`` says a side has more or fewer codes, ``n_actors`` counts actors.
#: The copy adds ``sid``, the code of the event's ``sides`` among the distinct ones (table ``side_ids``).
_EMPTY = "[]::VARCHAR[]"
SIDE_COLUMNS = (
    f"'|' || array_to_string(CASE WHEN len(coalesce(recipient_codes, {_EMPTY})) = 0 "
    f"THEN list_transform(coalesce(actor_codes, {_EMPTY}), lambda x: x || '>') "
    f"WHEN len(coalesce(actor_codes, {_EMPTY})) = 0 THEN list_transform(recipient_codes, lambda y: '>' || y) "
    "ELSE flatten(list_transform(actor_codes, lambda x: list_transform(recipient_codes, lambda y: x || '>' || y))) "
    "END, '|') || '|' AS sides, coalesce(event_date, doc_date) AS date, "
    "CASE WHEN len(actor_codes) = 1 THEN actor_codes[1] END AS a1, "
    "CASE WHEN len(recipient_codes) = 1 THEN recipient_codes[1] END AS r1, "
    "coalesce(len(actor_codes), 0) <> 1 OR coalesce(len(recipient_codes), 0) <> 1 AS multi, "
    "coalesce(len(actor_codes), 0) AS n_actors, "
    "array_to_string(actor_codes, ',') AS a_str, array_to_string(recipient_codes, ',') AS r_str"
)
#: The same tests written for each table: a store's (lists only) and a mirror's (side columns too). A
#: list function over every row costs a scan of a million lists; a column compare does not.
_STORE_SIDES = {
    "date": "coalesce(event_date, doc_date)",
    "sided": "len(actor_codes) > 0",
    "a_str": "array_to_string(actor_codes, ',')",
    "r_str": "array_to_string(recipient_codes, ',')",
    "a": "actor_codes[1]",
    "r": "recipient_codes[1]",
    "single": "len(actor_codes) = 1 AND len(recipient_codes) = 1",
}
_MIRROR_SIDES = {
    "date": "date",
    "sided": "n_actors > 0",
    "a_str": "a_str",
    "r_str": "r_str",
    "a": "a1",
    "r": "r1",
    "single": "NOT multi",
}


@dataclass(frozen=True)
class MirrorView:
    """One request's cursor on a mirror, and the store's counts when it was copied; close it when done."""

    con: Any
    counts: dict[str, int]

    def close(self) -> None:
        self.con.close()


def _stamp(path: str) -> tuple[Any, ...]:
    """What changes on disk whenever a transaction commits: the database file's and its WAL's times and sizes."""
    out: list[Any] = []
    for name in (path, path + ".wal"):
        try:
            info = os.stat(name)
        except FileNotFoundError:
            if name == path:
                raise DyadError(Msg.NOT_FOUND.format(path=path)) from None
            out.append(None)
        else:
            out.append((info.st_mtime_ns, info.st_size))
    return tuple(out)


class Mirror:
    """An in-memory DuckDB copy of the columns the dashboard's views read, for one store file.

    Opening the file for each request starts with cold buffers (and the file is let go between requests
    so that an ingest can write), and searching two code lists per event to find a dyad costs a scan of
    every list: over a million events each view took hundreds of milliseconds. The copy is made on the
    first request and again on the first request after a write (the file's or its WAL's time or size
    changed), so it answers what the file would; between writes no request opens the file at all. It
    costs memory: about the size of the events' evidence sentences and codes.
    """

    def __init__(self, path: str | os.PathLike[str], wait: float = 15.0) -> None:
        self.path = str(path)
        self.wait = wait  # how long a copy waits for a writer to let go of the file
        self._lock = threading.Lock()  # one copy at a time; readers of an old copy finish on it
        self._con: Any = None
        self._counts: dict[str, int] = {}
        self._stamp: tuple[Any, ...] | None = None

    @property
    def copied(self) -> bool:
        """Whether a copy has been made (it may be older than the store until the next ``view``)."""
        return self._con is not None

    def view(self) -> MirrorView:
        """A cursor on a copy as new as the store's last commit (copying it now if the store changed)."""
        with self._lock:
            stamp = _stamp(self.path)  # before copying: a write during the copy makes the next request copy again
            if self._con is None or stamp != self._stamp:
                with Store(self.path, read_only=True, shared=True, wait=self.wait) as store:
                    self._con, self._counts = self._copy(store), counts(store)
                self._stamp = stamp
            return MirrorView(self._con.cursor(), dict(self._counts))

    @staticmethod
    def _copy(store: Store) -> Any:
        import duckdb

        # newest first, so that a date range or the newest events are a few row groups (DuckDB skips the rest)
        events = store.con.sql(
            f"SELECT {MIRRORED_EVENTS}, {SIDE_COLUMNS} FROM events ORDER BY date DESC NULLS LAST"
        ).to_arrow_table()
        documents = store.con.sql(f"SELECT {MIRRORED_DOCUMENTS} FROM documents").to_arrow_table()
        quotes = store.con.sql("SELECT * FROM quotes").to_arrow_table()
        commitments = store.con.sql("SELECT * FROM commitments").to_arrow_table()
        con = duckdb.connect(":memory:")
        # each distinct side string is a value of an enum, and its code the event's ``sid``: a side filter
        # tests the few thousand strings of ``side_ids`` once, then a million integers (see ``_where``)
        con.register("incoming", events)
        con.execute("CREATE TYPE side AS ENUM (SELECT DISTINCT sides FROM incoming WHERE sides IS NOT NULL ORDER BY 1)")
        con.execute("CREATE TABLE events AS SELECT *, enum_code(sides::side)::INTEGER AS sid FROM incoming")
        con.unregister("incoming")
        con.execute(
            "CREATE TABLE side_ids AS SELECT s AS sides, enum_code(s::side)::INTEGER AS sid "
            "FROM (SELECT unnest(enum_range(NULL::side)) AS s)"
        )
        for name, table in (("documents", documents), ("quotes", quotes), ("commitments", commitments)):
            con.register("incoming", table)
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming")
            con.unregister("incoming")
        return con


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

    def where(self, sides: bool = False, side_ids: list[int] | None = None) -> tuple[str, list[Any]]:
        """A WHERE clause over the events table, and its parameters. With ``sides``, the actor, dyad and date
        clauses read a mirror's own columns (``SIDE_COLUMNS``); given ``side_ids`` (the codes of the side strings
        that pass ``side_test``), the actor and dyad clauses test the events' ``sid`` against them instead."""
        # codes in the sides string are letters and digits: anything else is searched in the lists
        fast_actor = sides and bool(self.actor) and str(self.actor).isalnum()
        fast_dyad = sides and bool(self.dyad)
        where, params = _event_filters(
            None if fast_actor else self.actor,
            None if fast_dyad else self.dyad,
            self.event,
            self.cameo,
            None if sides else self.since,
            None if sides else self.until,
            self.text,
            self.doc_id,
            self.directed,
            self.source,
        )
        clauses = [where]
        if (fast_actor or fast_dyad) and side_ids is not None:
            clauses.append("list_contains(?, sid)")
            params.append(side_ids)
        elif fast_actor or fast_dyad:
            test, test_params = self.side_test()
            clauses.append(test)
            params += test_params
        if sides and self.since:
            clauses.append("date >= TRY_CAST(? AS DATE)")
            params.append(self.since)
        if sides and self.until:
            clauses.append("date <= TRY_CAST(? AS DATE)")
            params.append(self.until)
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

    def side_test(self) -> tuple[str, list[Any]]:
        """The actor (a plain code) and dyad clauses as tests of a mirror's ``sides`` string, and their
        parameters ("" if the filter has neither)."""
        clauses, params = [], []  # type: tuple[list[str], list[Any]]
        if self.actor and str(self.actor).isalnum():
            code = str(self.actor).upper()
            clauses.append("(contains(sides, ?) OR contains(sides, ?))")
            params += [f"|{code}>", f">{code}|"]
        if self.dyad:
            a, b = parse_dyad(str(self.dyad))
            if self.directed:
                clauses.append("contains(sides, ?)")
                params.append(f"|{a}>{b}|")
            else:
                clauses.append("(contains(sides, ?) OR contains(sides, ?))")
                params += [f"|{a}>{b}|", f"|{b}>{a}|"]
        return " AND ".join(clauses), params


def _where(store: Source, f: ViewFilter) -> tuple[str, list[Any]]:
    """The filter's WHERE clause for the table ``store`` reads: a mirror's has the side columns, and its
    actor and dyad clauses test the side strings in ``side_ids`` (a few thousand), then each event's ``sid``
    against the codes that passed (a million integers rather than a million strings)."""
    if not isinstance(store, MirrorView):
        return f.where()
    test, params = f.side_test()
    if not test:
        return f.where(sides=True)
    ids = store.con.execute(f"SELECT list(sid ORDER BY sid) FROM side_ids WHERE {test}", params).fetchone()
    return f.where(sides=True, side_ids=[int(i) for i in (ids[0] if ids and ids[0] else [])])


def _sides(store: Source) -> dict[str, str]:
    return _MIRROR_SIDES if isinstance(store, MirrorView) else _STORE_SIDES


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    from dyad.export import json_value

    return [{k: json_value(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def events(
    store: Source, f: ViewFilter, sort: str = "date", limit: int = 50, offset: int = 0
) -> tuple[pd.DataFrame, int]:
    """Event mentions matching the filter, one page, and how many match in all."""
    where, params = _where(store, f)
    order = {
        "date": "coalesce(event_date, doc_date) DESC NULLS LAST, doc_id, event_id",
        "confidence": "confidence DESC, doc_id, event_id",
        "goldstein": "goldstein, doc_id, event_id",
    }[sort]
    frame = store.con.execute(
        f"SELECT * FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, int(limit), int(offset)]
    ).df()
    return frame, count(store, f)


def count(store: Source, f: ViewFilter) -> int:
    """How many event mentions match the filter."""
    where, params = _where(store, f)
    row = store.con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


def quotes(store: Source, f: ViewFilter, limit: int = 50) -> pd.DataFrame:
    """Quotes, newest first, under the filter's parts that a quote has: the article's date and source, the
    speaker (``actor``), the words, and with ``dyad`` a quote by either side in an article about both."""
    where, params = ["1 = 1"], []  # type: tuple[list[str], list[Any]]
    if f.actor:
        where.append("q.speaker_code = ?")
        params.append(f.actor.upper())
    if f.dyad:
        dyad_where, dyad_params = _where(store, ViewFilter(dyad=f.dyad))
        a, b = parse_dyad(f.dyad)
        where.append(f"q.speaker_code IN (?, ?) AND q.doc_id IN (SELECT doc_id FROM events WHERE {dyad_where})")
        params += [a, b, *dyad_params]
    where, params = _document_filters(f, where, params)
    if f.text:
        where.append("contains(lower(q.text), lower(?))")
        params.append(f.text)
    return store.con.execute(
        "SELECT q.*, d.date AS doc_date, d.title FROM quotes q JOIN documents d ON d.id = q.doc_id "
        f"WHERE {' AND '.join(where)} ORDER BY d.date DESC NULLS LAST, q.doc_id, q.idx LIMIT ?",
        [*params, int(limit)],
    ).df()


def commitments(store: Source, f: ViewFilter, status: str | None = None, limit: int = 100) -> pd.DataFrame:
    """Commitments, newest first, under the filter's parts that a commitment has: its sides (``actor``,
    ``dyad``), the date it was made, its article's source and the words of what was promised."""
    where, params = ["1 = 1"], []  # type: tuple[list[str], list[Any]]
    # a commitment's own code lists (never a mirror's side columns: those are the events')
    sides, side_params = ViewFilter(actor=f.actor, dyad=f.dyad, directed=f.directed).where(sides=False)
    where.append(sides)
    params += side_params
    if f.since:
        where.append("c.made_on >= TRY_CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        where.append("c.made_on <= TRY_CAST(? AS DATE)")
        params.append(f.until)
    if f.source:
        where.append("c.doc_id IN (SELECT id FROM documents WHERE source = ?)")
        params.append(f.source)
    if f.text:
        where.append("contains(lower(c.what), lower(?))")
        params.append(f.text)
    if status:
        where.append("c.status = ?")
        params.append(status)
    return store.con.execute(
        f"SELECT c.* FROM commitments c WHERE {' AND '.join(where)} ORDER BY c.made_on DESC NULLS LAST, c.id LIMIT ?",
        [*params, int(limit)],
    ).df()


def _document_filters(f: ViewFilter, where: list[str], params: list[Any]) -> tuple[list[str], list[Any]]:
    """The filter's date range and source, on the article (``d``)."""
    if f.since:
        where.append("d.date >= TRY_CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        where.append("d.date <= TRY_CAST(? AS DATE)")
        params.append(f.until)
    if f.source:
        where.append("d.source = ?")
        params.append(f.source)
    return where, params


#: The first window: this many of the newest mentions per row asked for. On 1,000,000 synthetic events
#: (about 23 mentions a real event) 40 finds 200 rows of one dyad in one pass, in two thirds of the time
#: of clustering its 33,333 mentions at once; with 20 a second pass made it slower than that.
WINDOW_PER_ROW = 40
#: Up to this many matching mentions per row asked for, the first window would hold them all anyway.
WINDOWLESS_PER_ROW = WINDOW_PER_ROW


def canonical(
    store: Source,
    f: ViewFilter,
    mutual: bool = False,
    limit: int = 100,
    evidence: int = 12,
    matching: int | None = None,
) -> list[dict[str, Any]]:
    """One real event, one row, as ``Store.canonical_events`` clusters them, under the filter. With
    ``mutual``, the two directions of a MUTUAL type (a meeting) are one row. Each row carries up to
    ``evidence`` of its mentions (sentence, trigger, article) to expand in place.

    Rows come newest first and a row's mentions share its date, so the newest rows are all among the
    mentions on or after some date: clustering only those gives the same rows as clustering everything,
    as long as they make ``limit`` rows. The window starts at the newest ``WINDOW_PER_ROW x limit`` mentions and
    grows by what the last one yielded until it holds ``limit`` rows or everything. When few mentions
    match (``matching``, counted if not given), they are clustered at once."""
    if (count(store, f) if matching is None else matching) <= int(limit) * WINDOWLESS_PER_ROW:
        return _canonical(store, f, mutual, limit, evidence)
    where, params = _where(store, f)
    sides = _sides(store)
    window = int(limit) * WINDOW_PER_ROW
    # a mirror is stored newest first and DuckDB keeps that order, so its scan can stop at the window's
    # last mention instead of sorting every match; any cutoff gives exact rows (see above), only the speed
    # depends on it
    order = "" if isinstance(store, MirrorView) else "ORDER BY day DESC "
    while True:
        row = store.con.execute(
            f"SELECT {sides['date']} AS day FROM events WHERE {where} AND day IS NOT NULL {order}LIMIT 1 OFFSET ?",
            [*params, window],
        ).fetchone()
        if row is None:  # fewer mentions than the window: cluster them all
            return _canonical(store, f, mutual, limit, evidence)
        recent = ViewFilter(**{**f.__dict__, "since": max(row[0].isoformat(), f.since or "")})
        rows = _canonical(store, recent, mutual, limit, evidence)
        if len(rows) >= limit:
            return rows
        # clusters are about window/len(rows) mentions each: aim for half as many again as needed
        window = int(window * max(2.0, 1.5 * limit / max(len(rows), 1)))


#: The order of canonical rows: newest first, then the most reported; the rest breaks ties.
_CANONICAL_ORDER = "date DESC NULLS LAST, mentions DESC, event, actor, recipient, place NULLS FIRST"


def _canonical(store: Source, f: ViewFilter, mutual: bool, limit: int, evidence: int) -> list[dict[str, Any]]:
    """Two passes over the filtered mentions: the first ranks cluster keys alone (no text, no join), the
    second gathers counts and evidence for the ``limit`` chosen clusters only. Without ``evidence`` no
    text is read at all (a client can ask ``mentions`` for a row's sentences when it opens the row)."""
    where, params = _where(store, f)
    sides = _sides(store)
    texts = "event_text, evidence_text" if evidence > 0 else "NULL AS event_text, NULL AS evidence_text"
    kinds = ", ".join(f"'{t}'" for t in MUTUAL)  # fixed constants, not caller input
    merge = f"event IN ({kinds})" if mutual else "false"
    # the key orders a mutual pair; the row shows the sides as reported when one direction was. Every
    # aggregate is computed in the one grouping: count(DISTINCT x) would add a grouping and a join each, so
    # one distinct value is min = max and distinct counts are list lengths; a row's first mentions are the
    # ``evidence`` smallest (article, offset, id), kept by min_by without sorting all of the row's mentions
    sql = (
        "WITH m AS MATERIALIZED (SELECT doc_id, event_id, event, cameo, quad_code, goldstein, a, r, date, "
        f"  loc_country AS place, evidence_start, {texts}, "
        "  CASE WHEN mutual THEN least(a, r) ELSE a END AS ka, CASE WHEN mutual THEN greatest(a, r) ELSE r END AS kr "
        f"  FROM (SELECT *, {sides['a_str']} AS a, {sides['r_str']} AS r, "
        f"   coalesce(event_date, doc_date) AS date, {merge} AS mutual FROM events WHERE {where} "
        f"   AND {sides['sided']} "
        "   AND doc_id NOT IN (SELECT id FROM documents WHERE duplicate_of IS NOT NULL))), "
        "top AS (SELECT event, ka, kr, date, place, count(*) AS mentions, "
        "  CASE WHEN min(a) = max(a) THEN min(a) ELSE ka END AS actor, "
        "  CASE WHEN min(a) = max(a) THEN min(r) ELSE kr END AS recipient "
        f"  FROM m GROUP BY event, ka, kr, date, place ORDER BY {_CANONICAL_ORDER} LIMIT ?) "
        "SELECT t.event, t.actor, t.recipient, t.date, t.place, min(m.cameo) AS cameo, "
        "min(m.quad_code) AS quad_code, t.mentions, len(list_distinct(list(m.doc_id))) AS articles, "
        "len(list_distinct(list(coalesce(d.source, d.id)))) AS sources, avg(m.goldstein) AS goldstein, "
        "coalesce(min(m.a) <> max(m.a), false) AS both_directions, "
        "list(m.doc_id || ':' || m.event_id ORDER BY m.doc_id, m.event_id) AS members, "
        "min_by(struct_pack(doc_id := m.doc_id, event_id := m.event_id, event_text := m.event_text, "
        "  evidence_text := m.evidence_text, cameo := m.cameo, actor := m.a, recipient := m.r, title := d.title, "
        "  source := d.source), struct_pack(d := m.doc_id, s := m.evidence_start, e := m.event_id), greatest(?, 1))"
        "[1:?] AS evidence "
        "FROM top t JOIN m ON m.event = t.event AND m.ka IS NOT DISTINCT FROM t.ka "
        "AND m.kr IS NOT DISTINCT FROM t.kr AND m.date IS NOT DISTINCT FROM t.date "
        "AND m.place IS NOT DISTINCT FROM t.place JOIN documents d ON d.id = m.doc_id "
        "GROUP BY t.event, t.ka, t.kr, t.date, t.place, t.mentions, t.actor, t.recipient "
        f"ORDER BY {_CANONICAL_ORDER}"
    )
    frame = store.con.execute(sql, [*params, int(limit), int(evidence), int(evidence)]).df()
    return _rows(frame)


def mentions(store: Source, ids: list[str]) -> list[dict[str, Any]]:
    """The mentions named ``doc_id:event_id`` (as a canonical row's ``members``), in the shape of its
    ``evidence``: sentence, trigger, codes, article."""
    keys = [i.rsplit(":", 1) for i in ids if ":" in i]
    if not keys:
        return []
    sides = _sides(store)
    frame = store.con.execute(
        f"SELECT e.doc_id, e.event_id, e.event_text, e.evidence_text, e.cameo, {sides['a_str']} AS actor, "
        f"{sides['r_str']} AS recipient, d.title, d.source FROM events e "
        "JOIN (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS event_id) k "
        "ON k.doc_id = e.doc_id AND k.event_id = e.event_id JOIN documents d ON d.id = e.doc_id "
        "ORDER BY e.doc_id, e.evidence_start, e.event_id",
        [[k[0] for k in keys], [k[1] for k in keys]],
    ).df()
    return _rows(frame)


def timeline(store: Source, f: ViewFilter, interval: str = "month") -> pd.DataFrame:
    """Per period and quad class: event count, mean and summed Goldstein, under the filter."""
    if interval not in ("day", "week", "month", "year"):
        raise DyadError(f"interval must be day, week, month or year, not {interval!r}")
    where, params = _where(store, f)
    day = _sides(store)["date"]
    return store.con.execute(
        f"SELECT date_trunc('{interval}', {day}) AS period, quad_code, "
        "count(*) AS events, avg(goldstein) AS goldstein_mean, sum(goldstein) AS goldstein_sum "
        f"FROM events WHERE {where} AND {day} IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    ).df()


def places(store: Source, f: ViewFilter, limit: int = 2000) -> pd.DataFrame:
    """Located events grouped by place, under the filter. Mentions are first counted per stored place
    (a few thousand JSON values), so the place's name is read once per place, not once per mention."""
    where, params = _where(store, f)
    return store.con.execute(
        "SELECT json_extract_string(event_loc, '$.name') AS name, loc_country, lat, lon, sum(n)::BIGINT AS events, "
        "sum(g) / sum(n) AS goldstein, list_sort(list_distinct(flatten(list(types)))) AS types FROM ("
        " SELECT event_loc, loc_country, lat, lon, count(*) AS n, sum(goldstein) AS g, list(DISTINCT event) AS types"
        f" FROM events WHERE {where} AND lat IS NOT NULL GROUP BY 1, 2, 3, 4) "
        "GROUP BY 1, 2, 3, 4 ORDER BY events DESC, 1 LIMIT ?",
        [*params, int(limit)],
    ).df()


def countries(store: Source, f: ViewFilter) -> pd.DataFrame:
    """Events per country where they happened (located or not), with mean Goldstein, under the filter."""
    where, params = _where(store, f)
    return store.con.execute(
        "SELECT loc_country AS country, count(*) AS events, avg(goldstein) AS goldstein "
        f"FROM events WHERE {where} AND loc_country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    ).df()


#: Single-actor, single-recipient mentions as (a, r) pairs, counted and summed per pair first: indexing a
#: one-element list is far cheaper than unnesting a million of them.
_PAIRS = (
    "SELECT {a} AS a, {r} AS r, count(*) AS n, sum(goldstein) AS g FROM events WHERE {where} AND {single} GROUP BY 1, 2"
)


def network(store: Source, f: ViewFilter, min_count: int = 1) -> dict[str, Any]:
    """Countries as nodes, their interactions as edges, under the filter (as ``Store.network``)."""
    where, params = _where(store, f)
    edges = store.con.execute(
        "SELECT a AS source, r AS target, n AS events, g / n AS goldstein FROM ("
        + _PAIRS.format(where=where, **_sides(store))
        + ") WHERE a <> r AND n >= ? ORDER BY events DESC, 1, 2 LIMIT 2000",
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


def top_dyads(store: Source, f: ViewFilter, limit: int = 20) -> pd.DataFrame:
    """Undirected dyads by event count, with mean Goldstein, under the filter."""
    where, params = _where(store, f)
    return store.con.execute(
        "SELECT least(a, r) || '-' || greatest(a, r) AS dyad, sum(n)::BIGINT AS events, sum(g) / sum(n) AS goldstein "
        "FROM (" + _PAIRS.format(where=where, **_sides(store)) + ") WHERE a <> r GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
        [*params, int(limit)],
    ).df()


def topics(store: Source, f: ViewFilter, limit: int = 30) -> pd.DataFrame:
    """The themes of the filtered events (enrichment's topics), most frequent first."""
    where, params = _where(store, f)
    return store.con.execute(
        f"SELECT topic, count(*) AS events FROM (SELECT unnest(topics) AS topic FROM events WHERE {where} "
        "AND len(topics) > 0) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
        [*params, int(limit)],
    ).df()


def counts(store: Store) -> dict[str, int]:
    """How many documents, event mentions, quotes and commitments the store holds."""
    row = store.con.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM quotes), "
        "(SELECT count(*) FROM commitments)"
    ).fetchone() or (0, 0, 0, 0)
    return dict(zip(("documents", "events", "quotes", "commitments"), (int(n) for n in row), strict=True))


def facets(store: Source) -> dict[str, Any]:
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
