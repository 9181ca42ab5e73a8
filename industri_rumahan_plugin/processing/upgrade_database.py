"""``industrirumahan:upgradedatabase``: a version-1 plugin GeoPackage -> the current schema."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
)

from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm


class UpgradeDatabase(IndustriRumahanAlgorithm):
    ALG_ID = "upgradedatabase"
    GROUP = "data"
    TITLE = "Upgrade enterprise database"
    REQUIRES = ("numpy", "pandas", "shapely")  # shapely: core.progression -> core.density
    HELP = {
        "id": (
            "Meningkatkan GeoPackage plugin versi skema 1 atau 2 ke versi terbaru di tempat: "
            "salinan cadangan dibuat dulu di sebelahnya (<nama>.v1-backup-TANGGAL-JAM.gpkg); "
            "dari versi 1, tabel riwayat_tahap dan partisipasi_program dibuat dan diisi dari "
            "isian tahap, pelatihan dan bantuan setiap usaha (sumber 'impor'); dari versi 1 "
            "atau 2, isian foto, kontak usaha dan persetujuan publikasi ditambahkan, kosong "
            "(belum ada yang setuju); semuanya dalam satu transaksi. Sesudahnya setiap rekaman "
            "dibandingkan: bila ada yang berbeda, semua dibatalkan dan berkas tidak berubah. "
            "Berkas bukan milik plugin atau dari versi lebih baru ditolak. Uji coba hanya "
            "melaporkan apa yang akan dilakukan."
        ),
        "en": (
            "Upgrades a plugin GeoPackage of schema version 1 or 2 to the current version in "
            "place: a backup copy is written beside it first (<name>.v1-backup-DATE-TIME.gpkg); "
            "from version 1, the riwayat_tahap and partisipasi_program tables are created and "
            "filled from each enterprise's stage, training and aid fields (source 'impor'); "
            "from version 1 or 2, the photo, business contact and publication consent fields "
            "are added, empty (nobody has consented yet); all in one transaction. Every record "
            "is then compared: if anything differs, everything is rolled back and the file is "
            "unchanged. Files that are not the plugin's or are of a newer version are refused. "
            "A dry run only reports what would be done."
        ),
    }
    INPUT = "INPUT"
    DRY_RUN = "DRY_RUN"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Plugin GeoPackage"), fileFilter="GeoPackage (*.gpkg)"))
        self.addParameter(params.dry_run(self.DRY_RUN))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("Status")))
        self.addOutput(QgsProcessingOutputString("BACKUP", self.tr("Backup copy")))
        self.addOutput(QgsProcessingOutputNumber("HISTORY_ROWS", self.tr("Stage history rows")))
        self.addOutput(QgsProcessingOutputNumber("PARTICIPATION_ROWS",
                                                 self.tr("Programme participation rows")))
        self.addOutput(QgsProcessingOutputNumber("RECORDS_COMPARED",
                                                 self.tr("Records compared")))
        self.addOutput(QgsProcessingOutputString("REPORT", self.tr("Report")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        from industri_rumahan_plugin.adapters.gpkg_upgrade import UpgradeError, upgrade_database

        path = self.parameterAsFile(parameters, self.INPUT, context)
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)

        def progress(pct: float, text: str) -> None:
            feedback.setProgress(pct)
            if text:
                feedback.pushInfo(text)

        try:
            report = upgrade_database(path, dry_run=dry_run, progress=progress)
        except UpgradeError as error:
            raise QgsProcessingException(str(error)) from error
        lines = report.lines()
        for line in lines:
            feedback.pushInfo(line)
        return {
            "OUTPUT": str(report.path), "STATUS": report.status,
            "BACKUP": str(report.backup) if report.backup else "",
            "HISTORY_ROWS": report.history_rows,
            "PARTICIPATION_ROWS": report.participation_rows,
            "RECORDS_COMPARED": sum(report.records_compared.values()),
            "REPORT": "\n".join(lines),
        }
