"""Hostile input to every reader: random bytes, random and deeply nested JSON, broken CSV, XML and
Parquet. Whatever the input, a reader gives records (stories or rejected records) or raises a
project error (EventcoderError), never another exception; skipping unreadable files (the
library side of --skip-bad), it never raises at all. What it gives can always be written: every
string is valid Unicode and every rejected record serialises to JSON."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.errors import EventcoderError
from eventcoder.readers import FORMATS, read_stories
from eventcoder.records import Rejected, Story
from eventcoder.schema import rejected_to_dict

EXTENSION = {"jsonl": ".jsonl", "csv": ".csv", "tsv": ".tsv", "parquet": ".parquet", "txt": ".txt", "xml": ".xml"}
# 60 inputs per test in `make test`; EVENTCODER_HOSTILE_EXAMPLES=1500 for a longer search.
HOSTILE = settings(
    max_examples=int(os.environ.get("EVENTCODER_HOSTILE_EXAMPLES", "60")), deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LIMIT = 2_000  # --max-story-chars in these tests: some generated stories are longer


def check(items: list) -> None:
    """What a reader gave is records that the writers can write."""
    for item in items:
        assert isinstance(item, (Story, Rejected)), item
        if isinstance(item, Story):
            assert isinstance(item.text, str) and item.text.strip() and len(item.text) <= LIMIT
            assert isinstance(item.id, str) and item.id
            for value in (item.text, item.id, item.title, item.publisher, item.url):
                if value is not None:
                    value.encode("utf-8")  # no lone surrogates: Parquet and JSON writers need UTF-8
            assert 0 <= item.sentence_offset < 2**31
        else:
            assert isinstance(item.origin, str) and isinstance(item.reason, str) and item.reason
            json.dumps(rejected_to_dict(item), ensure_ascii=False).encode("utf-8")


def read(data: bytes, fmt: str, *, skip: bool) -> list | None:
    """Read ``data`` as a file of format ``fmt``: its records, or None for a project error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{EXTENSION[fmt]}"
        path.write_bytes(data)
        try:
            items = list(read_stories([str(path)], skip_unreadable=skip, max_story_chars=LIMIT))
        except EventcoderError:
            assert not skip, "skipping unreadable files, a reader must not raise"
            return None
    check(items)
    return items


def read_both(data: bytes, fmt: str) -> None:
    read(data, fmt, skip=False)
    items = read(data, fmt, skip=True)
    assert items is not None


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))


@contextmanager
def stdin(data: bytes):
    saved, sys.stdin = sys.stdin, _Stdin(data)
    try:
        yield
    finally:
        sys.stdin = saved


# ------------------------------------------------------------------------------------------------
# Random bytes, to every reader, from a file and from stdin


@HOSTILE
@given(data=st.binary(max_size=3_000), fmt=st.sampled_from(FORMATS))
def test_random_bytes_give_records_or_a_project_error(data, fmt):
    read_both(data, fmt)


@HOSTILE
@given(data=st.binary(max_size=2_000), fmt=st.sampled_from(FORMATS), skip=st.booleans())
def test_random_bytes_on_stdin(data, fmt, skip):
    with stdin(data):
        try:
            items = list(read_stories(["-"], fmt=fmt, skip_unreadable=skip, max_story_chars=LIMIT))
        except EventcoderError:
            assert not skip
            return
    check(items)


# Known file signatures and text encodings glued to random bytes: files that are not what their
# name says.
_STARTS = [
    b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n", b"PK\x03\x04", b"\x1f\x8b\x08\x00", b"PAR1", b"\xff\xfe", b"\xfe\xff",
    b"\xef\xbb\xbf", b"\x00\x00\x00", b'{"id": "a", "date": "2017-01-01", "text": "x"}\n', b"id,date,text\n", b"<Sentences>",
]


@HOSTILE
@given(start=st.sampled_from(_STARTS), rest=st.binary(max_size=500), fmt=st.sampled_from(FORMATS))
def test_a_file_that_is_not_what_its_name_says(start, rest, fmt):
    read_both(start + rest, fmt)


# ------------------------------------------------------------------------------------------------
# Random JSON, deep nesting included

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_FIELD = st.sampled_from(["id", "date", "text", "title", "publisher", "url", "other"])
_DATES = st.sampled_from(["2017-12-08", "20171208", "2017-02-30", "0000-01-01", "9999-12-31T23:59", "", " "])
_TEXTS = st.text(max_size=60) | st.text(min_size=LIMIT - 5, max_size=LIMIT + 5) | st.sampled_from(
    ["Russia attacked Turkey.", "\ud800 attacked", "\x00", "   "]
)


