"""``industrirumahan:genderdisaggregatedtables``: the standard data terpilah as one XLSX."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.processing import progression_inputs as pi
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


class GenderDisaggregatedTables(IndustriRumahanAlgorithm):
    ALG_ID = "genderdisaggregatedtables"
    GROUP = "reports"
    TITLE = "Sex-disaggregated tables (data terpilah, XLSX)"
    REQUIRES = ("numpy", "pandas", "shapely")
    HELP = {
        "id": (
            "Tabel data terpilah yang diserahkan dinas (Permen PPPA 4/2015; Satu Data Gender "
            "dan Anak): usaha menurut jenis kelamin pemilik × sektor × tahap × wilayah; "
            "pekerja menurut jenis kelamin; KRTP; keikutsertaan program menurut jenis kelamin "
            "pemilik (bila ada tabel partisipasi_program); kenaikan kelas menurut jenis "
            "kelamin pemilik (bila ada riwayat_tahap). Satu XLSX: satu lembar per tabel dan "
            "lembar metadata (konsep, definisi, satuan, sumber, periode, aturan sel kecil), "
            "judul berbahasa Indonesia. Angka 1–2 ditulis \"<3\" (dapat dimatikan untuk "
            "penggunaan internal). Jumlah dihitung dari angka sebenarnya. Tidak ada data "
            "pribadi (NIK, nama, telepon) di keluaran."
        ),
        "en": (
            "The sex-disaggregated tables an office hands in (Permen PPPA 4/2015; Satu Data "
            "Gender dan Anak): enterprises by owner's sex × sector × stage × region; workers "
            "by sex; KRTP; programme participation by owner's sex (when a partisipasi_program "
            "table exists); stage progression by owner's sex (when riwayat_tahap exists). One "
            "XLSX: a sheet per table and a metadata sheet (concept, definition, unit, source, "
            "period, small-count rule), Indonesian headings. Counts of 1–2 are shown as "
            "\"<3\" (can be turned off for internal use). Totals come from the true numbers. "
            "No personal data (NIK, names, phones) in the output."
        ),
    }
    SUPPRESS = "SUPPRESS"
    SOURCE = "SOURCE"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        pi.add_parameters(self)
        self.addParameter(QgsProcessingParameterBoolean(
            self.SUPPRESS, self.tr("Show counts of 1–2 as \"<3\" (privacy)"), True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, self.tr("Data source (metadata sheet)"),
            "Basis data industri rumahan DP3A"))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Workbook"), self.tr("Excel (*.xlsx)")))
        self.addOutput(QgsProcessingOutputNumber("TABLES", self.tr("Tables written")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        from industri_rumahan_plugin.adapters import terpilah_xlsx
        from industri_rumahan_plugin.core import gender_tables as gt
        from industri_rumahan_plugin.core import progression as pg

        inputs = pi.load(self, parameters, context, feedback)
        suppress = self.parameterAsBoolean(parameters, self.SUPPRESS, context)
        frame = inputs.enterprises
        result = None
        if inputs.history is not None and inputs.start is not None and inputs.end is not None:
            history = pg.prepare_history(inputs.history, frame["uid"].to_numpy(object))
            result = pg.progression(history, frame, inputs.start, inputs.end, inputs.level,
                                    inputs.codes, inputs.participation)
        else:
            feedback.pushInfo(self.tr("No stage history: the progression table is left out."))
        if inputs.participation is None:
            feedback.pushInfo(self.tr("No programme participation table: the participation "
                                      "table is left out."))
        check_cancel(feedback)
        years = ((inputs.start.year, inputs.end.year)
                 if inputs.start is not None and inputs.end is not None else None)
        for column in ("sektor", "tahap", "jenis_kelamin_pemilik"):
            if column not in frame:
                frame[column] = None
        tables = gt.standard_tables(frame, inputs.participation, result, inputs.level,
                                    inputs.codes, inputs.names, years, suppress)
        source = self.parameterAsString(parameters, self.SOURCE, context) or "-"
        meta = gt.metadata(inputs.period_text(), source, suppress, list(tables))
        destination = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(destination).suffix.lower() != ".xlsx":
            destination = str(Path(destination).with_suffix(".xlsx"))
        terpilah_xlsx.write_workbook(destination, tables, meta)
        feedback.pushInfo(self.tr("{n} tables written to {path}.").format(
            n=len(tables), path=destination))
        feedback.setProgress(100)
        return {self.OUTPUT: destination, "TABLES": len(tables)}
