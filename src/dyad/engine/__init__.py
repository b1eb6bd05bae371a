"""Engines that run the pipeline at scale: the local process pool (``code_parallel``) and Ray
Data (``dyad.engine.ray_data``, imported only when used: Ray is heavy to import)."""

from dyad.engine.local import PARALLEL_MIN_DOCUMENTS, code_parallel, default_workers, workers_for

__all__ = ["PARALLEL_MIN_DOCUMENTS", "code_parallel", "default_workers", "workers_for"]
