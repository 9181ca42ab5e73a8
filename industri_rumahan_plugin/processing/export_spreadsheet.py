"""``industrirumahan:exportspreadsheet``: enterprises to XLSX with Indonesian headers."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
)

from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


class ExportSpreadsheet(IndustriRumahanAlgorithm):
    ALG_ID = "exportspreadsheet"
    GROUP = "data"
    TITLE = "Export enterprises to a spreadsheet"
    REQUIRES = ("numpy", "pandas", "shapely")
    HELP = {
        "id": (
            "Menulis industri rumahan ke XLSX (atau CSV) dengan judul kolom berbahasa Indonesia, "
            "label katalog dan koordinat (Lintang, Bujur). NIK disamarkan kecuali dipilih "
            "sebaliknya. Berkas dapat diimpor kembali tanpa menambah data ganda."
        ),
        "en": (
            "Writes enterprises to XLSX (or CSV) with Indonesian headers, catalogue labels and "
            "coordinates (Lintang, Bujur). NIK is masked unless chosen otherwise. The file can "
            "be imported again without adding duplicates."
        ),
    }
    INPUT = "INPUT"
    MASK_NIK = "MASK_NIK"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.enterprises(self.INPUT))
        self.addParameter(QgsProcessingParameterBoolean(
            self.MASK_NIK, self.tr("Mask NIK (show only its region code and last digits)"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Spreadsheet"), self.tr("Excel (*.xlsx);;CSV (*.csv)")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Enterprises written")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        import pandas as pd

        from industri_rumahan_plugin.adapters import xlsx
        from industri_rumahan_plugin.adapters.arrays import read_source
        from industri_rumahan_plugin.core.importing import tables

        source = self.parameterAsSource(parameters, self.INPUT, context)
        self.require(source is not None, self.INPUT, self.tr("The enterprise layer is invalid."))
        names = [n for n in schema.field_names() if source.fields().indexOf(n) >= 0]
        self.require("nama_usaha" in names, self.INPUT, self.tr(
            "The layer has no nama_usaha field: it is not an enterprise layer of the plugin."))
        arrays = read_source(source, names, context=context, feedback=feedback,
                             progress_span=(0, 70))
        check_cancel(feedback)
        xy = arrays.point_xy()
        frame = arrays.attributes
        lon = pd.Series(xy[:, 0], index=frame.index)
        lat = pd.Series(xy[:, 1], index=frame.index)
        # Indonesian headers whatever the interface language: the offices' own format.
        out = tables.export_frame(frame, lon, lat, lang="id",
                                  mask=self.parameterAsBoolean(parameters, self.MASK_NIK, context))
        destination = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(destination).suffix.lower() not in (".xlsx", ".csv"):
            destination = str(Path(destination).with_suffix(".xlsx"))
        xlsx.write_table(out, destination, sheet=self.tr("Enterprises")[:31])
        feedback.setProgress(100)
        return {self.OUTPUT: destination, "COUNT": len(out)}
