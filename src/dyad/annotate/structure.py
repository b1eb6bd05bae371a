"""Wire-copy structure: the parts of an article that are layout, not news.

A dateline ("CAIRO, May 3 -", "Geneva (Reuters) -", "KYIV, Ukraine (AP) —"), a publication line
("Date of publication 5 July 2016", "Published November 13 2017", "AFP Friday 22 Jul 2016", a
leading "16-12-2014"), and a sign-off ("REUTER", "(Reporting by ...)") say where and when a story
was filed, never who did what; nor does a site's subscription prompt at the end of a scraped
page. Rule "wire-structure": these spans are never actors and never events. The parser is given
them as blanks (spaces, one for one, so offsets hold), and the dateline's place is kept as the
article's filing place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_DAY_MONTH_YEAR = rf"(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}"
_AGENCY = (
    r"\((?:Reuters|AP|AFP|AAP|UPI|dpa|DPA|ANSA|Xinhua|SANA|IRNA|TASS|Tass|Anadolu|AA|EFE|Kyodo|PTI|IANS"
    r"|Bernama)\)"
)
_PLACE_CAPS = r"[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+){0,3}"  # "CAIRO", "NEW YORK", "NORTH WILKESBORO"
_PLACE_TITLE = r"[A-Z][a-z'.\-]+(?:\s+[A-Z][a-z'.\-]+){0,3}"  # "Geneva", "Kuala Lumpur"
_REGION = r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})"  # ", Ariz.", ", Ukraine"
_DATE_PART = rf"(?:,\s*{_MONTH}\s+\d{{1,2}})"  # ", March 3"
_DASH = r"\s*(?:-{1,2}|—|–)\s+"

#: "CAIRO, May 3 -", "NORTH WILKESBORO, N.C., June 2 -", "LONDON (Reuters) -", "Kyiv, Ukraine (AP) —",
#: "Caracas, march 11 -" (the month alone may be lower case in old copy).
DATELINE = re.compile(
    rf"^[\s*]*(?P<place>{_PLACE_CAPS}|{_PLACE_TITLE}){_REGION}?"
    rf"(?:(?i:{_DATE_PART})\s*(?:{_AGENCY})?|\s*{_AGENCY}){_DASH}"
)  # a bare "NATO - " is no dateline
#: "Date of publication 5 July 2016", "Published November 13 2017", "AFP Friday 22 Jul 2016",
#: "16-12-2014", "Wednesday 16 November 2016", "8 Jun 2016" at the very start of the text.
PUBLICATION = re.compile(
    rf"^\s*(?:(?:Date of publication|Published|Posted|Updated)\s*:?\s*)?(?:(?:AFP|AP|Reuters)\s+)?"
    rf"(?:{_DAY_MONTH_YEAR}|\d{{1,2}}-\d{{1,2}}-\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?:\s+\d{{1,2}}:\d{{2}}(?:\s*[AP]M)?)?\s+"
)
#: Sign-offs and agency credits at the end: "\n REUTER", "(Reporting by ...; Editing by ...)".
SIGN_OFF = re.compile(
    r"(?:\n\s*(?:REUTER|Reuter|AP|AFP)\s*"
    r"|\((?:Reporting|Writing|Editing|Additional reporting) by[^)]*\)\s*)$"
)


#: A news site's subscription prompt at the end of a scraped page: "FOLLOW TRTWORLD Dont miss out on
#: the Latest News We wont spam you and we respect your privacy.", "Sign up for our newsletter ...".
SUBSCRIPTION_FOOTER = re.compile(
    r"(?:\bFOLLOW\s+[A-Z]+\s+)?(?:\bDo(?:n'?t| not) miss out\b|\bSign up for (?:our|the) newsletter\b"
    r"|\bSubscribe to (?:our|the) newsletter\b|\bWe won'?t spam you\b)[^\n]{0,1000}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Layout:
    """Where an article's structure lies: character spans, and the dateline's place."""

    spans: tuple[tuple[int, int], ...] = ()
    filed_from: str | None = None  # the dateline's place ("Cairo"), as written

    def covers(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.spans)


def layout(text: str) -> Layout:
    """The structure spans of ``text`` (publication line, dateline, sign-off)."""
    spans: list[tuple[int, int]] = []
    start = 0
    publication = PUBLICATION.match(text)
    if publication:
        spans.append((0, publication.end()))
        start = publication.end()
    filed_from = None
    dateline = DATELINE.match(text, start)
    if dateline and len(dateline.group("place").split()) <= 4:
        spans.append((start, dateline.end()))
        filed_from = dateline.group("place").strip(" *")
        if filed_from.isupper():
            filed_from = filed_from.title()
    sign_off = SIGN_OFF.search(text)
    if sign_off:
        spans.append((sign_off.start(), sign_off.end()))
    footer = SUBSCRIPTION_FOOTER.search(text, max(0, len(text) - 1200))
    if footer and not (sign_off and footer.start() >= sign_off.start()):
        spans.append((footer.start(), footer.end()))
    return Layout(tuple(spans), filed_from)


def blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with ``spans`` turned into spaces (line breaks kept): same length, same offsets."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
