"""The embedded store: one DuckDB file holding documents, sentences, mentions, events and quotes.

A document and all its annotations are written in one transaction, so a crash never leaves half
a document behind; re-writing a document with the same id and text is a no-op, and with a new
text replaces the old rows. Queries return pandas DataFrames, which is what notebook users want.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

from dyad.actors.dictionaries import ActorRecord
from dyad.errors import DyadError, Msg
from dyad.model import CodedDocument, Entity
from dyad.store.schema import SCHEMA_VERSION, current_version, migrate

DEFAULT_DB = "dyad.duckdb"


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Store:
    """A Dyad database. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise DyadError(Msg.NOT_FOUND.format(path=self.path))
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise DyadError(Msg.BAD_DB.format(path=self.path, error=exc)) from exc
        found = current_version(self.con)
        if found > SCHEMA_VERSION:
            self.con.close()
            raise DyadError(Msg.DB_TOO_NEW.format(path=self.path, found=found, supported=SCHEMA_VERSION))
        if not read_only:
            migrate(self.con)
        elif found < SCHEMA_VERSION:
            self.con.close()
            raise DyadError(Msg.BAD_DB.format(path=self.path, error=f"schema version {found}; open it for "
                                              "writing once (dyad ingest) to migrate"))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- writing --------------------------------------------------------------------------------

    def has(self, doc_id: str, text: str) -> bool:
        """True when the document is stored with exactly this text (nothing to redo)."""
        row = self.con.execute("SELECT text_hash FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row is not None and row[0] == text_hash(text)

    def write(self, coded: CodedDocument) -> bool:
        """Store one coded document atomically; returns False if it was already stored unchanged."""
        doc = coded.document
        if self.has(doc.id, doc.text):
            return False
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table, key in (("documents", "id"), ("sentences", "doc_id"), ("mentions", "doc_id"),
                               ("events", "doc_id"), ("quotes", "doc_id")):
                con.execute(f"DELETE FROM {table} WHERE {key} = ?", [doc.id])
            con.execute(
                "INSERT INTO documents (id, date, title, url, source, origin, text, text_hash, n_events) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc.id, doc.date, doc.title, doc.url, doc.source, doc.origin, doc.text, text_hash(doc.text),
                 len(coded.events)])
            if coded.sentences:
                con.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                                [[doc.id, s.index, s.start, s.end, s.text] for s in coded.sentences])
            if coded.mentions:
                con.executemany(
                    "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [[doc.id, i, m.text, m.start, m.end, m.label, m.entity.code if m.entity else None,
                      m.entity.sector_code if m.entity else None, m.entity.entity_name if m.entity else None,
                      m.entity.kind if m.entity else None] for i, m in enumerate(coded.mentions)])
            if coded.events:
                con.executemany(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?)",
                    [_event_row(doc.id, doc.date, e) for e in coded.events])
            for learned in coded.learned:
                con.execute(
                    "INSERT OR IGNORE INTO actor_aliases (name, code, sector, valid_from, aliases, source, doc_id,"
                    " evidence) VALUES (?, ?, ?, ?, ?, 'learned', ?, ?)",
                    [learned.name, learned.code, learned.sector, doc.date, [], doc.id, learned.evidence])
            if coded.quotes:
                con.executemany(
                    "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?)",
                    [[doc.id, i, q.text, q.speaker.code if q.speaker else None,
                      json.dumps(asdict(q.speaker)) if q.speaker else None, json.dumps(asdict(q.evidence))]
                     for i, q in enumerate(coded.quotes)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return True

    # --- reading --------------------------------------------------------------------------------

    def events(self, actor: str | None = None, dyad: str | None = None, event: str | None = None,
               cameo: str | None = None, since: str | None = None, until: str | None = None,
               directed: bool = False, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Events matching the filters, newest first. ``dyad="TUR-MYS"`` matches both directions
        unless ``directed``; ``cameo`` matches a code and its sub-codes ("04" is every CONSULT)."""
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
            where.append("coalesce(event_date, doc_date) >= CAST(? AS DATE)")
            params.append(since)
        if until:
            where.append("coalesce(event_date, doc_date) <= CAST(? AS DATE)")
            params.append(until)
        sql = (f"SELECT * FROM events WHERE {' AND '.join(where)} "
               "ORDER BY coalesce(event_date, doc_date) DESC NULLS LAST, doc_id, event_id")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self.con.execute(sql, params).df()

    def documents(self, limit: int | None = None) -> pd.DataFrame:
        sql = "SELECT id, date, title, source, origin, n_events, ingested_at FROM documents ORDER BY date, id"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self.con.execute(sql, params).df()

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document with its events, mentions and quotes, as plain data."""
        row = self.con.execute("SELECT id, date, title, url, source, origin, text FROM documents WHERE id = ?",
                               [doc_id]).fetchone()
        if row is None:
            raise DyadError(Msg.NO_DOCUMENT.format(id=doc_id))
        keys = ("id", "date", "title", "url", "source", "origin", "text")
        out: dict[str, Any] = dict(zip(keys, row, strict=True))
        out["date"] = out["date"].isoformat() if out["date"] else None
        out["events"] = self.con.execute("SELECT * FROM events WHERE doc_id = ? ORDER BY sentence, event_id",
                                         [doc_id]).df()
        out["mentions"] = self.con.execute("SELECT * FROM mentions WHERE doc_id = ? ORDER BY idx",
                                           [doc_id]).df()
        out["quotes"] = self.con.execute("SELECT * FROM quotes WHERE doc_id = ? ORDER BY idx", [doc_id]).df()
        return out

    # --- the actor memory ---------------------------------------------------------------------------

    def aliases(self, search: str | None = None) -> pd.DataFrame:
        """Learned and user-added actors, optionally those whose name or aliases contain ``search``."""
        sql = ("SELECT name, code, sector, valid_from, valid_to, aliases, source, doc_id, evidence, created_at "
               "FROM actor_aliases")
        params: list[Any] = []
        if search:
            sql += " WHERE name ILIKE ? OR list_contains(aliases, ?) OR code = upper(?)"
            params += [f"%{search}%", search, search]
        return self.con.execute(sql + " ORDER BY name, code", params).df()

    def alias_records(self) -> list[ActorRecord]:
        rows = self.con.execute(
            "SELECT name, code, sector, valid_from, valid_to, aliases FROM actor_aliases").fetchall()
        return [ActorRecord(name=n, code=c, sector=s, aliases=list(a or []),
                            start=f.isoformat() if f else None, end=t.isoformat() if t else None)
                for n, c, s, f, t, a in rows]

    def add_alias(self, record: ActorRecord, source: str = "user") -> None:
        """Add or replace an actor in the memory (users' edits win over what was learned)."""
        self.con.execute("DELETE FROM actor_aliases WHERE name = ? AND code = ?", [record.name, record.code])
        self.con.execute(
            "INSERT INTO actor_aliases (name, code, sector, valid_from, valid_to, aliases, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [record.name, record.code, record.sector, record.start, record.end, record.aliases, source])

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
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
            "events_by_type": dict(by_type),
            "top_dyads": dict(dyads),
            "schema_version": current_version(con),
        }


def parse_dyad(value: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in value.replace("–", "-").split("-")]
    if len(parts) != 2 or not all(parts):
        raise DyadError(Msg.BAD_DYAD.format(value=value))
    return parts[0], parts[1]


def _entities_json(entities: list[Entity]) -> str:
    return json.dumps([asdict(e) for e in entities], ensure_ascii=False)


def _event_row(doc_id: str, doc_date: str | None, e: Any) -> list[Any]:
    trigger = e.evidence.trigger
    return [
        doc_id, e.id, e.event, e.mode, list(e.context), e.cameo, e.quad_code, e.goldstein,
        sorted({a.code for a in e.actor if a.code}), sorted({r.code for r in e.recipient if r.code}),
        _entities_json(e.actor), _entities_json(e.recipient), e.event_text,
        json.dumps(asdict(e.event_loc), ensure_ascii=False) if e.event_loc else None,
        e.event_loc.country_code if e.event_loc else None, e.event_date, doc_date, e.confidence,
        e.evidence.sentence, e.evidence.start, e.evidence.end, e.evidence.text, e.evidence.rule,
        trigger.start if trigger else None, trigger.end if trigger else None, e.future,
    ]