def _nested(depth: int, kind: str) -> str:
    opening, closing = ("[", "]") if kind == "list" else ('{"a":', "}")
    return opening * depth + ("1" if kind == "dict" else "") + closing * depth


@st.composite
def json_lines(draw) -> bytes:
    """A JSONL file: records with random values for the story fields, random JSON values, deeply
    nested lines and broken lines."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["record", "value", "deep", "deep-field", "broken"]))
        if kind == "record":
            record = draw(st.dictionaries(_FIELD, _VALUES, max_size=6))
            if draw(st.booleans()):
                record.update(text=draw(_TEXTS), date=draw(_DATES))
            line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        elif kind == "value":
            line = json.dumps(draw(_VALUES))
        elif kind == "deep":
            line = _nested(draw(st.sampled_from([10, 900, 990, 1_000, 5_000, 100_000])), draw(st.sampled_from(["list", "dict"])))
        elif kind == "deep-field":
            depth = draw(st.sampled_from([50, 900, 980, 995, 5_000]))
            field = draw(st.sampled_from(["title", "date", "id", "url", "text"]))
            line = f'{{"id": "n", "date": "2017-01-01", "text": "Russia attacked Turkey.", "{field}": {_nested(depth, "list")}}}'
        else:
            line = draw(st.text(max_size=40))
        lines.append(line.encode("utf-8", errors="surrogatepass"))
    return b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))


@HOSTILE
@given(data=json_lines())
def test_random_and_deeply_nested_json(data):
    items = read(data, "jsonl", skip=True)
    assert items is not None


# ------------------------------------------------------------------------------------------------
# Broken CSV and XML, built from the pieces that break them

_CSV_PIECES = ["id", "date", "text", ",", "\t", '"', '""', "\n", "\r\n", "2017-01-01", "Russia attacked Turkey.", "\x00", "\ufeff", "{", "é"]
_XML_PIECES = [
    "<Sentences>", "</Sentences>", '<Sentence date="20170101" id="A-1">', '<Sentence date="2017" id="B-99999999999">',
    "<Sentence>", "</Sentence>", "<Text>", "</Text>", "Russia attacked Turkey.", "&amp;", "&", "<", "<!--", "-->",
    "<![CDATA[", "]]>", "\x00", '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY e "ee">]>', "&e;", "\n",
]


@HOSTILE
@given(pieces=st.lists(st.sampled_from(_CSV_PIECES), max_size=40), fmt=st.sampled_from(["csv", "tsv"]))
def test_broken_csv(pieces, fmt):
    read_both(("id,date,text\n" if pieces[:1] != ["{"] else "").encode() + "".join(pieces).encode("utf-8"), fmt)


@HOSTILE
@given(pieces=st.lists(st.sampled_from(_XML_PIECES), max_size=40), cut=st.integers(0, 400))
def test_broken_and_truncated_xml(pieces, cut):
    data = "".join(pieces).encode("utf-8")
    read_both(data, "xml")
    read_both(data[:cut], "xml")


# ------------------------------------------------------------------------------------------------
# Parquet: wrong column types, truncated files


@st.composite
def parquet_files(draw) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = draw(st.integers(1, 4))
    columns = {}
    for name in draw(st.lists(_FIELD, min_size=1, max_size=5, unique=True)):
        kind = draw(st.sampled_from(["text", "int", "float", "list", "struct", "date", "binary", "null"]))
        values = {
            "text": [draw(_TEXTS).encode("utf-8", "replace").decode("utf-8") for _ in range(n)],  # Arrow holds UTF-8
            "int": [draw(st.integers(-(2**63), 2**63 - 1)) for _ in range(n)],
            "float": [draw(st.floats()) for _ in range(n)],
            "list": [[draw(st.text(max_size=5))] for _ in range(n)],
            "struct": [{"y": draw(st.integers(0, 3000))} for _ in range(n)],
            "date": [draw(st.dates()) for _ in range(n)],
            "binary": [draw(st.binary(max_size=10)) for _ in range(n)],
            "null": [None] * n,
        }[kind]
        columns[name] = pa.array(values)
    sink = io.BytesIO()
    pq.write_table(pa.table(columns), sink)
    data = sink.getvalue()
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@HOSTILE
@given(data=parquet_files())
def test_parquet_with_wrong_types_or_truncated(data):
    read_both(data, "parquet")
