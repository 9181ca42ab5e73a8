"""``industrirumahan:stageprogression``: who moved up a class in a period, per region."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
)

from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.processing import progression_inputs as pi
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


class StageProgression(IndustriRumahanAlgorithm):
    ALG_ID = "stageprogression"
    GROUP = "progression"
    TITLE = "Stage progression (naik kelas) by region"
    REQUIRES = ("numpy", "pandas", "shapely")
    HELP = {
        "id": (
            "Kenaikan kelas dalam satu periode (dari–sampai) per wilayah (kabupaten/kota atau "
            "kecamatan), dari riwayat tahap (riwayat_tahap). Tahap awal = tahap terakhir yang "
            "tercatat pada atau sebelum tanggal awal; tahap akhir = pada atau sebelum tanggal "
            "akhir; beberapa perubahan dalam periode dihitung sekali (awal lawan akhir). Kelas: "
            "naik satu, naik dua, tetap, turun, baru masuk, tutup, tidak aktif. Persentase naik "
            "kelas = (naik satu + naik dua) / usaha yang aktif di awal dan akhir periode. "
            "Periode kosong: dari akhir survei pertama sampai tanggal terakhir di riwayat.<br>"
            "Keluaran: lapisan wilayah (jumlah tiap kelas, persentase naik, menurut jenis "
            "kelamin pemilik dan KRTP) untuk peta tematik, dan tabel panjang (wilayah, "
            "kelompok, nilai kelompok, ukuran, nilai) menurut sektor, jenis kelamin, KRTP dan "
            "keikutsertaan program.<br><b>Perbandingan peserta dan bukan peserta program "
            "bersifat deskriptif, bukan sebab-akibat</b>: usaha yang ikut program dapat "
            "berbeda dari yang lain dalam banyak hal. Tidak ada data pribadi di keluaran."
        ),
        "en": (
            "Class progression in a period (from–to) per region (regency or district), from "
            "the stage history (riwayat_tahap). Start stage = the last stage recorded on or "
            "before the start date; end stage = on or before the end date; several changes in "
            "the period count once (start against end). Classes: up one, up two, stayed, "
            "down, entered, closed, not active. Share moved up = (up one + up two) / "
            "enterprises active at the start and the end. Empty period: from the end of the "
            "first survey to the last date in the history.<br>"
            "Outputs: a region layer (counts of each class, share moved up, by owner's sex "
            "and KRTP) for choropleths, and a long table (region, group type, group value, "
            "measure, value) by sector, sex, KRTP and programme participation.<br><b>The "
            "comparison of programme participants with the others is descriptive, not "
            "causal</b>: enterprises that took part may differ from the others in many ways. "
            "No personal data in the outputs."
        ),
    }
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def initAlgorithm(self, config=None) -> None:
        pi.add_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Regions with stage progression"), SourceType.POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Long table (for spreadsheets)"), SourceType.VECTOR,
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputString("START", self.tr("Period from")))
        self.addOutput(QgsProcessingOutputString("END", self.tr("Period to")))
        self.addOutput(QgsProcessingOutputNumber("NAIK", self.tr("Enterprises moved up")))
        self.addOutput(QgsProcessingOutputNumber("BASIS", self.tr(
            "Enterprises active at the start and the end")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        from industri_rumahan_plugin.core import progression as pg

        inputs = pi.load(self, parameters, context, feedback)
        self.require(inputs.history is not None, pi.HISTORY, pi.no_history_message())
        self.require(inputs.start is not None and inputs.end is not None, pi.HISTORY,
                     self.tr("The stage history has no dated rows."))
        feedback.setProgressText(self.tr("Classifying enterprises…"))
        frame = inputs.enterprises
        history = pg.prepare_history(inputs.history, frame["uid"].to_numpy(object))
        if history.ignored:
            feedback.pushInfo(self.tr(
                "{n} history rows belong to no enterprise read (other or filtered-out "
                "enterprises) or have an unknown stage or no date: left out.").format(
                n=history.ignored))
        result = pg.progression(history, frame, inputs.start, inputs.end, inputs.level,
                                inputs.codes, inputs.participation)
        check_cancel(feedback)
        outside = [c for c in result.regions if c not in inputs.names]
        if outside:
            feedback.pushWarning(self.tr(
                "Enterprises with region codes not in the region layer ({codes}) are counted "
                "in the totals and the long table only.").format(codes=", ".join(outside[:10])))
        total = result.group_table(pg.ALL).iloc[0]
        feedback.pushInfo(self.tr("Period {period}: {up} of {base} enterprises active at both "
                                  "ends moved up a class.").format(
            period=inputs.period_text(), up=int(total["naik"]), base=int(total["basis"])))
        feedback.setProgress(70)
        dest = self._write_regions(parameters, context, inputs, result, feedback)
        results = {self.OUTPUT: dest, "START": f"{inputs.start:%Y-%m-%d}",
                   "END": f"{inputs.end:%Y-%m-%d}", "NAIK": int(total["naik"]),
                   "BASIS": int(total["basis"])}
        if parameters.get(self.OUTPUT_TABLE) is not None:
            results[self.OUTPUT_TABLE] = self._write_long(parameters, context, inputs, result)
        from industri_rumahan_plugin.styles.postprocess import attach_style

        attach_style(context, dest, "accessibility", field="pct_naik")
        feedback.setProgress(100)
        return results

    def _write_regions(self, parameters, context, inputs, result, feedback) -> str:
        from industri_rumahan_plugin.adapters import region_stats
        from industri_rumahan_plugin.core import progression as pg

        table = pg.region_group_table(result).set_index("wilayah")
        stats = table.reindex(inputs.codes).reset_index(drop=True)
        fields, renamed = region_stats.output_fields(inputs.region_source.fields(), stats)
        for name in renamed:
            feedback.pushInfo(self.tr("Region field {field} renamed {new}: the statistic of "
                                      "that name is computed here.").format(
                field=name, new=name + region_stats.RENAMED_SUFFIX))
        sink, dest = self.required_sink(parameters, self.OUTPUT, context, fields,
                                        inputs.region_source.wkbType(),
                                        inputs.region_source.sourceCrs())
        region_stats.write_features(sink, fields, inputs.features, stats, feedback)
        return dest

    def _write_long(self, parameters, context, inputs, result) -> str:
        long = result.long_table()
        long.insert(1, "nama_wilayah", [inputs.names.get(c, c) for c in long["wilayah"]])
        from industri_rumahan_plugin.adapters import region_stats

        return region_stats.write_table_output(self, parameters, self.OUTPUT_TABLE, context,
                                               long)

