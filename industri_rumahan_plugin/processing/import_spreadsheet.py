"""``industrirumahan:importspreadsheet``: enterprises from an office's XLSX/CSV file."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from industri_rumahan_plugin.adapters import output_guard
from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.core.importing import headers
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel
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
            "Jenis Usaha, Lat/Long...) dikenali otomatis; pemetaan kolom (JSON judul -> field) "
            "mengubahnya. Koordinat dengan koma, DMS atau tertukar diperbaiki; tanpa koordinat, "
            "titik tengah desa dipakai (ditandai perkiraan). Nilai disesuaikan dengan katalog "
            "(\"IR 1\" = Pemula). Baris ganda (NIK, atau nama + desa) tidak diimpor. Baris yang "
            "cocok dengan usaha yang sudah ada (ID unik, atau NIK, atau nama + desa) memperbarui "
            "usaha itu: nilai yang terisi dan berbeda diganti (sel kosong tidak menghapus; "
            "lokasi tetap), dan perubahan tahap dicatat di riwayat tahap dengan tanggal survei "
            "(kolom tanggal survei, atau tanggal survei yang diisi, atau hari ini; sumber "
            "\"impor\"). "
            "Mengimpor berkas yang sama dua kali tidak mengubah apa pun. Semua perubahan "
            "ditulis bersama: gagal berarti tidak ada yang tertulis. Laporan (baris, kolom, "
            "masalah, dan setiap perubahan: usaha, field, lama → baru) ditulis ke berkas laporan. "
            "Uji "
            "coba: tidak menulis apa pun, laporan tetap mendaftar semua perubahan."
        ),
        "en": (
            "Imports enterprises from an XLSX or CSV file as offices keep them. Common headers "
            "(Nama Usaha, Nama Pemilik, NIK, Alamat, Desa/Kelurahan, Kecamatan, Jenis Usaha, "
            "Lat/Long...) are matched automatically; a column mapping (JSON header -> field) "
            "overrides. "
            "Comma decimals, DMS and swapped coordinates are fixed; without coordinates the "
            "village centroid is used (flagged approximate). Values are normalised to the "
            "catalogues (\"IR 1\" = Pemula). Duplicates in the file (NIK, or name + village) are "
            "not imported. A row that matches an enterprise already in the layer (unique ID, "
            "else NIK, else name + village) updates it: filled-in values that differ replace "
            "the stored ones (an empty cell blanks nothing; the location is kept), and a "
            "changed stage is recorded in the stage history with the survey date (a survey-date "
            "column, else the survey date given, else today; source \"impor\"). Importing the "
            "same file "
            "twice changes nothing. Everything is written together: on failure nothing is "
            "written. The report (row, column, problem, and every change: enterprise, field, "
            "old → new) goes to the report file. A dry run writes nothing and still lists every "
            "change."
        ),
    }
    INPUT = "INPUT"
    SHEET = "SHEET"
    TARGET = "TARGET"
    MAPPING = "MAPPING"
    VILLAGES = "VILLAGES"
    DRY_RUN = "DRY_RUN"
    SURVEY_DATE = "SURVEY_DATE"
    REPORT = "REPORT"
    WRITES_INTO = (TARGET,)

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
        self.addParameter(QgsProcessingParameterString(
            self.SURVEY_DATE, self.tr("Survey date (YYYY-MM-DD or DD/MM/YYYY; empty: today; a "
                                      "survey-date column of the sheet wins)"), optional=True))
        self.addParameter(params.dry_run(self.DRY_RUN))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("Validation report"),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"), optional=True, createByDefault=True))
        for name, title in (("IMPORTED", "Rows imported"), ("SKIPPED", "Rows already present"),
                            ("REJECTED", "Rows not imported"), ("APPROXIMATE",
                                                                "Rows at a village centroid")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(title)))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", self.tr("Enterprises updated")))
        self.addOutput(QgsProcessingOutputNumber("STAGES_RECORDED",
                                                 self.tr("Stage-history rows recorded")))
        self.addOutput(QgsProcessingOutputNumber(
            "CHANGES", self.tr("Field changes and stage-history rows listed in the report")))
        # what the rows would do: the same figures in a dry run and in a real import
        self.addOutput(QgsProcessingOutputNumber("WOULD_IMPORT", self.tr("Rows to import")))
        self.addOutput(QgsProcessingOutputNumber("WOULD_UPDATE",
                                                 self.tr("Enterprises to update")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        from industri_rumahan_plugin.adapters import xlsx
        from industri_rumahan_plugin.core.importing import tables

        path = Path(self.parameterAsFile(parameters, self.INPUT, context))
        target = self.parameterAsVectorLayer(parameters, self.TARGET, context)
        self.require(target is not None and target.isValid(), self.TARGET,
                     self.tr("The target layer is invalid."))
        role = schema.layer_role(target.fields().names(),
                                 QgsWkbTypes.displayString(target.wkbType()))
        self.require(role == "enterprises", self.TARGET, self.tr(
            "{layer} is not an enterprise layer of the plugin (fields uid, nama_usaha, sektor, "
            "tahap... are missing).").format(layer=target.name()))
        self.require(not target.isEditable(), self.TARGET, self.tr(
            "{layer} is being edited: save or discard its edits first.").format(
                layer=target.name()))
        self._mapping(parameters, context)  # refused before reading, not after
        self._survey_date(parameters, context)
        sheet = self.parameterAsString(parameters, self.SHEET, context)
        try:
            frame, _ = xlsx.read_table(path, sheet or None)
        except tables.TableError as error:
            from industri_rumahan_plugin.adapters import spreadsheet_errors

            raise self.input_error(self.INPUT, self.tr("cannot be read: {error}").format(
                error=spreadsheet_errors.message(error, path.name, path.suffix))) from error
        feedback.pushInfo(self.tr("{n} rows read from {file}").format(n=len(frame),
                                                                     file=path.name))
        feedback.setProgress(10)
        # one import into a database at a time: the duplicate check and the write together
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)
        database = None if dry_run else output_guard.layer_file(target)
        with output_guard.database_lock(database, feedback):
            return self._import(parameters, context, feedback, path, target, frame)

    def _import(self, parameters, context, feedback, path, target, frame) -> dict:
        """Plan against the enterprises stored now, then write (under the database lock)."""
        from industri_rumahan_plugin.adapters import (
            history_recorder,
            import_updates,
            spreadsheet_io,
        )
        from industri_rumahan_plugin.core.importing import pipeline, updates

        mapping = self._mapping(parameters, context)
        default_date = self._survey_date(parameters, context)
        villages_layer = self.parameterAsVectorLayer(parameters, self.VILLAGES, context)
        village_table = spreadsheet_io.village_table(villages_layer, target)
        existing = import_updates.existing_enterprises(target)
        history_table = history_recorder.history_table(target)
        history = import_updates.stored_history(history_table)
        if history_table is None:
            feedback.pushInfo(self.tr("The database has no stage-history table (schema version "
                                      "1): stage changes are not recorded."))
        check_cancel(feedback)
        feedback.setProgress(30)
        result = pipeline.prepare_import(frame, mapping, village_table, existing, None,
                                         lang=language())
        self._server_export(frame, result, target, feedback)
        for header, field_name in result.mapping.items():
            feedback.pushInfo(f"  {header} -> {field_name}")
        dates = updates.survey_dates(result.survey_date, default_date, result.records.index)
        plan = updates.plan_updates(result, existing, dates, history)
        updated = plan.updated_rows()
        result.report = self._with_changes(result.report, plan)
        feedback.setProgress(60)
        check_cancel(feedback)

        outputs = self._write_report(parameters, context, result, feedback)
        counts = result.counts()
        outputs.update({"IMPORTED": 0, "SKIPPED": counts["exists"] - len(updated),
                        "REJECTED": counts["error"], "UPDATED": 0, "STAGES_RECORDED": 0,
                        "CHANGES": len(plan.changes) + len(plan.history),
                        "APPROXIMATE": int(result.approximate[result.status == "ok"].sum()),
                        "WOULD_IMPORT": counts["ok"], "WOULD_UPDATE": len(updated)})
        self._log_changes(plan, feedback)
        if self.parameterAsBoolean(parameters, self.DRY_RUN, context):
            feedback.pushInfo(self.tr(
                "Dry run: {ok} rows would be imported, {upd} enterprises updated ({n} field "
                "changes, {st} stage-history rows), {skip} are already present unchanged, "
                "{bad} have errors. Nothing was written.").format(
                ok=counts["ok"], upd=len(updated), n=len(plan.changes), st=len(plan.history),
                skip=outputs["SKIPPED"], bad=counts["error"]))
            return outputs
        user = f"impor: {path.name}"[:60]
        features = spreadsheet_io.build_features(target, result, user)
        check_cancel(feedback)
        error = import_updates.write_import(target, features, plan, history_table, user)
        if error:
            raise self.input_error(self.TARGET, self.tr(
                "nothing was imported: the database refused the rows ({error}).").format(
                    error=error))
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{ok} rows imported, {upd} enterprises updated, {skip} already "
                                  "present unchanged, {bad} not imported (see the report).").format(
            ok=len(features), upd=len(updated), skip=outputs["SKIPPED"], bad=counts["error"]))
        outputs.update({"IMPORTED": len(features), "UPDATED": len(updated),
                        "STAGES_RECORDED": len(plan.history) if history_table else 0})
        return outputs

    def _server_export(self, frame, result, target, feedback) -> None:
        """A KoBoToolbox / ODK Central export: say so; its photo file names point into the
        database's photo folder (where the office puts the downloaded attachments)."""
        from industri_rumahan_plugin.adapters.survey_merge import photo_folder
        from industri_rumahan_plugin.core.importing import presets

        preset = presets.detect(frame.columns)
        if preset is None:
            return
        feedback.pushInfo(self.tr("{server} export recognised: columns matched by the "
                                  "plugin's XLSForm names.").format(server=presets.NAMES[preset]))
        path = target.source().split("|")[0]
        if "foto" in result.records.columns and path.lower().endswith(".gpkg"):
            folder = photo_folder(Path(path))
            result.records["foto"] = presets.photo_paths(result.records["foto"], folder)
            if result.records["foto"].notna().any():
                feedback.pushInfo(self.tr("Photos: put the downloaded attachments into the "
                                          "folder {folder} beside the database.").format(
                                              folder=folder))

    @staticmethod
    def _with_changes(report, plan):
        """The validation report with every planned change; matched rows that change are
        'updated', not 'skipped'."""
        import pandas as pd

        updated = set(plan.updated_rows())
        report = report.copy()
        hit = report["row"].isin(updated) & report["code"].str.startswith("exists_")
        report.loc[hit, "code"] = report.loc[hit, "code"].str.replace("exists_", "update_")
        report.loc[hit, "severity"] = "updated"
        out = pd.concat([report, plan.report()], ignore_index=True)
        return out.sort_values(["row"], kind="stable").reset_index(drop=True)

    def _log_changes(self, plan, feedback) -> None:
        """Every change in the log too (personal values masked, as in the report)."""
        lines = plan.report()
        for row, field_name, detail in zip(lines["row"], lines["field"], lines["detail"]):
            feedback.pushInfo(self.tr("  row {row}: {field}: {detail}").format(
                row=row, field=field_name, detail=detail))

    def _survey_date(self, parameters, context):
        import datetime as dt

        import pandas as pd

        from industri_rumahan_plugin.core.importing import values

        text = self.parameterAsString(parameters, self.SURVEY_DATE, context).strip()
        if not text:
            return dt.date.today()
        parsed, _bad = values.parse_date(pd.Series([text]))
        self.require(pd.notna(parsed[0]), self.SURVEY_DATE, self.tr(
            "The survey date is not a date: {text} (use YYYY-MM-DD or DD/MM/YYYY).").format(
                text=text))
        return parsed[0].date()

    def _mapping(self, parameters, context) -> dict[str, str]:
        text = self.parameterAsString(parameters, self.MAPPING, context).strip()
        if not text:
            return {}
        try:
            mapping = json.loads(text)
        except json.JSONDecodeError as error:
            raise self.input_error(self.MAPPING, self.tr(
                "The column mapping is not valid JSON: {error}").format(error=error)) from error
        self.require(isinstance(mapping, dict), self.MAPPING, self.tr(
            "The column mapping must be a JSON object: {\"header\": \"field\"}."))
        allowed = set(headers.valid_targets())
        unknown = sorted(str(v) for v in mapping.values() if v and v not in allowed)
        self.require(not unknown, self.MAPPING, self.tr(
            "Unknown field(s) in the column mapping: {fields}").format(fields=", ".join(unknown)))
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
