"""The catalogue and schema are the single source of truth; check they hold together."""

from industri_rumahan_plugin.core import catalogue, schema


def test_stages_are_ordered_with_distinct_colours():
    assert [s.code for s in catalogue.STAGES] == ["pemula", "berkembang", "maju"]
    assert [s.order for s in catalogue.STAGES] == [1, 2, 3]
    assert [s.level for s in catalogue.STAGES] == ["IR 1", "IR 2", "IR 3"]
    assert len({s.color for s in catalogue.STAGES}) == 3


def test_sectors_have_kbli_divisions_and_unique_codes():
    codes = catalogue.codes(catalogue.SECTORS)
    assert len(codes) == len(set(codes)) == 12
    assert {"makanan", "tenun_cual", "pewter", "batu_satam", "anyaman"} <= set(codes)
    assert catalogue.by_code(catalogue.SECTORS, "makanan").kbli == "10"
    assert catalogue.by_code(catalogue.SECTORS, "konveksi").kbli == "14"
    assert all(len(s.kbli) == 2 and s.kbli.isdigit() for s in catalogue.SECTORS)
    assert catalogue.by_code(catalogue.SECTORS, "nope") is None


def test_labels_in_both_languages():
    assert catalogue.label_map(catalogue.STAGES, "id")["maju"] == "Maju"
    assert catalogue.label_map(catalogue.STAGES, "en")["maju"] == "Advanced"
    assert catalogue.unfilled_label("id") == "Tidak diisi"


def test_every_catalogue_field_points_to_a_catalogue():
    for spec in schema.ENTERPRISE_FIELDS + schema.SERVICE_FIELDS:
        if spec.catalogue:
            assert spec.catalogue in catalogue.CATALOGUES, spec.name


def test_enterprise_schema_has_the_issue_fields_once():
    names = schema.field_names()
    assert len(names) == len(set(names))
    for required in ("uid", "nama_usaha", "nama_pemilik", "nik", "jenis_kelamin_pemilik", "krtp",
                     "telepon", "kode_desa", "kode_kecamatan", "kode_kabupaten", "sektor", "kbli",
                     "tahap", "izin_pirt", "izin_nib", "izin_halal", "izin_bpom", "pemasaran",
                     "pemasaran_online", "pelatihan", "bantuan", "status_binaan", "diubah_oleh"):
        assert required in names
    assert set(schema.personal_fields()) == {"nama_pemilik", "nik", "telepon", "alamat"}
    assert {f.section for f in schema.ENTERPRISE_FIELDS} <= set(schema.SECTIONS)


def test_layer_role_recognises_by_fields_not_name():
    assert schema.layer_role(schema.field_names(), "Point") == "enterprises"
    assert schema.layer_role(schema.field_names(schema.SERVICE_FIELDS), "Point") == "services"
    assert schema.layer_role(schema.field_names(schema.REGENCY_FIELDS), "MultiPolygon") == (
        "regencies")
    assert schema.layer_role(schema.field_names(schema.DISTRICT_FIELDS), "MultiPolygon") == (
        "districts")
    assert schema.layer_role(schema.field_names(schema.VILLAGE_FIELDS), "MultiPolygon") == (
        "villages")
    # the enterprise fields on a polygon layer are not the enterprise layer
    assert schema.layer_role(schema.field_names(), "MultiPolygon") is None
    assert schema.layer_role(["fid", "name"], "Point") is None
