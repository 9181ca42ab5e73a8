"""``industrirumahan:densitybyregion``: enterprise counts, densities and LQs per region."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
)

from industri_rumahan_plugin.compat import FieldDataType, ProcessingFlag, SourceType
from industri_rumahan_plugin.core import catalogue, schema
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

# numpy, pandas, shapely and the adapters built on them are imported in processAlgorithm:
# every qgis_process start loads the provider, and most runs never call this algorithm.
if TYPE_CHECKING:
    import numpy as np

WOMEN_FIELD = "jenis_kelamin_pemilik"
KRTP_FIELD = "krtp"


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
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), "penduduk_total",
            self.REGIONS, FieldDataType.NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.WOMEN_POPULATION_FIELD, self.tr("Women population field"), "penduduk_wanita",
            self.REGIONS, FieldDataType.NUMERIC, optional=True))
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

    def _optional_field(self, parameters, name, fields, context, feedback) -> str:
        value = self.parameterAsString(parameters, name, context)
        if value and fields.indexOf(value) < 0:
            feedback.pushInfo(self.tr("Field {field} not found: its statistics are left out.")
                              .format(field=value))
            return ""
        return value

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        from industri_rumahan_plugin.adapters import region_stats
        from industri_rumahan_plugin.adapters.point_arrays import prefetch, read_points
        from industri_rumahan_plugin.adapters.postgis import density_sql
        from industri_rumahan_plugin.core import density

        source = self.required_source(parameters, self.INPUT, context)
        region_source = self.required_source(parameters, self.REGIONS, context)
        in_fields = source.fields()
        cats = [c for c in self.parameterAsFields(parameters, self.CATEGORY_FIELDS, context)
                if c]
        for c in [c for c in cats if in_fields.indexOf(c) < 0]:
            feedback.pushWarning(self.tr("Category field {field} not found in the enterprises; "
                                         "left out.").format(field=c))
        cats = [c for c in cats if in_fields.indexOf(c) >= 0]
        flags = [f for f in (WOMEN_FIELD, KRTP_FIELD) if in_fields.indexOf(f) >= 0]
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        # a plain file's points are read by GDAL threads while QGIS reads the regions
        prefetched = prefetch(layer, parameters.get(self.INPUT), [*cats, *flags], expression)
        repair = self.parameterAsBool(parameters, self.REPAIR, context)
        regions = region_stats.read_regions(region_source, repair, feedback)
        if len(regions) == 0:
            raise QgsProcessingException(self.tr("The region layer has no features."))
        areas_job = region_stats.start_ellipsoid_areas(regions, context)  # while points go
        rfields = regions.fields
        pop = self._optional_field(parameters, self.POPULATION_FIELD, rfields, context, feedback)
        women_pop = self._optional_field(parameters, self.WOMEN_POPULATION_FIELD, rfields,
                                         context, feedback)
        feedback.setProgressText(self.tr("Reading enterprises…"))
        pushed = density_sql.try_pushdown(
            layer, parameters.get(self.INPUT),
            self.parameterAsVectorLayer(parameters, self.REGIONS, context),
            parameters.get(self.REGIONS), regions, [*cats, *flags], expression,
            parameters.get(self.OUTPUT_OUTSIDE) is not None, feedback,
        ) if self.parameterAsBool(parameters, self.PUSHDOWN, context) else None
        points = pushed.points if pushed else read_points(
            layer, parameters.get(self.INPUT), source, [*cats, *flags], regions.crs, context,
            feedback, expression, (0, 40), prefetched)
        check_cancel(feedback)
        feedback.pushInfo(self.tr("{n} enterprises read{fast}.").format(
            n=len(points), fast=self.tr(" (fast path)") if points.fast else ""))
        feedback.setProgressText(self.tr("Assigning enterprises to regions…"))

        def progress(fraction: float) -> bool:
            feedback.setProgress(40 + 40 * fraction)
            return feedback.isCanceled()

        assignment = pushed.assignment if pushed else density.assign_points(
            points.xy[:, 0], points.xy[:, 1], regions.geometries, progress)
        check_cancel(feedback)
        self._report(assignment, points, feedback)
        areas = areas_job.result()
        attrs = points.attributes
        stats, tidy = density.density_table(
            assignment.region, len(regions), areas,
            categories=[density.Category(c, attrs[c].to_numpy(),
                                         _known(c)) for c in cats],
            women=(attrs[WOMEN_FIELD].to_numpy() == "P") if WOMEN_FIELD in flags else None,
            krtp=_true(attrs[KRTP_FIELD].to_numpy(object)) if KRTP_FIELD in flags else None,
            population=regions.column(pop) if pop else None,
            women_population=regions.column(women_pop) if women_pop else None,
        )
        feedback.setProgress(85)
        fields, renamed = region_stats.output_fields(rfields, stats)
        for name in renamed:
            feedback.pushInfo(self.tr("Region field {field} renamed {new}: the statistic "
                                      "of that name is computed here.").format(
                field=name, new=name + region_stats.RENAMED_SUFFIX))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          region_source.wkbType(), regions.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        region_stats.write_features(sink, fields, regions.features, stats, feedback)
        results = {self.OUTPUT: dest, "OUTSIDE_COUNT": assignment.outside,
                   "SHARED_COUNT": assignment.shared, "PUSHED_DOWN": pushed is not None}
        if parameters.get(self.OUTPUT_TABLE) is not None:
            results[self.OUTPUT_TABLE] = self._write_tidy(parameters, context, regions, tidy,
                                                          stats, cats)
        if parameters.get(self.OUTPUT_OUTSIDE) is not None:
            results[self.OUTPUT_OUTSIDE] = self._write_outside(
                parameters, context, source, points.fids[assignment.region == density.OUTSIDE])
        feedback.setProgress(100)
        return results

    def _report(self, assignment, points, feedback) -> None:
        missing = points.missing
        outside = assignment.outside - missing
        if missing:
            feedback.pushWarning(self.tr("{n} enterprises have no location and are not "
                                         "counted.").format(n=missing))
        if outside:
            feedback.pushWarning(self.tr("{n} enterprises lie outside every region and are "
                                         "not counted.").format(n=outside))
        if assignment.shared:
            feedback.pushInfo(self.tr(
                "{n} enterprises lie in more than one region (overlap or shared boundary; "
                "{b} exactly on a boundary): each was counted once.").format(
                n=assignment.shared, b=assignment.on_boundary))

    def _write_tidy(self, parameters, context, regions, tidy, stats, cats) -> str:
        import numpy as np

        from industri_rumahan_plugin.core import density

        tidy = density.finish_tidy(tidy, stats["jml_usaha"].to_numpy(), cats)
        index = tidy.pop("wilayah").to_numpy()
        front = {"wilayah_fid": np.asarray([f.id() for f in regions.features])[index]}
        for name, out in (("kode", "kode_wilayah"), ("nama", "nama_wilayah")):
            values = regions.column(name)
            if values:
                front[out] = np.asarray([None if v is None else str(v) for v in values],
                                        dtype=object)[index]
        for key, values in reversed(list(front.items())):
            tidy.insert(0, key, values)
        from industri_rumahan_plugin.adapters import region_stats

        return region_stats.write_table_output(self, parameters, self.OUTPUT_TABLE, context,
                                               tidy)

    def _write_outside(self, parameters, context, source, fids) -> str:
        personal = set(schema.personal_fields())
        keep = [i for i, f in enumerate(source.fields()) if f.name() not in personal]
        fields = QgsFields()
        for i in keep:
            fields.append(source.fields().at(i))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_OUTSIDE, context, fields,
                                          source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_OUTSIDE))
        if len(fids):
            request = QgsFeatureRequest().setFilterFids([int(f) for f in fids])
            for feature in source.getFeatures(request):
                attrs = feature.attributes()
                feature.setFields(fields, False)
                feature.setAttributes([attrs[i] for i in keep])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest


def _true(values: np.ndarray) -> np.ndarray:
    """Yes/no flags from either read path: True or 1 is yes; False, 0 and NULL are no."""
    import numpy as np

    return np.equal(np.asarray(values, dtype=object), True).astype(bool)


def _known(field_name: str) -> list[str]:
    """Catalogue codes of a category field, so every known value gets a column."""
    entries = catalogue.CATALOGUES.get(field_name)
    return catalogue.codes(entries) if entries else []
