"""Every record Chronicle prints validates against the published JSON Schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from chronicle.records import Document


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("chronicle").joinpath("schema/record.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_seed_records_validate(seed_docs, validator):
    for name, doc in seed_docs.items():
        errors = sorted(validator.iter_errors(doc.to_record()), key=str)
        assert not errors, (name, [e.message for e in errors[:5]])


def test_example_records_validate(validator, example_docs):
    assert len(example_docs) >= 15
    for key, doc in example_docs.items():
        errors = sorted(validator.iter_errors(doc.to_record()), key=str)
        assert not errors, (key, [e.message for e in errors[:5]])


def test_schema_rejects_a_broken_record(validator):
    record = Document(id="x", raw="t", text="t").to_record()
    record["quotes"] = [{"text": "q", "start": -1}]
    assert list(validator.iter_errors(record))
