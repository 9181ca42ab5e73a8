"""Broken and odd spreadsheets as offices send them, built byte by byte for the tests."""

from __future__ import annotations

import struct
from pathlib import Path

HEADER = ["Nama usaha", "Sektor", "Tahap", "Nama pemilik", "Jenis kelamin", "Desa/Kelurahan",
          "Kecamatan", "Lintang", "Bujur"]
ROWS = [
    ["Kue Bu Siti", "makanan", "pemula", "Siti Aminah", "P", "Air Itam", "Bukit Intan", "-2.1301",
     "106.1102"],
    ["Kerupuk Ikan Mak Rós", "Makanan", "IR 2", "Rosmala Dewi", "P", "Sinar Bulan",
     "Bukit Intan", "-2.1402", "106.1203"],
]

SECTOR = 512
FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def csv_text(sep: str = ";", rows: list[list[str]] | None = None) -> str:
    lines = [sep.join(HEADER)] + [sep.join(r) for r in (ROWS if rows is None else rows)]
    return "\r\n".join(lines) + "\r\n"


def _entry(name: str, kind: int, start: int, size: int, child: int = NO_STREAM,
           right: int = NO_STREAM) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NO_STREAM, right, child) + b"\0" * 16 + b"\0" * 4
            + b"\0" * 16 + struct.pack("<IQ", start, size))


def encrypted_xlsx(path: Path) -> Path:
    """What Excel writes for a workbook with an opening password: not a zip but a Compound
    File (OLE2) holding the streams EncryptionInfo and EncryptedPackage (here 4 KiB each)."""
    stream = 8  # sectors per stream: 4096 bytes, at the mini-stream cutoff, so no mini FAT
    fat = [FAT_SECTOR, END]
    for first in (2, 2 + stream):
        fat += [first + i + 1 for i in range(stream - 1)] + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
              + struct.pack("<109I", 0, *([FREE] * 108)))
    directory = (_entry("Root Entry", 5, END, 0, child=1)
                 + _entry("EncryptionInfo", 2, 2, 4096, right=2)
                 + _entry("EncryptedPackage", 2, 2 + stream, 4096)
                 + b"\0" * 128)
    body = (b"\x04\x00\x04\x00\x40\x00\x00\x00<?xml version=\"1.0\"?><encryption/>").ljust(
        4096, b"\0") + bytes(range(256)) * 16
    path.write_bytes(header.ljust(SECTOR, b"\0") + struct.pack("<128I", *fat)
                     + directory + body)
    return path


def good_xlsx(path: Path) -> Path:
    """A real workbook of the two rows (written by GDAL, as the plugin writes)."""
    import pandas as pd

    from industri_rumahan_plugin.adapters import xlsx

    return xlsx.write_sheets(path, {"Data": pd.DataFrame(ROWS, columns=HEADER)})


def truncated_xlsx(path: Path, keep: float = 0.6) -> Path:
    good = good_xlsx(path.with_name("utuh_" + path.name))
    data = good.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path
