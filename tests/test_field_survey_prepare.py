"""preparefieldsurvey: a QField package from the demo, opened again in QGIS.

The package's project must carry the plugin's own form (the schema is the one source), its
GeoPackage exactly the chosen enterprises (counted independently with SQLite), the region
boundaries and services around them, and what it was made from.
"""

from __future__ import annotations

import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer
from industri_rumahan_plugin.adapters.survey_project import REGION_CODE_SOURCES
from industri_rumahan_plugin.core import field_survey, schema
from industri_rumahan_plugin.core.field_survey import Record
from industri_rumahan_plugin.toolbelt import language


def sql(path: Path, query: str, args=()) -> list[tuple]:
    with closing(sqlite3.connect(path)) as con:
        return list(con.execute(query, args))


def busiest_district(path: Path) -> str:
    return sql(path, "SELECT kode_kecamatan FROM usaha GROUP BY kode_kecamatan "
                     "ORDER BY count(*) DESC, kode_kecamatan LIMIT 1")[0][0]


def enterprise_layer(path: Path) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    assert layer.isValid()
    return layer


def prepare(layer_or_definition, folder: Path, **extra) -> dict:
    params = {"INPUT": layer_or_definition, "OUTPUT": str(folder), **extra}
    return processing.run("industrirumahan:preparefieldsurvey", params)


@pytest.fixture
def package(demo_copy, tmp_path, provider):
    code = busiest_district(demo_copy)
    result = prepare(enterprise_layer(demo_copy), tmp_path / "paket", CODES=code)
    return demo_copy, code, result


def test_package_holds_the_district_and_what_it_was_made_from(package):
    office, code, result = package
    gpkg = Path(result["GEOPACKAGE"])
    expected = {r[0] for r in sql(office, "SELECT uid FROM usaha WHERE kode_kecamatan = ?",
                                  (code,))}
    assert result["COUNT"] == len(expected) > 5
    assert {r[0] for r in sql(gpkg, "SELECT uid FROM usaha")} == expected
    columns = {r[1] for r in sql(gpkg, "PRAGMA table_info(usaha)")}
    assert "nik" not in columns and "telepon" not in columns
    assert {"nama_pemilik", "tahap", "uid"} <= columns
    # boundaries: the district, its villages, its regency; services of that regency
    assert sql(gpkg, "SELECT kode FROM kecamatan") == [(code,)]
    villages = {r[0] for r in sql(office, "SELECT kode FROM desa WHERE kec_kode = ?", (code,))}
    assert {r[0] for r in sql(gpkg, "SELECT kode FROM desa")} == villages
    regency = code.rsplit(".", 1)[0]
    assert sql(gpkg, "SELECT kode FROM kabupaten") == [(regency,)]
    assert sorted(sql(gpkg, "SELECT uid FROM layanan")) == sorted(
        sql(office, "SELECT uid FROM layanan WHERE kode_kabupaten = ?", (regency,)))
    manifest = dict(sql(gpkg, f"SELECT kunci, nilai FROM {field_survey.MANIFEST_TABLE}"))
    assert manifest["format"] == field_survey.PACKAGE_FORMAT
    assert Path(manifest["sumber_basis_data"]) == office.resolve()
    assert manifest["dibuat"] and manifest["data_pribadi"] == "0"
    names = manifest["field"].split(",")
    assert names == field_survey.package_fields(False)
    # each record's checksum: the office's values read by QGIS (another reader) agree
    sums = dict(sql(gpkg, f"SELECT uid, checksum FROM {field_survey.RECORDS_TABLE}"))
    assert set(sums) == expected
    layer = enterprise_layer(office)
    for feature in layer.getFeatures(f"\"kode_kecamatan\" = '{code}'"):
        values = {n: _plain(feature[n]) for n in names}
        point = feature.geometry().asPoint()
        assert Record(feature["uid"], values, (point.x(), point.y())).checksum(names) == (
            sums[feature["uid"]])


def _config(setup) -> dict:
    """A widget's config; an empty text comes back from a saved project as NULL on QGIS 3.44
    (the same setting: no suffix)."""
    return {k: ("" if v is None else v) for k, v in setup.config().items()}


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and hasattr(value, "date"):  # QDateTime
        return value.toString("yyyy-MM-ddTHH:mm:ss")
    return value


