"""Store stage: an embedded DuckDB file with a versioned schema (Parquet export for scale later)."""

from dyad.store.duck import DEFAULT_DB, Store, decode_json_columns, parse_dyad
from dyad.store.schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "decode_json_columns", "parse_dyad"]
