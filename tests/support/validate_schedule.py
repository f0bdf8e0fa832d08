"""Validates a schedule.json against the c3voc JSON schema (draft-06), checking the
formats the schema names (uuid, date, date-time, uri, color) with strict checkers of our
own, since the jsonschema package checks some of them only when optional packages are
installed. Usage: validate_schedule.py SCHEMA FILE... Prints each error; exit 1 if any."""
import json
import re
import sys
import uuid
from datetime import date, datetime

import jsonschema

checker = jsonschema.FormatChecker()


@checker.checks('uuid', raises=ValueError)
def is_uuid(value):
    return not isinstance(value, str) or str(uuid.UUID(value)) == value.lower()


@checker.checks('date', raises=ValueError)
def is_date(value):
    return not isinstance(value, str) or bool(date.fromisoformat(value)) and len(value) == 10


@checker.checks('date-time', raises=ValueError)
def is_date_time(value):
    if not isinstance(value, str):
        return True
    parsed = datetime.fromisoformat(value.replace('Z', '+00:00'))
    return parsed.tzinfo is not None and 'T' in value


@checker.checks('uri')
def is_uri(value):
    return not isinstance(value, str) or re.match(r'^[A-Za-z][A-Za-z0-9+.-]*:\S+$', value) is not None


@checker.checks('color')
def is_color(value):
    return not isinstance(value, str) or re.match(r'^#[0-9a-fA-F]{6}$', value) is not None


schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft6Validator(schema, format_checker=checker)
failed = False
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path))))
    for e in errors[:20]:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
    print(f"{path}: {len(errors)} errors")
    failed = failed or bool(errors)
sys.exit(1 if failed else 0)
