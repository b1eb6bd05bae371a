"""BENCHMARKS.md upkeep shared by the benchmark scripts: each owns one section and rewrites only it."""

from __future__ import annotations

from pathlib import Path

HEADER = "# Benchmarks\n\nEvery figure is a ratio of timings measured in the same run, on the machine named.\n\n"


def replace_section(out: Path, marker: str, section: str) -> None:
    """Put ``section`` in place of the section starting with ``marker`` (or append it), keeping the rest."""
    body = out.read_text(encoding="utf-8") if out.exists() else HEADER
    if marker in body:
        before, _, rest = body.partition(marker)
        after = rest.split("\n## ", 1)
        body = before + section + ("\n## " + after[1] if len(after) > 1 else "")
    else:
        body = body.rstrip() + "\n\n" + section
    out.write_text(body, encoding="utf-8")
