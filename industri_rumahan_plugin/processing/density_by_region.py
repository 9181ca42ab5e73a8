"""``industrirumahan:densitybyregion``: enterprise counts, densities and LQs per region."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
)

from industri_rumahan_plugin.compat import ProcessingFlag, SourceType
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm

# numpy, pandas, shapely and the adapters built on them are imported in processAlgorithm:
# every qgis_process start loads the provider, and most runs never call this algorithm.


class DensityByRegion(IndustriRumahanAlgorithm):
    ALG_ID = "densitybyregion"
    GROUP = "density"
    TITLE = "Enterprise density by region"
    REQUIRES = ("numpy", "pandas", "shapely")
    CATEGORY_PARAMETERS = ("CATEGORY_FIELDS",)
    HELP = {
        "id": (
            "Menghitung usaha per wilayah (kabupaten/kota atau kecamatan): jumlah, per sektor, "
            "per tahap dan per tahap × sektor, pemilik perempuan dan KRTP, luas_km2 pada "
            "elipsoid, kepadatan per km², per 1.000 penduduk dan per 1.000 perempuan, "
            "location quotient (LQ) per sektor dan peringkat wilayah.<br>"
            "Aturan batas: titik tepat di batas bersama dihitung sekali, untuk wilayah yang "
            "lebih dulu di lapisan; titik di daerah tumpang tindih dihitung untuk wilayah yang "
            "paling dalam memuatnya (native:countpointsinpolygon QGIS membuang titik di batas). "
            "Titik di luar semua wilayah dilaporkan dan dapat ditulis ke keluaran tersendiri. "
            "Kategori kosong dihitung sebagai 'tidak_diisi'. Data pribadi tidak pernah keluar."
        ),
        "en": (
            "Counts enterprises per region (regency or district): total, per sector, per stage "
            "and per stage × sector, women-owned and KRTP counts and shares, luas_km2 on the "
            "ellipsoid, density per km², per 1,000 population and per 1,000 women, location "
            "quotient per sector and the region's rank.<br>"
            "Boundary rule: a point exactly on a shared boundary counts once, for the region "
            "that comes first in the layer; a point in an overlap counts for the region it "
            "lies deepest in (QGIS's native:countpointsinpolygon drops boundary points). "
            "Points in no region are reported and can be written to their own output. Empty "
            "categories count as 'tidak_diisi'. Personal data never reaches the outputs."
        ),
    }
    INPUT = "INPUT"
    REGIONS = "REGIONS"
    POPULATION_FIELD = "POPULATION_FIELD"
    WOMEN_POPULATION_FIELD = "WOMEN_POPULATION_FIELD"
    FILTER = "FILTER"
    CATEGORY_FIELDS = "CATEGORY_FIELDS"
    REPAIR = "REPAIR_REGIONS"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_OUTSIDE = "OUTPUT_OUTSIDE"
    PUSHDOWN = "PUSHDOWN"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.enterprises(self.INPUT))
        self.addParameter(params.regions(self.REGIONS))
        self.addParameter(params.population_field(self.POPULATION_FIELD, self.REGIONS))
        self.addParameter(params.population_field(self.WOMEN_POPULATION_FIELD, self.REGIONS,
                                                  women=True))
        self.addParameter(params.filter_expression(self.FILTER, self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELDS, self.tr("Category fields (first two are crossed)"),
            ["sektor", "tahap"], self.INPUT, allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPAIR, self.tr("Repair invalid region geometries (otherwise skip them)"),
            True))
        pushdown = QgsProcessingParameterBoolean(self.PUSHDOWN, self.tr(
            "Count in the database when both layers are in the same PostGIS database"), True)
        pushdown.setFlags(pushdown.flags() | ProcessingFlag.ADVANCED)
        self.addParameter(pushdown)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Regions with enterprise statistics"),
            SourceType.POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Long table (for spreadsheet pivots)"),
            SourceType.VECTOR, optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_OUTSIDE, self.tr("Enterprises outside every region"),
            SourceType.POINT, optional=True, createByDefault=False))
        # figures the dialog shows among the results, not only in the log
        self.addOutput(QgsProcessingOutputNumber(
            "OUTSIDE_COUNT", self.tr("Enterprises outside every region (not counted)")))
        self.addOutput(QgsProcessingOutputNumber(
            "SHARED_COUNT", self.tr("Enterprises in more than one region (counted once)")))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        from industri_rumahan_plugin.adapters import density_io, region_stats
        from industri_rumahan_plugin.adapters.point_arrays import prefetch
        from industri_rumahan_plugin.core import density

        source = self.required_source(parameters, self.INPUT, context)
        region_source = self.required_source(parameters, self.REGIONS, context)
        cats = density_io.present_categories(
            self.parameterAsFields(parameters, self.CATEGORY_FIELDS, context), source.fields(),
            feedback)
        flags = [f for f in (density.WOMEN_FIELD, density.KRTP_FIELD)
                 if source.fields().indexOf(f) >= 0]
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        # a plain file's points are read by GDAL threads while QGIS reads the regions
        prefetched = prefetch(layer, parameters.get(self.INPUT), [*cats, *flags], expression)
        regions = region_stats.read_regions(
            region_source, self.parameterAsBool(parameters, self.REPAIR, context), feedback)
        if not len(regions):
            density_io.settle(prefetched)  # no GDAL thread left reading when the run stops
            raise self.input_error(self.REGIONS, self.tr("The layer has no features."))
        areas_job = region_stats.start_ellipsoid_areas(regions, context)  # while points go
        pop, women_pop = (self._optional_field(parameters, name, regions, context, feedback)
                          for name in (self.POPULATION_FIELD, self.WOMEN_POPULATION_FIELD))
        feedback.setProgressText(self.tr("Reading enterprises…"))
        points, assignment, pushed = density_io.read_and_assign(
            layer, parameters.get(self.INPUT), source,
            self.parameterAsVectorLayer(parameters, self.REGIONS, context),
            parameters.get(self.REGIONS), regions, [*cats, *flags], expression, context,
            feedback, prefetched, pushdown=self.parameterAsBool(parameters, self.PUSHDOWN, context),
            want_outside=parameters.get(self.OUTPUT_OUTSIDE) is not None)
        stats, tidy = density.region_statistics(
            assignment.region, len(regions), areas_job.result(), points.attributes, cats, flags,
            population=pop, women_population=women_pop)
        feedback.setProgress(85)
        fields = region_stats.statistics_fields(regions.fields, stats, feedback)
        sink, dest = self.required_sink(parameters, self.OUTPUT, context, fields,
                                        region_source.wkbType(), regions.crs)
        region_stats.write_features(sink, fields, regions.features, stats, feedback)
        results = {self.OUTPUT: dest, "OUTSIDE_COUNT": assignment.outside,
                   "SHARED_COUNT": assignment.shared, "PUSHED_DOWN": pushed}
        if parameters.get(self.OUTPUT_TABLE) is not None:
            results[self.OUTPUT_TABLE] = region_stats.write_table_output(
                self, parameters, self.OUTPUT_TABLE, context,
                density_io.long_table(regions, tidy, stats, cats))
        if parameters.get(self.OUTPUT_OUTSIDE) is not None:
            results[self.OUTPUT_OUTSIDE] = self._write_outside(
                parameters, context, source, points.fids[assignment.region == density.OUTSIDE])
        feedback.setProgress(100)
        return results

    def _optional_field(self, parameters, name, regions, context, feedback) -> list | None:
        """The values of the region field chosen as ``name``; None when none is chosen or
        the regions lack it (said: its statistics are left out)."""
        value = self.parameterAsString(parameters, name, context)
        if value and regions.fields.indexOf(value) < 0:
            feedback.pushInfo(self.tr("Field {field} not found: its statistics are left out.")
                              .format(field=value))
            return None
        return regions.column(value) if value else None

    def _write_outside(self, parameters, context, source, fids) -> str:
        """The enterprises outside every region, without their personal fields."""
        from industri_rumahan_plugin.adapters import density_io

        fields, keep = density_io.public_fields(source.fields())
        sink, dest = self.required_sink(parameters, self.OUTPUT_OUTSIDE, context, fields,
                                        source.wkbType(), source.sourceCrs())
        density_io.copy_features(source, sink, fields, keep, fids)
        return dest
