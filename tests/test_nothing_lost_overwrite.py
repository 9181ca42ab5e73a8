"""Outputs never overwrite what they must not: an input's file, an office database, a file the
user did not make with the plugin, a foreign or newer GeoPackage (issue 17)."""

from __future__ import annotations

import gc
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException

from industri_rumahan_plugin.adapters import output_writer
from industri_rumahan_plugin.adapters.geopackage import create_database
from tests.unit.test_spreadsheet_import import _office_xlsx


@pytest.fixture(autouse=True)
def _release_layers():
    yield
    gc.collect()


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rows(path: Path, table: str = "usaha") -> int:
    with sqlite3.connect(path) as con:
        return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def no_staging_left(folder: Path) -> bool:
    return not [p for p in Path(folder).iterdir() if p.name.startswith(output_writer.STAGE_PREFIX)]


def run(alg: str, **params):
    return processing.run(f"industrirumahan:{alg}", params)


def refused(alg: str, match: str, **params) -> str:
    with pytest.raises(QgsProcessingException, match=match) as raised:
        run(alg, **params)
    return str(raised.value)


def dialog_check(alg: str, **params) -> tuple[bool, str]:
    """What the algorithm dialog asks before running (checkParameterValues)."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"industrirumahan:{alg}")
    return algorithm.checkParameterValues(params, QgsProcessingContext())


def test_createdatabase_refuses_an_office_database_in_the_dialog_and_in_a_run(demo_copy):
    before, count = digest(demo_copy), rows(demo_copy)
    ok, message = dialog_check("createdatabase", OUTPUT=str(demo_copy), LOAD=False)
    assert not ok and "OUTPUT" in message and str(demo_copy) in message
    assert "existing database" in message and "usaha" in message
    refused("createdatabase", "never replaced", OUTPUT=str(demo_copy), LOAD=False)
    # the same file named without its extension (the algorithm adds .gpkg): refused too
    refused("createdatabase", "never replaced", OUTPUT=str(demo_copy.with_suffix("")),
            LOAD=False)
    assert digest(demo_copy) == before and rows(demo_copy) == count == 3000
    assert no_staging_left(demo_copy.parent)


def test_createdatabase_may_replace_its_own_untouched_output_but_not_once_used(tmp_path,
                                                                               provider):
    path = tmp_path / "baru.gpkg"
    run("createdatabase", OUTPUT=str(path), LOAD=False)
    assert rows(path) == 0
    run("createdatabase", OUTPUT=str(path), LOAD=False)  # unchanged output: may be replaced
    with sqlite3.connect(path) as con:  # the office starts using it
        con.execute("CREATE TABLE catatan_kantor (x TEXT)")
    before = digest(path)
    refused("createdatabase", "never replaced", OUTPUT=str(path), LOAD=False)
    assert digest(path) == before


@pytest.mark.parametrize("alg,extra", [
    ("densitybyregion", {"REGIONS": "{db}|layername=kecamatan"}),
    ("nearestneighbourindex", {"REGIONS": "{db}|layername=kabupaten"}),
    ("nearestservice", {"SERVICES": "{db}|layername=layanan"}),
])
@pytest.mark.parametrize("form", ["path", "ogr"])
def test_an_output_onto_the_inputs_geopackage_is_refused(demo_copy, alg, extra, form):
    before = digest(demo_copy)
    params = {k: v.format(db=demo_copy) for k, v in extra.items()}
    output = str(demo_copy) if form == "path" else \
        f"ogr:dbname='{demo_copy}' table=\"hasil\" (geom)"
    message = refused(alg, "input", INPUT=f"{demo_copy}|layername=usaha", OUTPUT=output,
                      **params)
    assert "OUTPUT" in message and str(demo_copy) in message
    assert digest(demo_copy) == before and rows(demo_copy) == 3000
    assert no_staging_left(demo_copy.parent)


def test_import_report_onto_the_spreadsheet_or_the_database_is_refused(tmp_path, provider):
    target = create_database(tmp_path / "ir.gpkg")["enterprises"]
    database = tmp_path / "ir.gpkg"
    sheet = tmp_path / "data_ir.xlsx"
    _office_xlsx(sheet)
    csv = tmp_path / "data_ir.csv"
    processing.run("native:savefeatures", {"INPUT": str(sheet), "OUTPUT": str(csv)})
    for source in (sheet, csv):
        before = digest(source)
        message = refused("importspreadsheet", "input INPUT", INPUT=str(source), TARGET=target,
                          REPORT=str(source))
        assert "REPORT" in message and str(source) in message
        assert digest(source) == before
    before = digest(database)
    refused("importspreadsheet", "input TARGET", INPUT=str(sheet), TARGET=target,
            REPORT=str(database))
    assert digest(database) == before and rows(database) == 0


@pytest.mark.parametrize("alg,name", [
    ("exportspreadsheet", "usaha_2025.xlsx"),
    ("exportspreadsheet", "usaha_2025.csv"),
    ("genderdisaggregatedtables", "data_terpilah.xlsx"),
])
def test_an_existing_user_file_is_not_replaced(demo_gpkg, tmp_path, alg, name):
    path = tmp_path / name
    path.write_bytes(b"the office's own table, typed by hand\n" * 50)
    before = digest(path)
    params = {"INPUT": f"{demo_gpkg}|layername=usaha"}
    if alg == "genderdisaggregatedtables":
        params.update(HISTORY=f"{demo_gpkg}|layername=riwayat_tahap",
                      REGIONS=f"{demo_gpkg}|layername=kabupaten")
    ok, message = dialog_check(alg, OUTPUT=str(path), **params)
    assert not ok and "already exists" in message and str(path) in message
    refused(alg, "already exists", OUTPUT=str(path), **params)
    assert digest(path) == before and no_staging_left(tmp_path)


def test_a_plugin_output_may_be_replaced_until_the_user_changes_it(demo_gpkg, tmp_path):
    path = tmp_path / "usaha_2025.xlsx"
    source = f"{demo_gpkg}|layername=usaha"
    first = run("exportspreadsheet", INPUT=source, OUTPUT=str(path))
    assert first["OUTPUT"] == str(path) and first["COUNT"] == 3000
    second = run("exportspreadsheet", INPUT=source, OUTPUT=str(path), MASK_NIK=False)
    assert second["OUTPUT"] == str(path)
    with open(path, "ab") as handle:  # edited by the user since: theirs now
        handle.write(b"\0")
    before = digest(path)
    refused("exportspreadsheet", "already exists", INPUT=source, OUTPUT=str(path))
    assert digest(path) == before


def test_a_report_whose_tables_would_replace_a_user_file_writes_nothing(demo_gpkg, tmp_path):
    """The PDF is new, but its XLSX beside it (same name) exists: nothing is written."""
    pdf = tmp_path / "laporan.pdf"
    tables = tmp_path / "laporan.xlsx"
    tables.write_bytes(b"PK not really, the office's workbook")
    before = digest(tables)
    message = refused(
        "exportreport", "already exists", INPUT=f"{demo_gpkg}|layername=usaha",
        REGIONS=f"{demo_gpkg}|layername=kabupaten",
        SERVICES=f"{demo_gpkg}|layername=layanan", OUTPUT=str(pdf))
    assert str(tables) in message
    assert digest(tables) == before and not pdf.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.xlsx"]


def test_temporary_outputs_are_always_fine(demo_gpkg):
    out = run("densitybyregion", INPUT=f"{demo_gpkg}|layername=usaha",
              REGIONS=f"{demo_gpkg}|layername=kabupaten", OUTPUT="TEMPORARY_OUTPUT",
              OUTPUT_TABLE="TEMPORARY_OUTPUT")
    assert sum(f["jml_usaha"] for f in out["OUTPUT"].getFeatures()) == 3000


def _foreign_enterprises(demo_gpkg, tmp_path) -> Path:
    """The demo's enterprise layer saved by QGIS into a new GeoPackage: no ir_metadata."""
    path = tmp_path / "salinan_alat_lain.gpkg"
    processing.run("native:savefeatures", {"INPUT": f"{demo_gpkg}|layername=usaha",
                                           "OUTPUT": str(path), "LAYER_NAME": "usaha"})
    return path


