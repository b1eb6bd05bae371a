"""One id, one text: how a run tells documents apart when their sources repeat an id.

Sources cut ids short (slugs truncated at 100 characters) or list one story twice. A repeated id
with the same text is the same document, read again; with another text it is another document,
and losing it would lose data, so it is kept under its id plus a short hash of its text
(``id~1a2b3c4d``): the same text always gets the same id, whatever else the run holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dyad.model import Document


@dataclass
class DistinctIds:
    """The ids of one run and the text each stands for."""

    _texts: dict[str, str] = field(default_factory=dict)  # id -> content hash of its text

    def admit(self, document: Document) -> tuple[Document, bool]:
        """The document under an id of its own, and whether it repeats one already admitted."""
        content = Document.content_id(document.text)
        first = self._texts.get(document.id)
        if first is None:
            self._texts[document.id] = content
            return document, False
        if first == content:
            return document, True
        return self.admit(replace(document, id=f"{document.id}~{content[5:13]}"))
