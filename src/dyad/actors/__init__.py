"""Actors stage: resolve mentions to coded actors (ISO3 or IGO/NGO code, sector), valid on a date."""

from dyad.actors.dictionaries import ActorRecord, load_actor_file
from dyad.actors.kb import KBEntry, KnowledgeBase, Spell
from dyad.actors.memory import ActorMemory
from dyad.actors.resolve import ActorIndex, entities_for, resolve_actors, span_entity
from dyad.model import LearnedActor  # the stage contract's type; importable from here as before

__all__ = [
    "ActorIndex",
    "ActorMemory",
    "ActorRecord",
    "KBEntry",
    "KnowledgeBase",
    "LearnedActor",
    "Spell",
    "entities_for",
    "load_actor_file",
    "resolve_actors",
    "span_entity",
]
