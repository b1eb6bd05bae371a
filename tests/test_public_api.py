"""The public API is what ``dyad.__all__`` names: adding or removing a name is a decision, made here."""

from __future__ import annotations

from importlib.metadata import version

import dyad

PUBLIC = [
    "CodedDocument",
    "Document",
    "IngestInfo",
    "Pipeline",
    "Store",
    "code",
    "default_pipeline",
    "ingest",
    "__version__",
]


def test_all_names_the_public_api():
    assert sorted(dyad.__all__) == sorted(PUBLIC)
    assert all(hasattr(dyad, name) for name in dyad.__all__)


def test_the_version_is_the_package_metadatas():
    assert dyad.__version__ == version("dyad")
