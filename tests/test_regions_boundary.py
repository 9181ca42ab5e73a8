"""Regions must be boundary layers: the report dialog offers only those, every algorithm with a
REGIONS parameter refuses an analysis output (issue 13: the density output as regions gave a
plausible but wrong PDF)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

from industri_rumahan_plugin.core import schema

pytestmark = pytest.mark.filterwarnings("ignore")

#: every algorithm of the provider with a REGIONS parameter (checked against the provider)
REGION_ALGORITHMS = ("generatedemo", "densitybyregion", "stageprogression",
                     "nearestneighbourindex", "servicegap", "accessibility", "exportreport",
                     "genderdisaggregatedtables", "preparefieldsurvey", "publishwebmap")
DENSITY_NAME = "Kepadatan usaha per kabupaten/kota"


@pytest.fixture(scope="module")
def density_output(demo_gpkg, provider, tmp_path_factory) -> Path:
    """The density output written to a GeoPackage, as a user keeps it."""
    from qgis import processing

    out = tmp_path_factory.mktemp("kepadatan") / "kepadatan.gpkg"
    processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "OUTPUT": str(out)})
    return out


def _density_layer(path: Path) -> QgsVectorLayer:
    layer = QgsVectorLayer(str(path), DENSITY_NAME, "ogr")
    assert layer.isValid()
    return layer


def test_the_schema_tells_outputs_from_boundaries(density_output):
    layer = _density_layer(density_output)
    names = layer.fields().names()
    assert {"kode", "nama", "prov_kode"} <= set(names)  # the key fields of a kabupaten
    assert schema.is_analysis_output(names)
    assert schema.layer_role(names, "MultiPolygon") is None
    assert schema.boundary_role(names, "MultiPolygon") is None
    regency = schema.field_names(schema.REGENCY_FIELDS)
    assert schema.boundary_role(regency, "MultiPolygon") == "regencies"
    assert not schema.is_analysis_output(regency)
    district = schema.field_names(schema.DISTRICT_FIELDS)
    assert schema.boundary_role(district, "MultiPolygon") == "districts"
    assert schema.boundary_role(schema.field_names(), "Point") is None


def test_the_list_covers_every_region_algorithm(provider):
    found = {alg.name() for alg in provider.algorithms()
             if alg.parameterDefinition("REGIONS") is not None}
    assert found == set(REGION_ALGORITHMS)


@pytest.mark.parametrize("alg_id", REGION_ALGORITHMS)
def test_algorithm_refuses_an_analysis_output_as_regions(alg_id, demo_gpkg, density_output,
                                                         provider, tmp_path):
    from qgis import processing

    params = {"INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": str(density_output),
              "SERVICES": f"{demo_gpkg}|layername=layanan", "OUTPUT": "memory:"}
    if alg_id == "exportreport":
        params["OUTPUT"] = str(tmp_path / "r.pdf")
    elif alg_id == "genderdisaggregatedtables":
        params["OUTPUT"] = str(tmp_path / "t.xlsx")
    elif alg_id == "preparefieldsurvey":
        params["OUTPUT"] = str(tmp_path / "paket")
    elif alg_id == "publishwebmap":
        params["OUTPUT"] = str(tmp_path / "situs")
    with pytest.raises(QgsProcessingException) as error:
        processing.run(f"industrirumahan:{alg_id}", params)
    assert "[REGIONS]: " in str(error.value)
    assert "is an analysis output, not a boundary layer" in str(error.value)
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "t.xlsx").exists()
    assert not (tmp_path / "situs").exists()


@pytest.fixture
def project_with_output(demo_gpkg, density_output, qgis_new_project):
    """The demo layers plus the density output, added first, as in the reported project."""
    project = QgsProject.instance()
    density = project.addMapLayer(_density_layer(density_output))
    layers = {"density": density}
    for name in ("usaha", "kabupaten", "kecamatan", "layanan"):
        layer = QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr")
        assert layer.isValid()
        layers[name] = project.addMapLayer(layer)
    yield layers
    project.removeAllMapLayers()


def test_dialog_offers_only_boundary_layers(project_with_output, qgis_iface, qtbot):
    from industri_rumahan_plugin.gui.report_dialog import ReportDialog

    dialog = ReportDialog()
    qtbot.addWidget(dialog)
    offered = [dialog.regions.layer(i) for i in range(dialog.regions.count())]
    offered = [layer for layer in offered if layer is not None]
    assert sorted(layer.name() for layer in offered) == ["kabupaten", "kecamatan"]
    assert dialog.regions.currentLayer() is project_with_output["kabupaten"]
    # an output added while the dialog is open is not offered either
    late = QgsProject.instance().addMapLayer(_density_layer(
        Path(project_with_output["density"].source().split("|")[0])))
    late.setName("kepadatan lagi")
    offered = [dialog.regions.layer(i) for i in range(dialog.regions.count())]
    assert late not in offered and project_with_output["density"] not in offered
    assert dialog.regions.currentLayer() is project_with_output["kabupaten"]


def test_report_with_the_dialogs_defaults_has_the_right_figures(
        project_with_output, demo_gpkg, qgis_iface, qtbot, tmp_path, provider):
    from qgis import processing

    from industri_rumahan_plugin.gui.report_dialog import ALG, ReportDialog
    from industri_rumahan_plugin.report.data import layer_frame

    dialog = ReportDialog()
    qtbot.addWidget(dialog)
    assert dialog.year.value() == dt.date.today().year  # the default period: up to this year
    dialog.output.setFilePath(str(tmp_path / "laporan.pdf"))
    result = processing.run(ALG, dialog.parameters())
    density = layer_frame(processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "OUTPUT": "memory:"})["OUTPUT"])
    summary = pd.read_excel(result["XLSX"], sheet_name="Ringkasan")
    assert len(summary) == len(density) + 1 == 8
    assert summary["Jumlah"].iloc[:-1].astype(int).tolist() == density["jml_usaha"].tolist()
    assert summary["Jumlah"].iloc[-1] == density["jml_usaha"].sum() == 3000
