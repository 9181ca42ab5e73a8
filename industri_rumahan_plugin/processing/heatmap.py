"""``industrirumahan:heatmap``: kernel density raster (GeoTIFF) in metres, correctly scaled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import FieldDataType, Misc, NumberType, Unit
from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.processing import enum_params, params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

# scipy, pandas, shapely and the adapters built on them are imported in processAlgorithm:
# every qgis_process start loads the provider, and most runs never call this algorithm.
if TYPE_CHECKING:
    from industri_rumahan_plugin.core.kde import Grid

ALL = "semua"
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

        from industri_rumahan_plugin.adapters.arrays import WGS84
        from industri_rumahan_plugin.adapters.point_arrays import read_points, to_metric
        from industri_rumahan_plugin.core import kde

        source = self.required_source(parameters, self.INPUT, context)
        sector = self.parameterAsEnumString(parameters, self.SECTOR, context) or ALL
        stage = self.parameterAsEnumString(parameters, self.STAGE, context) or ALL
        weight = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        kernel = self.parameterAsEnumString(parameters, self.KERNEL, context) or "quartic"
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        fields = [f for f, v in (("sektor", sector), ("tahap", stage)) if v != ALL]
        for f in fields:
            if source.fields().indexOf(f) < 0:
                raise QgsProcessingException(
                    self.tr("Field {field} not found in the enterprises.").format(field=f))
        crs = source.sourceCrs()
        metric_layer = (not crs.isGeographic()
                        and crs.mapUnits() == Unit.METERS)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        read_crs = crs if metric_layer else WGS84
        points = read_points(layer, parameters.get(self.INPUT), source,
                             [*fields, weight], read_crs, context, feedback, expression, (0, 40))
        check_cancel(feedback)
        keep = np.isfinite(points.xy).all(axis=1)
        attrs = points.attributes
        if sector != ALL:
            keep &= (attrs["sektor"] == sector).to_numpy()
        if stage != ALL:
            keep &= (attrs["tahap"] == stage).to_numpy()
        w = None
        if weight:
            w = np.asarray(attrs[weight].astype(float).fillna(0.0))[keep]
        xy = points.xy[keep]
        if len(xy) == 0:
            raise QgsProcessingException(self.tr("No enterprise matches the choice: nothing to "
                                                 "estimate a density from."))
        if metric_layer:
            target = crs
        else:
            xy, target = to_metric(xy)
        feedback.pushInfo(self.tr("{n} enterprises, metric CRS {crs}.").format(
            n=len(xy), crs=target.authid() or target.toProj()))
        feedback.setProgressText(self.tr("Estimating the density…"))

        def progress(fraction: float) -> bool:
            feedback.setProgress(40 + 45 * fraction)
            return feedback.isCanceled()

        try:
            grid = kde.density_grid(xy, radius, pixel, kernel, w, progress=progress)
        except ValueError as err:
            raise QgsProcessingException(self.tr(
                "The density cannot be estimated from these inputs. Detail: {detail}").format(
                detail=err)) from err
        check_cancel(feedback)
        feedback.setProgress(85)
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        write_geotiff(out, grid, target)
        feedback.setProgress(100)
        total = grid.values.sum(dtype=np.float64) * (pixel / 1000.0) ** 2
        return {self.OUTPUT: out, "TOTAL": float(total)}


def write_geotiff(path: str, grid: Grid, crs: QgsCoordinateReferenceSystem) -> None:
    """Float32 GeoTIFF (deflate) in ``crs``, written with GDAL in one block."""
    import numpy as np
    from osgeo import gdal

    rows, cols = grid.shape
    driver = gdal.GetDriverByName("GTiff")
    ds = driver.Create(str(path), cols, rows, 1, gdal.GDT_Float32,
                       ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"])
    if ds is None:
        raise QgsProcessingException(toolbelt.tr(
            "GDAL could not create {path}. Detail: {detail}").format(
            path=path, detail=gdal.GetLastErrorMsg() or "-"))
    ds.SetGeoTransform(grid.geotransform())
    ds.SetProjection(crs.toWkt(Misc.WKT2_2019))
    band = ds.GetRasterBand(1)
    band.WriteArray(np.asarray(grid.values, dtype=np.float32))  # no copy: already float32
    band.SetDescription("usaha_per_km2")
    band.FlushCache()
    ds = None
