from __future__ import annotations

import pytest

from dyad.ingest import ingest
from dyad.store import Store

from ..conftest import FIXTURES, ROOT


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, pipeline):
    """The sample corpus plus fixtures, ingested once for the API and browser tests."""
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store(path) as store:
        ingest([ROOT / "samples", FIXTURES / "articles.jsonl", FIXTURES / "hostile.jsonl"], store, pipeline)
    return path
