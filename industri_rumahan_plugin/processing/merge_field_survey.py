"""``industrirumahan:mergefieldsurvey``: a field-survey package back into the office database."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
)

from industri_rumahan_plugin.adapters import output_guard
from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.core import field_survey
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


class MergeFieldSurvey(IndustriRumahanAlgorithm):
    ALG_ID = "mergefieldsurvey"
    GROUP = "data"
    TITLE = "Merge a field survey package (QField)"
    HELP = {
        "id": (
            "Menggabungkan paket survei lapangan (folder, ZIP, atau .gpkg/.qgz di dalamnya) ke "
            "basis data kantor (GeoPackage lapisan usaha kantor). Usaha baru ditambahkan; usaha "
            "yang diubah di lapangan diperbarui menurut ID unik; yang dihapus di lapangan TIDAK "
            "dihapus, hanya dicatat untuk ditinjau. Usaha yang diubah di kantor dan di lapangan "
            "sejak paket dibuat adalah konflik: ATURAN memutuskan (kantor menang, lapangan "
            "menang, simpan keduanya untuk ditinjau) dan versi yang kalah selalu disimpan di "
            "tabel survei_konflik (dibuat bila perlu). Perubahan tahap dicatat di riwayat tahap "
            "dengan tanggal lapangan (sumber \"survei\"). Foto disalin ke folder <basis "
            "data>_foto di samping basis data, jalurnya relatif terhadap basis data. Uji coba "
            "mendaftar setiap perubahan tanpa menulis. Semua atau tidak sama sekali; "
            "menggabungkan paket yang sama dua kali tidak mengubah apa pun. Paket rusak atau "
            "asing ditolak tanpa menulis apa pun."
        ),
        "en": (
            "Merges a field survey package (folder, ZIP, or the .gpkg/.qgz inside it) into the "
            "office database (the GeoPackage of the office enterprise layer). New enterprises are "
            "added; enterprises edited in the field are updated by unique ID; those deleted in "
            "the field are NOT deleted, only listed for review. An enterprise changed both in the "
            "office and in the field since packaging is a conflict: the chosen rule decides "
            "(office wins, field wins, keep both for review) and the losing version is always "
            "kept in the table survei_konflik (created when needed). Stage changes go into the "
            "stage history with the field date (source \"survei\"). Photos are copied into the "
            "folder <database>_foto beside the database, their paths relative to it. A dry run "
            "lists every change and writes nothing. All or nothing; merging the same package "
            "twice changes nothing. A damaged or foreign package is refused and nothing is "
            "written."
        ),
    }

    WRITES_INTO = ("TARGET",)  # an office GeoPackage of the plugin, never a foreign or newer

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            "PACKAGE", self.tr("Field survey package (zip, or the .gpkg in its folder)"),
            fileFilter="ZIP / GeoPackage (*.zip *.gpkg *.qgz);;All files (*)"))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "TARGET", self.tr("Office enterprise layer (GeoPackage)"), [SourceType.POINT]))
        self.addParameter(QgsProcessingParameterEnum(
            "RULE", self.tr("When the office and the field both changed a record"),
            [self.tr("Office wins"), self.tr("Field wins"), self.tr("Keep both for review")],
            defaultValue=2))
        self.addParameter(params.dry_run("DRY_RUN"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "REPORT", self.tr("Change list"), "Text (*.txt)", optional=True,
            createByDefault=False))
        for name, label in (("ADDED", self.tr("Enterprises added")),
                            ("UPDATED", self.tr("Enterprises updated")),
                            ("CONFLICTS", self.tr("Conflicts")),
                            ("DELETED", self.tr("Deletions to review")),
                            ("PHOTOS", self.tr("Photos copied"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString("CHANGES", self.tr("Changes")))
        self.addOutput(QgsProcessingOutputString("WARNINGS", self.tr("Warnings")))

    def processAlgorithm(self, parameters, context, feedback) -> dict:
        from industri_rumahan_plugin.adapters import survey_merge
        from industri_rumahan_plugin.adapters.history_recorder import current_user
        from industri_rumahan_plugin.adapters.survey_open import PackageError, open_package

        layer, database = self._target(parameters, context)
        rule = field_survey.RULES[self.parameterAsEnum(parameters, "RULE", context)]
        dry_run = self.parameterAsBoolean(parameters, "DRY_RUN", context)
        user = current_user()
        try:
            package = open_package(self.parameterAsFile(parameters, "PACKAGE", context))
            # one writer per database (imports and merges): plan and write against one state
            with output_guard.database_lock(None if dry_run else str(database), feedback):
                try:
                    feedback.setProgress(20)
                    report, _office, table, history = survey_merge.prepare_merge(
                        package, database, rule, user)
                    feedback.setProgress(50)
                    if not dry_run and not feedback.isCanceled():
                        survey_merge.apply_merge(report, package, database, table, history,
                                                 user)
                finally:
                    package.close()
        except PackageError as error:
            raise self.input_error("PACKAGE", str(error)) from error
        check_cancel(feedback)
        self._tell(report, package.manifest.get("sumber_basis_data", ""), database, feedback)
        if report.written:
            layer.reload()
            layer.triggerRepaint()
        text = "\n".join(report.lines)
        results = {**self._counts(report), "CHANGES": text,
                   "WARNINGS": "\n".join(report.warnings)}
        destination = self.parameterAsFileOutput(parameters, "REPORT", context)
        if destination:
            Path(destination).write_text(text + "\n", encoding="utf-8")
            results["REPORT"] = destination
        feedback.setProgress(100)
        return results

    def _target(self, parameters, context) -> tuple:
        """The office layer and its GeoPackage, refused unless the merge can write it."""
        from industri_rumahan_plugin.adapters.gateway import has_pending_edits

        layer = self.parameterAsVectorLayer(parameters, "TARGET", context)
        self.require(layer is not None and layer.providerType() == "ogr", "TARGET", self.tr(
            "Choose the enterprise layer of an office GeoPackage."))
        database = Path(layer.source().split("|")[0])
        self.require(database.suffix.lower() == ".gpkg" and database.is_file(), "TARGET",
                     self.tr("Choose the enterprise layer of an office GeoPackage."))
        self.require(not has_pending_edits(layer), "TARGET", self.tr(
            "the layer has unsaved edits: save or discard them first (the merge writes the "
            "file)."))
        return layer, database

    def _tell(self, report, source: str, database: Path, feedback) -> None:
        """The merge's changes and warnings in the log, as the dialog shows them."""
        if source and Path(source).name != database.name:
            feedback.pushWarning(self.tr("The package was made from {source}, not {target}.")
                                 .format(source=source, target=database))
        for warning in report.warnings:
            feedback.pushWarning(warning)
        for line in report.lines:
            feedback.pushInfo(line)
        if report.standing:
            feedback.pushInfo(self.tr("{n} conflicts or deletions of this package were kept "
                                      "for review by an earlier merge (table {table}).").format(
                                          n=report.standing, table=field_survey.CONFLICTS_TABLE))
        if not report.lines:
            feedback.pushInfo(self.tr("Nothing to merge: the database already holds the "
                                      "package's data."))

    @staticmethod
    def _counts(report) -> dict:
        plan = report.plan
        return {"ADDED": len(plan.added), "UPDATED": len(plan.updated),
                "CONFLICTS": len(plan.conflicts),
                "DELETED": len(plan.deleted) + len(plan.deleted_in_office),
                "PHOTOS": len(report.photos)}
