"""industrirumahan:servicegap — per region and service type: who is beyond reach, and the
programme gap (enterprises never trained, aided or assisted) per region, sector and stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from industri_rumahan_plugin.compat import FieldType, SourceType, WkbType
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

if TYPE_CHECKING:
    import pandas as pd

GAP_COLUMNS = [
    ("n_usaha", FieldType.INT), ("n_dalam", FieldType.INT), ("n_luar", FieldType.INT),
    ("persen_luar", FieldType.DOUBLE), ("luar_perempuan", FieldType.INT),
    ("luar_krtp", FieldType.INT), ("jarak_rata_m", FieldType.DOUBLE),
    ("jarak_p90_m", FieldType.DOUBLE), ("peringkat", FieldType.INT),
]
PROGRAMME_COLUMNS = [
    ("n_usaha", FieldType.INT), ("n_tanpa_pelatihan", FieldType.INT),
    ("n_tanpa_bantuan", FieldType.INT), ("n_belum_dibina", FieldType.INT),
    ("n_belum_tersentuh", FieldType.INT), ("persen_belum_tersentuh", FieldType.DOUBLE),
]
PROGRAMME_FIELDS = ("pelatihan", "bantuan", "status_binaan")


class ServiceGap(IndustriRumahanAlgorithm):
    ALG_ID = "servicegap"
    GROUP = "services"
    TITLE = "Service gap by region"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")
    HELP = {
        "id": (
            "Per wilayah (kabupaten atau kecamatan) dan per jenis layanan: jumlah usaha dalam "
            "dan di luar ambang jarak (bawaan 10 km, geodesik WGS84) ke layanan terdekat, persen "
            "tidak terjangkau, usaha milik perempuan dan KRTP yang tidak terjangkau, jarak "
            "rata-rata dan persentil ke-90, serta peringkat wilayah menurut kesenjangan (persen "
            "tertinggi = 1). Usaha tanpa layanan jenis itu dihitung tidak terjangkau; usaha di "
            "luar semua wilayah menjadi baris tersendiri tanpa geometri. Keluaran kedua: "
            "kesenjangan program — usaha yang belum pernah dilatih, dibantu atau dibina per "
            "wilayah, sektor dan tahap."
        ),
        "en": (
            "Per region (regency or district) and service type: enterprises within and beyond "
            "a distance threshold (default 10 km, geodesic on WGS84) of the nearest service, "
            "share uncovered, women-owned and KRTP enterprises uncovered, mean and "
            "90th-percentile distance, and a ranking of regions by gap (highest share = 1). "
            "Enterprises with no service of the type count as uncovered; enterprises outside "
            "every region get their own row without geometry. Second output: the programme "
            "gap — enterprises never trained, aided or assisted, per region, sector and stage."
        ),
    }

    CATEGORY_PARAMETERS = ("SECTOR_FIELD", "STAGE_FIELD")

    def initAlgorithm(self, config=None):
        params.add_services(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "REGIONS", self.tr("Regions (kabupaten or kecamatan)"),
            [SourceType.POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            "REGION_CODE_FIELD", self.tr("Region code field"), "kode", "REGIONS", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "REGION_NAME_FIELD", self.tr("Region name field"), "nama", "REGIONS", optional=True))
        self.addParameter(params.metres_parameter(
            "THRESHOLD", self.tr("Distance threshold (metres)"), 10000.0))
        for name, label, default in (
            ("WOMEN_FIELD", self.tr("Owner sex field (P = woman)"), "jenis_kelamin_pemilik"),
            ("KRTP_FIELD", self.tr("Woman head of household (KRTP) field"), "krtp"),
            ("SECTOR_FIELD", self.tr("Sector field"), "sektor"),
            ("STAGE_FIELD", self.tr("Stage field"), "tahap"),
        ):
            self.addParameter(QgsProcessingParameterField(name, label, default, "INPUT",
                                                          optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Service gap by region"), SourceType.POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_PROGRAMME", self.tr("Programme gap by region, sector and stage"),
            SourceType.VECTOR, optional=True, createByDefault=True))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from industri_rumahan_plugin.adapters import gap_io
        from industri_rumahan_plugin.adapters.arrays import read_source
        from industri_rumahan_plugin.core.coverage import OUTSIDE, gap_table, programme_gap
        from industri_rumahan_plugin.core.density import assign_points
        from industri_rumahan_plugin.core.nearest import nearest_geodesic

        source = self.parameterAsSource(parameters, "INPUT", context)
        services_src = self.parameterAsSource(parameters, "SERVICES", context)
        regions_src = self.parameterAsSource(parameters, "REGIONS", context)
        if source is None or services_src is None or regions_src is None:
            raise QgsProcessingException(
                self.tr("Choose the enterprise, service and region layers."))
        p = {name: self.parameterAsString(parameters, name, context) for name in (
            "SERVICE_TYPE_FIELD", "SERVICE_NAME_FIELD", "REGION_CODE_FIELD", "REGION_NAME_FIELD",
            "WOMEN_FIELD", "KRTP_FIELD", "SECTOR_FIELD", "STAGE_FIELD", "SERVICE_TYPES")}
        if not p["SERVICE_TYPE_FIELD"] or not p["REGION_CODE_FIELD"]:
            raise QgsProcessingException(self.tr("Choose the service type and region code fields."))
        threshold = self.parameterAsDouble(parameters, "THRESHOLD", context)
        services = gap_io.read_services(services_src, context, feedback, p["SERVICE_TYPE_FIELD"],
                                        p["SERVICE_NAME_FIELD"])
        types = gap_io.chosen_types(services, p["SERVICE_TYPES"])
        names = source.fields().names()
        for key in ("WOMEN_FIELD", "KRTP_FIELD", "SECTOR_FIELD", "STAGE_FIELD"):
            if p[key] and p[key] not in names:
                feedback.pushWarning(self.tr("Field {name} not found: not used.")
                                     .format(name=p[key]))
                p[key] = ""
        wanted = [p["WOMEN_FIELD"], p["KRTP_FIELD"], p["SECTOR_FIELD"], p["STAGE_FIELD"]]
        programme = all(f in names for f in PROGRAMME_FIELDS)
        fields = [f for f in wanted if f] + (list(PROGRAMME_FIELDS) if programme else [])
        _, lonlat, frame = gap_io.read_lonlat(source, context, feedback,
                                              list(dict.fromkeys(fields)), (0.0, 40.0))
        check_cancel(feedback)
        region_fields = [p["REGION_CODE_FIELD"]] + (
            [p["REGION_NAME_FIELD"]] if p["REGION_NAME_FIELD"] else [])
        regions = read_source(regions_src, region_fields, context=context)
        region = assign_points(lonlat[:, 0], lonlat[:, 1], list(regions.geometries)).region
        region[np.isnan(lonlat[:, 0])] = OUTSIDE
        outside = int((region == OUTSIDE).sum())
        if outside:
            feedback.pushWarning(self.tr(
                "{n} enterprises lie in no region; they are reported on a separate row.")
                .format(n=outside))
        women = (frame[p["WOMEN_FIELD"]] == "P").to_numpy(bool) if p["WOMEN_FIELD"] else None
        krtp = (frame[p["KRTP_FIELD"]].map(lambda v: v is True or v == 1).to_numpy(bool)
                if p["KRTP_FIELD"] else None)
        tables = []
        for t, jenis in enumerate(types):
            check_cancel(feedback)
            members = services.of_type(jenis)
            if len(members) == 0:
                feedback.reportError(self.tr(
                    "No service of type {jenis}: every enterprise counts as uncovered.")
                    .format(jenis=jenis))
            distance = nearest_geodesic(lonlat, services.lonlat[members]).distance
            table = gap_table(region, distance, threshold, len(regions), women, krtp)
            table.insert(1, "jenis", jenis)
            tables.append(table)
            feedback.setProgress(40 + 40 * (t + 1) / max(len(types), 1))
        codes = regions.attributes[p["REGION_CODE_FIELD"]].to_numpy(object)
        labels = (regions.attributes[p["REGION_NAME_FIELD"]].to_numpy(object)
                  if p["REGION_NAME_FIELD"] else codes)
        dest = self._write_gap(parameters, context, tables, regions.geometries, codes, labels,
                               threshold)
        results = {"OUTPUT": dest}
        if programme and parameters.get("OUTPUT_PROGRAMME") is not None:
            work = frame.copy()
            work["kode"] = [codes[r] if r != OUTSIDE else None for r in region]
            work["nama"] = [labels[r] if r != OUTSIDE else None for r in region]
            keys = ["kode", "nama"]
            for f, alias in ((p["SECTOR_FIELD"], "sektor"), (p["STAGE_FIELD"], "tahap")):
                if f:
                    work[alias] = frame[f]
                    keys.append(alias)
            table = programme_gap(work.fillna({"kode": "", "nama": ""}), keys)
            results["OUTPUT_PROGRAMME"] = self._write_table(
                parameters, context, table, keys, PROGRAMME_COLUMNS)
        elif not programme:
            feedback.pushWarning(self.tr(
                "The enterprise layer has no pelatihan/bantuan/status_binaan fields: "
                "no programme gap."))
        feedback.setProgress(100)
        return results

    def _write_gap(self, parameters, context, tables, geometries, codes, labels, threshold):
        import shapely

        from industri_rumahan_plugin.core.coverage import OUTSIDE

        fields = QgsFields()
        for name in ("kode", "nama", "jenis"):
            fields.append(QgsField(name, FieldType.STRING))
        for name, kind in GAP_COLUMNS:
            fields.append(QgsField(name, kind))
        fields.append(QgsField("ambang_m", FieldType.DOUBLE))
        sink, dest = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, WkbType.MULTI_POLYGON,
            QgsCoordinateReferenceSystem("EPSG:4326"))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for table in tables:
            for row in table.itertuples(index=False):
                feature = QgsFeature(fields)
                r = int(row.region)
                inside = r != OUTSIDE
                values = [codes[r] if inside else None,
                          labels[r] if inside else self.tr("outside every region"), row.jenis]
                values += [_plain(getattr(row, name)) for name, _ in GAP_COLUMNS]
                feature.setAttributes([_plain(v) for v in values] + [threshold])
                if inside and geometries[r] is not None:
                    geom = QgsGeometry()
                    geom.fromWkb(shapely.to_wkb(geometries[r]))
                    geom.convertToMultiType()
                    feature.setGeometry(geom)
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _write_table(self, parameters, context, table: pd.DataFrame, keys, columns):
        fields = QgsFields()
        for key in keys:
            fields.append(QgsField(key, FieldType.STRING))
        for name, kind in columns:
            fields.append(QgsField(name, kind))
        from industri_rumahan_plugin.core import cell_safety

        if cell_safety.is_spreadsheet_path(
                self.parameterAsOutputLayer(parameters, "OUTPUT_PROGRAMME", context) or ""):
            table = cell_safety.neutralise_frame(table, headers=False)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_PROGRAMME", context, fields,
                                          WkbType.NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT_PROGRAMME"))
        for row in table[keys + [c for c, _ in columns]].itertuples(index=False):
            feature = QgsFeature(fields)
            feature.setAttributes([_plain(v) for v in row])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest


def _plain(value):
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value
