"""``industrirumahan:heatmap``: kernel density raster (GeoTIFF) in metres, correctly scaled."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from industri_rumahan_plugin.compat import FieldDataType, NumberType
from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.processing import enum_params, params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

# scipy, pandas, shapely and the adapters built on them are imported in processAlgorithm:
# every qgis_process start loads the provider, and most runs never call this algorithm.

ALL = "semua"  # core.heatmap.ALL, repeated so that listing the algorithm imports no numpy
#: Kernel names (core.kde.KERNELS, repeated so that listing the algorithm imports no scipy).
KERNELS = ("quartic", "epanechnikov", "gaussian")


class Heatmap(IndustriRumahanAlgorithm):
    ALG_ID = "heatmap"
    GROUP = "density"
    TITLE = "Enterprise heatmap (kernel density)"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")
    HELP = {
        "id": (
            "Peta panas kepadatan usaha (jumlah usaha per km²), untuk semua usaha atau satu "
            "sektor atau tahap saja. Radius menentukan seberapa jauh satu usaha \"menyebar\" "
            "ke sekitarnya (misalnya 2.000 m untuk skala kabupaten, 500 m untuk kota); ukuran "
            "piksel menentukan kehalusan peta. Keduanya dalam meter, apa pun sistem koordinat "
            "lapisan. Kernel kuartik cocok untuk kebanyakan peta; Gauss memberi tepi lebih "
            "lembut. Jumlah seluruh peta sama dengan jumlah usaha yang dipilih, jadi nilainya "
            "dapat dibaca langsung sebagai usaha per km². Hasilnya dimuat dengan legenda warna."
        ),
        "en": (
            "Heat map of enterprise density (enterprises per km²), for all enterprises or one "
            "sector or stage. The radius sets how far one enterprise \"spreads\" around it "
            "(e.g. 2,000 m at regency scale, 500 m in a town); the pixel size sets how fine the "
            "map is. Both are in metres whatever the layer's coordinate system. The quartic "
            "kernel suits most maps; Gaussian gives softer edges. The whole map adds up to the "
            "number of enterprises chosen, so values read directly as enterprises per km². "
            "The result loads with a colour legend."
        ),
    }
    INPUT = "INPUT"
    SECTOR = "SECTOR"
    STAGE = "STAGE"
    FILTER = "FILTER"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    RADIUS = "RADIUS"
    PIXEL_SIZE = "PIXEL_SIZE"
    KERNEL = "KERNEL"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.enterprises(self.INPUT))
        for name, label, entries in (
            (self.SECTOR, self.tr("Sector"), catalogue.SECTORS),
            (self.STAGE, self.tr("Stage"), catalogue.STAGES),
        ):
            self.addParameter(enum_params.labelled_enum(
                name, label, enum_params.catalogue_choices(entries), ALL))
        self.addParameter(params.filter_expression(self.FILTER, self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT_FIELD, self.tr("Weight field"), None, self.INPUT,
            FieldDataType.NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.RADIUS, self.tr("Radius (metres)"), NumberType.DOUBLE,
            2000.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.PIXEL_SIZE, self.tr("Pixel size (metres)"), NumberType.DOUBLE,
            100.0, minValue=1.0))
        self.addParameter(enum_params.labelled_enum(
            self.KERNEL, self.tr("Kernel"), enum_params.kernel_choices(), "quartic"))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, self.tr("Heatmap (enterprises per km²)")))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        import numpy as np

        from industri_rumahan_plugin.adapters import heatmap_io
        from industri_rumahan_plugin.core import heatmap, kde

        source = self.required_source(parameters, self.INPUT, context)
        sector = self.parameterAsEnumString(parameters, self.SECTOR, context) or ALL
        stage = self.parameterAsEnumString(parameters, self.STAGE, context) or ALL
        weight = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        kernel = self.parameterAsEnumString(parameters, self.KERNEL, context) or "quartic"
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        fields = [f for f, v in (("sektor", sector), ("tahap", stage)) if v != ALL]
        for name, field, value in ((self.SECTOR, "sektor", sector), (self.STAGE, "tahap", stage)):
            self.require(value == ALL or source.fields().indexOf(field) >= 0, name, self.tr(
                "Field {field} not found in the enterprises.").format(field=field))
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        points, crs = heatmap_io.read_enterprises(layer, parameters.get(self.INPUT), source,
                                                  [*fields, weight], context, feedback,
                                                  expression)
        check_cancel(feedback)
        xy, w = heatmap.chosen_points(points.xy, points.attributes, sector, stage, weight)
        self.require(len(xy), self.INPUT, self.tr(
            "No enterprise matches the choice: nothing to estimate a density from."))
        xy, target = heatmap_io.in_metres(xy, crs)
        feedback.pushInfo(self.tr("{n} enterprises, metric CRS {crs}.").format(
            n=len(xy), crs=target.authid() or target.toProj()))
        feedback.setProgressText(self.tr("Estimating the density…"))

        def progress(fraction: float) -> bool:
            feedback.setProgress(40 + 45 * fraction)
            return feedback.isCanceled()

        try:
            grid = kde.density_grid(xy, radius, pixel, kernel, w, progress=progress)
        except ValueError as err:
            raise self.input_error(self.PIXEL_SIZE, self.tr(
                "The density cannot be estimated from these inputs. Detail: {detail}").format(
                detail=err)) from err
        check_cancel(feedback)
        feedback.setProgress(85)
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        heatmap_io.write_geotiff(out, grid, target, self, self.OUTPUT)
        feedback.setProgress(100)
        total = grid.values.sum(dtype=np.float64) * (pixel / 1000.0) ** 2
        return {self.OUTPUT: out, "TOTAL": float(total)}
