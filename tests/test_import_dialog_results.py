"""The import dialog after a run: a dry run says what would be imported, the rejected rows are
listed with their reasons, and the report opens from the dialog."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QUrl

from industri_rumahan_plugin.adapters.geopackage import create_database
from tests.unit.test_spreadsheet_import import _office_xlsx


@pytest.fixture
def dialog(qgis_new_project, qtbot, provider, tmp_path):
    from industri_rumahan_plugin.gui.import_dialog import ImportDialog

    uris = create_database(tmp_path / "ir.gpkg")
    layer = QgsVectorLayer(uris["enterprises"], "usaha", "ogr")
    QgsProject.instance().addMapLayer(layer)
    sheet = tmp_path / "data.xlsx"
    _office_xlsx(sheet)
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.file_widget.setFilePath(str(sheet))
    yield dialog, layer
    QgsProject.instance().removeAllMapLayers()


def _rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_dry_run_shows_would_be_counts_and_reasons(dialog):
    dialog, layer = dialog
    dialog.dry_run.setChecked(True)
    dry = dialog.run()
    assert layer.featureCount() == 0  # nothing written
    assert dry["IMPORTED"] == 0 and dry["WOULD_IMPORT"] == 5
    text = dialog.summary.text()
    assert "5 would be imported" in text and "0 imported" not in text
    rejected = _rows(dialog.rejected_table)
    assert dialog.rejected_table.isVisibleTo(dialog)
    assert len({row for row, _col, _reason in rejected}) == dry["REJECTED"] == 5
    assert all(reason.strip() for _row, _col, reason in rejected)

    # the real run imports exactly the rows the dry run announced, and rejects the others
    dialog.dry_run.setChecked(False)
    real = dialog.run()
    assert real["IMPORTED"] == dry["WOULD_IMPORT"] == layer.featureCount()
    assert {r for r, _c, _p in _rows(dialog.rejected_table)} == {r for r, _c, _p in rejected}


def test_the_report_opens_from_the_dialog(dialog):
    dialog, _layer = dialog
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True
    assert not dialog.report_button.isEnabled()
    dialog.dry_run.setChecked(True)
    result = dialog.run()
    assert dialog.report_button.isEnabled()
    dialog.report_button.click()
    assert [u.toLocalFile() for u in opened] == [result["REPORT"]]
    from pathlib import Path

    assert Path(result["REPORT"]).is_file()
