"""What a run knows besides Dyad's knowledge base: the store's memory and users' dictionaries.

Corpus-level learning is one explicit, deterministic step. A run learns people introduced by
title and nationality ("Malaysian Prime Minister Anwar Ibrahim") and stores them; only the *next*
run codes with them. Within a run every document is coded with the same memory - what the store
held when the run began, plus the user's dictionaries - whatever the engine, the number of workers
or the order of the inputs, so the same inputs always give the same events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.actors.dictionaries import ActorRecord

LEARNED_PRIORITY = 1  # below Dyad's curated facts (2): an article's introduction is one reporter's word
USER_PRIORITY = 3  # users' own dictionaries outrank everything Dyad ships


@dataclass(frozen=True)
class ActorMemory:
    """The actors a run is taught, in a fixed order: learned ones, then users' (which win)."""

    learned: list[ActorRecord] = field(default_factory=list)
    users: list[ActorRecord] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.learned or self.users)

    def layers(self) -> list[tuple[list[ActorRecord], int]]:
        """Each group of records with the priority it is taught at."""
        return [(self.learned, LEARNED_PRIORITY), (self.users, USER_PRIORITY)]
