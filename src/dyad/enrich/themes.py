"""Themes and tone: topic tags users filter by, PLOVER contexts per article, and tone on -10..+10.

Tags come from Dyad's own topic lexicon below (lemmas of the sentence); tone from VADER
(vaderSentiment, MIT), a maintained lexicon built for news and social text, scaled from its
compound score (-1..1) to the -10..+10 range GDELT's users know.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import TYPE_CHECKING, Any

from dyad.model import Themes
from dyad.tokens import lemmas_and_forms
from dyad.tokens import text as doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span

TOPICS: dict[str, set[str]] = {
    "defence industry": {
        "defence industry",
        "defense industry",
        "arms industry",
        "weapons",
        "drone",
        "drones",
        "fighter jet",
        "military industry",
        "defence",
        "defense",
    },
    "investment": {"investment", "investments", "invest", "investor", "investors", "capital"},
    "trade": {"trade", "export", "exports", "import", "imports", "tariff", "tariffs", "market"},
    "education": {
        "education",
        "university",
        "universities",
        "school",
        "schools",
        "student",
        "students",
        "scholarship",
        "academic",
    },
    "culture": {"culture", "cultural", "heritage", "art", "arts"},
    "tourism": {"tourism", "tourist", "tourists", "visitor", "visitors"},
    "technology": {"technology", "technological", "innovation", "science", "digital", "cyber", "ai"},
    "humanitarian": {
        "humanitarian",
        "aid",
        "relief",
        "refugee",
        "refugees",
        "famine",
        "displaced",
        "civilian",
        "civilians",
    },
    "energy": {"energy", "oil", "gas", "pipeline", "electricity", "nuclear power", "renewable"},
    "security": {"security", "terrorism", "terrorist", "counterterrorism", "border"},
    "conflict": {
        "war",
        "attack",
        "attacks",
        "fighting",
        "clashes",
        "offensive",
        "airstrike",
        "airstrikes",
        "shelling",
        "killed",
    },
    "diplomacy": {"talks", "summit", "visit", "meeting", "negotiation", "negotiations", "diplomatic", "envoy"},
    "infrastructure": {"infrastructure", "railway", "port", "ports", "road", "roads", "bridge"},
    "health": {"health", "hospital", "disease", "epidemic", "vaccine", "covid", "cholera"},
    "human rights": {"rights", "torture", "detention", "prisoners", "freedom"},
    "elections": {"election", "elections", "vote", "ballot", "campaign"},
    "regional organisations": {"asean", "african union", "eu", "nato", "oic", "arab league", "sco"},
}


def topics_of(sentence: Span) -> list[str]:
    # read from the document's lemma and form arrays and its text, built once (not token by token)
    lemmas, forms = lemmas_and_forms(sentence.doc)
    words = {*lemmas[sentence.start : sentence.end], *forms[sentence.start : sentence.end]}
    text = doc_text(sentence.doc)[sentence.start_char : sentence.end_char].lower()
    found = []
    for topic, cues in TOPICS.items():
        if any((cue in words) if " " not in cue else (cue in text) for cue in cues):
            found.append(topic)
    return found


@cache
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def tone(text: str) -> float:
    """Tone of a text on -10 (hostile) .. +10 (warm)."""
    return round(10 * float(_analyzer().polarity_scores(text)["compound"]), 2)


def article_themes(sentence_topics: list[list[str]], contexts: list[list[str]]) -> Themes:
    topics = Counter(t for ts in sentence_topics for t in ts)
    plover = Counter(c for cs in contexts for c in cs)
    return {
        "topics": [t for t, _ in topics.most_common()],
        "topic_counts": dict(topics),
        "contexts": [c for c, _ in plover.most_common()],
    }
