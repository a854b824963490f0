#!/usr/bin/env python3
"""Validates JSON against a JSON Schema (draft 2020-12) with Python's jsonschema (Debian
python3-jsonschema, installed by .ci/run): one document, or with --lines one document per line
(the output of 'lore-digest messages'). Prints 'valid N' (documents), or each error with its
path, and exits 1 when any is invalid; exits 3 when jsonschema is not installed.

usage: scripts/validate-json.py SCHEMA FILE [--lines]
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("jsonschema is not installed (apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(3)


def main():
    schema_path, document_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    with open(document_path, encoding="utf-8") as handle:
        if "--lines" in sys.argv[3:]:
            documents = [json.loads(line) for line in handle if line.strip()]
        else:
            documents = [json.load(handle)]
    errors = 0
    for number, document in enumerate(documents, start=1):
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            errors += 1
            where = "/".join(str(part) for part in error.absolute_path)
            print(f"document {number}: /{where}: {error.message[:300]}")
    if errors:
        sys.exit(1)
    print(f"valid {len(documents)}")


if __name__ == "__main__":
    main()
