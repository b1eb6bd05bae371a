"""spaCy's attribute ruler and lemmatiser, answering from memory.

Both components of ``en_core_web_sm`` give each token an answer that depends only on a few of
its attributes: the attribute ruler on the token's tag, lower-case form, dependency label and
whether it is space (and, for eight two-token patterns, on its neighbour's); the rule lemmatiser
on its form, part of speech and morphology. spaCy recomputes that answer for every token - the
ruler runs its Matcher, builds a Span per match and reparses each morphology string - which
costs a fifth of the whole model's time on news (BENCHMARKS.md, "Triage"), more than the parser.

The components here ask the original ones once per distinct case and remember the answer, so
they set exactly what spaCy would set (``tests/annotate/test_memo.py`` compares every token of
a corpus). The memories grow with the vocabulary of what a process reads: a few tens of
thousands of entries over a large corpus. They belong to the component, not to the process.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc, Token

#: What one token pattern of the attribute ruler reads: tag, lower-case form, dependency, is-space.
Features = tuple[str, str, str, bool]
Test = Callable[[Features], bool]

_FEATURE_INDEX = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


class UnsupportedPattern(ValueError):
    """The ruler holds a pattern this module cannot evaluate (the model is not the one it knows)."""


def _value_test(index: int, wanted: Any) -> Test:
    if isinstance(wanted, dict):
        ((operator, operand),) = wanted.items()
        if operator == "IN":
            members = frozenset(operand)
            return lambda features: features[index] in members
        if operator == "NOT_IN":
            outsiders = frozenset(operand)
            return lambda features: features[index] not in outsiders
        if operator == "REGEX":
            pattern = re.compile(operand)
            return lambda features: bool(pattern.search(str(features[index])))
        raise UnsupportedPattern(f"attribute ruler operator {operator!r} is not supported")
    return lambda features: features[index] == wanted


def _token_test(spec: dict[str, Any]) -> Test:
    tests = []
    for key, wanted in spec.items():
        if key not in _FEATURE_INDEX:
            raise UnsupportedPattern(f"attribute ruler key {key!r} is not supported")
        tests.append(_value_test(_FEATURE_INDEX[key], wanted))
    return lambda features: all(test(features) for test in tests)


def _features(token: Token) -> Features:
    return (token.tag_, token.lower_, token.dep_, token.is_space)


class _PatternIndex:
    """Token patterns looked up by the lower-case form they name, the others remembered per case.

    Most of the ruler's patterns name words ("that", "a", ...): those are found by the word, and
    only they are tested. The rest read only tag, dependency and space, so their answer is
    remembered per such triple; the few that test the word by a regular expression are tested
    every time.
    """

    def __init__(self, entries: list[tuple[Any, dict[str, Any]]]) -> None:
        self._by_lower: dict[str, list[tuple[Any, Test]]] = {}
        self._generic: list[tuple[Any, Test]] = []
        self._by_pattern: list[tuple[Any, Test]] = []
        for payload, spec in entries:
            wanted = spec.get("LOWER")
            test = _token_test(spec)
            if isinstance(wanted, str):
                self._by_lower.setdefault(wanted, []).append((payload, test))
            elif isinstance(wanted, dict) and set(wanted) == {"IN"}:
                for word in wanted["IN"]:
                    self._by_lower.setdefault(word, []).append((payload, test))
            elif wanted is None:
                self._generic.append((payload, test))
            else:
                self._by_pattern.append((payload, test))
        self._memo: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._pattern_memo: dict[Features, tuple[Any, ...]] = {}

    def matches(self, features: Features) -> list[Any]:
        """The payloads of every pattern ``features`` matches, in the order they were given."""
        key = (features[0], features[2], features[3])
        generic = self._memo.get(key)
        if generic is None:
            generic = self._memo[key] = tuple(payload for payload, test in self._generic if test(features))
        named = [payload for payload, test in self._by_lower.get(features[1], ()) if test(features)]
        if self._by_pattern:
            found = self._pattern_memo.get(features)
            if found is None:
                found = self._pattern_memo[features] = tuple(p for p, test in self._by_pattern if test(features))
            named += found
        return [*generic, *named] if named else list(generic)


class MemoAttributeRuler:
    """Sets what ``ruler`` would set, testing only the patterns a token can match."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._attrs = ruler.attrs
        singles: list[tuple[Any, dict[str, Any]]] = []
        # two-token patterns, indexed by their first token: (rule id, second token, index set)
        pair_starts: list[tuple[Any, dict[str, Any]]] = []
        for rule_id in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(rule_id))
            index = ruler.indices[rule_id]
            for pattern in patterns:
                if len(pattern) == 1:
                    singles.append((rule_id, pattern[0]))
                elif len(pattern) == 2:
                    pair_starts.append(((rule_id, _token_test(pattern[1]), index % 2), pattern[0]))
                else:
                    raise UnsupportedPattern(f"attribute ruler pattern of {len(pattern)} tokens")
        self._singles = _PatternIndex(singles)
        self._pair_starts = _PatternIndex(pair_starts)

    def __call__(self, doc: Doc) -> Doc:
        features = [_features(token) for token in doc]
        matched = [self._singles.matches(features_here) for features_here in features]
        for i, features_here in enumerate(features[:-1]):
            for rule_id, second, index in self._pair_starts.matches(features_here):
                if second(features[i + 1]):
                    matched[i + index].append(rule_id)
        for token, rule_ids in zip(doc, matched, strict=True):
            # spaCy applies matches in rule order, so a later rule overrides an earlier one
            for rule_id in sorted(rule_ids):
                self._set(token, self._attrs[rule_id])
        return doc


class MemoLemmatizer:
    """Sets what the rule ``lemmatizer`` would set, asking it once per form, POS and morphology."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self._lemmatizer = lemmatizer
        self._strings = lemmatizer.vocab.strings
        self._overwrite = bool(lemmatizer.overwrite)
        self._memo: dict[tuple[int, int, int], int] = {}

    @property
    def lookups(self) -> Any:
        """The original's tables (triage reads them to find the forms of the lexicon's lemmas)."""
        return self._lemmatizer.lookups

    def __call__(self, doc: Doc) -> Doc:
        memo = self._memo
        for token in doc:
            if self._overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = self._strings.add(self._lemmatizer.lemmatize(token)[0])
                token.lemma = lemma
        return doc


def register() -> None:
    """Declare the two components to spaCy (once per process; spaCy's registry is global)."""
    from spacy.language import Language

    if "dyad_memo_attribute_ruler" in Language.factories:
        return

    @Language.factory("dyad_memo_attribute_ruler")
    def memo_attribute_ruler(nlp: Language, name: str) -> MemoAttributeRuler:  # noqa: ARG001 - spaCy passes the name
        return MemoAttributeRuler(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]

    @Language.factory("dyad_memo_lemmatizer")
    def memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:  # noqa: ARG001 - spaCy passes the name
        return MemoLemmatizer(nlp.get_pipe("lemmatizer"))  # type: ignore[arg-type]


def install(nlp: Language, replaced: Sequence[str] = ("attribute_ruler", "lemmatizer")) -> None:
    """Put the memo components in place of spaCy's own, under the same names (``get_pipe`` still
    finds them), keeping the originals they ask."""
    register()
    for original in replaced:
        memo_name = f"dyad_memo_{original}"
        nlp.add_pipe(memo_name, after=original)
        nlp.remove_pipe(original)
        nlp.rename_pipe(memo_name, original)
