"""industrirumahan:suggestservicesites — greedy maximal coverage of uncovered enterprises."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.compat import FieldType, NumberType, SourceType
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

RESULT_FIELDS = (("urutan", FieldType.INT), ("tambah_usaha", FieldType.INT),
                 ("tambah_bobot", FieldType.DOUBLE), ("kumulatif_usaha", FieldType.INT))


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
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Enterprises"), [SourceType.POINT]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CANDIDATES", self.tr("Candidate sites (points; polygons use their centroid)"),
            [SourceType.VECTOR_ANY]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "SERVICES", self.tr("Existing services (optional)"),
            [SourceType.POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "SERVICE_TYPE_FIELD", self.tr("Service type field"), "jenis", "SERVICES",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "SERVICE_TYPE", self.tr("Service type of the new sites (empty = all services)"),
            "", optional=True))
        self.addParameter(params.metres_parameter(
            "THRESHOLD", self.tr("Coverage threshold (metres)"), 10000.0))
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

        from industri_rumahan_plugin.adapters import gap_io
        from industri_rumahan_plugin.core.coverage import greedy_coverage
        from industri_rumahan_plugin.core.nearest import nearest_geodesic, pairs_within

        source = self.parameterAsSource(parameters, "INPUT", context)
        candidates_src = self.parameterAsSource(parameters, "CANDIDATES", context)
        if source is None or candidates_src is None:
            raise QgsProcessingException(self.tr("Choose the enterprise and candidate layers."))
        threshold = self.parameterAsDouble(parameters, "THRESHOLD", context)
        k = self.parameterAsInt(parameters, "K", context)
        w_women = self.parameterAsDouble(parameters, "WOMEN_WEIGHT", context)
        w_krtp = self.parameterAsDouble(parameters, "KRTP_WEIGHT", context)
        names = source.fields().names()
        fields = [f for f, w in (("jenis_kelamin_pemilik", w_women), ("krtp", w_krtp))
                  if w > 0 and f in names]
        _, lonlat, frame = gap_io.read_lonlat(source, context, feedback, fields, (0.0, 30.0))
        weight = np.ones(len(lonlat))
        if "jenis_kelamin_pemilik" in fields:
            weight += w_women * (frame["jenis_kelamin_pemilik"] == "P").to_numpy(float)
        if "krtp" in fields:
            weight += w_krtp * frame["krtp"].map(lambda v: v is True or v == 1).to_numpy(float)
        covered = np.zeros(len(lonlat), bool)
        services_src = self.parameterAsSource(parameters, "SERVICES", context)
        if services_src is not None:
            type_field = self.parameterAsString(parameters, "SERVICE_TYPE_FIELD", context)
            jenis = self.parameterAsString(parameters, "SERVICE_TYPE", context).strip()
            services = gap_io.read_services(services_src, context, feedback, type_field)
            members = services.of_type(jenis) if jenis else np.arange(len(services.jenis))
            found = nearest_geodesic(lonlat, services.lonlat[members], threshold)
            covered = np.isfinite(found.distance)
            feedback.pushInfo(self.tr("{n} enterprises are already within reach.")
                              .format(n=int(covered.sum())))
        check_cancel(feedback)
        cfids, cand_ll, _ = gap_io.read_lonlat(candidates_src, context, None)
        pairs = pairs_within(lonlat, cand_ll, threshold)
        chosen = greedy_coverage(
            pairs, weight, k, covered,
            progress=lambda f: feedback.setProgress(50 + 40 * f) or feedback.isCanceled())
        check_cancel(feedback)
        out_fields = QgsFields(candidates_src.fields())
        for name, kind in RESULT_FIELDS:
            if out_fields.indexOf(name) < 0:
                out_fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, out_fields,
                                          candidates_src.wkbType(), candidates_src.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        wanted = [int(cfids[c]) for c in chosen["candidate"]]
        features = {f.id(): f for f in candidates_src.getFeatures(
            QgsFeatureRequest().setFilterFids(wanted))}
        n_base = len(candidates_src.fields())
        for row, fid in zip(chosen.itertuples(index=False), wanted):
            feature = QgsFeature(out_fields)
            attrs = features[fid].attributes()[:n_base]
            values = {"urutan": int(row.urutan), "tambah_usaha": int(row.tambah_usaha),
                      "tambah_bobot": float(row.tambah_bobot),
                      "kumulatif_usaha": int(row.kumulatif_usaha)}
            attrs += [None] * (len(out_fields) - n_base)
            for name, value in values.items():
                attrs[out_fields.indexOf(name)] = value
            feature.setAttributes(attrs)
            feature.setGeometry(features[fid].geometry())
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(self.tr("{k} sites cover {n} more enterprises.").format(
            k=len(chosen), n=int(chosen["kumulatif_usaha"].max()) if len(chosen) else 0))
        return {"OUTPUT": dest}
