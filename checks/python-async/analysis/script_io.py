#!/usr/bin/env python3
"""The stdin/stdout protocol the grader's Python scripts share.

A request is one UTF-8 JSON object on stdin whose "files" list holds
objects with a key naming the file and its bytes in "source_b64"; the
answer is one JSON object on stdout.
"""

import base64
import binascii
import json
import sys
from typing import Any, Dict, List, Tuple

JSON = Any
Files = List[Tuple[str, bytes]]


class RequestError(Exception):
    """The request on stdin does not follow the contract."""


def read_request(raw: bytes, key: str) -> Tuple[Dict[str, Any], Files]:
    """Validate the request; return it and its [(key value, bytes)]."""
    try:
        request = json.loads(raw.decode('utf-8'))
    except (UnicodeDecodeError, ValueError) as exc:
        raise RequestError('request is not UTF-8 JSON: %s' % exc)
    if not isinstance(request, dict):
        raise RequestError('request must be a JSON object')
    files = request.get('files')
    if not isinstance(files, list):
        raise RequestError('"files" must be a list')
    result = []  # type: Files
    for index, item in enumerate(files):
        if not isinstance(item, dict):
            raise RequestError('files[%d] must be an object' % index)
        label = item.get(key)
        encoded = item.get('source_b64')
        if not isinstance(label, str) or not label:
            raise RequestError(
                'files[%d].%s must be a string' % (index, key))
        if not isinstance(encoded, str):
            raise RequestError(
                'files[%d].source_b64 must be a string' % index)
        try:
            data = base64.b64decode(encoded.encode('ascii'), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
            raise RequestError(
                'files[%d].source_b64 is not base64: %s' % (index, exc))
        result.append((label, data))
    return request, result


def emit(obj: JSON, compact: bool = False) -> None:
    """Write one JSON object (UTF-8) and a newline on stdout."""
    separators = (',', ':') if compact else None
    text = json.dumps(obj, ensure_ascii=False, allow_nan=False,
                      separators=separators)
    sys.stdout.buffer.write(text.encode('utf-8', 'replace') + b'\n')
    sys.stdout.buffer.flush()
