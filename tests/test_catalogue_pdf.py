"""``industrirumahan:exportcatalogue`` (issue 16, item 2): the printed catalogue holds exactly
the consented enterprises, under their sector headings, and no personal data.

The PDF is read back with ``pdftotext`` (poppler-utils); the expected enterprises are counted
from the GeoPackage with sqlite3, independently of QGIS and of the plugin.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from industri_rumahan_plugin.core import catalogue

ALG = "industrirumahan:exportcatalogue"
SECTOR_LABELS = {s.label_id: s.code for s in catalogue.SECTORS}
MORE = " (lanjutan)"
PHOTO_SECRET = "GPS -1.8761 106.1093 rumah pemilik"


def _rows(gpkg: Path, where: str = "1") -> list[dict]:
    with sqlite3.connect(gpkg) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute(
            "SELECT fid, nama_usaha, sektor, nama_pemilik, nik, telepon, alamat, "
            f"izin_publikasi, izin_nama_pemilik FROM usaha WHERE {where}")]


def _text(pdf: Path) -> str:
    """The PDF's text; NFKC undoes the typographic ligatures (ﬀ, ﬁ) the fonts print, which
    would otherwise hide "Effendi" from a search; zero-width spaces (which keep a printed
    "[%" from being evaluated as an expression) are dropped."""
    done = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True)
    return unicodedata.normalize("NFKC", done.stdout).replace("\u200b", "")


def _run(gpkg_or_layer, out: Path, feedback=None, **extra) -> dict:
    params = {"INPUT": gpkg_or_layer, "OFFICE": "DP3A Uji", "DATE": "2026-11-30",
              "OUTPUT": str(out), **extra}
    return processing.run(ALG, params, feedback=feedback)


def _with_photos(gpkg: Path, folder: Path) -> list[int]:
    """Photos (relative to the database, as QField stores them) for three consenting
    enterprises, and one photo of an unconsented enterprise that must never be printed."""
    from qgis.PyQt.QtGui import QColor, QImage

    (gpkg.parent / "foto").mkdir(exist_ok=True)
    for name, (w, h) in {"a.jpg": (1200, 900), "b.png": (600, 1000), "c.jpg": (300, 300)
                         }.items():
        image = QImage(w, h, QImage.Format.Format_RGB32)
        image.fill(QColor("#c0392b"))
        image.setText("Description", PHOTO_SECRET)  # like a phone's GPS/owner metadata
        assert image.save(str(gpkg.parent / "foto" / name))
        assert PHOTO_SECRET.encode() in (gpkg.parent / "foto" / name).read_bytes()
    consenting = [r["fid"] for r in _rows(gpkg, "izin_publikasi = 1 ORDER BY fid LIMIT 3")]
    other = _rows(gpkg, "coalesce(izin_publikasi, 0) = 0 ORDER BY fid LIMIT 1")[0]["fid"]
    from osgeo import ogr

    ds = ogr.Open(str(gpkg), 1)
    for fid, name in zip([*consenting, other], ["a.jpg", "b.png", "c.jpg", "a.jpg"]):
        ds.ExecuteSQL(f"UPDATE usaha SET foto = 'foto/{name}' WHERE fid = {fid}")
    ds = None
    return consenting


def _pages(text: str) -> list[list[str]]:
    return [[line.strip() for line in page.splitlines() if line.strip()]
            for page in text.split("\f")]


def _count(names: set[str], lines: list[str]) -> Counter:
    """How often each business name is printed (a long name wraps over two lines)."""
    joined = " ".join(lines)
    found: Counter = Counter()
    for name in names:
        n = len(re.findall(rf"(?<!\S){re.escape(name)}(?!\S)", joined))
        if n:
            found[name] = n
    return found


def test_catalogue_holds_exactly_the_consented_under_their_sectors(provider, demo_copy,
                                                                   tmp_path):
    _with_photos(demo_copy, tmp_path)
    out = tmp_path / "katalog.pdf"
    result = _run(f"{demo_copy}|layername=usaha", out)
    consented = _rows(demo_copy, "izin_publikasi = 1")
    assert 0 < len(consented) < len(_rows(demo_copy))
    assert result["COUNT"] == len(consented)
    pages = _pages(_text(out))
    assert result["PAGES"] == len([p for p in pages if p])
    names = {r["nama_usaha"] for r in _rows(demo_copy)}
    sector_of = {}
    for r in consented:
        sector_of.setdefault(r["nama_usaha"], set()).add(r["sektor"])
    printed: Counter = Counter()
    per_sector: Counter = Counter()
    for lines in pages[1:]:  # the cover lists sectors, not enterprises
        if not lines:
            continue
        heading = next(line for line in lines if line.removesuffix(MORE) in SECTOR_LABELS)
        sector = SECTOR_LABELS[heading.removesuffix(MORE)]
        on_page = _count(names, lines)
        assert on_page, lines[:5]
        for name in on_page:
            assert sector in sector_of.get(name, set()), (name, heading)
        printed.update(on_page)
        per_sector[sector] += sum(on_page.values())
    assert printed == Counter(r["nama_usaha"] for r in consented)
    assert per_sector == Counter(r["sektor"] for r in consented)
    cover = pages[0]
    assert "DP3A Uji" in cover and f"{len(consented)} usaha dalam katalog" in cover


def test_no_personal_data_in_the_pdf(provider, demo_copy, tmp_path):
    _with_photos(demo_copy, tmp_path)
    out = tmp_path / "katalog.pdf"
    _run(f"{demo_copy}|layername=usaha", out)
    text = _text(out)
    raw = out.read_bytes()
    meta = subprocess.run(["pdfinfo", "-meta", str(out)], capture_output=True, text=True,
                          check=True).stdout + subprocess.run(
        ["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    rows = _rows(demo_copy)
    named = {r["nama_pemilik"] for r in rows if r["izin_publikasi"] == 1
             and r["izin_nama_pemilik"] == 1}
    secrets = set()
    for r in rows:
        secrets |= {r["nik"], r["telepon"], r["alamat"]}
        if r["nama_pemilik"] not in named:  # an owner's name printed with her consent
            secrets.add(r["nama_pemilik"])
    secrets.discard(None)
    assert len(secrets) > 2 * len(rows)
    found = sorted(s for s in secrets if s in text or s in meta or s.encode() in raw)
    assert found == []
    assert PHOTO_SECRET.encode() not in raw  # photos are re-encoded without their metadata
    # the check can see names: those consented are printed
    assert named and [n for n in named if f"Pemilik: {n}" not in text] == []


def test_unsaved_edits_and_selection_are_honoured(provider, demo_copy, tmp_path):
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer, False)
    fields = layer.fields()
    batik = _rows(demo_copy, "sektor = 'batik' ORDER BY fid")
    yes = [r for r in batik if r["izin_publikasi"] == 1]
    no = [r for r in batik if r["izin_publikasi"] != 1]
    try:
        assert layer.startEditing()
        # unsaved: one consent withdrawn, one given (with a new name), one name changed
        assert layer.changeAttributeValue(yes[0]["fid"], fields.indexOf("izin_publikasi"),
                                          False)
        assert layer.changeAttributeValue(no[0]["fid"], fields.indexOf("izin_publikasi"), True)
        assert layer.changeAttributeValue(no[0]["fid"], fields.indexOf("nama_usaha"),
                                          "Batik Belum Disimpan")
        assert layer.changeAttributeValue(yes[1]["fid"], fields.indexOf("nama_usaha"),
                                          "Batik [% 40 + 2 %]")  # printed, not evaluated
        layer.selectByExpression("\"sektor\" = 'batik'")
        definition = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        out = tmp_path / "batik.pdf"
        result = _run(definition, out)
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())
    expected = Counter(r["nama_usaha"] for r in yes[2:])
    expected.update(["Batik Belum Disimpan", "Batik [% 40 + 2 %]"])
    assert result["COUNT"] == sum(expected.values())
    lines = [line for page in _pages(_text(out))[1:] for line in page]
    known = set(expected) | {r["nama_usaha"] for r in _rows(demo_copy)}
    assert _count(known, lines) == expected
    assert "Batik" in lines and "Makanan" not in lines  # only the selection's sector


class _CancelLater(QgsProcessingFeedback):
    """Cancels once the run reports progress past ``at`` percent (mid-way through pages)."""

    def __init__(self, at: float):
        super().__init__()
        self.progressChanged.connect(lambda value: value > at and self.cancel())


def test_a_cancelled_run_leaves_no_file(provider, demo_copy, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(QgsProcessingException):
        _run(f"{demo_copy}|layername=usaha", folder / "katalog.pdf",
             feedback=_CancelLater(50))
    assert list(folder.iterdir()) == []
    old = folder / "lama.pdf"
    old.write_bytes(b"%PDF-1.4 the previous catalogue")
    with pytest.raises(QgsProcessingException):
        _run(f"{demo_copy}|layername=usaha", old, feedback=_CancelLater(50))
    assert old.read_bytes() == b"%PDF-1.4 the previous catalogue"
    assert sorted(p.name for p in folder.iterdir()) == ["lama.pdf"]


def test_no_consent_gives_a_cover_only(provider, demo_copy, tmp_path):
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    assert layer.setSubsetString("coalesce(\"izin_publikasi\", 0) = 0")
    out = tmp_path / "kosong.pdf"
    result = _run(layer, out)
    assert (result["COUNT"], result["PAGES"]) == (0, 1)
    assert "Belum ada usaha yang pemiliknya setuju dipublikasikan." in _text(out)


def test_english_catalogue_by_region(provider, demo_copy, tmp_path):
    out = tmp_path / "catalogue.pdf"
    result = _run(f"{demo_copy}|layername=usaha", out, LANGUAGE=1, ORDER=1)
    pages = _pages(_text(out))
    assert "Contents" in pages[0] and "Regency/city" in " ".join(pages[0])
    regencies = {r[0] for r in sqlite3.connect(demo_copy).execute(
        "SELECT nama FROM kabupaten")}
    headings = [next(line.removesuffix(" (continued)") for line in page
                     if line.removesuffix(" (continued)") in regencies)
                for page in pages[1:] if page]
    assert set(headings) == regencies
    assert result["PAGES"] == len([p for p in pages if p])


def test_menu_entry_opens_the_dialog_and_unload_removes_it(qgis_iface, provider, monkeypatch,
                                                           qtbot):
    from qgis.gui import QgsBrowserGuiModel
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QAction, QApplication

    from industri_rumahan_plugin import toolbelt
    from industri_rumahan_plugin.plugin import IndustriRumahanPlugin

    browser = QgsBrowserGuiModel()  # pytest-qgis' iface has none; the dialog asks for it
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    plugin = IndustriRumahanPlugin(qgis_iface)
    monkeypatch.setattr(plugin, "initProcessing", lambda: None)  # the session's provider
    plugin.initGui()
    seen = []

    def close_dialog(tries: int = 100):
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if w.isVisible() and hasattr(w, "algorithm")), None)
        if dialog is None:
            if tries:  # the dialog is built on the main thread after the trigger
                QTimer.singleShot(50, lambda: close_dialog(tries - 1))
            return
        seen.append(dialog.algorithm().id())
        dialog.reject()

    try:
        action = qgis_iface.mainWindow().findChild(QAction, "IndustriRumahanCatalogue")
        assert action is not None
        assert action.text() == toolbelt.tr("Export product catalogue (PDF)…")
        QTimer.singleShot(50, close_dialog)
        action.trigger()
        assert seen == [ALG]
    finally:
        plugin.unload()
    qtbot.wait(10)
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert qgis_iface.mainWindow().findChild(QAction, "IndustriRumahanCatalogue") is None


def test_a_subset_filter_is_honoured(provider, demo_copy, tmp_path):
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    assert layer.setSubsetString("\"sektor\" IN ('batik', 'minuman')")
    out = tmp_path / "subset.pdf"
    result = _run(layer, out)
    expected = Counter(r["nama_usaha"] for r in _rows(
        demo_copy, "izin_publikasi = 1 AND sektor IN ('batik', 'minuman')"))
    assert result["COUNT"] == sum(expected.values())
    lines = [line for page in _pages(_text(out))[1:] for line in page]
    assert _count({r["nama_usaha"] for r in _rows(demo_copy)}, lines) == expected
