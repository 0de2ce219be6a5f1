"""Read stories from files, folders and stdin as a stream of :class:`Story` or :class:`Rejected`.

Supported inputs (by extension, or forced with ``fmt``):

==========================  ===========================================================
``.jsonl`` / ``.ndjson``    one JSON object per line
``.csv`` / ``.tsv``         a header row, then one story per record (quoted newlines ok)
``.parquet``                one story per row, read batch by batch
``.txt``                    the whole file is one story: id = file stem, date = ``default_date``
``.xml``                    PETRARCH ``<Sentences><Sentence date="YYYYMMDD" id="X-1">
                            <Text>...</Text>``; each Sentence is a story
a folder                    every supported file in it, recursively, in sorted order (files
                            and folders whose name starts with ``.`` or ``_`` are skipped)
``-``                       stdin, in the format ``fmt`` (default ``jsonl``)
==========================  ===========================================================

Text formats may be gzip-compressed (``stories.jsonl.gz``).

Memory stays flat whatever the input size: text files are read line by line, Parquet by record
batches and XML with a streaming (expat) parser. The one thing that grows is the set of story ids
already seen, kept to reject duplicates (one short string per story).

Problems with a *record* are yielded as :class:`Rejected` (origin ``"file:line"``, the reason, the
field concerned and the first 500 characters of the raw record) so the caller decides whether to
stop or skip. Problems with the *command* (a named input that does not exist, an unsupported
extension, an unknown format, an empty folder) raise :class:`InputError` at call time, before
anything is read. Problems with a *file* found to read (permission denied, an entry of a folder
that vanished or is a broken link, a subfolder that cannot be listed, an I/O or gzip error half-way,
a file that is not Parquet, a text input whose first bytes show it is something else (an image, an
archive, UTF-16: :mod:`eventcoder.sniff`), a CSV or Parquet file without the text column) raise
:class:`InputError` naming the file and the fix; with ``skip_unreadable=True`` they are yielded
instead as one :class:`FileRejected` for the file (origin: the file name, no line) and reading
goes on with the next input.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import xml.parsers.expat
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .records import Rejected, Story
from .sniff import HEAD_BYTES, binary_kind, fix_for, looks_like

#: Input formats and the file extensions that select them.
EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
    ".txt": "txt",
    ".xml": "xml",
}
FORMATS: tuple[str, ...] = ("jsonl", "csv", "tsv", "parquet", "txt", "xml")
_FORMAT_ALIASES = {"ndjson": "jsonl", "json": "jsonl"}
#: How much of a bad record is kept in ``Rejected.raw``.
RAW_LIMIT = 500
#: ``--max-story-chars``: a story longer than this is rejected (no news article comes close; a
#: longer one is usually a whole archive or a file read as one story by mistake).
MAX_STORY_CHARS = 1_000_000
_STDIN = "-"
_STDIN_NAME = "<stdin>"
_CHUNK = 1 << 20

_SUPPORTED_HINT = "use a .jsonl, .ndjson, .csv, .tsv, .parquet, .txt or .xml file (optionally .gz)"


# --------------------------------------------------------------------------------------------
# Dates


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}[0-9:.,+\-Z ]*)?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2}[0-9:.,+\-Z]*)?")


def parse_date(value: object) -> dt.date:
    """Parse a story date: ``YYYY-MM-DD``, ``YYYYMMDD``, an ISO datetime (its date part, as
    written: no time-zone conversion), an int ``20150101``, or a ``date``/``datetime`` object.

    Raises ``ValueError`` for anything else, including impossible dates (2015-02-30).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {type(value).__name__}")
    text = value.strip()
    match = _ISO_DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if not match:
        raise ValueError(f"unrecognised date {value!r}")
    year, month, day = (int(part) for part in match.groups())
    return dt.date(year, month, day)


# --------------------------------------------------------------------------------------------
# Resolving inputs


@dataclass(frozen=True)
class Source:
    """One input to read: a file (``path``) or stdin (``path is None``), in format ``fmt``.

    ``error`` is set for an entry of a folder that was found but cannot be read (a subfolder that
    cannot be listed, a broken link): reading the source raises it (or, skipping unreadable
    files, yields it as a :class:`FileRejected`)."""

    name: str  # as shown in origins: the path as given (joined under its folder), or <stdin>
    fmt: str
    path: Path | None = None
    gzipped: bool = False
    error: InputError | None = field(default=None, compare=False)


