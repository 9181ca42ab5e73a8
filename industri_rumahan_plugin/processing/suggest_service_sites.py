"""industrirumahan:suggestservicesites — greedy maximal coverage of uncovered enterprises."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.compat import NumberType, SourceType
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


class SuggestServiceSites(IndustriRumahanAlgorithm):
    ALG_ID = "suggestservicesites"
    GROUP = "services"
    TITLE = "Suggest new service sites"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")
    HELP = {
        "id": (
            "Usulan lokasi layanan baru secara serakah (greedy maximal coverage): dari lokasi "
            "kandidat (misalnya titik pusat desa) dipilih k lokasi satu per satu, setiap kali "
            "yang menjangkau paling banyak usaha yang belum terjangkau dalam ambang jarak "
            "(geodesik). Usaha yang sudah dekat layanan yang ada (jenis yang dipilih) dianggap "
            "terjangkau. Bobot tambahan untuk usaha milik perempuan atau KRTP dapat diberikan. "
            "Keluaran: lokasi terpilih berurutan dengan tambahan usaha yang terjangkau."
        ),
        "en": (
            "A greedy maximal-coverage suggestion: from candidate sites (e.g. village centroids) "
            "choose k sites one by one, each time the one that covers the most still uncovered "
            "enterprises within the threshold (geodesic). Enterprises already near an existing "
            "service (of the chosen type) count as covered. Extra weight can be given to "
            "women-owned or KRTP enterprises. Output: the chosen sites in order with the gain "
            "of each."
        ),
    }

    def initAlgorithm(self, config=None):
        self.addParameter(params.enterprises("INPUT"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CANDIDATES", self.tr("Candidate sites (points; polygons use their centroid)"),
            [SourceType.VECTOR_ANY]))
        self.addParameter(params.services("SERVICES", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "SERVICE_TYPE_FIELD", self.tr("Service type field"), "jenis", "SERVICES",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "SERVICE_TYPE", self.tr("Service type of the new sites (empty = all services)"),
            "", optional=True))
        self.addParameter(params.threshold("THRESHOLD", 10000.0))
        self.addParameter(QgsProcessingParameterNumber(
            "K", self.tr("Number of sites to suggest"), NumberType.INTEGER,
            5, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            "WOMEN_WEIGHT", self.tr("Extra weight for women-owned enterprises"),
            NumberType.DOUBLE, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "KRTP_WEIGHT", self.tr("Extra weight for KRTP enterprises"),
            NumberType.DOUBLE, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Suggested sites"), SourceType.POINT))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from industri_rumahan_plugin.adapters import gap_io, site_io
        from industri_rumahan_plugin.core import suggest
        from industri_rumahan_plugin.core.coverage import greedy_coverage
        from industri_rumahan_plugin.core.nearest import pairs_within

        source = self.required_source(parameters, "INPUT", context)
        candidates = self.required_source(parameters, "CANDIDATES", context)
        threshold = self.parameterAsDouble(parameters, "THRESHOLD", context)
        k = self.parameterAsInt(parameters, "K", context)
        w_women = self.parameterAsDouble(parameters, "WOMEN_WEIGHT", context)
        w_krtp = self.parameterAsDouble(parameters, "KRTP_WEIGHT", context)
        fields = suggest.weight_fields(source.fields().names(), w_women, w_krtp)
        _, lonlat, frame = gap_io.read_lonlat(source, context, feedback, fields, (0.0, 30.0))
        weight = suggest.enterprise_weights(frame, len(lonlat), w_women, w_krtp)
        covered = np.zeros(len(lonlat), bool)
        services = self.parameterAsSource(parameters, "SERVICES", context)
        if services is not None:
            covered = site_io.covered_by_services(
                services, self.parameterAsString(parameters, "SERVICE_TYPE_FIELD", context),
                self.parameterAsString(parameters, "SERVICE_TYPE", context).strip(),
                lonlat, threshold, context, feedback)
            feedback.pushInfo(self.tr("{n} enterprises are already within reach.")
                              .format(n=int(covered.sum())))
        check_cancel(feedback)
        cfids, cand_ll, _ = gap_io.read_lonlat(candidates, context, None)
        pairs = pairs_within(lonlat, cand_ll, threshold)
        chosen = greedy_coverage(
            pairs, weight, k, covered,
            progress=lambda f: feedback.setProgress(50 + 40 * f) or feedback.isCanceled())
        check_cancel(feedback)
        out_fields = site_io.site_fields(candidates.fields())
        sink, dest = self.required_sink(parameters, "OUTPUT", context, out_fields,
                                        candidates.wkbType(), candidates.sourceCrs())
        site_io.write_sites(sink, out_fields, candidates, cfids, chosen)
        feedback.pushInfo(self.tr("{k} sites cover {n} more enterprises.").format(
            k=len(chosen), n=int(chosen["kumulatif_usaha"].max()) if len(chosen) else 0))
        return {"OUTPUT": dest}
