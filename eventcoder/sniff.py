"""What a file's first bytes say it is: to name the problem when a file is not what its name says.

Only signatures that no text input can start with are recognised (images, archives, compressed
data, Parquet, UTF-16/32 text), so a text file is never refused because of its content: its
records are checked one by one by the readers.
"""

from __future__ import annotations

#: How many bytes :func:`looks_like` needs.
HEAD_BYTES = 16

# (signature, what the file is); longer signatures before their prefixes (UTF-32 before UTF-16).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an .xlsx or .docx file)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"PAR1", "a Parquet file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"\xff\xfe\x00\x00", "UTF-32 text"),
    (b"\x00\x00\xfe\xff", "UTF-32 text"),
    (b"\xff\xfe", "UTF-16 text"),
    (b"\xfe\xff", "UTF-16 text"),
)

#: What to do about each kind of file, beyond "give the right file".
_FIXES = {
    "gzip-compressed data": "name it with .gz at the end (stories.jsonl.gz), or gunzip it",
    "a Parquet file": "name it .parquet, or give --input-format parquet",
    "UTF-16 text": "convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8 IN > OUT)",
    "UTF-32 text": "convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8 IN > OUT)",
}


def looks_like(head: bytes) -> str | None:
    """What a file starting with ``head`` is, when its signature says (``None``: no known one).

    A text-like start is described too, for the error about a file that should be Parquet:
    ``{`` as JSON lines, ``<`` as XML."""
    kind = binary_kind(head)
    if kind is not None:
        return kind
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{"):
        return "JSON lines"
    if text.startswith(b"<"):
        return "XML"
    return None


def binary_kind(head: bytes) -> str | None:
    """What a file that should be text (JSONL, CSV, TXT, XML) is instead, or ``None`` when its
    start is not a known binary signature."""
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return what
    return None


def fix_for(kind: str) -> str:
    """The fix for a text input that turned out to be ``kind``."""
    return _FIXES.get(kind, "give the right file, or its real format with --input-format")
