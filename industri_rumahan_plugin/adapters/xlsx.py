"""XLSX through GDAL's OGR driver, which every QGIS ships: openpyxl is not needed.

Reading gives what ``pandas.read_excel(header=None, dtype=str)`` gives (every cell as text,
blank cells as ""), so ``core.importing.tables`` parses it the same way. Writing keeps the
headers, values, sheet names and column widths of ``DataFrame.to_excel`` with openpyxl: GDAL
types a whole column, so in a column mixing numbers and text (report counts shown as "<3")
the numbers are put back as number cells by editing GDAL's worksheet XML (zip + regex).
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from industri_rumahan_plugin.core import cell_safety
from industri_rumahan_plugin.core.importing import tables

GDAL_SUFFIXES = (".xlsx", ".xlsm")


def read_raw(path: str | Path, sheet: str | int | None = None) -> pd.DataFrame:
    """Every cell of one sheet (name, index, or the first) as text, no header row."""
    from osgeo import gdal

    path = Path(path)
    gdal.ErrorReset()
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR, allowed_drivers=["XLSX"],
                     open_options=["HEADERS=DISABLE", "FIELD_TYPES=STRING"])
    if ds is None:
        detail = gdal.GetLastErrorMsg() or "not an XLSX file"
        raise tables.TableError(f"{path.name}: {detail}", "unreadable", detail)
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    if sheet in (None, ""):
        sheet = 0
    if isinstance(sheet, int) and 0 <= sheet < len(names):
        layer = ds.GetLayer(sheet)
    elif isinstance(sheet, str) and sheet in names:
        layer = ds.GetLayerByName(sheet)
    else:
        raise tables.TableError(f"{path.name}: worksheet {sheet!r} not found ({names})",
                                "sheet_missing", ", ".join(names))
    definition = layer.GetLayerDefn()
    width = definition.GetFieldCount()
    rows = [[feature.GetFieldAsString(i) if feature.IsFieldSetAndNotNull(i) else ""
             for i in range(width)] for feature in layer]
    # GDAL 3.6 takes the first row as field names in files GDAL wrote, whatever HEADERS says
    names = [definition.GetFieldDefn(i).GetName() for i in range(width)]
    if names != [f"Field{i + 1}" for i in range(width)]:
        rows.insert(0, names)
    return pd.DataFrame(rows, columns=range(width), dtype=object)


def read_table(path: str | Path, sheet: str | int | None = None) -> tuple[pd.DataFrame, int]:
    """``core.importing.tables.read_table`` with XLSX read by GDAL (CSV as before)."""
    gdal_excel = Path(path).suffix.lower() in GDAL_SUFFIXES
    return tables.read_table(path, sheet, excel_reader=read_raw if gdal_excel else None)


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value)


def _kind(values: pd.Series) -> str:
    """'bool', 'int', 'real', 'datetime', 'date' or 'text' (also for mixed columns)."""
    present = [v for v in values.tolist() if not _is_missing(v)]
    if not present:
        return "text"
    if all(isinstance(v, bool) for v in present):
        return "bool"
    if all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in present):
        return "int"
    if all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in present):
        return "real"
    if all(isinstance(v, dt.datetime) for v in present):
        return "datetime"
    if all(isinstance(v, dt.date) for v in present):
        return "date"
    return "text"


def _field(name: str, kind: str):
    from osgeo import ogr

    types = {"bool": ogr.OFTInteger, "int": ogr.OFTInteger64, "real": ogr.OFTReal,
             "datetime": ogr.OFTDateTime, "date": ogr.OFTDate, "text": ogr.OFTString}
    field = ogr.FieldDefn(name, types[kind])
    if kind == "bool":
        field.SetSubType(ogr.OFSTBoolean)
    return field


def _set(feature, index: int, kind: str, value: object) -> None:
    if kind in ("bool", "int"):
        feature.SetField(index, int(value))
    elif kind == "real":
        feature.SetField(index, float(value))
    elif kind in ("datetime", "date"):
        stamp = pd.Timestamp(value)
        feature.SetField(index, stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute,
                         stamp.second, 0)
    else:
        feature.SetField(index, str(value))


def write_sheets(path: str | Path, sheets: Mapping[str, pd.DataFrame]) -> Path:
    """One worksheet per frame (in order), headers in the first row, no index column.

    Text cells that Excel would run as formulas are neutralised (``core.cell_safety``).
    """
    from osgeo import gdal, ogr

    sheets = {name: cell_safety.neutralise_frame(frame) for name, frame in sheets.items()}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    kinds: dict[str, list[str]] = {}
    gdal.ErrorReset()
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(str(path))
    if ds is None:
        raise OSError(f"{path}: {gdal.GetLastErrorMsg() or 'GDAL cannot create the file'}")
    for name, frame in sheets.items():
        layer = ds.CreateLayer(name, geom_type=ogr.wkbNone)
        kinds[name] = [_kind(frame[c]) for c in frame.columns]
        for column, kind in zip(frame.columns, kinds[name]):
            layer.CreateField(_field(str(column), kind))
        definition = layer.GetLayerDefn()
        for row in frame.itertuples(index=False, name=None):
            feature = ogr.Feature(definition)
            for i, (value, kind) in enumerate(zip(row, kinds[name])):
                if not _is_missing(value):
                    _set(feature, i, kind, value)
            layer.CreateFeature(feature)
    ds = None  # written on close
    if not path.is_file():
        raise OSError(f"{path}: {gdal.GetLastErrorMsg() or 'GDAL did not write the file'}")
    _polish(path, sheets, kinds)
    return path


_TEXT_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)" t="s">\s*<v>[0-9]+</v>\s*</c>')
_COLS = re.compile(r"<cols>.*?</cols>", re.S)


def _column_letter(index: int) -> str:
    """1 -> 'A', 27 -> 'AA'."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_xml(xml: str, frame: pd.DataFrame, kinds: list[str]) -> str:
    """Column widths as Excel users expect, and number cells in mixed text columns."""
    widths = []
    numbers_at: dict[str, str] = {}
    for j, (column, kind) in enumerate(zip(frame.columns, kinds), start=1):
        values = frame[column]
        width = max([len(str(column)), *values.astype(str).str.len().head(200)])
        widths.append(f'<col min="{j}" max="{j}" width="{min(max(width + 2, 8), 60)}" '
                      'customWidth="1"/>')
        if kind != "text":
            continue
        letter = _column_letter(j)
        for i, value in enumerate(values.tolist(), start=2):
            if isinstance(value, numbers.Real) and not isinstance(value, bool) \
                    and not _is_missing(value):
                numbers_at[f"{letter}{i}"] = repr(value.item() if hasattr(value, "item")
                                                  else value)
    cols = "<cols>" + "".join(widths) + "</cols>"
    xml = _COLS.sub(lambda _m: cols, xml, count=1) if _COLS.search(xml) else xml.replace(
        "<sheetData>", cols + "<sheetData>", 1)
    if numbers_at:
        def number(match: re.Match) -> str:
            ref = match.group(1)
            if ref not in numbers_at:
                return match.group(0)
            return f'<c r="{ref}"><v>{numbers_at[ref]}</v></c>'

        xml = _TEXT_CELL.sub(number, xml)
    return xml


def _polish(path: Path, sheets: Mapping[str, pd.DataFrame], kinds: dict[str, list[str]]
            ) -> None:
    """Rewrite GDAL's worksheets (plain zip + XML): widths, numbers of mixed columns."""
    parts = {f"xl/worksheets/sheet{k}.xml": name for k, name in enumerate(sheets, start=1)}
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        missing = set(parts) - set(source.namelist())
        if missing:
            raise OSError(f"{path}: unexpected XLSX layout, no {sorted(missing)}")
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in parts:
                name = parts[item.filename]
                data = _sheet_xml(data.decode("utf-8"), sheets[name], kinds[name]).encode(
                    "utf-8")
            out.writestr(item, data)
    tmp.replace(path)


def write_table(frame: pd.DataFrame, path: str | Path, sheet: str = "Data") -> Path:
    """``core.importing.tables.write_table`` with XLSX written by GDAL (CSV as before)."""
    if Path(path).suffix.lower() in GDAL_SUFFIXES:
        return write_sheets(path, {sheet: frame})
    return tables.write_table(frame, path, sheet)
