"""Wire copy's stray capitals read as the words they are: "the U.S. To demand" is "the U.S. to demand".

The 1987 Reuters wire (as the Reuters-21578 collection keeps it) capitalises every word after
"U.S." - "U.S. Officials", "the U.S. Would drop", "for the U.S. To demand Japan liberalise". The
parser takes the capital after a full stop for a new sentence and splits the clause in two, losing
the act's actor or recipient. The parser is given such a word in lower case - one character for
one, so every offset still points into the article as stored.

Rule "wire-capital": a capitalised word right after "U.S." or "U.K." is read in lower case when a
lower-case word or a comma follows it (so it starts no name: "U.S. Trade Representative", "U.S. President
Reagan" keep their capitals), it is not a word that starts sentences ("the U.S. The ministry
said ..." is two sentences), and it is a function word or the article writes it in lower case
elsewhere ("U.S. Farm products" beside "farm imports"); a name the article always capitalises
("U.S. Congress passed") and a month ("U.S. May housing starts") keep their capitals.
"""

from __future__ import annotations

import re

_AFTER_ABBREVIATION = re.compile(r"\bU\.[SK]\. ([A-Z][a-z]+)(?=,| [a-z])")
#: Words of grammar the wire capitalised after "U.S." ("the U.S. To demand", "the U.S. Would drop"); not
#: words that begin sentences ("... to the U.S. The ministry said"), nor months ("U.S. May housing starts").
FUNCTION_WORDS = frozenset({
    "to", "and", "or", "of", "for", "with", "from", "by", "than", "would", "will", "could", "should",
    "can", "must", "has", "have", "had", "is", "was", "were", "are", "be", "been", "said", "says",
})  # fmt: skip
#: Words that begin a sentence after an abbreviation that ends one: never read as a stray capital.
SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "these", "those", "there",
    "his", "her", "its", "their", "our", "in", "on", "at", "however", "but", "as", "if", "when", "after",
    "while", "some", "many",
})  # fmt: skip


def decapitalise(text: str) -> str:
    """``text`` with wire copy's stray capitals after "U.S." or "U.K." in lower case (same length, same
    offsets)."""
    if "U.S. " not in text and "U.K. " not in text:
        return text
    chars: list[str] | None = None
    for match in _AFTER_ABBREVIATION.finditer(text):
        word = match.group(1)
        lower = word.lower()
        if lower in SENTENCE_STARTERS:
            continue
        if lower not in FUNCTION_WORDS and not re.search(rf"\b{lower}\b", text):
            continue
        if chars is None:
            chars = list(text)
        chars[match.start(1)] = lower[0]
    return "".join(chars) if chars is not None else text
