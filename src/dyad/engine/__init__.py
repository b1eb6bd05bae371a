"""Engines that run the pipeline at scale: the local process pool (``code_parallel``)."""

from dyad.engine.local import code_parallel

__all__ = ["code_parallel"]
