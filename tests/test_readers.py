"""Reading stories: every format, field mapping, stdin, and each kind of bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventcoder.errors import InputError
from eventcoder.readers import FileRejected, check_encoding, count_hint, parse_date, read_stories
from eventcoder.records import Rejected, Story

D = dt.date(2017, 1, 2)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def read(*inputs, **options) -> list[Story | Rejected]:
    return list(read_stories([str(i) for i in inputs], **options))


def only(items, kind):
    return [i for i in items if isinstance(i, kind)]


# ------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "value",
    ["2017-01-02", "20170102", "2017-01-02T10:11:12Z", "2017-01-02 23:59:59+05:00",
     "2017-01-02T10:11:12.123", 20170102, dt.date(2017, 1, 2), dt.datetime(2017, 1, 2, 5)],
)
def test_parse_date_accepts(value):
    assert parse_date(value) == D


@pytest.mark.parametrize("value", ["02/01/2017", "2017-02-30", "yesterday", "2017-1-2", 3.5, True, ""])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError):
        parse_date(value)


# ------------------------------------------------------------------------------ formats


def test_jsonl_story_fields_and_origin(tmp_path):
    f = write(tmp_path / "s.jsonl", jsonl(
        {"id": "a", "date": "2017-01-02", "text": "Hello.", "title": "T", "publisher": "AFP", "url": "http://x"},
        {"id": 7, "date": 20170102, "text": "Seven."},
    ))
    first, second = read(f)
    assert first == Story("a", D, "Hello.", "T", "AFP", "http://x", origin=f"{f}:1")
    assert second.id == "7" and second.origin == f"{f}:2"


def test_ndjson_and_blank_lines_skipped(tmp_path):
    f = write(tmp_path / "s.ndjson", "\n" + jsonl({"id": "a", "date": "2017-01-02", "text": "x"}) + "\n")
    [story] = read(f)
    assert story.origin.endswith(":2")


def test_gzipped_jsonl(tmp_path):
    f = tmp_path / "s.jsonl.gz"
    f.write_bytes(gzip.compress(jsonl({"id": "a", "date": "2017-01-02", "text": "x"}).encode()))
    [story] = read(f)
    assert story.id == "a"


def test_csv_with_quoted_newline_and_origin_at_record_start(tmp_path):
    f = write(tmp_path / "s.csv", 'id,date,text\na,2017-01-02,"two\nlines"\nb,2017-01-02,next\n')
    a, b = read(f)
    assert a.text == "two\nlines" and a.origin == f"{f}:2"
    assert b.origin == f"{f}:4"


def test_tsv(tmp_path):
    f = write(tmp_path / "s.tsv", "id\tdate\ttext\na\t2017-01-02\thello, world\n")
    [story] = read(f)
    assert story.text == "hello, world"


def test_csv_with_bom(tmp_path):
    f = write(tmp_path / "s.csv", b"\xef\xbb\xbfid,date,text\na,2017-01-02,x\n")
    [story] = read(f)
    assert story.id == "a"


def test_parquet_by_batches_with_row_origins(tmp_path):
    f = tmp_path / "s.parquet"
    table = pa.table({
        "id": [f"s{i}" for i in range(2500)],
        "date": pa.array([D] * 2500, pa.date32()),
        "text": ["t"] * 2499 + [None],
        "extra": [1] * 2500,
    })
    pq.write_table(table, f, row_group_size=1000)
    items = read(f)
    assert len(only(items, Story)) == 2499
    assert items[0].origin == f"{f}:row 0"
    [bad] = only(items, Rejected)
    assert bad.origin == f"{f}:row 2499" and bad.field == "text"


def test_parquet_timestamp_and_string_dates(tmp_path):
    f = tmp_path / "s.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "date": ["2017-01-02", "20170102"], "text": ["x", "y"]}), f)
    assert [s.date for s in read(f)] == [D, D]
    g = tmp_path / "t.parquet"
    pq.write_table(pa.table({"id": ["a"], "date": pa.array([dt.datetime(2017, 1, 2, 3)], pa.timestamp("s")), "text": ["x"]}), g)
    assert read(g)[0].date == D


def test_txt_is_one_story_with_default_date_and_whole_text(tmp_path):
    f = write(tmp_path / "story one.txt", "March 3, 2015\nThe page date is not guessed.\n")
    [story] = read(f, default_date=D)
    assert story.id == "story one" and story.date == D
    assert story.text.startswith("March 3, 2015\n") and story.origin == str(f)


def test_txt_without_default_date_is_rejected(tmp_path):
    f = write(tmp_path / "a.txt", "Text.")
    [bad] = read(f)
    assert isinstance(bad, Rejected) and bad.field == "date" and bad.origin == str(f)


PETRARCH = """<Sentences>
<Sentence date="19950101" id="DEMO-01" sentence="true" source="AFP">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
full diplomatic ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="DEMO-02" sentence="true">
<Text>Gondor &amp; Arnor met.</Text>
</Sentence>
<Sentence date="bad" id="DEMO-03"><Text>x</Text></Sentence>
</Sentences>
"""


def test_petrarch_xml(tmp_path):
    f = write(tmp_path / "p.xml", PETRARCH)
    first, second, bad = read(f)
    assert first == Story("DEMO", dt.date(1995, 1, 1), "Arnor is about to restore full diplomatic ties with Gondor.",
                          publisher="AFP", origin=f"{f}:2", sentence_offset=1)
    assert second.text == "Gondor & Arnor met." and second.sentence_offset == 2 and second.origin == f"{f}:10"
    assert isinstance(bad, Rejected) and bad.field == "date" and bad.origin == f"{f}:13"


def test_malformed_xml_is_rejected_at_its_line(tmp_path):
    f = write(tmp_path / "p.xml", '<Sentences>\n<Sentence date="19950101" id="A-1"><Text>ok</Text></Sentence>\n<Sentence>\n</Sentences>\n')
    items = read(f)
    assert isinstance(items[0], Story)
    assert isinstance(items[-1], Rejected) and "malformed XML" in items[-1].reason
    assert items[-1].origin == f"{f}:4"


def test_folder_is_read_recursively_sorted_skipping_hidden_and_unsupported(tmp_path):
    rec = lambda i: jsonl({"id": i, "date": "2017-01-02", "text": "x"})  # noqa: E731
    write(tmp_path / "b.jsonl", rec("b"))
    write(tmp_path / "a" / "z.jsonl", rec("az"))
    write(tmp_path / ".hidden.jsonl", rec("hidden"))
    write(tmp_path / "_rejected.jsonl", rec("rejected"))
    write(tmp_path / "notes.md", "ignored")
    write(tmp_path / "c.txt", "Plain text.")
    assert [s.id for s in read(tmp_path, default_date=D)] == ["az", "b", "c"]
    assert [s.id for s in read(tmp_path, fmt="jsonl")] == ["az", "b"]


def test_several_inputs_in_order(tmp_path):
    a = write(tmp_path / "a.jsonl", jsonl({"id": "a", "date": "2017-01-02", "text": "x"}))
    b = write(tmp_path / "b.csv", "id,date,text\nb,2017-01-02,y\n")
    assert [s.id for s in read(b, a)] == ["b", "a"]


def test_stdin_jsonl_by_default(monkeypatch):
    data = jsonl({"id": "a", "date": "2017-01-02", "text": "x"}, "{oops")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    story, bad = read("-")
    assert story.origin == "<stdin>:1" and bad.origin == "<stdin>:2"


def test_stdin_csv_and_parquet(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"id,date,text\na,2017-01-02,x\n")))
    assert read("-", fmt="csv")[0].id == "a"
    sink = io.BytesIO()
    pq.write_table(pa.table({"id": ["p"], "date": ["2017-01-02"], "text": ["x"]}), sink)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(sink.getvalue())))
    assert read("-", fmt="parquet")[0].id == "p"


def test_fmt_overrides_extension(tmp_path):
    f = write(tmp_path / "stories.data", jsonl({"id": "a", "date": "2017-01-02", "text": "x"}))
    assert read(f, fmt="ndjson")[0].id == "a"


# ------------------------------------------------------------------------------ field mapping


def test_field_mapping_jsonl(tmp_path):
    f = write(tmp_path / "s.jsonl", jsonl({"doc": "a", "day": "2017-01-02", "body": "x", "headline": "H",
                                           "outlet": "P", "link": "L"}))
    [story] = read(f, id_field="doc", date_field="day", text_field="body", title_field="headline",
                   publisher_field="outlet", url_field="link")
    assert (story.id, story.date, story.text, story.title, story.publisher, story.url) == ("a", D, "x", "H", "P", "L")


def test_field_mapping_csv_and_missing_column_is_an_input_error(tmp_path):
    f = write(tmp_path / "s.csv", "doc,day,body\na,2017-01-02,x\n")
    assert read(f, id_field="doc", date_field="day", text_field="body")[0].id == "a"
    with pytest.raises(InputError) as err:
        read(f)
    assert err.value.field == "text" and err.value.line == 1 and "--text-field" in str(err.value)
    with pytest.raises(InputError, match="--date-field"):
        read(f, text_field="body")


def test_missing_date_column_is_fine_with_default_date(tmp_path):
    f = write(tmp_path / "s.csv", "id,text\na,x\n")
    assert read(f, default_date=D)[0].date == D


def test_missing_id_uses_origin(tmp_path):
    f = write(tmp_path / "s.jsonl", jsonl({"date": "2017-01-02", "text": "x"}))
    assert read(f)[0].id == f"{f}:1"


# ------------------------------------------------------------------------------ bad records


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ('{"id": "a", "date": "2017-01-02", "text": ', None, "malformed JSON"),
        ('["a list"]', None, "not a JSON object"),
        ('{"id": "a", "date": "2017-01-02"}', "text", "missing text"),
        ('{"id": "a", "date": "2017-01-02", "text": "  "}', "text", "empty text"),
        ('{"id": "a", "date": "2017-01-02", "text": 5}', "text", "not a string"),
        ('{"id": "a", "text": "x"}', "date", "missing date"),
        ('{"id": "a", "date": "", "text": "x"}', "date", "missing date"),
        ('{"id": "a", "date": "01/02/2017", "text": "x"}', "date", "unparseable date"),
        ('{"id": {"x": 1}, "date": "2017-01-02", "text": "x"}', "id", "id is not"),
    ],
)
def test_bad_jsonl_records_are_rejected_with_line_and_field(tmp_path, line, field, reason):
    f = write(tmp_path / "s.jsonl", jsonl({"id": "ok", "date": "2017-01-02", "text": "x"}, line))
    ok, bad = read(f)
    assert isinstance(ok, Story)
    assert isinstance(bad, Rejected)
    assert bad.origin == f"{f}:2" and bad.field == field and reason in bad.reason
    assert bad.raw == line[:500]


def test_raw_is_capped_at_500_characters(tmp_path):
    f = write(tmp_path / "s.jsonl", "{" + "x" * 2000 + "\n")
    [bad] = read(f)
    assert len(bad.raw) == 500


def test_missing_date_uses_default_but_bad_date_is_still_rejected(tmp_path):
    f = write(tmp_path / "s.jsonl", jsonl({"id": "a", "text": "x"}, {"id": "b", "date": "soon", "text": "x"}))
    story, bad = read(f, default_date=D)
    assert story.date == D
    assert isinstance(bad, Rejected) and bad.field == "date"


def test_invalid_utf8_line_is_rejected_and_reading_goes_on(tmp_path):
    f = write(tmp_path / "s.jsonl", b'{"id": "a", "date": "2017-01-02", "text": "caf\xe9"}\n'
                                   b'{"id": "b", "date": "2017-01-02", "text": "ok"}\n')
    bad, story = read(f)
    assert isinstance(bad, Rejected) and bad.origin == f"{f}:1" and "utf-8" in bad.reason
    assert "\ufffd" in bad.raw
    assert story.id == "b"
    assert read(f, encoding="latin-1")[0].text == "café"


def test_invalid_utf8_in_multiline_csv_record(tmp_path):
    f = write(tmp_path / "s.csv", b'id,date,text\na,2017-01-02,"line one\nbad \xff"\nb,2017-01-02,ok\n')
    bad, story = read(f)
    assert isinstance(bad, Rejected) and bad.origin == f"{f}:2" and "utf-8" in bad.reason
    assert story.id == "b" and story.origin == f"{f}:4"


def test_invalid_utf8_in_txt_names_the_line(tmp_path):
    f = write(tmp_path / "s.txt", b"fine\nnot \xff fine\n")
    [bad] = read(f, default_date=D)
    assert isinstance(bad, Rejected) and bad.origin == f"{f}:2"


def test_csv_record_with_wrong_field_count(tmp_path):
    f = write(tmp_path / "s.csv", "id,date,text\na,2017-01-02\n")
    [bad] = read(f)
    assert isinstance(bad, Rejected) and "fields" in bad.reason and bad.origin == f"{f}:2"


def test_duplicate_ids_across_inputs_reject_the_second(tmp_path):
    a = write(tmp_path / "a.jsonl", jsonl({"id": "x", "date": "2017-01-02", "text": "first"}))
    b = write(tmp_path / "b.csv", "id,date,text\nx,2017-01-02,second\n")
    first, dup = read(a, b)
    assert first.text == "first"
    assert isinstance(dup, Rejected) and dup.reason.startswith("duplicate id") and dup.field == "id"
    assert dup.origin == f"{b}:2"


# ------------------------------------------------------------------------------ input errors


def test_missing_file_raises_at_call_time(tmp_path):
    with pytest.raises(InputError) as err:
        read_stories([str(tmp_path / "nope.jsonl")])
    assert err.value.file == str(tmp_path / "nope.jsonl") and err.value.fix


def test_unsupported_extension(tmp_path):
    f = write(tmp_path / "s.docx", "x")
    with pytest.raises(InputError, match="unsupported file type"):
        read(f)


def test_unknown_format_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="unknown input format"):
        read(tmp_path, fmt="yaml")
    with pytest.raises(InputError, match="no supported files"):
        read(tmp_path)


def test_unreadable_parquet(tmp_path):
    f = write(tmp_path / "s.parquet", "not parquet")
    with pytest.raises(InputError, match="Parquet"):
        read(f)


# ------------------------------------------------------------------------------ unreadable files


def unreadable(path: Path) -> Path:
    """``chmod 000``; skips the test where that does not stop reading (running as root)."""
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(0o644)
        pytest.skip("chmod 000 does not make files unreadable here (running as root)")
    return path


def test_permission_denied_stops_naming_the_file(tmp_path):
    f = unreadable(write(tmp_path / "locked.jsonl", jsonl({"id": "a", "date": "2017-01-02", "text": "x"})))
    try:
        with pytest.raises(InputError, match="Permission denied") as err:
            read(f)
        assert err.value.file == str(f) and err.value.fix
    finally:
        f.chmod(0o644)


def test_permission_denied_with_skip_unreadable_is_one_rejected_record(tmp_path):
    a = write(tmp_path / "a.jsonl", jsonl({"id": "a", "date": "2017-01-02", "text": "x"}))
    locked = unreadable(write(tmp_path / "b.jsonl", jsonl({"id": "b", "date": "2017-01-02", "text": "y"})))
    c = write(tmp_path / "c.jsonl", jsonl({"id": "c", "date": "2017-01-02", "text": "z"}))
    try:
        first, bad, last = read(a, locked, c, skip_unreadable=True)
    finally:
        locked.chmod(0o644)
    assert (first.id, last.id) == ("a", "c")
    assert isinstance(bad, FileRejected) and bad.origin == str(locked) and bad.field is None and bad.raw is None
    assert "Permission denied" in bad.reason and "whole file skipped" in bad.reason


def test_unlistable_subfolder_is_never_passed_over_silently(tmp_path):
    write(tmp_path / "in" / "a.jsonl", jsonl({"id": "a", "date": "2017-01-02", "text": "x"}))
    sub = tmp_path / "in" / "sub"
    write(sub / "b.jsonl", jsonl({"id": "b", "date": "2017-01-02", "text": "y"}))
    unreadable(sub)
    try:
        with pytest.raises(InputError, match="cannot list folder"):
            read(tmp_path / "in")
        story, bad = read(tmp_path / "in", skip_unreadable=True)
    finally:
        sub.chmod(0o755)
    assert story.id == "a"
    assert isinstance(bad, FileRejected) and bad.origin == str(tmp_path / "in" / "sub")


def test_entry_that_became_a_folder_is_a_file_rejection(tmp_path):
    """A file found when the inputs were resolved, gone (here: a folder in its place) when read."""
    a = write(tmp_path / "a.jsonl", jsonl({"id": "a", "date": "2017-01-02", "text": "x"}))
    b = write(tmp_path / "b.jsonl", jsonl({"id": "b", "date": "2017-01-02", "text": "y"}))
    items = read_stories([str(a), str(b)], skip_unreadable=True)
    a.unlink()
    a.mkdir()
    bad, story = list(items)
    assert isinstance(bad, FileRejected) and bad.origin == str(a) and "whole file skipped" in bad.reason
    assert story.id == "b"
    items = read_stories([str(b)])
    b.unlink()
    with pytest.raises(InputError, match="cannot read file") as err:
        list(items)
    assert err.value.file == str(b)


def test_broken_link_in_a_folder(tmp_path):
    write(tmp_path / "in" / "a.jsonl", jsonl({"id": "a", "date": "2017-01-02", "text": "x"}))
    (tmp_path / "in" / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (tmp_path / "in" / "notes.md").symlink_to(tmp_path / "nowhere.md")  # unsupported: ignored as before
    with pytest.raises(InputError, match="broken link") as err:
        read(tmp_path / "in")
    assert err.value.file == str(tmp_path / "in" / "gone.jsonl")
    story, bad = read(tmp_path / "in", skip_unreadable=True)
    assert story.id == "a" and isinstance(bad, FileRejected) and bad.origin == str(tmp_path / "in" / "gone.jsonl")
    assert count_hint([str(tmp_path / "in")]) == 2


def test_truncated_gzip_keeps_the_stories_before_and_rejects_the_rest(tmp_path):
    rows = [{"id": f"s{i}", "date": "2017-01-02", "text": "x" * 50 + str(i)} for i in range(2000)]
    data = gzip.compress(jsonl(*rows).encode())
    f = write(tmp_path / "s.jsonl.gz", data[: len(data) // 2])
    with pytest.raises(InputError, match="cannot read file") as err:
        read(f)
    assert err.value.file == str(f)
    items = read(f, skip_unreadable=True)
    *stories, bad = items
    assert stories and all(isinstance(s, Story) for s in stories)
    assert isinstance(bad, FileRejected) and f"rest of file skipped after {len(stories)} records" in bad.reason


def test_not_parquet_and_missing_text_column_are_file_rejections_when_skipping(tmp_path):
    garbage = write(tmp_path / "a.parquet", "not parquet")
    no_text = write(tmp_path / "b.csv", "id,date,body\n1,2017-01-02,x\n")
    ok = write(tmp_path / "c.jsonl", jsonl({"id": "c", "date": "2017-01-02", "text": "z"}))
    first, second, story = read(garbage, no_text, ok, skip_unreadable=True)
    assert isinstance(first, FileRejected) and first.origin == str(garbage) and "Parquet" in first.reason
    assert isinstance(second, FileRejected) and second.field == "text" and second.origin == f"{no_text}:1"
    assert story.id == "c"
    assert isinstance(first.error, InputError) and first.error.fix  # what a run without --skip-bad raises


# ------------------------------------------------------------------------------ encodings


def test_encoding_applies_to_csv_txt_and_xml(tmp_path):
    csv_file = write(tmp_path / "s.csv", "id,date,text\na,2017-01-02,caf\u00e9 \u20ac\n".encode("cp1252"))
    txt_file = write(tmp_path / "t.txt", "na\u00efve \u20ac".encode("cp1252"))
    xml_file = write(tmp_path / "x.xml", (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Sentences><Sentence date="20170102" id="X-1">'
        "<Text>Br\u00fcssel \u20ac</Text></Sentence></Sentences>").encode("cp1252"))
    got = read(csv_file, txt_file, xml_file, encoding="cp1252", default_date=D)
    assert [s.text for s in got] == ["caf\u00e9 \u20ac", "na\u00efve \u20ac", "Br\u00fcssel \u20ac"]
    [bad] = read(csv_file)  # not UTF-8: the reason says what to do
    assert isinstance(bad, Rejected) and "--encoding" in bad.reason


def test_bad_encoding_names_are_clean_errors():
    assert check_encoding("latin-1") == "latin-1"
    with pytest.raises(InputError, match="unknown encoding") as err:
        check_encoding("klingon")
    assert err.value.field == "--encoding"
    with pytest.raises(InputError, match="ASCII-compatible"):
        check_encoding("utf-16")


# ------------------------------------------------------------------------------ count_hint


def test_count_hint(tmp_path, monkeypatch):
    write(tmp_path / "a.jsonl", jsonl({"id": 1}, {"id": 2}, {"id": 3}))
    write(tmp_path / "b.csv", "id,date,text\n1,2017-01-02,x\n2,2017-01-02,y")
    pq.write_table(pa.table({"id": list(range(5))}), tmp_path / "c.parquet")
    write(tmp_path / "d.txt", "x")
    write(tmp_path / "e.xml", PETRARCH)
    assert count_hint([str(tmp_path)]) == 3 + 2 + 5 + 1 + 3
    assert count_hint(["-"]) is None
    assert count_hint([str(tmp_path / "missing.jsonl")]) is None
