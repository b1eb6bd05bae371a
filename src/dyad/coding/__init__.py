"""Code stage: events (CAMEO and PLOVER) with actors, recipients and evidence from parsed sentences."""

from dyad.coding.coder import EventCoder
from dyad.coding.lexicon import Lexicon, Pattern

__all__ = ["EventCoder", "Lexicon", "Pattern"]
