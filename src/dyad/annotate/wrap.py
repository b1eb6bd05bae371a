"""Hard-wrapped text read as prose: a line break inside a sentence is a space to the parser.

Wire copy (Reuters 1987, teletype feeds, e-mailed press releases) breaks lines at a fixed width,
inside sentences ("... has asked Japan\\nto open its markets ..."). Taken as written, each line
break ends a sentence and the actor or recipient on the next line is lost. The parser is given
the text with such line breaks turned into spaces - one character for one, so every offset
still points into the article as stored - and keeps the line breaks that end paragraphs (a blank
line, or an indented next line) and headlines.

Rule "wrapped-line": a single line break does not end a sentence when
- the line after it starts with a lower-case letter or a digit (a sentence never does), or
- the text is hard-wrapped (most of its lines are of one width and do not end a sentence) and
  the line after it is neither blank nor indented.
"""

from __future__ import annotations

import re

WRAP_MIN_LINES = 4  # fewer lines than this cannot show a wrapping width
WRAP_WIDTH = (45, 90)  # the line widths of teletype and e-mail wrapping (Reuters wraps at ~65)
WRAP_SHARE = 0.6  # this share of lines within the width, ending mid-sentence, marks a wrapped text
_SENTENCE_END = re.compile(r"""[.!?:;"'”’)\]]\s*$""")
_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def is_hard_wrapped(text: str) -> bool:
    """Whether ``text`` was broken into lines at a fixed width (not one line per paragraph)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < WRAP_MIN_LINES:
        return False
    body = lines[:-1]  # the last line of a paragraph is short; judge the others
    wrapped = [
        line for line in body if WRAP_WIDTH[0] <= len(line.rstrip()) <= WRAP_WIDTH[1] and not _SENTENCE_END.search(line)
    ]
    return len(wrapped) >= WRAP_SHARE * len(body)


def unwrap(text: str) -> str:
    """``text`` with every line break inside a sentence made a space (same length, same offsets)."""
    if "\n" not in text:
        return text
    wrapped = is_hard_wrapped(text)
    chars = list(text)
    for match in _BREAK.finditer(text):
        after = text[match.end()]
        if after.islower() or after.isdigit() or (wrapped and not after.isspace()):
            chars[match.start()] = " "
    return "".join(chars)