@dataclass(frozen=True)
class FileRejected(Rejected):
    """A whole input file (or the rest of it) that could not be read, as one rejected record.

    ``origin`` is the file name (with ``:line`` only when the error names a line), ``raw`` is
    None, and ``error`` is the :class:`InputError` that stops a run without ``--skip-bad``."""

    error: InputError | None = field(default=None, compare=False, repr=False)


def check_encoding(encoding: str) -> str:
    """Validate an ``--encoding`` value: a known codec that keeps ASCII bytes as they are (the
    readers split lines and CSV fields on ASCII bytes). Returns it unchanged."""
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise InputError(
            f"unknown encoding '{encoding}'",
            field="--encoding",
            fix="give a Python codec name such as utf-8, latin-1, cp1252 or iso-8859-15",
        ) from None
    probe = b'\n\r,;{}[]":<>/=- aZ09'
    try:
        ascii_compatible = probe.decode(encoding) == probe.decode("ascii")
    except (UnicodeError, ValueError):
        ascii_compatible = False
    if not ascii_compatible:
        raise InputError(
            f"encoding '{encoding}' is not supported: inputs are read line by line, which needs an "
            "ASCII-compatible encoding",
            field="--encoding",
            fix="convert the input to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8 in.jsonl > out.jsonl), "
            "or give an ASCII-compatible encoding such as latin-1 or cp1252",
        )
    return encoding


def normalize_format(fmt: str | None) -> str | None:
    """Validate a ``--format`` value (``None`` means: by extension)."""
    if fmt is None:
        return None
    key = _FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
    if key not in FORMATS:
        raise InputError(f"unknown input format '{fmt}'", fix=f"use one of: {', '.join(FORMATS)}")
    return key


