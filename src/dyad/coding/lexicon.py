"""The event-trigger lexicon: verb and noun patterns -> CAMEO codes.

Patterns live in ``dyad/data/lexicon/events.tsv`` (Dyad's own, written from the CAMEO codebook's
definitions). Every code is checked against the taxonomy when the lexicon loads, so the coder can
never emit a code that is not in the codebook.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

from dyad import taxonomy

#: Verbs too general to be events without an object; their bare mined patterns are not loaded.
LIGHT_VERBS = {
    "take",
    "make",
    "get",
    "give",
    "have",
    "do",
    "go",
    "come",
    "put",
    "set",
    "run",
    "hold",
    "keep",
    "leave",
    "face",
    "find",
    "see",
    "bring",
    "turn",
    "open",
    "show",
    "lead",
    "follow",
    "remain",
    "become",
    "use",
    "play",
    "carry",
    "move",
    "stand",
    "accord",
    "expect",
    "say",
    "tell",
    "call",
    "work",
    "start",
    "begin",
    "end",
    "try",
    "seek",
    "want",
    "need",
    "help",
    "reach",
    "meet",
    "form",
    "join",
    "raise",
    "issue",
    "pass",
    "close",
    "cross",
    "enter",
    "return",
    "receive",
    "include",
    "involve",
    "point",
    "describe",
    "regard",
    "consider",
    "continue",
    "suggest",
    "note",
    "decide",
    "affect",
    "aim",
    "introduce",
    "launch",
    "arrive",
    "establish",
    "promote",
    "signal",
}
#: Mined verbs whose PETRARCH-2 block code is a default for their listed objects, not a sense of the
#: bare verb: they describe managing, changing degree, connecting or revealing ("enacts a curfew",
#: "the court rules", "served as", "grants powers", "conducting strikes", "influences prices").
#: CAMEO 05/06 code *cooperation* (diplomatic or material exchange between actors, codebook 050,
#: 060) and 03 an *expressed intent to cooperate*; none of these verbs says that by itself, so only
#: their patterns with an object or particle ("expand [cooperation]", "conduct [raid]") are loaded.
DESCRIPTIVE_VERBS = {
    # 060 block defaults
    "abate",
    "add",
    "administer",
    "amplify",
    "attach",
    "attire",
    "augment",
    "better",
    "bind",
    "blend",
    "chain",
    "coalesce",
    "combine",
    "command",
    "compound",
    "conduct",
    "conflate",
    "connect",
    "constitute",
    "control",
    "dictate",
    "direct",
    "ease",
    "enact",
    "enhance",
    "enjoin",
    "enlarge",
    "enroll",
    "escalate",
    "establish",
    "exaggerate",
    "expand",
    "expediate",
    "facilitate",
    "match",
    "fuse",
    "gear",
    "govern",
    "grant",
    "handle",
    "head",
    "heighten",
    "improve",
    "increase",
    "institute",
    "intensify",
    "lead",
    "link",
    "magnify",
    "manage",
    "merge",
    "mitigate",
    "oversee",
    "prescribe",
    "regulate",
    "relate",
    "render",
    "rule",
    "serve",
    "simplify",
    "steer",
    "stock",
    "supervise",
    "supervize",
    "task",
    "tender",
    "unify",
    # 050 block defaults
    "advertise",
    "advertize",
    "affect",
    "associate",
    "concert",
    "confess",
    "confide",
    "conform",
    "correlate",
    "divulge",
    "expose",
    "exuberate",
    "exult",
    "impact",
    "influence",
    "integrate",
    "orchestrate",
    "organise",
    "organize",
    "profess",
    "reveal",
    "synchronise",
    "synchronize",
    "tempt",
    "triumph",
    "unveil",
}
PREPOSITIONS = {"for", "with", "against", "to", "on", "upon", "in", "into", "about", "at", "from", "of"}


@dataclass(frozen=True)
class Pattern:
    """One lexicon line: a trigger lemma, what must hang on it, and the CAMEO code it means."""

    code: str
    lemma: str
    noun: bool
    particles: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()  # for nouns: compound/amod words before the head ("hunger strike")
    objects: frozenset[str] = frozenset()
    line: int = 0
    source: str = "lexicon"
    priority: int = 1  # Dyad's own patterns (1) outrank mined ones (0) of equal specificity

    @property
    def rank(self) -> tuple[int, int]:
        """Dyad's own patterns count as three steps more specific than mined ones."""
        return (self.specificity + 3 * self.priority, self.priority)

    @property
    def rule_id(self) -> str:
        text = ("N:" if self.noun else "") + " ".join((*self.modifiers, self.lemma, *self.particles))
        if self.objects:
            text += " [" + "|".join(sorted(self.objects)) + "]"
        return f"{self.source}:{self.line}:{text}"

    @property
    def specificity(self) -> int:
        return 2 * len(self.particles) + 2 * len(self.modifiers) + (3 if self.objects else 0)


@dataclass
class Lexicon:
    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))

    def add(self, pattern: Pattern) -> None:
        if not taxonomy.is_cameo(pattern.code):
            raise ValueError(f"lexicon line {pattern.line}: {pattern.code!r} is not a CAMEO code")
        (self.nouns if pattern.noun else self.verbs)[pattern.lemma].append(pattern)

    @classmethod
    def load_default(cls) -> Lexicon:
        """Dyad's hand-written patterns, then those mined from PETRARCH-2 (which they outrank)."""
        data = resources.files("dyad.data").joinpath("lexicon")
        lexicon = cls.parse(data.joinpath("events.tsv").read_text(encoding="utf-8"))
        lexicon.extend(data.joinpath("petrarch2.tsv").read_text(encoding="utf-8"), source="petrarch2", priority=0)
        return lexicon

    @classmethod
    def parse(cls, text: str, source: str = "lexicon", priority: int = 1) -> Lexicon:
        lexicon = cls()
        lexicon.extend(text, source, priority)
        return lexicon

    def extend(self, text: str, source: str = "lexicon", priority: int = 1) -> None:
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            code, _, spec = line.partition("\t")
            pattern = parse_pattern(code.strip(), spec.strip(), lineno)
            if (
                priority == 0
                and not pattern.noun
                and not pattern.objects
                and not pattern.particles
                and (pattern.lemma in LIGHT_VERBS or pattern.lemma in DESCRIPTIVE_VERBS)
            ):
                continue
            self.add(Pattern(**{**pattern.__dict__, "source": source, "priority": priority}))


_OBJECTS = re.compile(r"\[([^\]]*)\]")


def parse_pattern(code: str, spec: str, line: int = 0) -> Pattern:
    objects: frozenset[str] = frozenset()
    match = _OBJECTS.search(spec)
    if match:
        objects = frozenset(o.strip().lower() for o in match.group(1).split("|") if o.strip())
        spec = spec[: match.start()].strip()
    noun = spec.startswith("N:")
    words = spec[2:].split() if noun else spec.split()
    if not words:
        raise ValueError(f"lexicon line {line}: empty pattern")
    if noun:
        particles: list[str] = []
        while len(words) > 1 and words[-1] in PREPOSITIONS:
            particles.insert(0, words.pop())
        return Pattern(
            code, words[-1].lower(), True, tuple(particles), tuple(w.lower() for w in words[:-1]), objects, line
        )
    return Pattern(code, words[0].lower(), False, tuple(w.lower() for w in words[1:]), (), objects, line)
