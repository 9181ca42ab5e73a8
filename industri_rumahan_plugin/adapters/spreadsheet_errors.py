"""Why a spreadsheet cannot be read, in the user's language, with the library's own words as
detail: every failure of pandas, GDAL or the zip reader arrives here as a
``core.importing.tables.TableError`` with a ``kind`` (see ``core.importing.sniff``)."""

from __future__ import annotations

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core.importing.tables import TableError


def _texts() -> dict[str, str]:
    tr = toolbelt.tr
    return {
        "not_found": tr("The file {file} was not found."),
        "empty_file": tr("{file} is empty: it holds no table at all."),
        "no_rows": tr("{file} has a header row but no data rows: nothing to import."),
        "encrypted": tr("{file} is protected by a password. Open it in Excel, remove the "
                        "password (File › Info › Protect Workbook) and save it, then import "
                        "again."),
        "old_excel": tr("{file} is an Excel 97-2003 workbook (.xls). Save it as .xlsx (Excel "
                        "Workbook) or CSV, then import again."),
        "truncated": tr("{file} is damaged or incomplete (cut off while copying or "
                        "downloading). Copy or download it again."),
        "not_spreadsheet": tr("{file} is not a spreadsheet, although its name ends in "
                              "{suffix}. Choose the XLSX or CSV file exported from Excel."),
        "sheet_missing": tr("{file} has no worksheet of that name."),
        "encoding": tr("The text encoding of {file} is not recognised. Save it from Excel as "
                       "\"CSV UTF-8\"."),
        "unreadable": tr("{file} cannot be read as a table."),
    }


def message(error: TableError, file_name: str = "", suffix: str = "") -> str:
    """The translated reason, then the original library text as detail."""
    text = _texts().get(error.kind, _texts()["unreadable"]).format(
        file=file_name or toolbelt.tr("The file"), suffix=suffix)
    detail = error.detail or ("" if error.kind in _texts() and error.kind != "unreadable"
                              else str(error))
    if detail:
        text += " " + toolbelt.tr("Detail: {detail}").format(detail=detail)
    return text
