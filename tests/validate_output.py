#!/usr/bin/env python3
"""Validates dragoman JSONL output against docs/output.schema.json and checks
that every span's offsets are code-point offsets into the input text.

usage: validate_output.py SCHEMA INPUT OUTPUT   (INPUT: the text file coded)
"""
import json
import sys

import jsonschema


def spans(obj):
    if isinstance(obj, dict):
        if "begin" in obj and "end" in obj:
            yield obj
        for v in obj.values():
            yield from spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from spans(v)


def main():
    schema_path, input_path, output_path = sys.argv[1:4]
    schema = json.load(open(schema_path, encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    text = open(input_path, encoding="utf-8").read()
    n = 0
    for lineno, line in enumerate(open(output_path, encoding="utf-8"), 1):
        rec = json.loads(line)
        errors = sorted(validator.iter_errors(rec), key=lambda e: e.path)
        for e in errors:
            print(f"{output_path}:{lineno}: {list(e.path)}: {e.message}")
        if errors:
            sys.exit(1)
        for s in spans(rec):
            if not (0 <= s["begin"] <= s["end"] <= len(text)):
                print(f"{output_path}:{lineno}: span {s} outside the text")
                sys.exit(1)
            if "text" in s and s["text"] and text[s["begin"]:s["end"]] != s["text"]:
                print(f"{output_path}:{lineno}: span text {s['text']!r} != {text[s['begin']:s['end']]!r}")
                sys.exit(1)
        n += 1
        nev = len(rec["events"])
        print(f"record {rec['id']}: valid; {nev} events, {len(rec['quotes'])} quotes, {len(rec['counts'])} counts")
    if n == 0:
        print("no records")
        sys.exit(1)


if __name__ == "__main__":
    main()