def format_of(path: Path) -> tuple[str | None, bool]:
    """The format selected by a file name and whether it is gzipped (``(None, ...)``: unsupported)."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    fmt = EXTENSIONS.get(suffixes[-1]) if suffixes else None
    if fmt == "parquet" and gzipped:
        return None, gzipped
    return fmt, gzipped


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith((".", "_")) for part in relative.parts)


def _folder_sources(folder: Path, name: str, fmt: str | None, defer_errors: bool = False) -> list[Source]:
    """Every supported file under ``folder`` (of format ``fmt`` if given), sorted by path.

    Nothing under it is passed over silently: a subfolder that cannot be listed, and an entry
    with a supported name that is not a readable regular file (a broken link, a FIFO), raise
    :class:`InputError` here, or with ``defer_errors`` become sources whose reading fails.
    Symbolic links to folders are not followed (as before)."""
    found: list[tuple[str, Source]] = []

    def bad(relative: Path, error: InputError) -> None:
        if not defer_errors:
            raise error
        found.append((relative.as_posix(), Source(error.file or name, fmt or "jsonl", folder / relative, error=error)))

    def unlistable(err: OSError) -> None:
        where = Path(err.filename) if err.filename else folder
        relative = where.relative_to(folder) if where != folder else Path(".")
        shown = str(Path(name) / relative) if relative != Path(".") else name
        bad(relative, InputError(
            f"cannot list folder: {err.strerror or err}; none of its files were read",
            file=shown,
            fix="make the folder readable (chmod), or move it out of the input folder",
        ))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unlistable):
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "_"))]
        for filename in filenames:
            if filename.startswith((".", "_")):
                continue
            path = Path(dirpath) / filename
            relative = path.relative_to(folder)
            file_fmt, gzipped = format_of(path)
            if file_fmt is None or (fmt is not None and file_fmt != fmt):
                continue
            shown = str(Path(name) / relative)
            try:
                mode = os.stat(path).st_mode
            except OSError as err:
                problem = "broken link: its target does not exist" if path.is_symlink() else f"cannot read it: {err.strerror or err}"
                bad(relative, InputError(problem, file=shown, fix="remove or repair the entry, or move it out of the input folder"))
                continue
            if not stat.S_ISREG(mode):
                bad(relative, InputError("not a regular file", file=shown, fix="remove the entry, or move it out of the input folder"))
                continue
            found.append((relative.as_posix(), Source(shown, file_fmt, path, gzipped)))
    if not found:
        kind = f"{fmt} files" if fmt else "supported files"
        raise InputError(f"folder contains no {kind}", file=name, fix=_SUPPORTED_HINT)
    found.sort(key=lambda pair: pair[0])
    return [source for _, source in found]


def resolve_inputs(inputs: Iterable[str], fmt: str | None = None, *, defer_errors: bool = False) -> list[Source]:
    """Expand inputs (files, folders, ``-``) into sources, raising :class:`InputError` for a
    missing path or an unsupported extension before anything is read.

    With ``defer_errors`` an unreadable entry found inside a folder (see :func:`_folder_sources`)
    becomes a source that fails when read, instead of an error now."""
    fmt = normalize_format(fmt)
    sources: list[Source] = []
    for item in inputs:
        item = str(item)
        if item == _STDIN:
            sources.append(Source(_STDIN_NAME, fmt or "jsonl"))
            continue
        path = Path(item)
        if path.is_dir():
            sources.extend(_folder_sources(path, item, fmt, defer_errors))
        elif path.is_file():
            file_fmt, gzipped = format_of(path)
            chosen = fmt or file_fmt
            if chosen is None:
                raise InputError(
                    f"unsupported file type '{''.join(path.suffixes) or path.name}'",
                    file=item,
                    fix=f"{_SUPPORTED_HINT}, or give --format",
                )
            if chosen == "parquet" and gzipped:
                raise InputError("gzipped Parquet is not supported", file=item, fix="gunzip it first")
            sources.append(Source(item, chosen, path, gzipped))
        elif path.exists():
            raise InputError("not a regular file or folder", file=item, fix="give a file or folder")
        else:
            raise InputError(
                "no such file or folder", file=item, fix="check the path (use - to read stdin)"
            )
    if not sources:
        raise InputError("no input given", fix="name at least one file or folder, or - for stdin")
    return sources


@contextmanager
def _open_binary(source: Source) -> Iterator[BinaryIO]:
    """Open a source for binary reading; OS errors become :class:`InputError`."""
    if source.path is None:
        yield sys.stdin.buffer
        return
    try:
        handle = gzip.open(source.path, "rb") if source.gzipped else open(source.path, "rb")
    except OSError as err:
        raise InputError(
            f"cannot read file: {err.strerror or err}",
            file=source.name,
            fix="check that the file exists and is readable",
        ) from err
    with handle:
        yield handle


# --------------------------------------------------------------------------------------------
# From raw records to stories


@dataclass(frozen=True)
class Fields:
    """Which input field holds which Story attribute (``--id-field`` etc.)."""

    id: str = "id"
    date: str = "date"
    text: str = "text"
    title: str = "title"
    publisher: str = "publisher"
    url: str = "url"


@dataclass(frozen=True)
class _Context:
    fields: Fields
    default_date: dt.date | None
    encoding: str
    max_story_chars: int | None = None  # None: no limit


def _clip(text: str) -> str:
    return text[:RAW_LIMIT]


def _raw_of(record: dict) -> str:
    try:
        return _clip(json.dumps(record, ensure_ascii=False, default=str))
    except (RecursionError, ValueError):
        return "(a record nested too deep to show)"


# Unpaired UTF-16 surrogates: JSON can spell them (\ud800) but no text encoding can write them.
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOO_DEEP = "a field is nested too deep (a story record is one flat object: id, date, text, ...)"


def _optional_text(value: object) -> str | None:
    """An optional string attribute: ``None`` for missing or blank, ``str()`` of scalars."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


# At most 9 digits: the sentence number must fit the dataset's int32 sentence_index.
_SPLIT_ID = re.compile(r"(.*\S)-(\d{1,9})")


def _shown(value: object, limit: int = 80) -> str:
    """A value as quoted in a message: its repr, cut short."""
    try:
        text = repr(value)
    except RecursionError:
        return f"a {type(value).__name__} nested too deep"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def too_long_reason(story_id: str, length: int, limit: int) -> str:
    """Why a story longer than ``--max-story-chars`` is refused, and how to code it anyway."""
    return (
        f"story '{story_id[:60]}' has {length:,} characters, more than --max-story-chars ({limit:,}); "
        f"raise the limit to code it in pieces (e.g. --max-story-chars {length})"
    )


