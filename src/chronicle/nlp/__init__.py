"""The spaCy pipeline, loaded once per process."""

from chronicle.nlp.model import load, sentences

__all__ = ["load", "sentences"]