def _newer(demo_gpkg, tmp_path) -> Path:
    path = tmp_path / "versi_baru.gpkg"
    shutil.copy(demo_gpkg, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE ir_metadata SET nilai = '99' WHERE kunci = 'schema_version'")
    return path


@pytest.mark.parametrize("make,match", [(_foreign_enterprises, "not an Industri Rumahan"),
                                        (_newer, "newer plugin")])
@pytest.mark.parametrize("dry_run", [False, True])
def test_import_into_a_foreign_or_newer_geopackage_is_refused(demo_gpkg, tmp_path, make,
                                                             match, dry_run):
    database = make(demo_gpkg, tmp_path)
    sheet = tmp_path / "data_ir.xlsx"
    _office_xlsx(sheet)
    before, count = digest(database), rows(database)
    ok, message = dialog_check("importspreadsheet", INPUT=str(sheet),
                               TARGET=f"{database}|layername=usaha", DRY_RUN=dry_run)
    assert not ok and "[TARGET]: " in message and match in message
    refused("importspreadsheet", match, INPUT=str(sheet), TARGET=f"{database}|layername=usaha",
            DRY_RUN=dry_run, REPORT=str(tmp_path / "laporan.csv"))
    assert digest(database) == before and rows(database) == count == 3000
    assert not (tmp_path / "laporan.csv").exists()


def test_a_field_package_never_replaces_a_returned_package_or_a_full_folder(demo_gpkg,
                                                                            tmp_path):
    """preparefieldsurvey writes a folder and ``<folder>.zip`` beside it: a zip that came back
    from the field under that name, or a folder with files, stays as it was."""
    source = f"{demo_gpkg}|layername=usaha"
    with sqlite3.connect(demo_gpkg) as con:
        code = con.execute("SELECT kode_kecamatan FROM usaha GROUP BY 1 ORDER BY count(*) "
                           "DESC LIMIT 1").fetchone()[0]
    returned = tmp_path / "paket.zip"
    returned.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # the field team's package (empty zip)
    before = digest(returned)
    message = refused("preparefieldsurvey", "already exists", INPUT=source, CODES=code,
                      OUTPUT=str(tmp_path / "paket"))
    assert str(returned) in message and digest(returned) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paket.zip"]
    full = tmp_path / "lain"
    full.mkdir()
    (full / "catatan.txt").write_text("hasil lapangan")
    refused("preparefieldsurvey", "not empty", INPUT=source, CODES=code, OUTPUT=str(full))
    assert [p.name for p in full.iterdir()] == ["catatan.txt"]
    empty = tmp_path / "baru"
    empty.mkdir()  # an empty folder chosen in the dialog: fine
    out = run("preparefieldsurvey", INPUT=source, CODES=code, OUTPUT=str(empty))
    assert out["OUTPUT"] == str(empty) and Path(out["ZIP"]) == tmp_path / "baru.zip"
    assert Path(out["GEOPACKAGE"]).parent == empty and out["COUNT"] > 0
    assert no_staging_left(tmp_path)


def test_every_algorithm_writes_through_the_one_writer(provider):
    """No algorithm can bypass the guard: each processAlgorithm is wrapped, and no module but
    the base asks QGIS for an unstaged sink or file."""
    import industri_rumahan_plugin.processing as package

    algorithms = provider.algorithms()
    assert len(algorithms) > 20
    for algorithm in algorithms:
        assert getattr(type(algorithm).processAlgorithm, "guarded", False), algorithm.id()
    for path in Path(package.__file__).parent.glob("*.py"):
        if path.name == "base.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "QgsProcessingAlgorithm.parameterAs" not in text, path.name
        assert "super().parameterAs" not in text and "plain_sink" not in text, path.name
