"""The store's versioned schema and its migrations.

Each migration is a list of SQL statements; ``migrate`` applies those above the database's
version in one transaction and records the new version in ``dyad_meta``.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 5

#: The columns each table keeps as JSON text. The store writes them and decodes them on the way out
#: (``dyad.store.decode_json_columns``), so no face parses stored JSON.
JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("actor", "recipient", "event_loc"),
    "quotes": ("speaker", "evidence"),
    "commitments": ("actor", "recipient", "evidence"),
    "documents": ("themes",),
}

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE documents (
            id VARCHAR PRIMARY KEY, date DATE, title VARCHAR, url VARCHAR, source VARCHAR,
            origin VARCHAR, text VARCHAR NOT NULL, text_hash VARCHAR NOT NULL,
            n_events INTEGER NOT NULL, ingested_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE sentences (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            text VARCHAR, PRIMARY KEY (doc_id, idx))""",
        """CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start_char INTEGER,
            end_char INTEGER, label VARCHAR, code VARCHAR, sector VARCHAR, entity_name VARCHAR,
            kind VARCHAR, PRIMARY KEY (doc_id, idx))""",
        """CREATE TABLE events (
            doc_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, event VARCHAR NOT NULL,
            mode VARCHAR, context VARCHAR[], cameo VARCHAR NOT NULL, quad_code INTEGER,
            goldstein DOUBLE, actor_codes VARCHAR[], recipient_codes VARCHAR[], actor JSON,
            recipient JSON, event_text VARCHAR, event_loc JSON, loc_country VARCHAR, event_date DATE,
            doc_date DATE, confidence DOUBLE, sentence INTEGER, evidence_start INTEGER,
            evidence_end INTEGER, evidence_text VARCHAR, rule VARCHAR, trigger_start INTEGER,
            trigger_end INTEGER, future BOOLEAN, PRIMARY KEY (doc_id, event_id))""",
        """CREATE TABLE quotes (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, speaker_code VARCHAR,
            speaker JSON, evidence JSON, PRIMARY KEY (doc_id, idx))""",
        "CREATE INDEX events_date ON events (event_date)",
        "CREATE INDEX events_cameo ON events (cameo)",
    ],
    2: [
        # the corpus-level actor memory: people learned from title + nationality, and users' entries
        """CREATE TABLE actor_aliases (
            name VARCHAR NOT NULL, code VARCHAR NOT NULL, sector VARCHAR, valid_from DATE, valid_to DATE,
            aliases VARCHAR[], source VARCHAR NOT NULL, doc_id VARCHAR, evidence VARCHAR,
            created_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (name, code))""",
    ],
    3: [
        # enrichment: event dates with precision, tone, topics; article themes; commitments; duplicates
        "ALTER TABLE events ADD COLUMN date_precision VARCHAR",
        "ALTER TABLE events ADD COLUMN date_text VARCHAR",
        "ALTER TABLE events ADD COLUMN due_date DATE",
        "ALTER TABLE events ADD COLUMN tone DOUBLE",
        "ALTER TABLE events ADD COLUMN topics VARCHAR[]",
        "ALTER TABLE events ADD COLUMN lat DOUBLE",
        "ALTER TABLE events ADD COLUMN lon DOUBLE",
        "ALTER TABLE documents ADD COLUMN tone DOUBLE",
        "ALTER TABLE documents ADD COLUMN themes JSON",
        "ALTER TABLE documents ADD COLUMN duplicate_of VARCHAR",
        "ALTER TABLE documents ADD COLUMN minhash UBIGINT[]",
        "ALTER TABLE quotes ADD COLUMN kind VARCHAR",
        """CREATE TABLE commitments (
            id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, event_id VARCHAR, kind VARCHAR,
            actor_codes VARCHAR[], recipient_codes VARCHAR[], actor JSON, recipient JSON, what VARCHAR,
            cameo VARCHAR, context VARCHAR[], made_on DATE, due DATE, status VARCHAR NOT NULL,
            fulfilled_by VARCHAR, broken_by VARCHAR, evidence JSON)""",
        "CREATE TABLE doc_bands (band VARCHAR NOT NULL, doc_id VARCHAR NOT NULL)",
        "CREATE INDEX doc_bands_band ON doc_bands (band)",
    ],
    4: [
        # DuckDB's zone maps serve range and list filters; these indexes only slowed every write
        "DROP INDEX events_date",
        "DROP INDEX events_cameo",
    ],
    5: [
        # following the news: each feed's validators and last poll, so a restart resumes with
        # conditional GETs; article URLs that gave no document for good (stored ones are documents.url)
        """CREATE TABLE feeds (
            url VARCHAR PRIMARY KEY, label VARCHAR, country VARCHAR, title VARCHAR, etag VARCHAR,
            last_modified VARCHAR, status INTEGER, entries INTEGER, polled_at TIMESTAMP)""",
        """CREATE TABLE web_seen (
            url VARCHAR PRIMARY KEY, reason VARCHAR, feed VARCHAR,
            seen_at TIMESTAMP DEFAULT current_timestamp)""",
    ],
}


def current_version(con: Any) -> int:
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'dyad_meta'").fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT value FROM dyad_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: Any, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target``; returns the version it was at before."""
    found = current_version(con)
    if found >= target:
        return found
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE TABLE IF NOT EXISTS dyad_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        for version in range(found + 1, target + 1):
            for statement in MIGRATIONS[version]:
                con.execute(statement)
        con.execute("INSERT OR REPLACE INTO dyad_meta VALUES ('schema_version', ?)", [str(target)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return found