def test_zip_holds_the_folder(package):
    _office, _code, result = package
    folder = Path(result["OUTPUT"])
    with zipfile.ZipFile(result["ZIP"]) as zf:
        names = set(zf.namelist())
        assert {"survei_industri_rumahan.gpkg", "survei_industri_rumahan.qgz"} <= names
        assert zf.read("survei_industri_rumahan.gpkg") == (
            folder / "survei_industri_rumahan.gpkg").read_bytes()
    assert Path(result["ZIP"]).parent == folder.parent


def test_project_carries_the_plugins_form(package, qgis_new_project):
    office, _code, result = package
    project = QgsProject()
    assert project.read(result["PROJECT"])
    with zipfile.ZipFile(result["PROJECT"]) as zf:
        xml = zf.read(next(n for n in zf.namelist() if n.endswith(".qgs"))).decode()
    assert "./survei_industri_rumahan.gpkg|layername=usaha" in xml  # relative path
    assert str(Path(result["OUTPUT"])) not in xml
    layers = {lyr.name(): lyr for lyr in project.mapLayers().values()}
    assert all(lyr.isValid() for lyr in layers.values())
    assert {"desa", "kecamatan", "kabupaten"} <= set(layers)
    package_layer = next(lyr for lyr in layers.values()
                         if schema.layer_role(lyr.fields().names()) == "enterprises")
    assert project.crs() == package_layer.crs()
    reference = enterprise_layer(office)
    configure_enterprise_layer(reference, language())
    compared = 0
    for spec in schema.ENTERPRISE_FIELDS:
        idx = package_layer.fields().indexOf(spec.name)
        ref = reference.fields().indexOf(spec.name)
        if spec.name in field_survey.SENSITIVE_FIELDS:
            assert idx < 0
            continue
        assert idx >= 0, spec.name
        mine, theirs = package_layer.editorWidgetSetup(idx), reference.editorWidgetSetup(ref)
        if spec.name == field_survey.PHOTO_FIELD:
            assert mine.type() == "ExternalResource"
            assert mine.config()["RelativeStorage"] == 1  # relative to the project
        else:
            assert (mine.type(), _config(mine)) == (theirs.type(), _config(theirs)), spec.name
        a, b = package_layer.fields().at(idx), reference.fields().at(ref)
        assert a.alias() == b.alias()
        assert a.constraints().constraints() == b.constraints().constraints(), spec.name
        assert a.constraints().constraintExpression() == b.constraints().constraintExpression()
        assert a.constraints().constraintDescription() == (
            b.constraints().constraintDescription())
        default = package_layer.defaultValueDefinition(idx)
        if spec.name in REGION_CODE_SOURCES:  # follows the point, from the village layer
            assert "aggregate(layer:='desa'" in default.expression()
            assert default.applyOnUpdate()
        else:
            ref_default = reference.defaultValueDefinition(ref)
            assert (default.expression(), default.applyOnUpdate()) == (
                ref_default.expression(), ref_default.applyOnUpdate()), spec.name
        compared += 1
    assert compared == len(schema.ENTERPRISE_FIELDS) - len(field_survey.SENSITIVE_FIELDS)
    assert package_layer.defaultValueDefinition(
        package_layer.fields().indexOf("uid")).expression().startswith("uuid(")
    form, ref_form = package_layer.editFormConfig(), reference.editFormConfig()
    assert [t.name() for t in form.tabs()] == [t.name() for t in ref_form.tabs()]
    renderer = package_layer.renderer()  # styled by stage (clustered at province scale)
    renderer = getattr(renderer, "embeddedRenderer", lambda: renderer)() or renderer
    assert '"tahap"' in renderer.classAttribute()
    assert [c.value() for c in renderer.categories()][:3] == ["pemula", "berkembang", "maju"]
    assert len(package_layer.styleManager().styles()) == 2  # and by sector
    assert "DCIM/" in package_layer.customProperty("QFieldSync/attachment_naming")
    assert layers["desa"].readOnly() and not package_layer.readOnly()


