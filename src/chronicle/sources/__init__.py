"""Readers: command-line inputs in, raw items out."""

from chronicle.sources.files import RawItem, decode, expand, read, read_all

__all__ = ["RawItem", "decode", "expand", "read", "read_all"]
