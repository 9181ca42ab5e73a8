"""What a file really is, from its first bytes: the reason a spreadsheet cannot be read is
named (password, truncated, not a spreadsheet at all) instead of a library's traceback; and
the text encoding of a CSV (UTF-8, UTF-16 with or without BOM, Windows/Latin-1)."""

from __future__ import annotations

import zipfile
from pathlib import Path

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls, or an encrypted .xlsx
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

#: Why a file cannot be read as a table; ``adapters.spreadsheet_errors`` words each one.
KINDS = ("not_found", "empty_file", "no_rows", "encrypted", "old_excel", "truncated",
         "not_spreadsheet", "sheet_missing", "encoding", "unreadable")


def excel_problem(path: Path) -> str:
    """'' for a readable-looking XLSX; else a kind of ``KINDS`` (by content, not by name)."""
    with open(path, "rb") as handle:
        head = handle.read(8)
        if not head:
            return "empty_file"
        if head.startswith(OLE_MAGIC):
            handle.seek(0)
            return "encrypted" if ENCRYPTED_STREAM in handle.read(1 << 20) else "old_excel"
    if not head.startswith(ZIP_MAGIC):
        return "not_spreadsheet"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if archive.testzip() is not None:
                return "truncated"
    except (zipfile.BadZipFile, EOFError, OSError):
        return "truncated"
    if "xl/workbook.xml" not in names:
        return "not_spreadsheet"  # a .docx, .odt or any zip renamed .xlsx
    return ""


def text_encoding(path: Path) -> str:
    """The encoding to read a CSV with: BOMs first, then UTF-16 without BOM (every other byte
    NUL), then UTF-8 if it decodes, else cp1252 (a superset of Latin-1's letters)."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3 and len(head) == 1 << 16:
            return "utf-8"  # a character cut at the sample's end
    return "cp1252"


def latin_fallback(encoding: str) -> str:
    """cp1252 leaves five bytes undefined; Latin-1 decodes every byte."""
    return "latin-1" if encoding == "cp1252" else encoding
