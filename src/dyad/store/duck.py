"""The embedded store: one DuckDB file holding documents, sentences, mentions, events and quotes.

A document and all its annotations are written in one transaction, so a crash never leaves half
a document behind; re-writing a document with the same id and text is a no-op, and with a new
text replaces the old rows. Queries return pandas DataFrames, which is what notebook users want.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

from dyad.actors.dictionaries import ActorRecord
from dyad.actors.memory import ActorMemory
from dyad.errors import DyadError, Msg
from dyad.model import CodedDocument, Commitment, CommitmentCandidate, Entity, Settlement, text_hash
from dyad.store import dedup
from dyad.store.schema import JSON_COLUMNS, SCHEMA_VERSION, current_version, migrate

DEFAULT_DB = "dyad.duckdb"
#: A writer's notice older than this is left over from a killed process; readers ignore it.
STALE_WRITER_SECONDS = 60.0


def _insert(con: Any, table: str, columns: list[str], rows: list[list[Any]]) -> None:
    """Insert rows through a registered DataFrame: DuckDB's executemany goes row by row."""
    if not rows:
        return
    name = f"_new_{table}"
    con.register(name, pd.DataFrame(rows, columns=columns))
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM {name}")
    finally:
        con.unregister(name)


def _wait_for_writer(intent: Path, deadline: float) -> None:
    """A reader's courtesy: while a live writer has announced itself, give it the file."""
    while time.monotonic() < deadline:
        try:
            age = time.time() - intent.stat().st_mtime
            pid = int(intent.read_text() or 0)
        except (FileNotFoundError, ValueError):
            return
        if age > STALE_WRITER_SECONDS or not _alive(pid):  # a killed writer left its notice behind
            return
        time.sleep(0.01)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def decode_json_columns(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """``frame`` (rows of ``table``) with the columns stored as JSON text decoded to lists and dicts,
    in place; a NULL stays None. The store's one decoder: every query that returns them uses it."""
    for column in JSON_COLUMNS[table]:
        if column in frame.columns:
            frame[column] = [_decoded(v) for v in frame[column]]
    return frame


def _decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


class Store:
    """A Dyad database. Use as a context manager, or call ``close()``."""

    def __init__(
        self, path: str | Path = DEFAULT_DB, read_only: bool = False, shared: bool = False, wait: float = 30.0
    ) -> None:
        """Open (creating or migrating) a database.

        DuckDB lets one process write a file, or several read it, never both at once. With
        ``shared`` the store holds the file only while it works (a write transaction, a query) and
        lets go between, so an ingest and ``dyad serve`` can run side by side: a writer announces
        itself and readers step aside; either side waits up to ``wait`` seconds for the other.
        """
        self.path = str(path)
        self.read_only = read_only
        self.shared = shared
        self.wait = wait
        self._con: Any = None
        self._known: dict[str, str] | None = None  # shared writers: stored ids -> text hashes
        if read_only and not Path(self.path).exists():
            raise DyadError(Msg.NOT_FOUND.format(path=self.path))
        con = self.con
        found = current_version(con)
        if found > SCHEMA_VERSION:
            self.close()
            raise DyadError(Msg.DB_TOO_NEW.format(path=self.path, found=found, supported=SCHEMA_VERSION))
        if not read_only:
            migrate(con)
        elif found < SCHEMA_VERSION:
            self.close()
            raise DyadError(
                Msg.BAD_DB.format(
                    path=self.path, error=f"schema version {found}; open it for writing once (dyad ingest) to migrate"
                )
            )
        self.release()

    @property
    def con(self) -> Any:
        """The DuckDB connection, opened when first needed (and again after ``release``)."""
        if self._con is None:
            self._con = self._connect()
        return self._con

    @property
    def _intent(self) -> Path:
        return Path(self.path + ".writer")

    def _connect(self) -> Any:
        import duckdb

        deadline = time.monotonic() + self.wait
        if self.shared and not self.read_only:
            self._intent.write_text(str(os.getpid()))  # readers step aside until this writer has had its turn
        while True:
            if self.read_only and self.shared:
                _wait_for_writer(self._intent, deadline)
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                # another process holds the file, or this one has it open the other way (read-only
                # requests beside an upload's write in the API server): wait for it to let go
                busy = "lock" in str(exc).lower() or "different configuration" in str(exc)
                if not busy or time.monotonic() > deadline:
                    raise DyadError(Msg.DB_BUSY.format(path=self.path, error=exc)) from exc
                time.sleep(0.02)
            except duckdb.Error as exc:
                raise DyadError(Msg.BAD_DB.format(path=self.path, error=exc)) from exc

    def release(self) -> None:
        """Let go of the file between units of work (shared stores only)."""
        if self.shared and self._con is not None:
            self._con.close()
            self._con = None
            if not self.read_only:
                self._intent.unlink(missing_ok=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self.shared and not self.read_only:
            self._intent.unlink(missing_ok=True)

    # --- writing --------------------------------------------------------------------------------

    def has(self, doc_id: str, text: str) -> bool:
        """True when the document is stored with exactly this text (nothing to redo)."""
        if self.shared:  # asking the file each time would hold it; one read, then kept in step
            known = self._known if self._known is not None else self.stored_hashes()
            self.release()
            return known.get(doc_id) == text_hash(text)
        row = self.con.execute("SELECT text_hash FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row is not None and row[0] == text_hash(text)

    def stored_hashes(self) -> dict[str, str]:
        """Every stored document id with its text hash: what engines need not code again.

        A shared store reads them once and keeps them in step with its own writes, so the
        engines' question and ``has`` do not read the whole table twice."""
        if self._known is not None:
            return dict(self._known)
        known = dict(self.con.execute("SELECT id, text_hash FROM documents").fetchall())
        if self.shared:
            self._known = dict(known)
        return known

    def default_parquet_dir(self) -> Path:
        """Where the Ray engine leaves its Parquet by default: beside the database file."""
        return Path(self.path).with_name(Path(self.path).name + ".parquet")

    def write(self, coded: CodedDocument) -> bool:
        """Store one coded document atomically; returns False if it was already stored unchanged."""
        return self.write_many([coded]) == 1

    def write_many(self, batch: list[CodedDocument]) -> int:
        """Store documents in one transaction (all or none); returns how many were new or changed.

        Rows of the whole batch go in with one statement a table (a statement costs about a
        millisecond, and a document has eight tables' rows); a document id that comes twice is
        written in a later group, after the first (``_unique_runs``)."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            written = sum(self._write_group(group) for group in _unique_runs(batch))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            self.release()
        if self._known is not None:
            self._known.update((c.document.id, text_hash(c.document.text)) for c in batch)
        return written

    def _write_group(self, group: list[CodedDocument]) -> int:
        """Write documents with distinct ids: those stored with the same text are left alone, a
        changed text replaces every row of the old one."""
        con = self.con
        stored = dict(
            con.execute(
                "SELECT id, text_hash FROM documents WHERE id IN (SELECT unnest(?))", [[c.document.id for c in group]]
            ).fetchall()
        )
        fresh = [c for c in group if stored.get(c.document.id) != text_hash(c.document.text)]
        replaced = [c.document.id for c in fresh if c.document.id in stored]
        if replaced:
            for table, key in _DOCUMENT_TABLES:
                con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [replaced])
        if not fresh:
            return 0
        rows = _BatchRows()
        for coded, (sig, duplicate_of) in zip(fresh, self._duplicates_of(fresh), strict=True):
            rows.add(coded, sig, duplicate_of)
        rows.insert(con)
        return len(fresh)

    def _duplicates_of(self, fresh: list[CodedDocument]) -> list[tuple[list[int], str | None]]:
        """Each document's MinHash signature and the earliest article it nearly duplicates (over
        5-word shingles): among those stored and those before it in ``fresh``."""
        signatures = [dedup.signature(c.document.text) for c in fresh]
        bands = sorted({band for sig in signatures for band in dedup.bands(sig)})
        # band -> [(id, signature, duplicate_of)] of stored documents, then of this batch's
        candidates: dict[Any, list[tuple[str, list[int], str | None]]] = {}
        for band, other, other_sig, dup in self.con.execute(
            "SELECT DISTINCT b.band, d.id, d.minhash, d.duplicate_of FROM doc_bands b"
            " JOIN documents d ON d.id = b.doc_id WHERE b.band IN (SELECT unnest(?))",
            [bands],
        ).fetchall():
            candidates.setdefault(band, []).append((other, list(other_sig or ()), dup))
        out: list[tuple[list[int], str | None]] = []
        for coded, sig in zip(fresh, signatures, strict=True):
            doc_id = coded.document.id
            doc_bands = dedup.bands(sig)
            seen: dict[str, tuple[list[int], str | None]] = {}
            for band in doc_bands:
                for other, other_sig, dup in candidates.get(band, ()):
                    if other != doc_id:
                        seen[other] = (other_sig, dup)
            matches = [
                dup or other
                for other, (other_sig, dup) in seen.items()
                if other_sig and dedup.similarity(sig, other_sig) >= dedup.THRESHOLD
            ]
            duplicate_of = min(matches) if matches else None
            out.append((sig, duplicate_of))
            for band in doc_bands:  # later documents of the batch may duplicate this one
                candidates.setdefault(band, []).append((doc_id, sig, duplicate_of))
        return out

    def commitment_candidates(
        self, first: int = 16, skip: int = 0, among: list[str] | None = None
    ) -> list[CommitmentCandidate]:
        """Open commitments (all, or those ``among``), each beside the later events between its parties
        (two of them, or its only one; never its own event), the ``skip``+1-th to ``skip``+``first``-th in
        the order they happened: what ``enrich.commitments.settle`` judges. One query for all
        commitments, a page of events each: most are settled by one of their first few."""
        rows = self.con.execute(
            "WITH c AS (SELECT id, doc_id, event_id, cameo, actor_codes, recipient_codes, made_on, "
            "list_distinct(list_concat(actor_codes, recipient_codes)) AS parties FROM commitments "
            "WHERE status = 'open' AND (? IS NULL OR list_contains(?, id))), "
            "cp AS (SELECT id, unnest(parties) AS party FROM c), "
            "e AS (SELECT doc_id, event_id, coalesce(event_date, doc_date) AS day, "
            "unnest(list_distinct(list_concat(actor_codes, recipient_codes))) AS party FROM events), "
            "shared AS (SELECT cp.id, e.doc_id, e.event_id, e.day, count(*) AS n FROM cp JOIN e USING (party) "
            "GROUP BY ALL), "
            "pairs AS (SELECT c.id, c.cameo, c.actor_codes, c.recipient_codes, s.doc_id, s.event_id, s.day "
            "FROM shared s JOIN c USING (id) WHERE s.n >= least(2, len(c.parties)) AND s.day > c.made_on "
            "AND NOT (s.doc_id = c.doc_id AND s.event_id = c.event_id) "
            "QUALIFY row_number() OVER (PARTITION BY c.id ORDER BY s.day, s.doc_id, s.event_id) BETWEEN ? AND ?) "
            "SELECT p.id, p.cameo, p.actor_codes, p.recipient_codes, p.doc_id || ':' || p.event_id, ev.cameo, "
            "ev.actor_codes, ev.recipient_codes FROM pairs p JOIN events ev USING (doc_id, event_id) "
            "ORDER BY p.id, p.day, p.doc_id, p.event_id",
            [among, among, skip + 1, skip + first],
        ).fetchall()
        return [
            CommitmentCandidate(
                cid,
                cameo,
                list(actors or []),
                list(recipients or []),
                event,
                ecameo,
                list(eactors or []),
                list(erecipients or []),
            )
            for cid, cameo, actors, recipients, event, ecameo, eactors, erecipients in rows
        ]

    def settle_commitments(self, settlements: list[Settlement]) -> int:
        """Record which commitments later events fulfilled or broke, in one statement; returns how many."""
        if settlements:
            frame = pd.DataFrame(
                [[s.commitment_id, s.status, s.by] for s in settlements], columns=["id", "status", "by_event"]
            )
            self.con.register("_settled", frame)
            try:
                self.con.execute(
                    "UPDATE commitments SET status = s.status, "
                    "fulfilled_by = CASE WHEN s.status = 'fulfilled' THEN s.by_event END, "
                    "broken_by = CASE WHEN s.status = 'broken' THEN s.by_event END "
                    "FROM _settled s WHERE commitments.id = s.id"
                )
            finally:
                self.con.unregister("_settled")
        self.release()
        return len(settlements)

    def commitments(
        self, dyad: str | None = None, status: str | None = None, actor: str | None = None, limit: int | None = None
    ) -> pd.DataFrame:
        """Commitment records, newest first; ``dyad`` matches both directions."""
        where, params = ["1 = 1"], []  # type: tuple[list[str], list[Any]]
        if dyad:
            a, b = parse_dyad(dyad)
            where.append(
                "((list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?)) OR "
                "(list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?)))"
            )
            params += [a, b, b, a]
        if actor:
            where.append("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))")
            params += [actor.upper(), actor.upper()]
        if status:
            where.append("status = ?")
            params.append(status)
        sql = f"SELECT * FROM commitments WHERE {' AND '.join(where)} ORDER BY made_on DESC NULLS LAST, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return decode_json_columns(self.con.execute(sql, params).df(), "commitments")

    def quotes(self, speaker: str | None = None, dyad: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Quotes, newest first; with ``dyad``, quotes by either side in articles about both."""
        sql = "SELECT q.*, d.date AS doc_date, d.title FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE 1 = 1"
        params: list[Any] = []
        if speaker:
            sql += " AND q.speaker_code = ?"
            params.append(speaker.upper())
        if dyad:
            a, b = parse_dyad(dyad)
            sql += (
                " AND q.speaker_code IN (?, ?) AND q.doc_id IN (SELECT doc_id FROM events WHERE "
                "(list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?)) OR "
                "(list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?)))"
            )
            params += [a, b, a, b, b, a]
        sql += " ORDER BY d.date DESC NULLS LAST, q.doc_id, q.idx"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return decode_json_columns(self.con.execute(sql, params).df(), "quotes")

    def canonical_events(self, dyad: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """One real event, one row: mentions of the same act (type, actor, recipient, day, place)
        across articles, with mention, article and source counts; near-duplicate articles count once."""
        where, params = ["d.duplicate_of IS NULL", "len(e.actor_codes) > 0"], []  # type: tuple[list[str], list[Any]]
        if dyad:
            a, b = parse_dyad(dyad)
            where.append(
                "((list_contains(e.actor_codes, ?) AND list_contains(e.recipient_codes, ?)) OR "
                "(list_contains(e.actor_codes, ?) AND list_contains(e.recipient_codes, ?)))"
            )
            params += [a, b, b, a]
        sql = (
            "SELECT e.event, array_to_string(e.actor_codes, ',') AS actor, "
            "array_to_string(e.recipient_codes, ',') AS recipient, coalesce(e.event_date, e.doc_date) AS date, "
            "e.loc_country AS place, min(e.cameo) AS cameo, count(*) AS mentions, "
            "count(DISTINCT e.doc_id) AS articles, "
            "count(DISTINCT coalesce(d.source, d.id)) AS sources, avg(e.goldstein) AS goldstein, "
            "list(e.doc_id || ':' || e.event_id ORDER BY e.doc_id, e.event_id) AS members "
            f"FROM events e JOIN documents d ON d.id = e.doc_id WHERE {' AND '.join(where)} "
            "GROUP BY 1, 2, 3, 4, 5 ORDER BY date DESC NULLS LAST, mentions DESC"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self.con.execute(sql, params).df()

    # --- reading --------------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        dyad: str | None = None,
        event: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        until: str | None = None,
        directed: bool = False,
        limit: int | None = None,
        offset: int = 0,
        source: str | None = None,
    ) -> pd.DataFrame:
        """Events matching the filters, newest first. ``dyad="TUR-MYS"`` matches both directions
        unless ``directed``; ``cameo`` matches a code and its sub-codes ("04" is every CONSULT); ``source``
        keeps events of articles from that outlet."""
        frame, _ = self.search_events(
            actor=actor,
            dyad=dyad,
            event=event,
            cameo=cameo,
            since=since,
            until=until,
            directed=directed,
            limit=limit,
            offset=offset,
            count=False,
            source=source,
        )
        return frame

    def search_events(
        self,
        actor: str | None = None,
        dyad: str | None = None,
        event: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        doc_id: str | None = None,
        directed: bool = False,
        sort: str = "date",
        limit: int | None = None,
        offset: int = 0,
        count: bool = True,
        source: str | None = None,
    ) -> tuple[pd.DataFrame, int | None]:
        """Events and how many match in all (for pagination). Every value is a bound parameter."""
        where, params = _event_filters(actor, dyad, event, cameo, since, until, text, doc_id, directed, source)
        order = {
            "date": "coalesce(event_date, doc_date) DESC NULLS LAST, doc_id, event_id",
            "confidence": "confidence DESC, doc_id, event_id",
            "goldstein": "goldstein, doc_id, event_id",
        }[sort]
        sql = f"SELECT * FROM events WHERE {where} ORDER BY {order}"
        page = list(params)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            page += [int(limit), int(offset)]
        frame = decode_json_columns(self.con.execute(sql, page).df(), "events")
        total = None
        if count:
            row = self.con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
            total = int(row[0]) if row else 0
        return frame, total

    def timeline(self, dyad: str | None = None, actor: str | None = None, interval: str = "month") -> pd.DataFrame:
        """Per period and quad class: event count, mean and summed Goldstein."""
        if interval not in ("day", "week", "month", "year"):
            raise DyadError(f"interval must be day, week, month or year, not {interval!r}")
        where, params = _event_filters(actor, dyad, None, None, None, None, None, None, False)
        return self.con.execute(
            f"SELECT date_trunc('{interval}', coalesce(event_date, doc_date)) AS period, quad_code, "
            "count(*) AS events, avg(goldstein) AS goldstein_mean, sum(goldstein) AS goldstein_sum "
            f"FROM events WHERE {where} AND coalesce(event_date, doc_date) IS NOT NULL "
            "GROUP BY 1, 2 ORDER BY 1, 2",
            params,
        ).df()

    def network(self, since: str | None = None, until: str | None = None, min_count: int = 1) -> dict[str, Any]:
        """Countries as nodes, their interactions as edges (the dashboard's network query, unfiltered but
        for dates)."""
        from dyad.store.views import ViewFilter, network

        return network(self, ViewFilter(since=since, until=until), min_count=min_count)

    def top_dyads(self, limit: int = 20) -> pd.DataFrame:
        """Undirected dyads by event count, with mean Goldstein."""
        return self.con.execute(
            "SELECT least(a, r) || '-' || greatest(a, r) AS dyad, count(*) AS events, avg(goldstein) AS goldstein "
            "FROM (SELECT unnest(actor_codes) AS a, unnest(recipient_codes) AS r, goldstein FROM events "
            "WHERE len(actor_codes) = 1 AND len(recipient_codes) = 1) WHERE a <> r "
            "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
            [int(limit)],
        ).df()

    def places(self, dyad: str | None = None, limit: int = 2000) -> pd.DataFrame:
        where, params = _event_filters(None, dyad, None, None, None, None, None, None, False)
        return self.con.execute(
            "SELECT json_extract_string(event_loc, '$.name') AS name, loc_country, lat, lon, count(*) AS events, "
            "avg(goldstein) AS goldstein, list(DISTINCT event) AS types "
            f"FROM events WHERE {where} AND lat IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY events DESC LIMIT ?",
            [*params, int(limit)],
        ).df()

    def documents(self, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        sql = (
            "SELECT id, date, title, source, origin, n_events, tone, duplicate_of, ingested_at FROM documents "
            "ORDER BY date DESC NULLS LAST, id"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self.con.execute(sql, params).df()

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document with its events, mentions and quotes, as plain data."""
        row = self.con.execute(
            "SELECT id, date, title, url, source, origin, text FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise DyadError(Msg.NO_DOCUMENT.format(id=doc_id))
        keys = ("id", "date", "title", "url", "source", "origin", "text")
        out: dict[str, Any] = dict(zip(keys, row, strict=True))
        out["date"] = out["date"].isoformat() if out["date"] else None
        con = self.con
        out["events"] = decode_json_columns(
            con.execute("SELECT * FROM events WHERE doc_id = ? ORDER BY sentence, event_id", [doc_id]).df(), "events"
        )
        out["mentions"] = con.execute("SELECT * FROM mentions WHERE doc_id = ? ORDER BY idx", [doc_id]).df()
        out["quotes"] = decode_json_columns(
            con.execute("SELECT * FROM quotes WHERE doc_id = ? ORDER BY idx", [doc_id]).df(), "quotes"
        )
        out["commitments"] = decode_json_columns(
            con.execute("SELECT * FROM commitments WHERE doc_id = ? ORDER BY id", [doc_id]).df(), "commitments"
        )
        meta = con.execute("SELECT tone, themes, duplicate_of FROM documents WHERE id = ?", [doc_id]).fetchone()
        tone, themes, duplicate_of = meta if meta else (None, None, None)
        out["tone"], out["themes"], out["duplicate_of"] = tone, _decoded(themes) or {}, duplicate_of
        return out

    # --- following the news: feed state and URLs already handled -----------------------------------

    def feed_state(self, url: str) -> dict[str, Any] | None:
        """What the last poll of a feed left: its ETag and Last-Modified (to ask only for changes)."""
        try:
            row = self.con.execute(
                "SELECT etag, last_modified, status, entries, polled_at, title FROM feeds WHERE url = ?", [url]
            ).fetchone()
        finally:
            self.release()
        if row is None:
            return None
        return dict(zip(("etag", "last_modified", "status", "entries", "polled_at", "title"), row, strict=True))

    def save_feed_state(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        status: int,
        entries: int,
        label: str | None = None,
        country: str | None = None,
        title: str | None = None,
    ) -> None:
        """Record a finished poll (only once every entry it listed is stored or rejected for good)."""
        try:
            self.con.execute(
                "INSERT OR REPLACE INTO feeds (url, label, country, title, etag, last_modified, status, entries, "
                "polled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)",
                [url, label, country, title, etag, last_modified, status, entries],
            )
        finally:
            self.release()

    def feeds(self) -> pd.DataFrame:
        """Every feed polled, with its last status and time."""
        try:
            return self.con.execute("SELECT * FROM feeds ORDER BY url").df()
        finally:
            self.release()

    def known_urls(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` (normalised) stored as documents or rejected for good: not fetched again."""
        if not urls:
            return set()
        try:
            rows = self.con.execute(
                "SELECT url FROM documents WHERE list_contains(?, url) UNION SELECT url FROM web_seen "
                "WHERE list_contains(?, url)",
                [urls, urls],
            ).fetchall()
        finally:
            self.release()
        return {row[0] for row in rows}

    def mark_url(self, url: str, reason: str, feed: str | None = None) -> None:
        """Remember a URL that will never give a document (not HTML, 404, disallowed, a stub)."""
        try:
            self.con.execute(
                "INSERT OR REPLACE INTO web_seen (url, reason, feed) VALUES (?, ?, ?)", [url, reason, feed]
            )
        finally:
            self.release()

    def has_text(self, text: str) -> bool:
        """True when a document with exactly this text is stored, under any id."""
        digest = text_hash(text)
        if self.shared and self._known is not None:
            return digest in set(self._known.values())
        try:
            return (
                self.con.execute("SELECT 1 FROM documents WHERE text_hash = ? LIMIT 1", [digest]).fetchone() is not None
            )
        finally:
            self.release()

    # --- the actor memory ---------------------------------------------------------------------------

    def aliases(self, search: str | None = None) -> pd.DataFrame:
        """Learned and user-added actors, optionally those whose name or aliases contain ``search``."""
        sql = (
            "SELECT name, code, sector, valid_from, valid_to, aliases, source, doc_id, evidence, created_at "
            "FROM actor_aliases"
        )
        params: list[Any] = []
        if search:
            sql += " WHERE name ILIKE ? OR list_contains(aliases, ?) OR code = upper(?)"
            params += [f"%{search}%", search, search]
        return self.con.execute(sql + " ORDER BY name, code", params).df()

    def actor_memory(self) -> ActorMemory:
        """The memory a run is taught: people learned by earlier runs, and users' entries (which win)."""
        learned: list[ActorRecord] = []
        users: list[ActorRecord] = []
        for source, record in self._alias_rows():
            (learned if source == "learned" else users).append(record)
        return ActorMemory(learned=learned, users=users)

    def alias_records(self) -> list[ActorRecord]:
        """Every remembered actor, learned or added by users."""
        return [record for _, record in self._alias_rows()]

    def _alias_rows(self) -> list[tuple[str, ActorRecord]]:
        # a fixed order: the knowledge base breaks ties by order, and every run must break them alike
        rows = self.con.execute(
            "SELECT source, name, code, sector, valid_from, valid_to, aliases FROM actor_aliases "
            "ORDER BY name, code, sector NULLS FIRST, valid_from NULLS FIRST, source"
        ).fetchall()
        return [
            (
                src,
                ActorRecord(
                    name=n,
                    code=c,
                    sector=s,
                    aliases=list(a or []),
                    start=f.isoformat() if f else None,
                    end=t.isoformat() if t else None,
                ),
            )
            for src, n, c, s, f, t, a in rows
        ]

    def add_alias(self, record: ActorRecord, source: str = "user") -> None:
        """Add or replace an actor in the memory (users' edits win over what was learned)."""
        self.con.execute("DELETE FROM actor_aliases WHERE name = ? AND code = ?", [record.name, record.code])
        self.con.execute(
            "INSERT INTO actor_aliases (name, code, sector, valid_from, valid_to, aliases, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [record.name, record.code, record.sector, record.start, record.end, record.aliases, source],
        )

    def remove_alias(self, name: str, code: str | None = None) -> int:
        params: list[Any] = [name]
        sql = "DELETE FROM actor_aliases WHERE name = ?"
        if code:
            sql += " AND code = ?"
            params.append(code.upper())
        before = self._count("actor_aliases")
        self.con.execute(sql, params)
        removed = before - self._count("actor_aliases")
        if not removed:
            raise DyadError(Msg.NO_ALIAS.format(name=name))
        return removed

    def _count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> dict[str, Any]:
        con = self.con

        def one(sql: str) -> Any:
            row = con.execute(sql).fetchone()
            return row[0] if row else None

        by_type = con.execute("SELECT event, count(*) FROM events GROUP BY event ORDER BY 2 DESC").fetchall()
        dyads = con.execute(
            "SELECT a || '-' || r AS dyad, count(*) AS n FROM ("
            " SELECT unnest(actor_codes) AS a, unnest(recipient_codes) AS r FROM events"
            " WHERE len(actor_codes) = 1 AND len(recipient_codes) = 1) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
        ).fetchall()
        first, last = con.execute("SELECT min(date), max(date) FROM documents").fetchone() or (None, None)
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "events": one("SELECT count(*) FROM events"),
            "sentences": one("SELECT count(*) FROM sentences"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "commitments": one("SELECT count(*) FROM commitments"),
            "duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
            "events_by_type": dict(by_type),
            "top_dyads": dict(dyads),
            "schema_version": current_version(con),
        }


def _event_filters(
    actor: str | None,
    dyad: str | None,
    event: str | None,
    cameo: str | None,
    since: str | None,
    until: str | None,
    text: str | None,
    doc_id: str | None,
    directed: bool,
    source: str | None = None,
) -> tuple[str, list[Any]]:
    """A WHERE clause and its parameters; nothing from the caller is ever spliced into the SQL."""
    where, params = ["1 = 1"], []  # type: tuple[list[str], list[Any]]
    if actor:
        where.append("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))")
        params += [actor.upper(), actor.upper()]
    if dyad:
        a, b = parse_dyad(dyad)
        clause = "(list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?))"
        if directed:
            where.append(clause)
            params += [a, b]
        else:
            where.append(f"({clause} OR {clause})")
            params += [a, b, b, a]
    if event:
        where.append("event = ?")
        params.append(event.upper())
    if cameo:
        where.append("starts_with(cameo, ?)")
        params.append(cameo)
    if since:
        where.append("coalesce(event_date, doc_date) >= TRY_CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("coalesce(event_date, doc_date) <= TRY_CAST(? AS DATE)")
        params.append(until)
    if text:
        where.append("contains(lower(evidence_text), lower(?))")
        params.append(text)
    if doc_id:
        where.append("doc_id = ?")
        params.append(doc_id)
    if source:  # events of articles from one outlet
        where.append("doc_id IN (SELECT id FROM documents WHERE source = ?)")
        params.append(source)
    return " AND ".join(where), params


#: The commitments table's columns a new commitment fills (``broken_by`` is set only when one is broken).
#: Every table with rows of a document, and the column naming it.
_DOCUMENT_TABLES = (
    ("documents", "id"),
    ("sentences", "doc_id"),
    ("mentions", "doc_id"),
    ("events", "doc_id"),
    ("quotes", "doc_id"),
    ("commitments", "doc_id"),
    ("doc_bands", "doc_id"),
)

DOCUMENT_COLUMNS = [
    "id", "date", "title", "url", "source", "origin", "text", "text_hash", "n_events", "tone", "themes",
    "duplicate_of", "minhash",
]  # fmt: skip
MENTION_COLUMNS = ["doc_id", "idx", "text", "start_char", "end_char", "label", "code", "sector", "entity_name", "kind"]
QUOTE_COLUMNS = ["doc_id", "idx", "text", "speaker_code", "speaker", "evidence", "kind"]
LEARNED_COLUMNS = ["name", "code", "sector", "valid_from", "aliases", "source", "doc_id", "evidence"]


def _unique_runs(batch: list[CodedDocument]) -> list[list[CodedDocument]]:
    """``batch`` in order, cut wherever a document id comes again (the later text wins)."""
    runs: list[list[CodedDocument]] = [[]]
    ids: set[str] = set()
    for coded in batch:
        if coded.document.id in ids:
            runs.append([])
            ids = set()
        runs[-1].append(coded)
        ids.add(coded.document.id)
    return runs


class _BatchRows:
    """The rows of several coded documents, table by table, to insert with one statement each."""

    def __init__(self) -> None:
        self.documents: list[list[Any]] = []
        self.bands: list[list[Any]] = []
        self.commitments: list[list[Any]] = []
        self.sentences: list[list[Any]] = []
        self.mentions: list[list[Any]] = []
        self.events: list[list[Any]] = []
        self.learned: list[list[Any]] = []
        self.quotes: list[list[Any]] = []

    def add(self, coded: CodedDocument, sig: list[int], duplicate_of: str | None) -> None:
        doc = coded.document
        self.documents.append(
            [
                doc.id, doc.date, doc.title, doc.url, doc.source, doc.origin, doc.text, text_hash(doc.text),
                len(coded.events), coded.tone, json.dumps(coded.themes), duplicate_of, sig,
            ]
        )  # fmt: skip
        self.bands.extend([band, doc.id] for band in dedup.bands(sig))
        self.commitments.extend(_commitment_row(doc.id, c) for c in coded.commitments)
        self.sentences.extend([doc.id, s.index, s.start, s.end, s.text] for s in coded.sentences)
        self.mentions.extend(_mention_row(doc.id, i, m) for i, m in enumerate(coded.mentions))
        self.events.extend(_event_row(doc.id, doc.date, e) for e in coded.events)
        self.learned.extend(
            [learned.name, learned.code, learned.sector, doc.date, [], "learned", doc.id, learned.evidence]
            for learned in coded.learned
        )
        self.quotes.extend(_quote_row(doc.id, i, q) for i, q in enumerate(coded.quotes))

    def insert(self, con: Any) -> None:
        # documents, commitments and learned aliases row by row (there are few): their list
        # columns need DuckDB's own parameter types (unsigned hashes, empty lists), not a
        # DataFrame's guess
        _insert_each(con, "documents", DOCUMENT_COLUMNS, self.documents)
        _insert(con, "doc_bands", ["band", "doc_id"], self.bands)
        _insert_each(con, "commitments", COMMITMENT_COLUMNS, self.commitments)
        _insert(con, "sentences", ["doc_id", "idx", "start_char", "end_char", "text"], self.sentences)
        _insert(con, "mentions", MENTION_COLUMNS, self.mentions)
        _insert(con, "events", list(EVENT_COLUMNS), self.events)
        _insert_each(con, "actor_aliases", LEARNED_COLUMNS, self.learned, verb="INSERT OR IGNORE")
        _insert(con, "quotes", QUOTE_COLUMNS, self.quotes)


def _insert_each(con: Any, table: str, columns: list[str], rows: list[list[Any]], verb: str = "INSERT") -> None:
    if rows:
        con.executemany(f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})", rows)


def _mention_row(doc_id: str, i: int, m: Any) -> list[Any]:
    entity = m.entity
    return [
        doc_id, i, m.text, m.start, m.end, m.label,
        entity.code if entity else None, entity.sector_code if entity else None,
        entity.entity_name if entity else None, entity.kind if entity else None,
    ]  # fmt: skip


def _quote_row(doc_id: str, i: int, q: Any) -> list[Any]:
    return [
        doc_id,
        i,
        q.text,
        q.speaker.code if q.speaker else None,
        json.dumps(asdict(q.speaker), ensure_ascii=False) if q.speaker else None,
        json.dumps(asdict(q.evidence), ensure_ascii=False),
        "indirect" if ":indirect:" in q.evidence.rule else "direct",
    ]


COMMITMENT_COLUMNS = [
    "id",
    "doc_id",
    "event_id",
    "kind",
    "actor_codes",
    "recipient_codes",
    "actor",
    "recipient",
    "what",
    "cameo",
    "context",
    "made_on",
    "due",
    "status",
    "fulfilled_by",
    "evidence",
]


def _commitment_row(doc_id: str, commitment: Commitment) -> list[Any]:
    values: dict[str, Any] = {
        **commitment,
        "doc_id": doc_id,
        "actor": json.dumps(commitment["actor"], ensure_ascii=False),
        "recipient": json.dumps(commitment["recipient"], ensure_ascii=False),
        "evidence": json.dumps(commitment["evidence"], ensure_ascii=False),
    }
    return [values[column] for column in COMMITMENT_COLUMNS]


def parse_dyad(value: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in value.replace("–", "-").split("-")]
    if len(parts) != 2 or not all(parts):
        raise DyadError(Msg.BAD_DYAD.format(value=value))
    return parts[0], parts[1]


def _entities_json(entities: list[Entity]) -> str:
    return json.dumps([asdict(e) for e in entities], ensure_ascii=False)


EVENT_COLUMNS = (
    "doc_id",
    "event_id",
    "event",
    "mode",
    "context",
    "cameo",
    "quad_code",
    "goldstein",
    "actor_codes",
    "recipient_codes",
    "actor",
    "recipient",
    "event_text",
    "event_loc",
    "loc_country",
    "event_date",
    "doc_date",
    "confidence",
    "sentence",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "rule",
    "trigger_start",
    "trigger_end",
    "future",
    "date_precision",
    "date_text",
    "due_date",
    "tone",
    "topics",
    "lat",
    "lon",
)


def _event_row(doc_id: str, doc_date: str | None, e: Any) -> list[Any]:
    trigger = e.evidence.trigger
    loc = e.event_loc
    return [
        doc_id,
        e.id,
        e.event,
        e.mode,
        list(e.context),
        e.cameo,
        e.quad_code,
        e.goldstein,
        sorted({a.code for a in e.actor if a.code}),
        sorted({r.code for r in e.recipient if r.code}),
        _entities_json(e.actor),
        _entities_json(e.recipient),
        e.event_text,
        json.dumps(asdict(loc), ensure_ascii=False) if loc else None,
        loc.country_code if loc else None,
        e.event_date,
        doc_date,
        e.confidence,
        e.evidence.sentence,
        e.evidence.start,
        e.evidence.end,
        e.evidence.text,
        e.evidence.rule,
        trigger.start if trigger else None,
        trigger.end if trigger else None,
        e.future,
        e.date_precision,
        e.date_text,
        e.due_date,
        e.tone,
        list(e.topics),
        loc.lat if loc else None,
        loc.lon if loc else None,
    ]
