"""industrirumahan:nearestservice — each enterprise's nearest service of each type."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
)

from industri_rumahan_plugin.compat import FieldType
from industri_rumahan_plugin.processing import network_params, params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


class NearestService(IndustriRumahanAlgorithm):
    ALG_ID = "nearestservice"
    GROUP = "services"
    TITLE = "Nearest service per type"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")
    HELP = {
        "id": (
            "Untuk setiap usaha dan setiap jenis layanan (pelatihan, pasar, bank/KUR, izin...): "
            "layanan terdekat (id, nama) dan jaraknya dalam meter, jarak geodesik di elipsoid "
            "WGS84 apa pun CRS lapisannya. Jarak maksimum (0 = tanpa batas) mengosongkan hasil "
            "usaha yang lebih jauh. Biaya dapat juga diambil dari tabel asal-tujuan (CSV atau "
            "tabel) berisi id usaha, id layanan dan biaya (misalnya waktu tempuh); kolomnya "
            "biaya_&lt;jenis&gt;. Atau dari jaringan jalan (lapisan garis jalan, grafik "
            "analisis jaringan QGIS): jarak jalan terpendek dalam meter "
            "(jarak_jalan_m_&lt;jenis&gt;) atau waktu tempuh tercepat dalam menit "
            "(waktu_menit_&lt;jenis&gt;) dari kolom "
            "kecepatan km/jam dan kecepatan bawaan; usaha yang tidak terhubung ke layanan "
            "dikosongkan. Jarak sama: layanan yang lebih dulu di lapisan dipilih."
        ),
        "en": (
            "For each enterprise and each service type (training, market, bank/KUR, permits...): "
            "the nearest service (id, name) and its distance in metres, geodesic on the WGS84 "
            "ellipsoid whatever the layers' CRSs. A maximum distance (0 = none) leaves farther "
            "enterprises empty. Costs can instead come from an origin-destination table (CSV or "
            "table) with enterprise id, service id and cost (e.g. travel time); the columns are "
            "then biaya_&lt;type&gt;. Or from a road network (a road line layer, QGIS's network "
            "analysis graph): shortest road distance in metres (jarak_jalan_m_&lt;type&gt;) or "
            "fastest travel time in minutes (waktu_menit_&lt;type&gt;) from a km/h speed field "
            "and a default speed; enterprises not connected to a service are left empty. "
            "Ties go to the service listed first."
        ),
    }

    def initAlgorithm(self, config=None):
        params.add_services(self)
        self.addParameter(params.metres_parameter(
            "MAX_DISTANCE", self.tr("Maximum distance or cost (0 = no limit)"), 0.0))
        params.add_od(self)
        network_params.add_network(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Enterprises with nearest services")))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from industri_rumahan_plugin.adapters import gap_io, gpkg_bulk
        from industri_rumahan_plugin.core.nearest import NONE, nearest_from_pairs, nearest_geodesic

        source = self.parameterAsSource(parameters, "INPUT", context)
        services_src = self.parameterAsSource(parameters, "SERVICES", context)
        if source is None or services_src is None:
            raise QgsProcessingException(self.tr("Choose the enterprise and service layers."))
        type_field = self.parameterAsString(parameters, "SERVICE_TYPE_FIELD", context)
        if not type_field:
            raise QgsProcessingException(self.tr("Choose the service type field."))
        name_field = self.parameterAsString(parameters, "SERVICE_NAME_FIELD", context)
        id_field = self.parameterAsString(parameters, "SERVICE_ID_FIELD", context)
        max_d = self.parameterAsDouble(parameters, "MAX_DISTANCE", context)
        max_d = max_d if max_d > 0 else None
        cost = network_params.cost_source(self, parameters, context, feedback)
        use_od = cost == params.COST_OD

        services = gap_io.read_services(services_src, context, feedback, type_field,
                                        name_field, id_field)
        types = gap_io.chosen_types(services, self.parameterAsString(
            parameters, "SERVICE_TYPES", context))
        input_id = self.parameterAsString(parameters, "INPUT_ID_FIELD", context)
        fids, lonlat, frame = gap_io.read_lonlat_fast(
            self.parameterAsVectorLayer(parameters, "INPUT", context), parameters.get("INPUT"),
            source, context, feedback, [input_id] if use_od and input_id else [])
        check_cancel(feedback)
        od = None
        if use_od:
            od = self._od(parameters, context, feedback, frame, input_id, fids, services)
        elif cost == params.COST_NETWORK:
            od = network_params.pairs(self, parameters, context, feedback, lonlat, services,
                                      max_d, nearest_only=True)
        feedback.pushInfo(self.tr("{n} enterprises, {m} services; types: {types}").format(
            n=len(fids), m=len(services.jenis), types=", ".join(types) or "-"))
        if source.featureCount() and np.isnan(lonlat[:, 0]).all() and od is None:
            raise QgsProcessingException(self.tr("No enterprise has a point geometry."))

        prefix = "biaya" if use_od else "jarak_m"
        if cost == params.COST_NETWORK:
            prefix = network_params.column_prefix(self, parameters, context)
        extra, columns = [], []
        for t, jenis in enumerate(types):
            check_cancel(feedback)
            suffix = gap_io.type_suffix(jenis)
            members = services.of_type(jenis)
            if len(members) == 0:
                feedback.reportError(self.tr(
                    "No service of type {jenis}: its columns stay empty.").format(jenis=jenis))
            if od is not None:
                sub = od[np.isin(od["target"], members)]
                found = nearest_from_pairs(sub, len(fids), max_d)
                index = found.index
            else:
                found = nearest_geodesic(lonlat, services.lonlat[members], max_d)
                index = np.full(len(fids), NONE, dtype=np.int64)
                index[found.index != NONE] = members[found.index[found.index != NONE]]
            hit = index != NONE
            ids = np.full(len(fids), None, dtype=object)
            names = np.full(len(fids), None, dtype=object)
            ids[hit] = services.ident[index[hit]]
            names[hit] = services.name[index[hit]]
            extra += [(f"id_layanan_{suffix}", FieldType.STRING),
                      (f"layanan_{suffix}", FieldType.STRING),
                      (f"{prefix}_{suffix}", FieldType.DOUBLE)]
            columns += [np.array([None if v is None else str(v) for v in ids], dtype=object),
                        np.array([None if v is None else str(v) for v in names], dtype=object),
                        found.distance]
            feedback.setProgress(30 + 40 * (t + 1) / max(len(types), 1))
        fields = gap_io.new_fields(source.fields(), extra)
        check_cancel(feedback)
        # a GeoPackage input and output: rows copied inside SQLite, not feature by feature
        path = gpkg_bulk.write_output(self, parameters, context, feedback, fids, extra, columns)
        if path is not None:
            return {"OUTPUT": path}
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        gap_io.write_with_columns(source, sink, fids, columns, feedback)
        check_cancel(feedback)
        return {"OUTPUT": dest}

    def _od(self, parameters, context, feedback, frame, input_id, fids, services):
        from industri_rumahan_plugin.adapters import gap_io

        table = self.parameterAsSource(parameters, "OD_TABLE", context)
        if table is None:
            raise QgsProcessingException(self.tr("Choose the origin-destination table."))
        origin_ids = frame[input_id].to_numpy(object) if input_id else fids
        return gap_io.read_od_table(
            table,
            self.parameterAsString(parameters, "OD_ORIGIN_FIELD", context),
            self.parameterAsString(parameters, "OD_DEST_FIELD", context),
            self.parameterAsString(parameters, "OD_COST_FIELD", context),
            origin_ids, services.ident, feedback)
