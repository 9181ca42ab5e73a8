"""``industrirumahan:importspreadsheet``: enterprises from an office's XLSX/CSV file."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.core.importing import headers
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel, require
from industri_rumahan_plugin.toolbelt import language


class ImportSpreadsheet(IndustriRumahanAlgorithm):
    ALG_ID = "importspreadsheet"
    GROUP = "data"
    TITLE = "Import enterprises from a spreadsheet"
    REQUIRES = ("numpy", "pandas", "shapely")
    HELP = {
        "id": (
            "Mengimpor industri rumahan dari berkas XLSX atau CSV seperti yang disimpan kantor. "
            "Judul kolom umum (Nama Usaha, Nama Pemilik, NIK, Alamat, Desa/Kelurahan, Kecamatan, "
            "Jenis Usaha, Lat/Long...) dikenali otomatis; PEMETAAN (JSON judul -> field) "
            "mengubahnya. Koordinat dengan koma, DMS atau tertukar diperbaiki; tanpa koordinat, "
            "titik tengah desa dipakai (ditandai perkiraan). Nilai disesuaikan dengan katalog "
            "(\"IR 1\" = Pemula). Baris ganda (NIK, atau nama + desa) dan yang sudah ada tidak "
            "diimpor, jadi mengimpor berkas yang sama dua kali tidak menambah apa pun. Semua "
            "baris ditulis dalam satu transaksi: gagal berarti tidak ada yang tertulis. Laporan "
            "validasi (baris, kolom, masalah) ditulis ke LAPORAN. Uji coba: tidak menulis apa pun."
        ),
        "en": (
            "Imports enterprises from an XLSX or CSV file as offices keep them. Common headers "
            "(Nama Usaha, Nama Pemilik, NIK, Alamat, Desa/Kelurahan, Kecamatan, Jenis Usaha, "
            "Lat/Long...) are matched automatically; MAPPING (JSON header -> field) overrides. "
            "Comma decimals, DMS and swapped coordinates are fixed; without coordinates the "
            "village centroid is used (flagged approximate). Values are normalised to the "
            "catalogues (\"IR 1\" = Pemula). Duplicates (NIK, or name + village) and records "
            "already in the layer are not imported, so importing a file twice adds nothing. All "
            "rows are written in one transaction: on failure nothing is written. A validation "
            "report (row, column, problem) goes to REPORT. DRY_RUN writes nothing."
        ),
    }
    INPUT = "INPUT"
    SHEET = "SHEET"
    TARGET = "TARGET"
    MAPPING = "MAPPING"
    VILLAGES = "VILLAGES"
    DRY_RUN = "DRY_RUN"
    REPORT = "REPORT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Spreadsheet (XLSX or CSV)"),
            fileFilter=self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt)")))
        self.addParameter(QgsProcessingParameterString(
            self.SHEET, self.tr("Sheet name (XLSX; empty: the first sheet)"), optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.TARGET, self.tr("Enterprise layer to add to"), [SourceType.POINT]))
        self.addParameter(QgsProcessingParameterString(
            self.MAPPING, self.tr("Column mapping (JSON: header -> field; \"\" ignores a column)"),
            optional=True, multiLine=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.VILLAGES, self.tr("Village boundaries (for villages without coordinates)"),
            [SourceType.POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, self.tr("Dry run (check only, write nothing)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("Validation report"),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"), optional=True, createByDefault=True))
        for name, title in (("IMPORTED", "Rows imported"), ("SKIPPED", "Rows already present"),
                            ("REJECTED", "Rows not imported"), ("APPROXIMATE",
                                                                "Rows at a village centroid")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(title)))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        from industri_rumahan_plugin.adapters import spreadsheet_io, xlsx
        from industri_rumahan_plugin.core.importing import pipeline, tables

        path = Path(self.parameterAsFile(parameters, self.INPUT, context))
        target = self.parameterAsVectorLayer(parameters, self.TARGET, context)
        require(target is not None and target.isValid(), self.tr("The target layer is invalid."))
        role = schema.layer_role(target.fields().names(),
                                 QgsWkbTypes.displayString(target.wkbType()))
        require(role == "enterprises", self.tr(
            "{layer} is not an enterprise layer of the plugin (fields uid, nama_usaha, sektor, "
            "tahap... are missing).").format(layer=target.name()))
        require(not target.isEditable(), self.tr(
            "{layer} is being edited: save or discard its edits first.").format(
                layer=target.name()))
        mapping = self._mapping(parameters, context)
        sheet = self.parameterAsString(parameters, self.SHEET, context)
        try:
            frame, _ = xlsx.read_table(path, sheet or None)
        except tables.TableError as error:
            raise QgsProcessingException(
                self.tr("Cannot read the spreadsheet: {error}").format(error=error)) from error
        feedback.pushInfo(self.tr("{n} rows read from {file}").format(n=len(frame),
                                                                     file=path.name))
        feedback.setProgress(10)
        villages_layer = self.parameterAsVectorLayer(parameters, self.VILLAGES, context)
        village_table = spreadsheet_io.village_table(villages_layer, target)
        existing = spreadsheet_io.existing_records(target)
        check_cancel(feedback)
        feedback.setProgress(30)
        result = pipeline.prepare_import(frame, mapping, village_table, existing, None,
                                         lang=language())
        for header, field_name in result.mapping.items():
            feedback.pushInfo(f"  {header} -> {field_name}")
        feedback.setProgress(60)
        check_cancel(feedback)

        outputs = self._write_report(parameters, context, result, feedback)
        counts = result.counts()
        outputs.update({"IMPORTED": 0, "SKIPPED": counts["exists"], "REJECTED": counts["error"],
                        "APPROXIMATE": int(result.approximate[result.status == "ok"].sum())})
        if self.parameterAsBoolean(parameters, self.DRY_RUN, context):
            feedback.pushInfo(self.tr("Dry run: {ok} rows would be imported, {skip} are already "
                                      "present, {bad} have errors. Nothing was written.").format(
                ok=counts["ok"], skip=counts["exists"], bad=counts["error"]))
            outputs["IMPORTED"] = 0
            return outputs
        features = spreadsheet_io.build_features(target, result, f"impor: {path.name}"[:60])
        check_cancel(feedback)
        error = spreadsheet_io.write_all_or_nothing(target, features)
        if error:
            raise QgsProcessingException(self.tr(
                "Nothing was imported: the database refused the rows ({error}).").format(
                    error=error))
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{ok} rows imported, {skip} already present, {bad} not "
                                  "imported (see the report).").format(
            ok=len(features), skip=counts["exists"], bad=counts["error"]))
        outputs["IMPORTED"] = len(features)
        return outputs

    def _mapping(self, parameters, context) -> dict[str, str]:
        text = self.parameterAsString(parameters, self.MAPPING, context).strip()
        if not text:
            return {}
        try:
            mapping = json.loads(text)
        except json.JSONDecodeError as error:
            raise QgsProcessingException(self.tr(
                "The column mapping is not valid JSON: {error}").format(error=error)) from error
        require(isinstance(mapping, dict), self.tr(
            "The column mapping must be a JSON object: {\"header\": \"field\"}."))
        allowed = set(headers.valid_targets())
        unknown = sorted(str(v) for v in mapping.values() if v and v not in allowed)
        require(not unknown, self.tr("Unknown field(s) in the column mapping: {fields}").format(
            fields=", ".join(unknown)))
        return {str(k): str(v or "") for k, v in mapping.items()}

    def _write_report(self, parameters, context, result, feedback) -> dict:
        from industri_rumahan_plugin.adapters import spreadsheet_io, xlsx

        destination = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if not destination:
            return {self.REPORT: None}
        if Path(destination).suffix.lower() not in (".xlsx", ".csv"):
            destination = str(Path(destination).with_suffix(".xlsx"))
        xlsx.write_table(spreadsheet_io.report_frame(result), destination,
                           sheet=self.tr("Report")[:31])
        feedback.pushInfo(self.tr("Validation report: {path}").format(path=destination))
        return {self.REPORT: destination}
