"""200 generated articles for the triage equivalence test: runs of consecutive sentences of the
bundled samples (international news, so pronouns keep their antecedents) interleaved with written
sentences that hold no political event (``tests/fixtures/triage/filler.txt``: markets, results,
sport, weather), some articles all filler, some in paragraphs. Deterministic: no randomness."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FILLER = ROOT / "tests" / "fixtures" / "triage" / "filler.txt"
ARTICLES = 200


def _sample_sentences() -> list[list[str]]:
    from dyad.read import read_inputs

    out = []
    for document in read_inputs([ROOT / "samples"]):
        text = re.sub(r"\s+", " ", document.text)
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text) if len(s.split()) >= 4]
        out.append(sentences)
    return out


def _filler() -> list[str]:
    lines = FILLER.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def articles() -> list[dict[str, str]]:
    """``ARTICLES`` records: id, date, text."""
    samples = _sample_sentences()
    filler = _filler()
    records = []
    for n in range(ARTICLES):
        source = samples[n % len(samples)]
        run = 1 + n % 4  # 1..4 consecutive news sentences
        start = (n * 7) % max(1, len(source) - run)
        news = source[start : start + run] if n % 10 != 9 else []  # every tenth article: filler only
        fill = [filler[(n * 5 + k * 3) % len(filler)] for k in range(1 + (n * 3) % 4)]
        parts: list[str] = []
        if n % 3 == 0:
            parts.append(fill.pop())  # a filler sentence first (the first sentence is always parsed)
        for k, sentence in enumerate(news):
            parts.append(sentence)
            if fill and (k + n) % 2 == 0:
                parts.append(fill.pop())
        parts.extend(fill)
        joiner = "\n\n" if n % 5 == 0 else " "
        records.append({"id": f"g{n:03d}", "date": "2017-04-05", "text": joiner.join(parts)})
    return records
