"""industrirumahan:nearestservice — each enterprise's nearest service of each type."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterFeatureSink

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
        from industri_rumahan_plugin.adapters import gap_io, gpkg_bulk
        from industri_rumahan_plugin.core.nearest import nearest_among

        source = self.required_source(parameters, "INPUT", context)
        services_src = self.required_source(parameters, "SERVICES", context)
        type_field = self.parameterAsString(parameters, "SERVICE_TYPE_FIELD", context)
        self.require(type_field, "SERVICE_TYPE_FIELD", self.tr("Choose a field."))
        max_d = self.parameterAsDouble(parameters, "MAX_DISTANCE", context) or None
        cost = network_params.cost_source(self, parameters, context, feedback)
        services = gap_io.read_services(services_src, context, feedback, type_field, *(
            self.parameterAsString(parameters, name, context)
            for name in ("SERVICE_NAME_FIELD", "SERVICE_ID_FIELD")))
        types = gap_io.chosen_types(services, self.parameterAsString(
            parameters, "SERVICE_TYPES", context))
        input_id = self.parameterAsString(parameters, "INPUT_ID_FIELD", context)
        enterprises = gap_io.read_lonlat_fast(
            self.parameterAsVectorLayer(parameters, "INPUT", context), parameters.get("INPUT"),
            source, context, feedback, [input_id] if cost == params.COST_OD and input_id else [])
        fids, lonlat, _frame = enterprises
        check_cancel(feedback)
        od = network_params.cost_pairs(self, parameters, context, feedback, cost, enterprises,
                                       services, max_d, nearest_only=True)
        feedback.pushInfo(self.tr("{n} enterprises, {m} services; types: {types}").format(
            n=len(fids), m=len(services.jenis), types=", ".join(types) or "-"))
        self.require(not source.featureCount() or gap_io.any_located(lonlat) or od is not None,
                     "INPUT", self.tr("No enterprise has a point geometry."))
        prefix = network_params.column_prefix(self, parameters, context, cost)
        extra, columns = [], []
        for t, jenis in enumerate(types):
            check_cancel(feedback)
            members = services.of_type(jenis)
            if len(members) == 0:
                feedback.reportError(self.tr(
                    "No service of type {jenis}: its columns stay empty.").format(jenis=jenis))
            found = nearest_among(lonlat, services.lonlat, members, od, max_d)
            names, values = gap_io.nearest_columns(services, jenis, found, prefix)
            extra, columns = extra + names, columns + values
            feedback.setProgress(30 + 40 * (t + 1) / max(len(types), 1))
        fields = gap_io.new_fields(source.fields(), extra, self)
        check_cancel(feedback)
        # a GeoPackage input and output: rows copied inside SQLite, not feature by feature
        path = gpkg_bulk.write_output(self, parameters, context, feedback, fids, extra, columns)
        if path is not None:
            return {"OUTPUT": path}
        sink, dest = self.required_sink(parameters, "OUTPUT", context, fields,
                                        source.wkbType(), source.sourceCrs())
        gap_io.write_with_columns(source, sink, fids, columns, feedback)
        check_cancel(feedback)
        return {"OUTPUT": dest}
