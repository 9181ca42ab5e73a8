"""exportxlsform: one question per field the plugin's form shows, with its choices and rules.

The XLSForm is read back with openpyxl (a test-only reader: the plugin writes through GDAL)
and compared with the QGIS form configured on the demo layer: the fields in its tabs, its
value maps, and its constraints evaluated by QGIS on the same values as the XLSForm's.
"""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from qgis import processing
from qgis.core import QgsFeature, QgsFieldConstraints, QgsVectorLayer, QgsVectorLayerUtils

from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer
from industri_rumahan_plugin.core import catalogue, schema

ID, EN = "Bahasa Indonesia (id)", "English (en)"
STRUCTURE = ("begin_group", "end_group")


def read_sheet(path, name) -> list[dict]:
    sheet = openpyxl.load_workbook(path)[name]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


@pytest.fixture
def form_layer(demo_copy, qgis_new_project):
    layer = QgsVectorLayer(f"{demo_copy}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    assert layer.isValid()
    configure_enterprise_layer(layer, "id")
    return layer


@pytest.fixture
def xlsform_path(provider, demo_copy, tmp_path):
    villages = f"{demo_copy}|layername={schema.VILLAGES}"
    out = processing.run("industrirumahan:exportxlsform", {
        "VILLAGES": villages, "VERSION": "3.test", "OUTPUT": str(tmp_path / "form.xlsx")})
    return out["OUTPUT"], out["QUESTIONS"]


def tab_fields(layer) -> list[str]:
    """The field names in the tabs of the layer's drag-and-drop form (what the form shows)."""
    names = []
    for tab in layer.editFormConfig().tabs():
        names += [child.name() for child in tab.children()]
    return names


def test_one_question_per_field_the_form_shows(xlsform_path, form_layer):
    path, count = xlsform_path
    survey = read_sheet(path, "survey")
    questions = [row["name"] for row in survey if row["type"] not in STRUCTURE]
    assert len(questions) == len(set(questions)) == count
    extra = {"lokasi", "tanggal_survei"}  # the GPS point and the survey day
    shown = tab_fields(form_layer)
    assert set(questions) - extra == set(shown)
    assert len(shown) == len(schema.ENTERPRISE_FIELDS)
    types = {row["name"]: row["type"] for row in survey}
    assert types["lokasi"] == "geopoint" and types["tanggal_survei"] == "today"
    assert types["uid"] == "calculate"
    assert (types["dibuat"], types["diubah"], types["diubah_oleh"]) == ("start", "end",
                                                                        "username")
    for spec in schema.ENTERPRISE_FIELDS:
        if spec.name in ("uid", "dibuat", "diubah", "diubah_oleh"):
            continue
        row = next(r for r in survey if r["name"] == spec.name)
        assert (row[f"label::{ID}"], row[f"label::{EN}"]) == (spec.alias_id, spec.alias_en)
    if "foto" in types:
        assert types["foto"] == "image"
    settings = read_sheet(path, "settings")[0]
    assert (settings["form_id"], settings["version"], settings["default_language"]) == (
        "industri_rumahan", "3.test", ID)


def test_choices_are_the_forms_value_maps(xlsform_path, form_layer):
    path, _ = xlsform_path
    survey = {row["name"]: row for row in read_sheet(path, "survey")}
    choices = read_sheet(path, "choices")
    fields = form_layer.fields()
    checked = 0
    for spec in schema.ENTERPRISE_FIELDS:
        setup = form_layer.editorWidgetSetup(fields.indexOf(spec.name))
        row = survey[spec.name]
        if setup.type() == "ValueMap":
            # the form's value map (Indonesian labels) minus its "not filled in" entry
            value_map = [next(iter(entry.items())) for entry in setup.config()["map"][1:]]
            listed = [c for c in choices if c["list_name"] == row["type"].split()[1]]
            assert [(c[f"label::{ID}"], c["name"]) for c in listed] == value_map
            entries = catalogue.CATALOGUES[spec.catalogue]
            assert [c[f"label::{EN}"] for c in listed] == [e.label_en for e in entries]
            checked += 1
        elif setup.type() == "CheckBox":
            assert row["type"] == "select_one ya_tidak"
            checked += 1
    assert checked >= 13  # 5 catalogues, 8 yes/no fields (more from schema v3)
    yes_no = [(c["name"], c[f"label::{EN}"]) for c in choices if c["list_name"] == "ya_tidak"]
    assert yes_no == [("ya", "Yes"), ("tidak", "No")]


def test_villages_cascade(xlsform_path, demo_copy):
    path, _ = xlsform_path
    survey = {row["name"]: row for row in read_sheet(path, "survey")}
    choices = read_sheet(path, "choices")
    villages = QgsVectorLayer(f"{demo_copy}|layername={schema.VILLAGES}", "desa", "ogr")
    expected = {(f["kode"], f["nama"], f["kec_kode"]) for f in villages.getFeatures()}
    listed = {(c["name"], c[f"label::{ID}"], c["kec"]) for c in choices
              if c["list_name"] == "desa"}
    assert listed == expected
    districts = QgsVectorLayer(f"{demo_copy}|layername={schema.DISTRICTS}", "kec", "ogr")
    names = {f["kode"]: f["nama"] for f in districts.getFeatures()}
    kec = [c for c in choices if c["list_name"] == "kecamatan"]
    assert {c["name"] for c in kec} == {k for _, _, k in expected}
    assert all(c[f"label::{ID}"] == names[c["name"]] for c in kec)
    assert survey["kode_desa"]["type"] == "select_one desa"
    assert survey["kode_desa"]["choice_filter"] == "kec=${kode_kecamatan}"
    assert survey["kode_kecamatan"]["choice_filter"] == "kab=${kode_kabupaten}"


def xpath_accepts(constraint: str, value, others: dict) -> bool:
    """Evaluate the XLSForm's number/length constraints (the subset of XPath they use)."""
    year = str(dt.date.today().year)
    text = constraint.replace("number(format-date(today(), '%Y'))", year)
    text = re.sub(r"string-length\(\$\{(\w+)\}\) = 0", r"(\1 is None)", text)
    text = re.sub(r"\$\{(\w+)\}", r"\1", text)
    text = text.replace("string-length(.)", "len(v)")
    text = re.sub(r"(?<![\w.])\.(?![\w])", "v", text)
    return bool(eval(text, {}, {"v": value, **others}))  # the XLSForm's own constraint text


def qgis_accepts(layer, name: str, value, others: dict) -> bool:
    feature = QgsFeature(layer.fields())
    for key, other in {**others, name: value}.items():
        feature.setAttribute(key, other)
    ok, _ = QgsVectorLayerUtils.validateAttribute(
        layer, feature, layer.fields().indexOf(name),
        QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
    return ok


def test_constraints_accept_what_the_form_accepts(xlsform_path, form_layer):
    path, _ = xlsform_path
    survey = {row["name"]: row for row in read_sheet(path, "survey")}
    year = dt.date.today().year
    compared = 0
    for spec in schema.ENTERPRISE_FIELDS:
        row = survey[spec.name]
        if spec.type in ("int", "int64", "double"):
            assert row["type"] == ("decimal" if spec.type == "double" else "integer")
            bounds = [spec.minimum or 0, spec.maximum or year]
            others = {"jumlah_pekerja": 10} if spec.name == "pekerja_perempuan" else {}
            for value in (-1, *bounds, bounds[0] - 1, bounds[1] + 1, 11):
                assert xpath_accepts(row["constraint"], value, others) == qgis_accepts(
                    form_layer, spec.name, value, others), (spec.name, value)
                compared += 1
            assert row[f"constraint_message::{ID}"] and row[f"constraint_message::{EN}"]
        elif spec.type == "string" and not spec.catalogue and row["type"] == "text" \
                and spec.name not in ("nik", "telepon"):
            width = form_layer.fields().field(spec.name).length()
            assert width == spec.length
            assert xpath_accepts(row["constraint"], "x" * width, {})
            assert not xpath_accepts(row["constraint"], "x" * (width + 1), {})
            compared += 1
    assert compared >= 50  # 7 numeric fields x 6 values, 8 text fields
    nik = survey["nik"]
    assert nik["constraint"] == "regex(., '^[0-9]{16}$')"
    assert nik[f"constraint_message::{ID}"] == "NIK harus tepat 16 angka."
    assert survey["krtp"]["constraint"] == ". = 'tidak' or ${jenis_kelamin_pemilik} = 'P'"


def test_required_fields_are_the_forms(xlsform_path, form_layer):
    path, _ = xlsform_path
    survey = read_sheet(path, "survey")
    required = {row["name"] for row in survey if row.get("required") == "yes"}
    fields = form_layer.fields()
    not_null = {f.name() for f in fields
                if f.constraints().constraints() & QgsFieldConstraints.Constraint.ConstraintNotNull}
    # uid and dibuat are filled by the device (calculation, start time), not asked; fid is
    # the GeoPackage key
    assert required == (not_null - {"fid", "uid", "dibuat"}) | {"lokasi"}
    for row in survey:
        if row.get("required") == "yes":
            assert row[f"required_message::{ID}"].endswith("wajib diisi.")
            assert row[f"required_message::{EN}"]


def test_pyxform_converts_it(xlsform_path, tmp_path):
    pyxform = pytest.importorskip("pyxform.xls2xform")
    path, _ = xlsform_path
    result = pyxform.convert(xlsform=path, validate=False)
    assert "/data/bagian_usaha/sektor" in result.xform
    assert 'constraint=". &gt;= 0 and . &lt;= 99"' in result.xform
    assert not [w for w in result.warnings if "label" in w.lower()]
