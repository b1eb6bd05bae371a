"""Store stage: an embedded DuckDB file with a versioned schema (Parquet export for scale later)."""

from dyad.store.duck import DEFAULT_DB, Store, parse_dyad
from dyad.store.schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "parse_dyad"]
