"""Read stage: files, directories and streams in, ``Document`` or ``Rejection`` records out.

Readers never raise on bad input: each bad file (or line) becomes a ``Rejection`` whose reason
names the file, so the good documents beside it are kept.
"""

from dyad.read.readers import ReadSettings, read_inputs, read_text_document

__all__ = ["ReadSettings", "read_inputs", "read_text_document"]
