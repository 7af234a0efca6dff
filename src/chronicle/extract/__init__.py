"""Extractors: find records in a cleaned, parsed document. They return records and never write the store."""
