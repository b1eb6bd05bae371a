"""The coder's word lists, read from ``data/lexicon/words.tsv`` (language data kept apart from the
rules that read it, as spaCy keeps its language data).

A list opens with ``## NAME: what it is for`` and holds one word a line; ``#`` lines are comments.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class WordLists(Mapping[str, frozenset[str]]):
    """Named, read-only word lists with what each is for."""

    lists: dict[str, tuple[str, ...]]
    purposes: dict[str, str]

    def __getitem__(self, name: str) -> frozenset[str]:
        return frozenset(self.lists[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self.lists)

    def __len__(self) -> int:
        return len(self.lists)

    def tuple(self, name: str) -> tuple[str, ...]:
        """A list in its written order (where order is a preference)."""
        return self.lists[name]


def parse_word_lists(text: str, source: str = "words.tsv") -> WordLists:
    """Parse the word-list format; a word outside a list is an error naming its line."""
    lists: dict[str, list[str]] = {}
    purposes: dict[str, str] = {}
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("## "):
            name, _, purpose = line[3:].partition(":")
            current = name.strip()
            if current in lists:
                raise ValueError(f"{source}:{number}: list {current} opened twice")
            lists[current], purposes[current] = [], purpose.strip()
        elif not line or line.startswith("#"):
            continue
        elif current is None:
            raise ValueError(f"{source}:{number}: word {line!r} before any '## NAME:' line")
        else:
            lists[current].append(line)
    return WordLists({k: tuple(v) for k, v in lists.items()}, purposes)


@cache
def load_word_lists() -> WordLists:
    """Dyad's own word lists, read once per process; read-only."""
    text = resources.files("dyad.data").joinpath("lexicon", "words.tsv").read_text(encoding="utf-8")
    return parse_word_lists(text)
