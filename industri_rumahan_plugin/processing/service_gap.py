"""industrirumahan:servicegap — per region and service type: who is beyond reach, and the
programme gap (enterprises never trained, aided or assisted) per region, sector and stage."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterField

from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


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
        self.addParameter(params.regions())
        self.addParameter(QgsProcessingParameterField(
            "REGION_CODE_FIELD", self.tr("Region code field"), "kode", "REGIONS", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "REGION_NAME_FIELD", self.tr("Region name field"), "nama", "REGIONS", optional=True))
        self.addParameter(params.threshold())
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
        from industri_rumahan_plugin.adapters import gap_io, gap_output
        from industri_rumahan_plugin.core import coverage

        source = self.required_source(parameters, "INPUT", context)
        services_src = self.required_source(parameters, "SERVICES", context)
        regions_src = self.required_source(parameters, "REGIONS", context)
        p = {name: self.parameterAsString(parameters, name, context) for name in (
            "SERVICE_TYPE_FIELD", "SERVICE_NAME_FIELD", "REGION_CODE_FIELD", "REGION_NAME_FIELD",
            "WOMEN_FIELD", "KRTP_FIELD", "SECTOR_FIELD", "STAGE_FIELD", "SERVICE_TYPES")}
        self.require(p["SERVICE_TYPE_FIELD"], "SERVICE_TYPE_FIELD", self.tr("Choose a field."))
        self.require(p["REGION_CODE_FIELD"], "REGION_CODE_FIELD", self.tr("Choose a field."))
        threshold = self.parameterAsDouble(parameters, "THRESHOLD", context)
        services = gap_io.read_services(services_src, context, feedback, p["SERVICE_TYPE_FIELD"],
                                        p["SERVICE_NAME_FIELD"])
        types = gap_io.chosen_types(services, p["SERVICE_TYPES"])
        women, krtp, sector, stage = gap_io.present_fields(
            [p["WOMEN_FIELD"], p["KRTP_FIELD"], p["SECTOR_FIELD"], p["STAGE_FIELD"]],
            source.fields(), feedback)
        programme = all(source.fields().indexOf(f) >= 0 for f in coverage.PROGRAMME_FIELDS)
        _, lonlat, frame = gap_io.read_lonlat(source, context, feedback, [
            women, krtp, sector, stage, *(coverage.PROGRAMME_FIELDS if programme else ())],
            (0.0, 40.0))
        check_cancel(feedback)
        regions = gap_io.locate_in_regions(regions_src, p["REGION_CODE_FIELD"],
                                           p["REGION_NAME_FIELD"], lonlat, context)
        if regions.outside:
            feedback.pushWarning(self.tr(
                "{n} enterprises lie in no region; they are reported on a separate row.")
                .format(n=regions.outside))
        gap_io.report_missing_types(services, types, feedback, self.tr(
            "No service of type {jenis}: every enterprise counts as uncovered."))
        tables = coverage.gap_by_type(
            regions.region, lonlat, services.lonlat, services.jenis, types, threshold,
            len(regions), *coverage.owner_flags(frame, women, krtp),
            step=lambda t: (check_cancel(feedback),
                            feedback.setProgress(40 + 40 * (t + 1) / max(len(types), 1))))
        dest = gap_output.write_gap_output(self, parameters, "OUTPUT", context, tables, regions,
                                           threshold, self.tr("outside every region"))
        results = {"OUTPUT": dest}
        if programme and parameters.get("OUTPUT_PROGRAMME") is not None:
            table, keys = coverage.programme_by_region(frame, regions.region, regions.codes,
                                                       regions.labels, sector, stage)
            results["OUTPUT_PROGRAMME"] = gap_output.write_programme(
                self, parameters, "OUTPUT_PROGRAMME", context, table, keys)
        elif not programme:
            feedback.pushWarning(self.tr(
                "The enterprise layer has no pelatihan/bantuan/status_binaan fields: "
                "no programme gap."))
        feedback.setProgress(100)
        return results
