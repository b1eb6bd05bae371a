"""Event dates: relative time expressions resolved against the article's date.

"on Wednesday", "earlier in the day", "last year", "in 2019", "three weeks ago": each event takes the
date expression of its own clause, so a historical event keeps its own date. An event with no
expression happened when the article says things happen, its publication date (precision
"article"); one that is the content of praise or thanks ("praised Anwar's efforts to help ...")
happened before it (precision "before").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.model import DatePrecision

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 3,
    "few": 3,
}
SAME_DAY = (
    "today",
    "earlier in the day",
    "later in the day",
    "earlier today",
    "this morning",
    "this afternoon",
    "this evening",
    "tonight",
    "on the day",
)


@dataclass(frozen=True)
class ResolvedDate:
    date: str  # ISO date; the first day of the week, month or year for coarser precisions
    precision: DatePrecision
    text: str = ""


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBR.get(word) if word != "may" else 5  # "Jan", "Sept": abbreviations, not "decades"


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve(expression: str, reference: dt.date) -> ResolvedDate | None:
    """Resolve one time expression against the article date, or None when it names no date."""
    text = re.sub(r"\s+", " ", expression.lower().strip(" ,.")).removeprefix("on ").removeprefix("in ")
    ref = reference
    if any(p in text for p in SAME_DAY):
        return ResolvedDate(ref.isoformat(), "day", expression)
    if "yesterday" in text:
        return ResolvedDate((ref - dt.timedelta(days=1)).isoformat(), "day", expression)
    if "tomorrow" in text:
        return ResolvedDate((ref + dt.timedelta(days=1)).isoformat(), "day", expression)
    ago = re.search(
        r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
        r"(day|week|month|year)s?\s+ago\b",
        text,
    )
    if ago:
        n = int(ago.group(1)) if ago.group(1).isdigit() else NUMBER_WORDS[ago.group(1)]
        unit = ago.group(2)
        if unit == "day":
            return ResolvedDate((ref - dt.timedelta(days=n)).isoformat(), "day", expression)
        if unit == "week":
            return ResolvedDate((ref - dt.timedelta(weeks=n)).isoformat(), "week", expression)
        if unit == "month":
            return ResolvedDate(_shift_months(ref, -n).isoformat(), "month", expression)
        return ResolvedDate(dt.date(ref.year - n, 1, 1).isoformat(), "year", expression)
    relative = re.search(r"\b(last|next|this|past|coming|earlier this|later this)\s+(week|month|year)\b", text)
    if relative:
        which, unit = relative.group(1), relative.group(2)
        step = -1 if which in ("last", "past") else 1 if which in ("next", "coming") else 0
        if unit == "week":
            day = ref + dt.timedelta(weeks=step)
            return ResolvedDate((day - dt.timedelta(days=day.weekday())).isoformat(), "week", expression)
        if unit == "month":
            return ResolvedDate(_shift_months(ref, step).isoformat(), "month", expression)
        return ResolvedDate(dt.date(ref.year + step, 1, 1).isoformat(), "year", expression)
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            if text.startswith("next"):
                delta = (i - ref.weekday()) % 7 or 7
                return ResolvedDate((ref + dt.timedelta(days=delta)).isoformat(), "day", expression)
            delta = (ref.weekday() - i) % 7  # news reports the most recent such day
            if text.startswith("last") and delta == 0:
                delta = 7
            return ResolvedDate((ref - dt.timedelta(days=delta)).isoformat(), "day", expression)
    words = re.findall(r"[a-z]+\.?|\d+", text)
    year: int | None = next((int(w) for w in words if w.isdigit() and len(w) == 4 and 1900 <= int(w) <= 2100), None)
    month = next((m for w in words if (m := _month(w)) is not None and not w.isdigit()), None)
    day_of_month = next((int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31), None)
    if month is not None:
        if year is None:  # "in March" is the last March up to the article date
            year = ref.year if month <= ref.month else ref.year - 1
        if day_of_month is not None:
            try:
                return ResolvedDate(dt.date(year, month, day_of_month).isoformat(), "day", expression)
            except ValueError:
                return None
        return ResolvedDate(dt.date(year, month, 1).isoformat(), "month", expression)
    if year is not None and re.fullmatch(r"(the year )?\d{4}", text):
        return ResolvedDate(dt.date(year, 1, 1).isoformat(), "year", expression)
    return None


def event_date(
    trigger: Token, date_spans: list[Span], reference: dt.date | None, owners: dict[int, int] | None = None
) -> ResolvedDate | None:
    """The date of the event whose trigger is ``trigger``: the nearest expression in its own clause.

    ``owners`` maps a date span's start to the trigger it is closest to; a span another event's
    trigger is closer to is that event's date ("the meeting, agreed during his visit last year").
    """
    if reference is None:
        return None
    clause = _clause_tokens(trigger)
    best: tuple[int, ResolvedDate] | None = None
    for span in date_spans:
        if not any(t.i in clause for t in span):
            continue
        if owners is not None and owners.get(span.start, trigger.i) != trigger.i:
            continue
        resolved = resolve(span.text, reference)
        if resolved is None:
            continue
        distance = abs(span.root.i - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, resolved)
    if best is not None:
        return best[1]
    if _content_of_praise(trigger):
        return ResolvedDate(reference.isoformat(), "before", "")
    return ResolvedDate(reference.isoformat(), "article", "")


def date_spans(doc: Doc) -> list[Span]:
    from dyad.tokens import token_texts

    spans = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    covered = {t.i for s in spans for t in s}
    words = [w.lower() for w in token_texts(doc)]
    for i, word in enumerate(words):  # the small model misses some ("earlier in the day")
        if word == "earlier" and i + 3 < len(words) and words[i + 3] == "day" and i not in covered:
            spans.append(doc[i : i + 4])
    return spans


def _clause_tokens(trigger: Token) -> set[int]:
    """The trigger's own clause: its subtree, and for a noun, the verb that governs it (not the
    verbs above that, whose dates belong to other events)."""
    tokens = {t.i for t in trigger.subtree}
    head = trigger.head
    if trigger.pos_ in ("NOUN", "PROPN") and head.i != trigger.i:
        if head.pos_ == "ADP":
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            tokens |= {
                t.i
                for c in head.children
                if c.dep_ in ("npadvmod", "prep", "advmod", "tmod") and c.i != trigger.i
                for t in c.subtree
            }
            tokens.add(head.i)
    else:
        tokens |= {t.i for c in trigger.children for t in c.subtree}
    return tokens


def _content_of_praise(trigger: Token) -> bool:
    """ "praised Anwar's efforts to help ...": the helping is what was praised, so it came first."""
    current = trigger
    through_object = False
    for _ in range(5):
        if current.head.i == current.i or current.dep_ in ("advcl", "conj", "ccomp", "parataxis"):
            return False
        through_object = through_object or current.dep_ in ("dobj", "pobj")
        current = current.head
        if current.lemma_.lower() in (
            "praise",
            "thank",
            "commend",
            "laud",
            "hail",
            "applaud",
            "welcome",
            "credit",
            "congratulate",
        ):
            return through_object
    return False


def owners_of(date_spans: list[Span], triggers: list[Token], sentence_of: list[int]) -> dict[int, int]:
    """Each date span's nearest trigger in its sentence (by words between them). ``sentence_of`` maps a
    token index to its sentence's index (``Token.sent`` rescans the document on every call)."""
    owners: dict[int, int] = {}
    for span in date_spans:
        same_sentence = [t for t in triggers if sentence_of[t.i] == sentence_of[span.start]]
        if same_sentence:
            nearest = min(same_sentence, key=lambda t: min(abs(t.i - span.start), abs(t.i - (span.end - 1))))
            owners[span.start] = nearest.i
    return owners
