"""Shared fixtures. The spaCy pipeline is loaded once per test session, and only by tests that ask."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "000_e51a7bb7ba208ab8.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


# --- random order ---------------------------------------------------------------------------------
# Tests run in a random order (modules shuffled, then the tests of each module), so one that leans
# on what an earlier test left behind fails. The seed is printed; to reproduce a run,
# `pytest --order-seed N` (or DYAD_TEST_ORDER_SEED=N) replays it, and
# `--order-seed 0` keeps the file order.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--order-seed",
        type=int,
        default=None,
        help="seed of the random test order (0: file order; default: a new seed each run)",
    )


def _order_seed(config: pytest.Config) -> int:
    import os
    import random

    seed = config.getoption("--order-seed")
    if seed is None:
        seed = int(os.environ.get("DYAD_TEST_ORDER_SEED") or random.SystemRandom().randrange(1, 10**6))
    return seed


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_SEED_KEY] = _order_seed(config)


def pytest_report_header(config: pytest.Config) -> str:
    return f"test order seed: {config.stash[_SEED_KEY]} (replay with --order-seed {config.stash[_SEED_KEY]})"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    # shown with -q too (the header is not), so a failing order can be replayed from any CI log
    terminalreporter.write_line(pytest_report_header(config))


# --- lanes ---------------------------------------------------------------------------------------
# `make test-fast` runs `-m "not slow and not browser and not process"` (markers in pyproject.toml).
# Tests mark themselves; these, in files their owners were changing when the lanes came in, are
# marked here by node id until the mark moves into the file (a node id without "::" is a whole file).
_WATCH = "tests/read/test_watch_process.py"
MARKS_BY_NODE = {
    "tests/api/test_browser.py": ("browser",),
    "tests/api/test_concurrency.py": ("process", "slow"),
    "tests/api/test_fuzz.py": ("slow",),
    "tests/read/test_bad_inputs.py::test_a_hundred_thousand_tiny_articles_stream_through_the_reader": ("slow",),
    "tests/test_evaluate.py::test_agrees_with_score_py_on_the_dev_set": ("slow",),
    "tests/test_evaluate.py::test_article_scoring_agrees_with_score_articles_py": ("slow",),
    "tests/read/test_nothing_lost.py::test_every_corpus_document_is_read_whole": ("slow",),
    _WATCH: ("process", "slow"),  # dyad watch as a process of its own
    "tests/annotate/test_triage.py::test_two_hundred_articles_code_alike_with_and_without_triage": ("slow",),
}


def _mark_lanes(items: list[pytest.Item]) -> None:
    for item in items:
        path, _, name = item.nodeid.partition("::")
        for key in (path, f"{path}::{name.split('[')[0]}"):
            for mark in MARKS_BY_NODE.get(key, ()):
                item.add_marker(mark)


@pytest.hookimpl(tryfirst=True)  # marks are in place before `-m` deselects by them
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    import random

    _mark_lanes(items)
    seed = config.stash[_SEED_KEY]
    if not seed:
        return
    rng = random.Random(seed)
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:  # module-scoped fixtures stay set up once: a module's tests stay together
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    order = list(modules)
    rng.shuffle(order)
    items[:] = []
    for name in order:
        tests = modules[name]
        rng.shuffle(tests)
        items.extend(tests)


_SEED_KEY = pytest.StashKey[int]()


@pytest.fixture(scope="session")
def pipeline():
    from dyad import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def kb(pipeline):
    pipeline.coder  # noqa: B018  loads the knowledge base and lexicon
    return pipeline.kb


@pytest.fixture(scope="session")
def seed_record(pipeline):
    from dyad.read import read_inputs

    (document,) = list(read_inputs([SEED]))
    return pipeline.code_document(document).to_record()


@pytest.fixture
def coded(pipeline):
    """Code a text (optionally dated) and return its record."""
    from dyad.read import ReadSettings, read_text_document

    def run(text: str, date: str | None = None) -> dict:
        document = read_text_document(text, doc_id="t", settings=ReadSettings(default_date=date))
        return pipeline.code_document(document).to_record()

    return run


@pytest.fixture(scope="session")
def corpus200(tmp_path_factory) -> Path:
    """About 200 short articles in four JSONL files, cut from the bundled samples (single sentences,
    and pairs and triples of sentences from different articles, each with its source's date). Enough documents
    for the engines to run in parallel; no two are near-duplicates."""
    import json

    from dyad.read import read_inputs

    sentences: list[tuple[str, str | None]] = []
    for document in read_inputs([ROOT / "samples"]):
        text = document.text.replace("\n", " ")
        for sentence in text.split(". "):
            if len(sentence.split()) >= 6:
                sentences.append((sentence.strip().rstrip(".") + ".", document.date))
    records = [{"id": f"s{i:03d}", "date": date, "text": text} for i, (text, date) in enumerate(sentences)]
    n = len(sentences)
    for i in range(n):
        (first, date), (second, _) = sentences[i], sentences[(i * 7 + n // 2) % n]
        if first != second:
            records.append({"id": f"p{i:03d}", "date": date, "text": f"{first} {second}"})
    for i in range(n):
        parts = dict.fromkeys(sentences[j][0] for j in (i, (i * 11 + n // 3) % n, (i * 13 + 2 * n // 3) % n))
        records.append({"id": f"t{i:03d}", "date": sentences[i][1], "text": " ".join(parts)})
    records = records[:200]
    root = tmp_path_factory.mktemp("corpus200")
    for part in range(4):
        with open(root / f"part{part}.jsonl", "w", encoding="utf-8") as f:
            for record in records[part::4]:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return root
