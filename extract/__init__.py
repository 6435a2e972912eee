"""spaCy pipelines that pull dated statistics out of passages."""
from .pipeline import Extractor, Statistic, build_pipeline

__all__ = ["Extractor", "Statistic", "build_pipeline"]
