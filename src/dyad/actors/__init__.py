"""Actors stage: resolve mentions to coded actors (ISO3 or IGO/NGO code, sector), valid on a date."""

from dyad.actors.kb import KBEntry, KnowledgeBase, Spell
from dyad.actors.resolve import ActorIndex, entities_for, resolve_actors

__all__ = ["ActorIndex", "KBEntry", "KnowledgeBase", "Spell", "entities_for", "resolve_actors"]
