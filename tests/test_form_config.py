"""The layer's own QGIS attribute form: built from the schema, enforces the core's rules."""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import (
    QgsFieldConstraints,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)

from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer
from industri_rumahan_plugin.compat import Misc
from industri_rumahan_plugin.core import schema, validation

GOOD = {
    "nama_usaha": "Kerupuk Ikan Siti", "sektor": "makanan", "tahap": "pemula",
    "nama_pemilik": "Siti Rahman", "jenis_kelamin_pemilik": "P", "nik": "1971014506880001",
    "telepon": "081234567890", "jumlah_pekerja": 3, "pekerja_perempuan": 2, "krtp": True,
    "tahun_mulai": 2019, "modal_rp": 5_000_000.0,
}
BAD = [
    ({"nik": "12345"}, "nik"),
    ({"telepon": "08-12"}, "telepon"),
    ({"pekerja_perempuan": 5}, "pekerja_perempuan"),
    ({"jenis_kelamin_pemilik": "L"}, "krtp"),
    ({"tahun_mulai": dt.date.today().year + 1}, "tahun_mulai"),
    ({"jumlah_pekerja": -2, "pekerja_perempuan": None}, "jumlah_pekerja"),
    ({"sektor": "tambang"}, "sektor"),
    ({"nama_usaha": "   "}, "nama_usaha"),
    ({"nama_pemilik": None}, "nama_pemilik"),
]


@pytest.fixture
def usaha_layer(demo_copy, qgis_new_project):
    layer = QgsVectorLayer(f"{demo_copy}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    assert layer.isValid()
    configure_enterprise_layer(layer, "id")
    return layer


def point():
    return QgsGeometry.fromPointXY(QgsPointXY(106.11, -2.13))


def test_widgets_aliases_tabs_and_defaults(usaha_layer):
    layer = usaha_layer
    fields = layer.fields()
    setup = layer.editorWidgetSetup(fields.indexOf("tahap"))
    assert setup.type() == "ValueMap"
    assert setup.config()["map"][1:] == [{"Pemula": "pemula"}, {"Berkembang": "berkembang"},
                                     {"Maju": "maju"}]
    assert layer.editorWidgetSetup(fields.indexOf("izin_nib")).type() == "CheckBox"
    workers = layer.editorWidgetSetup(fields.indexOf("jumlah_pekerja"))
    assert (workers.type(), workers.config()["Suffix"]) == ("Range", " orang")
    assert layer.editorWidgetSetup(fields.indexOf("modal_rp")).config()["Prefix"] == "Rp "
    assert fields.field("krtp").alias() == "Perempuan kepala rumah tangga (KRTP)"
    form = layer.editFormConfig()
    assert form.layout() == Misc.FORM_DRAG_AND_DROP
    assert [t.name().replace("&&", "&") for t in form.tabs()] == [
        label for label, _ in schema.SECTIONS.values()]
    assert form.readOnly(fields.indexOf("uid"))
    nik = fields.field("nik").constraints()
    assert "16" in nik.constraintDescription()
    assert fields.field("nama_usaha").constraints().constraints() & (
        QgsFieldConstraints.Constraint.ConstraintNotNull)


def test_native_dialog_adds_a_valid_feature_with_defaults(usaha_layer, qgis_bot):
    layer = usaha_layer
    before = layer.featureCount()
    layer.startEditing()
    feature = qgis_bot.create_feature_with_attribute_dialog(layer, point(), GOOD)
    assert layer.commitChanges(), layer.commitErrors()
    assert layer.featureCount() == before + 1
    saved = next(layer.getFeatures(f"\"nik\" = '{GOOD['nik']}'"))
    assert saved["nama_usaha"] == "Kerupuk Ikan Siti"
    assert len(saved["uid"]) == 36 and saved["uid"] == feature["uid"]
    assert saved["dibuat"] is not None and not saved["dibuat"].isNull()


@pytest.mark.parametrize(("changes", "field_name"), BAD)
def test_native_dialog_refuses_what_the_panel_refuses(usaha_layer, qgis_bot, changes, field_name):
    layer = usaha_layer
    record = {**GOOD, **changes}
    # the pure core refuses it on that field ...
    core_fields = {i.field for i in validation.errors(
        validation.validate(record, inside_province=True))}
    assert field_name in core_fields
    # ... and so does QGIS's own attribute dialog, nothing is written
    before = layer.featureCount()
    layer.startEditing()
    with pytest.raises(ValueError, match=field_name):
        qgis_bot.create_feature_with_attribute_dialog(layer, point(), record)
    layer.rollBack()
    assert layer.featureCount() == before


def test_nik_unique_in_the_layer_but_empty_nik_allowed_many_times(usaha_layer, qgis_bot):
    layer = usaha_layer
    taken = next(layer.getFeatures())["nik"]
    layer.startEditing()
    with pytest.raises(ValueError, match="nik"):
        qgis_bot.create_feature_with_attribute_dialog(layer, point(), {**GOOD, "nik": taken})
    for _ in range(2):
        qgis_bot.create_feature_with_attribute_dialog(layer, point(), {**GOOD, "nik": None})
    assert layer.commitChanges(), layer.commitErrors()


def test_expressions_agree_with_core_on_demo_records(usaha_layer):
    """Demo records, as stored and spoiled: QGIS fails a field iff the core reports it."""
    layer = usaha_layer
    names = layer.fields().names()
    compared = 0
    for feature in layer.getFeatures("fid <= 20"):
        for changes, _ in [({}, None), *BAD]:
            spoiled = feature.__class__(feature)
            for name, value in changes.items():
                spoiled[name] = value
            record = {n: (None if v is None or (hasattr(v, "isNull") and v.isNull()) else v)
                      for n, v in zip(names, spoiled.attributes())}
            issues = validation.validate(record, inside_province=True)
            core = {i.field for i in validation.errors(issues)}
            qgis = {names[i] for i in range(len(names))
                    if not QgsVectorLayerUtils.validateAttribute(layer, spoiled, i)[0]}
            assert core == qgis, (changes, core, qgis)
            compared += 1
    assert compared == 20 * (len(BAD) + 1)