def _story_or_rejected(
    origin: str,
    record: dict,
    ctx: _Context,
    *,
    raw: str | None = None,
    default_id: str | None = None,
    split_sentence_id: bool = False,
) -> Story | Rejected:
    """Validate one raw record (a dict of input fields) and build its Story, or say why not.

    A record without an id gets ``default_id`` (the origin unless given). With
    ``split_sentence_id`` (PETRARCH XML) an id ``STORY-3`` becomes story ``STORY``, sentence 3.
    A story longer than ``ctx.max_story_chars`` is rejected, naming ``--max-story-chars``.
    """
    try:
        return _build_story(origin, record, ctx, raw, default_id, split_sentence_id)
    except RecursionError:  # str() of a title, url or publisher nested a thousand levels deep
        return Rejected(origin, _TOO_DEEP, None, raw if raw is not None else _raw_of(record))


def _build_story(
    origin: str, record: dict, ctx: _Context, raw: str | None, default_id: str | None, split_sentence_id: bool
) -> Story | Rejected:
    f = ctx.fields

    def reject(reason: str, field: str | None) -> Rejected:
        return Rejected(origin=origin, reason=reason, field=field, raw=raw if raw is not None else _raw_of(record))

    text = record.get(f.text)
    if text is None:
        return reject("missing text", f.text)
    if not isinstance(text, str):
        return reject(f"text is not a string (got {type(text).__name__})", f.text)
    if not text.strip():
        return reject("empty text", f.text)

    date_value = record.get(f.date)
    if date_value is None or (isinstance(date_value, str) and not date_value.strip()):
        if ctx.default_date is None:
            return reject("missing date (give --date YYYY-MM-DD for records without one)", f.date)
        date = ctx.default_date
    else:
        try:
            date = parse_date(date_value)
        except ValueError:
            return reject(
                f"unparseable date {_shown(date_value)} (expected YYYY-MM-DD, YYYYMMDD or an ISO datetime)",
                f.date,
            )

    id_value = record.get(f.id)
    if isinstance(id_value, (dict, list)):
        return reject(f"id is not a string or number (got {type(id_value).__name__})", f.id)
    story_id = _optional_text(id_value) or default_id or origin
    sentence_offset = 0
    if split_sentence_id:
        match = _SPLIT_ID.fullmatch(story_id)
        if match:
            story_id, sentence_offset = match.group(1), int(match.group(2))
    limit = ctx.max_story_chars
    if limit is not None and len(text) > limit:
        return reject(too_long_reason(story_id, len(text), limit), f.text)
    extra = {name: _optional_text(record.get(getattr(f, name))) for name in ("title", "publisher", "url")}
    for key, value in ((f.text, text), (f.id, story_id), *((getattr(f, name), value) for name, value in extra.items())):
        if value is not None and _SURROGATE.search(value):
            return reject(f"{key} contains an unpaired surrogate (an invalid \\uD800-\\uDFFF escape)", key)

    return Story(
        id=story_id,
        date=date,
        text=text,
        **extra,
        origin=origin,
        sentence_offset=sentence_offset,
    )


def _decode_line(raw: bytes, encoding: str, first: bool, keep_end: bool = False) -> tuple[str, str | None]:
    """Decode one line (without its line ending unless ``keep_end``). Returns ``(text, error)``;
    on a decoding error the text is decoded with replacement characters, for ``Rejected.raw``."""
    if first and raw.startswith(b"\xef\xbb\xbf") and encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        raw = raw[3:]
    if not keep_end:
        raw = raw.rstrip(b"\r\n")
    try:
        return raw.decode(encoding), None
    except UnicodeDecodeError as err:
        return (
            raw.decode(encoding, errors="replace"),
            f"invalid {encoding} at byte {err.start + 1} of the line (if the file has another "
            "encoding, give it with --encoding, e.g. --encoding cp1252)",
        )


# --------------------------------------------------------------------------------------------
# One reader per format. Each yields Rejected or Story.

Item = Story | Rejected


def jsonl_item(raw: bytes, origin: str, ctx: _Context, first: bool = False) -> Item | None:
    """One line of a JSONL file as a Story or a Rejected (None for a blank line). ``first``: the
    file's first line (where a UTF-8 byte-order mark is dropped; one at the start of any later
    line, left by joining files with ``cat``, is dropped too)."""
    text, error = _decode_line(raw, ctx.encoding, first)
    if error:
        return Rejected(origin, error, None, _clip(text))
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        return Rejected(origin, f"malformed JSON: {err.msg} (column {err.colno})", None, _clip(text))
    except RecursionError:
        return Rejected(origin, f"malformed JSON: {_TOO_DEEP}", None, _clip(text))
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        return Rejected(origin, f"malformed JSON: {err}", None, _clip(text))
    if not isinstance(record, dict):
        return Rejected(origin, f"not a JSON object (got {type(record).__name__})", None, _clip(text))
    return _story_or_rejected(origin, record, ctx, raw=_clip(text))


