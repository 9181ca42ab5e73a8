"""Parameters and input reading shared by ``stageprogression`` and
``genderdisaggregatedtables``: enterprises, history, programme register, regions, period.

numpy/pandas (and the adapters on them) are imported inside ``load`` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qgis.core import (
    QgsFeature,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import DateTimeType, SourceType
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

INPUT, HISTORY, PARTICIPATION, REGIONS = "INPUT", "HISTORY", "PARTICIPATION", "REGIONS"
START, END, LEVEL = "START", "END", "LEVEL"
#: LEVEL choices: 0 = read from the region layer (kecamatan when it has ``kab_kode``).
LEVELS = ("", "kabupaten", "kecamatan")


@dataclass
class Inputs:
    enterprises: Any  # pandas DataFrame of history_io.ENTERPRISE_FIELDS present
    history: Any | None  # DataFrame or None
    participation: Any | None
    level: str  # kabupaten / kecamatan
    codes: list[str]  # region codes, in the region layer's order
    names: dict[str, str]  # code -> name
    features: list[QgsFeature]  # region features, same order as codes
    region_source: Any
    start: Any | None  # pandas Timestamp (None: no history, no period given)
    end: Any | None

    def period_text(self) -> str:
        if self.start is None or self.end is None:
            return "semua data"
        return f"{self.start:%Y-%m-%d} s.d. {self.end:%Y-%m-%d}"


def add_parameters(alg: IndustriRumahanAlgorithm, participation_optional: bool = True,
                   history_optional: bool = True) -> None:
    tr = alg.tr
    alg.addParameter(params.enterprises(INPUT))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        HISTORY, tr("Stage history table (riwayat_tahap; empty = found by its fields)"),
        [SourceType.VECTOR], optional=history_optional))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        PARTICIPATION, tr("Programme participation table (partisipasi_program; empty = found "
                          "by its fields)"), [SourceType.VECTOR], optional=participation_optional))
    alg.addParameter(params.regions(REGIONS))
    alg.addParameter(QgsProcessingParameterEnum(
        LEVEL, tr("Region level"), [tr("From the region layer"), tr("Kabupaten/kota"),
                                    tr("Kecamatan")], defaultValue=0))
    alg.addParameter(QgsProcessingParameterDateTime(
        START, tr("Period from (empty = the end of the first survey in the history)"),
        DateTimeType.DATE, optional=True))
    alg.addParameter(QgsProcessingParameterDateTime(
        END, tr("Period to (empty = the last date in the history)"), DateTimeType.DATE,
        optional=True))


def input_layer(alg, parameters: dict, name: str, context):
    """The layer behind a feature-source parameter, also when it is given as "selected
    features only" (a ``QgsProcessingFeatureSourceDefinition``): where its tables are."""
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    value = parameters.get(name)
    if layer is None and isinstance(value, QgsProcessingFeatureSourceDefinition):
        found = QgsProcessingUtils.mapLayerFromString(value.source.staticValue(), context)
        layer = found if isinstance(found, QgsVectorLayer) else None
    return layer


def _table(alg, parameters, name: str, role: str, context, layer):
    from industri_rumahan_plugin.adapters import history_io

    if parameters.get(name) not in (None, ""):
        return alg.required_source(parameters, name, context)
    return history_io.find_table(layer, role, context.project())


def _date(alg, parameters, name: str, context):
    import pandas as pd

    value = alg.parameterAsDateTime(parameters, name, context)
    if parameters.get(name) in (None, "") or value is None or not value.isValid():
        return None
    return pd.Timestamp(value.date().toString("yyyy-MM-dd"))


def load(alg: IndustriRumahanAlgorithm, parameters: dict, context, feedback) -> Inputs:
    """Read every input once (selection, filter and unsaved edits of the layers count)."""
    from industri_rumahan_plugin.adapters import history_io
    from industri_rumahan_plugin.adapters.arrays import read_source
    from industri_rumahan_plugin.adapters.region_list import region_list

    tr = alg.tr
    source = alg.required_source(parameters, INPUT, context)
    layer = input_layer(alg, parameters, INPUT, context)
    region_source = alg.required_source(parameters, REGIONS, context)
    rfields = region_source.fields().names()
    alg.require("kode" in rfields, REGIONS, tr("The region layer has no field kode."))
    level = LEVELS[alg.parameterAsEnum(parameters, LEVEL, context)] or (
        "kecamatan" if "kab_kode" in rfields else "kabupaten")
    region_field = "kode_kecamatan" if level == "kecamatan" else "kode_kabupaten"
    present = source.fields().names()
    for needed in ("uid", region_field):
        alg.require(needed in present, INPUT, tr("The enterprise layer has no field {field}.")
                    .format(field=needed))
    fields = [f for f in history_io.ENTERPRISE_FIELDS if f in present]
    feedback.setProgressText(tr("Reading enterprises…"))
    arrays = read_source(source, fields, context=context, target_crs=None, feedback=feedback,
                         progress_span=(0, 30), normalise=True)
    check_cancel(feedback)
    enterprises = arrays.attributes
    enterprises["uid"] = enterprises["uid"].astype(str)
    codes, names, features = region_list(region_source)
    history_source = _table(alg, parameters, HISTORY, history_io.HISTORY, context, layer)
    history = history_io.read_history(history_source) if history_source is not None else None
    programme_source = _table(alg, parameters, PARTICIPATION, history_io.PARTICIPATION,
                              context, layer)
    participation = (history_io.read_participation(programme_source)
                     if programme_source is not None else None)
    feedback.setProgress(40)
    start, end = _date(alg, parameters, START, context), _date(alg, parameters, END, context)
    if history is not None and len(history) and (start is None or end is None):
        default = history_io.default_period(history)
        if default is not None:
            start = start if start is not None else default.start
            end = end if end is not None else default.end
    alg.require(start is None or end is None or end >= start, END,
                tr("The period ends before it starts."))
    return Inputs(enterprises, history, participation, level, codes, names, features,
                  region_source, start, end)


def no_history_message() -> str:
    return toolbelt.tr("No stage history table (riwayat_tahap) was given or found next to the "
                       "enterprise layer.")
