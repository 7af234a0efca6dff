"""The spaCy pipeline, loaded once per process."""

from chronicle.nlp.model import load

__all__ = ["load"]
