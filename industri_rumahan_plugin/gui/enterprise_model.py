"""A lazy Qt table model of the enterprise layer, fed from one feature request.

The layer is read once (list fields only, no geometry) into a DataFrame; search and filters
are vectorised (core/enterprise_filter.py) and only give the model an index array, and Qt asks
for the cells it paints. No query per row. NIK and phone are masked here.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import numpy as np
import pandas as pd
from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import gateway, gpkg_read
from industri_rumahan_plugin.compat import FeatureRequest
from industri_rumahan_plugin.core import catalogue, enterprise_filter

FID_ROLE = Qt.ItemDataRole.UserRole + 1


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "isNull") and callable(value.isNull) and value.isNull():
        return None
    return value


def _read_file_directly(layer: QgsVectorLayer, names: list[str]) -> tuple | None:
    """One columnar read of an unedited, unfiltered OGR file (GeoPackage): no Python loop.

    ``None`` when the layer has pending edits, a subset filter or is not a plain file, so
    the QGIS request below (which sees the edit buffer) is used instead.
    """
    decision = gateway.decide(layer, providers=("ogr",))
    if not decision.fast:
        return None
    path, table = decision.path, decision.layer_name
    if not path or not table or not str(path).lower().endswith(".gpkg"):
        return None
    try:
        return gpkg_read.read_columns(str(path), table, names)
    except (sqlite3.Error, KeyError, OSError, StopIteration):  # the QGIS request is the reference
        return None


def read_list_frame(layer: QgsVectorLayer) -> tuple[np.ndarray, pd.DataFrame]:
    """Feature ids and list attributes of the whole layer, in one request."""
    names = [n for n in enterprise_filter.LIST_FIELDS if layer.fields().indexOf(n) >= 0]
    direct = _read_file_directly(layer, names)
    if direct is not None:
        return direct
    request = QgsFeatureRequest().setFlags(FeatureRequest.NO_GEOMETRY)
    request.setSubsetOfAttributes(names, layer.fields())
    index = [layer.fields().indexOf(n) for n in names]
    fids: list[int] = []
    rows: list[list[Any]] = []
    for feature in layer.getFeatures(request):
        fids.append(feature.id())
        attrs = feature.attributes()
        rows.append([_plain(attrs[i]) for i in index])
    return np.asarray(fids, dtype=np.int64), pd.DataFrame(rows, columns=names)


class EnterpriseTableModel(QAbstractTableModel):
    """Rows = enterprises matching the current query; columns = a few list fields."""

    COLUMNS = ("nama_usaha", "nama_pemilik", "produk_utama", "nama_desa", "sektor", "tahap",
               "nik", "telepon")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fids = np.empty(0, dtype=np.int64)
        self.frame = enterprise_filter.prepare(pd.DataFrame(columns=list(
            enterprise_filter.LIST_FIELDS)))
        self.visible = np.empty(0, dtype=np.int64)
        self.query = enterprise_filter.Query()
        self._columns: dict[str, np.ndarray] = {}
        self._row_of_fid: dict[int, int] = {}
        self._set_texts()

    def _set_texts(self) -> None:
        self._labels = {
            "sektor": catalogue.label_map(catalogue.SECTORS, toolbelt.language()),
            "tahap": catalogue.label_map(catalogue.STAGES, toolbelt.language()),
        }
        self._headers = {
            "nama_usaha": toolbelt.tr("Business"), "nama_pemilik": toolbelt.tr("Owner"),
            "produk_utama": toolbelt.tr("Product"), "nama_desa": toolbelt.tr("Village"),
            "sektor": toolbelt.tr("Sector"), "tahap": toolbelt.tr("Stage"),
            "nik": toolbelt.tr("NIK"), "telepon": toolbelt.tr("Phone"),
        }

    def retranslate(self) -> None:
        """Headers and sector/stage names in the interface language (it changed)."""
        self._set_texts()  # no model reset: the selection (and the map's) stays
        last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
        if last_row >= 0:
            self.dataChanged.emit(self.index(0, 0), self.index(last_row, last_column))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)

    # --- loading and querying -----------------------------------------------------------
    def load(self, layer: QgsVectorLayer | None, village_names: dict[str, str]) -> None:
        """Read the layer once (or clear the model when there is no layer)."""
        self.beginResetModel()
        if layer is None or not layer.isValid():
            self.fids = np.empty(0, dtype=np.int64)
            frame = pd.DataFrame(columns=list(enterprise_filter.LIST_FIELDS))
        else:
            self.fids, frame = read_list_frame(layer)
        self.frame = enterprise_filter.prepare(frame, village_names)
        self._columns = {c: self.frame[c].to_numpy(dtype=object) if c in self.frame
                         else np.full(len(self.frame), None, dtype=object)
                         for c in self.COLUMNS}
        self._apply_query()
        self.endResetModel()

    def set_query(self, query: enterprise_filter.Query) -> None:
        self.beginResetModel()
        self.query = query
        self._apply_query()
        self.endResetModel()

    def _apply_query(self) -> None:
        mask = enterprise_filter.matches(self.frame, self.query)
        self.visible = np.flatnonzero(mask)
        self._mask = mask
        self._row_of_fid = {}

    def counts(self) -> dict[str, int]:
        return enterprise_filter.counts(self.frame, self._mask)

    def fid_at(self, row: int) -> int:
        return int(self.fids[self.visible[row]])

    def row_of_fid(self, fid: int) -> int:
        """Row showing feature ``fid``, or -1 when it is filtered out (built lazily)."""
        if not self._row_of_fid and len(self.visible):
            self._row_of_fid = {int(f): r for r, f in enumerate(self.fids[self.visible])}
        return self._row_of_fid.get(int(fid), -1)

    # --- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i = self.visible[index.row()]
        name = self.COLUMNS[index.column()]
        if role == FID_ROLE:
            return int(self.fids[i])
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self._columns[name][i]
        if isinstance(value, float) and value != value:
            value = None
        if name == "nik":
            return enterprise_filter.mask_nik(value)
        if name == "telepon":
            return enterprise_filter.mask_phone(value)
        if name in self._labels:
            return self._labels[name].get(value, value or "")
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[self.COLUMNS[section]]
        return None
