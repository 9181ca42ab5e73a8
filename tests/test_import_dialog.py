"""The column-mapping dialog: automatic matches, a user change, a real import."""

from __future__ import annotations

import json

import pytest
from qgis.core import NULL, QgsProject, QgsVectorLayer

from industri_rumahan_plugin.adapters.geopackage import create_database
from tests.unit.test_spreadsheet_import import _office_xlsx


@pytest.fixture
def clean_project(qgis_new_project):
    """Layers leave the project even when an assertion fails (else QGIS crashes at exit)."""
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def test_dialog_maps_columns_and_imports(clean_project, qtbot, provider, tmp_path):
    from industri_rumahan_plugin.gui.import_dialog import ImportDialog

    uris = create_database(tmp_path / "ir.gpkg")
    layer = QgsVectorLayer(uris["enterprises"], "usaha", "ogr")
    services = QgsVectorLayer(uris["services"], "layanan", "ogr")
    clean_project.addMapLayers([layer, services])
    sheet = tmp_path / "data.xlsx"
    _office_xlsx(sheet)

    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    assert dialog.layer_combo.currentLayer() == layer  # the services layer is not offered
    assert dialog.layer_combo.count() == 1
    dialog.file_widget.setFilePath(str(sheet))
    assert dialog.table.rowCount() == 15 and dialog.run_button.isEnabled()
    mapping = dialog.mapping()
    assert mapping["Nama Usaha"] == "nama_usaha" and mapping["Jenis Usaha"] == "sektor"
    assert mapping["Desa/Kelurahan"] == "_desa" and mapping["No"] == ""
    nik_row = dialog.columns.index("NIK")
    assert dialog.table.item(nik_row, 1).text() == "•••"  # no personal data on screen
    # the user decides not to import the phone column
    phone_combo = dialog.table.cellWidget(dialog.columns.index("No HP"), 2)
    phone_combo.setCurrentIndex(phone_combo.findData(""))
    assert json.loads(dialog.parameters()["MAPPING"])["No HP"] == ""

    dialog.dry_run.setChecked(True)
    dry = dialog.run()
    assert dry["IMPORTED"] == 0 and layer.featureCount() == 0
    assert "Dry run" in dialog.summary.text()
    dialog.dry_run.setChecked(False)
    result = dialog.run()
    assert result["IMPORTED"] == 5 and result["REJECTED"] == 5
    check = QgsVectorLayer(uris["enterprises"], "check", "ogr")
    assert check.featureCount() == 5
    phones = {f["telepon"] for f in check.getFeatures()}
    assert phones == {NULL}  # the column was ignored (the sheet has two phone numbers)
    assert "5 imported" in dialog.summary.text()