def test_personal_fields_on_request_and_selected_enterprises_only(demo_copy, tmp_path,
                                                                    provider):
    layer = enterprise_layer(demo_copy)
    QgsProject.instance().addMapLayer(layer)
    try:
        ids = sorted(f.id() for f in layer.getFeatures())[10:17]
        layer.selectByIds(ids)
        chosen = {layer.getFeature(i)["uid"] for i in ids}
        result = prepare(QgsProcessingFeatureSourceDefinition(layer.id(), True),
                         tmp_path / "pilihan", PERSONAL=True)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    gpkg = Path(result["GEOPACKAGE"])
    assert {r[0] for r in sql(gpkg, "SELECT uid FROM usaha")} == chosen
    assert sorted(sql(gpkg, "SELECT uid, nik, telepon FROM usaha")) == sorted(
        sql(demo_copy, f"SELECT uid, nik, telepon FROM usaha WHERE uid IN "
                       f"({','.join('?' * len(chosen))})", tuple(chosen)))


def test_regions_layer_selection_and_refusals(demo_copy, tmp_path, provider):
    villages = QgsVectorLayer(f"{demo_copy}|layername=desa", "desa", "ogr")
    QgsProject.instance().addMapLayer(villages)
    code = sql(demo_copy, "SELECT kode_desa FROM usaha GROUP BY kode_desa "
                          "ORDER BY count(*) DESC LIMIT 1")[0][0]
    try:
        villages.selectByExpression(f"\"kode\" = '{code}'")
        result = prepare(enterprise_layer(demo_copy), tmp_path / "desa",
                         REGIONS=QgsProcessingFeatureSourceDefinition(villages.id(), True))
    finally:
        QgsProject.instance().removeMapLayer(villages.id())
    gpkg = Path(result["GEOPACKAGE"])
    assert sorted(sql(gpkg, "SELECT uid FROM usaha")) == sorted(
        sql(demo_copy, "SELECT uid FROM usaha WHERE kode_desa = ?", (code,)))
    assert sql(gpkg, "SELECT kode FROM desa") == [(code,)]
    with pytest.raises(QgsProcessingException, match="not empty"):
        prepare(enterprise_layer(demo_copy), tmp_path / "desa", CODES=code)
    with pytest.raises(QgsProcessingException, match="no kecamatan or desa codes"):
        prepare(enterprise_layer(demo_copy), tmp_path / "x", CODES="Sungailiat")
    with pytest.raises(QgsProcessingException, match="No enterprise"):
        prepare(enterprise_layer(demo_copy), tmp_path / "y", CODES="99.99.99")


def test_office_photos_travel_with_the_package(demo_copy, tmp_path, provider):
    uid, code = sql(demo_copy, "SELECT uid, kode_kecamatan FROM usaha ORDER BY uid LIMIT 1")[0]
    relative = f"{demo_copy.stem}_foto/{uid}_toko.jpg"
    (demo_copy.parent / relative).parent.mkdir()
    (demo_copy.parent / relative).write_bytes(b"\xff\xd8\xff\xe0 not much of a picture")
    office = enterprise_layer(demo_copy)
    feature = next(office.getFeatures(f"\"uid\" = '{uid}'"))
    assert office.startEditing()
    office.changeAttributeValue(feature.id(), office.fields().indexOf("foto"), relative)
    assert office.commitChanges()
    result = prepare(enterprise_layer(demo_copy), tmp_path / "paket", CODES=code)
    folder = Path(result["OUTPUT"])
    assert (folder / relative).read_bytes() == (demo_copy.parent / relative).read_bytes()
    with zipfile.ZipFile(result["ZIP"]) as zf:
        assert zf.read(relative) == (demo_copy.parent / relative).read_bytes()
    # back unchanged: the office's photo and path stay as they are
    before = sql(demo_copy, "SELECT * FROM usaha ORDER BY fid")
    merged = processing.run("industrirumahan:mergefieldsurvey", {
        "PACKAGE": result["ZIP"], "TARGET": enterprise_layer(demo_copy)})
    assert merged["CHANGES"] == "" and merged["PHOTOS"] == 0
    assert sql(demo_copy, "SELECT * FROM usaha ORDER BY fid") == before