def _read_jsonl(source: Source, ctx: _Context) -> Iterator[Item]:
    """One JSON object per line; blank lines are skipped."""
    with _open_binary(source) as handle:
        for lineno, raw in enumerate(handle, 1):
            item = jsonl_item(raw, f"{source.name}:{lineno}", ctx, lineno == 1)
            if item is not None:
                yield item


def _require_columns(source: Source, columns: list[str], ctx: _Context, line: int | None) -> None:
    """A table-like input must have the text column, and the date column unless --date is given."""
    shown = ", ".join(columns) if columns else "(none)"
    if ctx.fields.text not in columns:
        raise InputError(
            f"no text column '{ctx.fields.text}' (columns: {shown})",
            file=source.name,
            line=line,
            field=ctx.fields.text,
            fix="name the text column with --text-field",
        )
    if ctx.fields.date not in columns and ctx.default_date is None:
        raise InputError(
            f"no date column '{ctx.fields.date}' (columns: {shown})",
            file=source.name,
            line=line,
            field=ctx.fields.date,
            fix="name the date column with --date-field, or give --date YYYY-MM-DD",
        )


def _read_csv(source: Source, ctx: _Context) -> Iterator[Item]:
    """A header row, then one record per story; records may span lines (quoted newlines).

    A record with an undecodable line is rejected (reported at its first line); reading goes on.
    A quoted field still open at the end of the file (a truncated file, or a quote never closed)
    is rejected rather than read as a story: Python's csv module would return it silently.
    """
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    delimiter = "\t" if source.fmt == "tsv" else ","
    bad_lines: dict[int, str] = {}
    consumed: list[str] = []
    at_end: list[bool] = []  # set when the reader asked for a line past the last one

    def lines(handle: BinaryIO) -> Iterator[str]:
        for lineno, raw in enumerate(handle, 1):
            text, error = _decode_line(raw, ctx.encoding, lineno == 1, keep_end=True)
            if error:
                bad_lines[lineno] = error
            consumed.append(text)
            yield text
        # The reader only reads past the last line inside an open quoted field: a row it then
        # returns ends at the end of the file, not at a record end.
        at_end.append(True)

    with _open_binary(source) as handle:
        reader = csv.reader(lines(handle), delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as err:
            raise InputError(f"malformed CSV header: {err}", file=source.name, line=1, fix="check that it is a CSV file") from None
        if header is None:
            return
        if bad_lines:
            raise InputError(
                f"header is not valid {ctx.encoding}", file=source.name, line=1, fix="give --encoding"
            )
        if header and header[0].lstrip().startswith("{"):
            raise InputError(
                "not a CSV file: its first line is a JSON object (JSON lines?)", file=source.name, line=1,
                fix="name the file .jsonl, or give --input-format jsonl",
            )
        _require_columns(source, header, ctx, line=1)
        previous = reader.line_num
        while True:
            consumed.clear()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                row, problem = None, f"malformed CSV: {err}"
            else:
                problem = None
            start, previous = previous + 1, reader.line_num
            origin = f"{source.name}:{start}"
            raw = _clip("".join(consumed).rstrip("\r\n"))
            errors = [bad_lines.pop(n) for n in range(start, previous + 1) if n in bad_lines]
            if errors:
                yield Rejected(origin, errors[0], None, raw)
            elif at_end and row:
                reason = "a quoted field is never closed: the file ends inside it (truncated?)"
                yield Rejected(origin, reason, None, raw)
            elif problem:
                yield Rejected(origin, problem, None, raw)
            elif not row:
                continue  # a blank line
            elif len(row) != len(header):
                yield Rejected(origin, f"record has {len(row)} fields, the header has {len(header)}", None, raw)
            else:
                yield _story_or_rejected(origin, dict(zip(header, row)), ctx, raw=raw)


@contextmanager
def _parquet_file(source: Source) -> Iterator:
    """Open a Parquet file (stdin is first spooled to a temporary file: Parquet needs seeking)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    with tempfile.TemporaryFile() if source.path is None else _nothing() as spool:
        try:
            if spool is not None:
                shutil.copyfileobj(sys.stdin.buffer, spool)
                spool.seek(0)
            yield pq.ParquetFile(spool if spool is not None else source.path)
        except (OSError, pa.ArrowException, ValueError, OverflowError) as err:
            # ValueError, OverflowError: a value Python cannot hold (a date in the year 200000)
            kind = looks_like(_head(source)) if source.path is not None else None
            raise InputError(
                f"cannot read Parquet: {err}" + (f" (the file looks like {kind})" if kind else ""),
                file=source.name,
                fix="check that it is a Parquet file" + (", or give its real format with --input-format" if kind else ""),
            ) from err


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def _read_parquet(source: Source, ctx: _Context, batch_size: int = 1024) -> Iterator[Item]:
    """One story per row, read one record batch at a time; origins are ``file:row N`` (0-based)."""
    with _parquet_file(source) as parquet:
        names = parquet.schema_arrow.names
        _require_columns(source, names, ctx, line=None)
        f = ctx.fields
        wanted = [c for c in dict.fromkeys((f.id, f.date, f.text, f.title, f.publisher, f.url)) if c in names]
        row = 0
        for batch in parquet.iter_batches(batch_size=batch_size, columns=wanted):
            for record in batch.to_pylist():
                yield _story_or_rejected(f"{source.name}:row {row}", record, ctx)
                row += 1


def _read_txt(source: Source, ctx: _Context) -> Iterator[Item]:
    """The whole file is one story: id = file stem, date = ``default_date`` (never guessed from
    the text, even if its first line looks like a date)."""
    with _open_binary(source) as handle:
        data = handle.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    file_name = Path(source.name).name
    if source.gzipped:
        file_name = file_name[: -len(".gz")]
    story_id = "stdin" if source.path is None else Path(file_name).stem
    try:
        text = data.decode(ctx.encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raw = _clip(data.decode(ctx.encoding, errors="replace"))
        reason = f"invalid {ctx.encoding} (if the file has another encoding, give it with --encoding, e.g. --encoding cp1252)"
        yield Rejected(f"{source.name}:{line}", reason, None, raw)
        return
    f = ctx.fields
    record = {f.id: story_id, f.text: text}
    yield _story_or_rejected(source.name, record, ctx, raw=_clip(text))


def _read_xml(source: Source, ctx: _Context) -> Iterator[Item]:
    """PETRARCH XML: each ``<Sentence>`` is a story, its attributes are the fields (``id``,
    ``date``; ``source`` stands in for the publisher) and its ``<Text>`` child the text.

    Parsed with expat, fed in chunks: memory holds one sentence, and origins carry the line of
    the ``<Sentence>`` tag. An id ``STORY-3`` gives story ``STORY`` at sentence offset 3, as in
    PETRARCH. Malformed XML is reported at its line and ends the file.
    """
    f = ctx.fields
    text_tag = f.text.lower()
    utf8 = ctx.encoding.replace("_", "-").lower() in ("utf-8", "utf8")
    # Another encoding: decoded here and fed to expat as text (overriding the XML declaration),
    # so every Python codec works, not only the few expat knows.
    decoder = None if utf8 else codecs.getincrementaldecoder(ctx.encoding)()
    parser = xml.parsers.expat.ParserCreate(None if utf8 else "utf-8")
    parser.buffer_text = True
    ready: list[Item] = []
    state: dict = {"record": None, "line": 0, "parts": None}

    def start(name: str, attrs: dict) -> None:
        if name.lower() == "sentence":
            record = dict(attrs)
            if f.publisher not in record and "source" in record:
                record[f.publisher] = record["source"]
            state.update(record=record, line=parser.CurrentLineNumber, parts=None)
        elif state["record"] is not None and name.lower() == text_tag:
            state["parts"] = []

    def chars(data: str) -> None:
        if state["parts"] is not None:
            state["parts"].append(data)

    def end(name: str) -> None:
        record = state["record"]
        if record is None:
            return
        if name.lower() == text_tag and state["parts"] is not None:
            record[f.text] = " ".join("".join(state["parts"]).split())
            state["parts"] = None
        elif name.lower() == "sentence":
            origin = f"{source.name}:{state['line']}"
            ready.append(_story_or_rejected(origin, record, ctx, split_sentence_id=True))
            state["record"] = None

    parser.StartElementHandler = start
    parser.CharacterDataHandler = chars
    parser.EndElementHandler = end
    with _open_binary(source) as handle:
        try:
            chunk = b"-"
            while chunk:
                chunk = handle.read(_CHUNK)
                parser.Parse(chunk if decoder is None else decoder.decode(chunk, final=not chunk), not chunk)
                yield from ready
                ready.clear()
        except xml.parsers.expat.ExpatError as err:
            yield from ready
            problem = xml.parsers.expat.ErrorString(err.code)
            if not chunk:  # the error came at the end of the file: elements left open
                problem += ", the file ends before the XML does (truncated?)"
            reason = f"malformed XML: {problem}; rest of file skipped"
            yield Rejected(f"{source.name}:{err.lineno}", reason, None, None)
        except UnicodeDecodeError:
            yield from ready
            reason = f"invalid {ctx.encoding} after this line (give the file's encoding with --encoding); rest of file skipped"
            yield Rejected(f"{source.name}:{parser.CurrentLineNumber}", reason, None, None)


_READERS: dict[str, Callable[[Source, _Context], Iterator[Item]]] = {
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "tsv": _read_csv,
    "parquet": _read_parquet,
    "txt": _read_txt,
    "xml": _read_xml,
}


# --------------------------------------------------------------------------------------------
# Public API


def read_stories(
    inputs: list[str],
    *,
    fmt: str | None = None,
    id_field: str = "id",
    date_field: str = "date",
    text_field: str = "text",
    title_field: str = "title",
    publisher_field: str = "publisher",
    url_field: str = "url",
    default_date: dt.date | None = None,
    encoding: str = "utf-8",
    max_story_chars: int | None = None,
    skip_unreadable: bool = False,
) -> Iterator[Story | Rejected]:
    """Stream the stories of ``inputs`` (files, folders, ``-`` for stdin), in order.

    Inputs are resolved at once, so a missing file or unsupported extension raises
    :class:`InputError` here, before anything is read. Bad records come out as
    :class:`Rejected`; a story whose id (and sentence offset) was already seen in this run is
    rejected as a duplicate. ``default_date`` fills in missing dates (and is the date of ``.txt``
    stories); an unparseable date is always rejected, never replaced by the default.
    ``encoding`` is that of the text inputs (JSONL, CSV, TXT, XML). A file that cannot be read
    raises :class:`InputError` when its turn comes, or with ``skip_unreadable`` comes out as one
    :class:`FileRejected` and the next input is read. A story longer than ``max_story_chars``
    (None: no limit) is rejected.
    """
    sources = resolve_inputs(inputs, fmt, defer_errors=skip_unreadable)
    return read_sources(
        sources,
        id_field=id_field, date_field=date_field, text_field=text_field, title_field=title_field,
        publisher_field=publisher_field, url_field=url_field, default_date=default_date,
        encoding=encoding, max_story_chars=max_story_chars, skip_unreadable=skip_unreadable,
    )


def make_context(
    *,
    id_field: str = "id",
    date_field: str = "date",
    text_field: str = "text",
    title_field: str = "title",
    publisher_field: str = "publisher",
    url_field: str = "url",
    default_date: dt.date | None = None,
    encoding: str = "utf-8",
    max_story_chars: int | None = None,
) -> _Context:
    """The reading context (field names, default date, encoding, longest story), the encoding
    checked."""
    return _Context(
        Fields(id_field, date_field, text_field, title_field, publisher_field, url_field),
        default_date,
        check_encoding(encoding),
        max_story_chars,
    )


def read_sources(sources: list[Source], *, skip_unreadable: bool = False, **context) -> Iterator[Story | Rejected]:
    """:func:`read_stories` for sources already resolved by :func:`resolve_inputs` (``context``:
    the field names, ``default_date`` and ``encoding`` of :func:`make_context`)."""
    return _stream(sources, make_context(**context), skip_unreadable)


def read_source(
    source: Source,
    ctx: _Context,
    skip_unreadable: bool = False,
    items: Callable[[Source, _Context], Iterator[Item]] | None = None,
    check_kind: bool | None = None,
) -> Iterator[Item]:
    """The records of one source, with file-level failures handled in one place.

    ``items`` reads the source (default: the reader of its format). An :class:`InputError` about
    the file, or an OS / gzip error half-way through it, is raised as :class:`InputError` naming
    the file, or with ``skip_unreadable`` yielded as one :class:`FileRejected` (the stories
    already read from the file are kept; the rest of it is skipped). ``check_kind`` (default:
    when ``items`` is not given) first refuses a text input whose first bytes show it is
    something else (an image, an archive, Parquet, UTF-16): see :mod:`eventcoder.sniff`."""
    read = 0
    try:
        if source.error is not None:
            raise source.error
        if (items is None if check_kind is None else check_kind) and source.fmt != "parquet":
            _check_text_input(source)
        for item in (items or _READERS[source.fmt])(source, ctx):
            read += 1
            yield item
        return
    except InputError as err:
        error = err
    except (OSError, EOFError, zlib.error) as err:
        error = InputError(
            f"cannot read file: {getattr(err, 'strerror', None) or err}",
            file=source.name,
            fix="check that the file is readable and complete (a truncated or damaged .gz file?)",
        )
        error.__cause__ = err
    if not skip_unreadable:
        raise error
    skipped = "whole file skipped" if read == 0 else f"rest of file skipped after {read} records"
    origin = source.name if error.line is None else f"{source.name}:{error.line}"
    yield FileRejected(origin, f"{error.message}; {skipped}", error.field, None, error)


_FORMAT_NAMES = {"jsonl": "JSON lines", "csv": "CSV", "tsv": "TSV", "txt": "plain text", "xml": "XML"}


def _head(source: Source) -> bytes:
    """The first bytes of a source, for :mod:`eventcoder.sniff` (stdin is peeked at, not read)."""
    if source.path is None:
        peek = getattr(sys.stdin.buffer, "peek", None)
        return peek(HEAD_BYTES)[:HEAD_BYTES] if peek is not None else b""
    with _open_binary(source) as handle:
        return handle.read(HEAD_BYTES)


def _check_text_input(source: Source) -> None:
    kind = binary_kind(_head(source))
    if kind is not None:
        raise InputError(
            f"expected {_FORMAT_NAMES.get(source.fmt, source.fmt)}, but the file is {kind}",
            file=source.name, line=1, fix=fix_for(kind),
        )


def _stream(sources: list[Source], ctx: _Context, skip_unreadable: bool = False) -> Iterator[Story | Rejected]:
    seen: set[tuple[str, int]] = set()
    for source in sources:
        for item in read_source(source, ctx, skip_unreadable):
            if isinstance(item, Story):
                key = (item.id, item.sentence_offset)
                if key in seen:
                    yield Rejected(
                        item.origin or source.name,
                        f"duplicate id '{item.id}' (an earlier record in this run has it)",
                        ctx.fields.id,
                        _clip(item.text),
                    )
                    continue
                seen.add(key)
            yield item


def _count_bytes(source: Source, token: bytes) -> int:
    """Occurrences of ``token`` in a file, read in 1 MiB chunks."""
    count, tail = 0, b""
    with _open_binary(source) as handle:
        while chunk := handle.read(_CHUNK):
            data = tail + chunk
            count += data.count(token)
            # keep a tail so a token split across chunks is seen once (tokens do not overlap)
            tail = data[-(len(token) - 1) :] if len(token) > 1 else b""
    return count


def _count_lines(source: Source) -> int:
    """Number of lines (a last line without newline counts), by counting newline bytes."""
    count, last = 0, b"\n"
    with _open_binary(source) as handle:
        while chunk := handle.read(_CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _source_hint(source: Source) -> int | None:
    if source.error is not None:
        return 1  # one rejected record, or the error that stops the run
    if source.path is None or source.gzipped:
        return None
    if source.fmt == "txt":
        return 1
    if source.fmt == "jsonl":
        return _count_lines(source)
    if source.fmt in ("csv", "tsv"):
        return max(_count_lines(source) - 1, 0)
    if source.fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(source.path).metadata.num_rows
    if source.fmt == "xml":
        return _count_bytes(source, b"</Sentence>")
    return None


def count_hint(inputs: list[str], fmt: str | None = None) -> int | None:
    """A cheap estimate of the number of records, for a progress bar.

    Line counts for JSONL/CSV (byte counting: blank lines and quoted newlines overcount),
    row counts from Parquet metadata, ``</Sentence>`` tags for XML, 1 per text file. ``None``
    when it cannot be known cheaply (stdin, gzip) or an input cannot be read.
    """
    try:
        total = 0
        for source in resolve_inputs(inputs, fmt, defer_errors=True):
            hint = _source_hint(source)
            if hint is None:
                return None
            total += hint
        return total
    except (InputError, OSError, ValueError, EOFError, zlib.error):
        return None
