"""The published web map in a real browser: Debian's chromium driven by selenium through
chromium-driver, the page opened from disk (file://) with the network off (so the page must
fall back to boundaries alone and may not fetch anything).

No console errors; as many regions drawn as the boundary layers have; a click inside a region
shows densitybyregion's figures for it; the catalogue lists exactly the consented enterprises
and its search narrows it; English switch; no sideways scrolling on a phone. Screenshots go
to docs/web/.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.web_fixtures import enterprises, published_site, yes  # noqa: F401

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
DOCS = Path(__file__).resolve().parents[1] / "docs" / "web"
try:
    import selenium  # noqa: F401

    REASON = ""
except ImportError:
    REASON = "selenium is not installed (requirements-dev.txt, the platform's lock)"
if not (CHROMIUM and DRIVER):
    REASON = ("Debian's chromium and chromium-driver are not installed "
              "(requirements/apt-common.txt; scripts/setup installs them)")
pytestmark = [pytest.mark.skipif(bool(REASON), reason=REASON or "-"),
              pytest.mark.filterwarnings("ignore")]


def _chromium(*arguments: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1280,820", "--lang=id",
                     "--force-device-scale-factor=1", *arguments):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


@pytest.fixture(scope="module")
def browser():
    driver = _chromium()
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, published):
    """The site's start page, freshly loaded; after the test, the console must hold no error."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(1280, 820)
    browser.get((published.site / "index.html").as_uri())
    WebDriverWait(browser, 30).until(
        lambda d: d.execute_script("return !!window.IRApp && "
                                   "document.querySelectorAll('path.ir-region').length > 0"))
    yield browser
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def _count(driver, selector: str) -> int:
    return driver.execute_script(f"return document.querySelectorAll({selector!r}).length")


def _wait(driver, condition, timeout: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _choose(driver, select_id: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, select_id)).select_by_value(value)


def _regions(gpkg, level: str) -> list[dict]:
    """Every region of the boundary layer with densitybyregion's row and a point inside."""
    import shapely
    from osgeo import ogr
    from qgis import processing

    out = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername={level}",
        "CATEGORY_FIELDS": ["sektor", "tahap"], "OUTPUT": "memory:"})["OUTPUT"]
    names = out.fields().names()
    rows = [dict(zip(names, f.attributes())) for f in out.getFeatures()]
    source = ogr.Open(str(gpkg))
    inside = {}
    for feature in source.GetLayerByName(level):
        geometry = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))
        biggest = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)
        inside[feature.GetField("kode")] = (shapely.point_on_surface(biggest), biggest.area)
    for row in rows:
        row["inside"], row["area"] = inside[row["kode"]]
    return rows


def _null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull()) or value != value


def _text(n: float, lang: str = "id") -> str:
    n = round(n)
    return "<3" if 0 < n < 3 else f"{n:,}".replace(",", "." if lang == "id" else ",")


def _click_region(driver, point) -> None:
    """A real mouse click on the map at a point (lon/lat) inside the region."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    x, y = driver.execute_script(
        "var p = IRApp.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
        "return [p.x, p.y];", point.x, point.y)
    box = driver.find_element(By.ID, "map")
    size = box.size
    ActionChains(driver).move_to_element_with_offset(
        box, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()


def test_every_region_is_drawn_at_both_levels(page, published):
    from osgeo import ogr

    source = ogr.Open(str(published.gpkg))
    for level in ("kabupaten", "kecamatan"):
        expected = source.GetLayerByName(level).GetFeatureCount()
        _choose(page, "level", level)
        _wait(page, lambda d, n=expected: _count(d, "path.ir-region") == n)
        assert _count(page, "path.ir-region") == expected > 0
    assert page.execute_script("return navigator.onLine") is False
    assert page.find_element("id", "offline").is_displayed()  # boundaries alone, said so


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan"])
def test_a_click_on_a_region_shows_densitybyregion_figures(page, published, level):
    from selenium.webdriver.common.by import By

    rows = _regions(published.gpkg, level)
    row = max(rows, key=lambda r: r["area"] if r["jml_usaha"] >= 3 else 0)
    _choose(page, "level", level)
    page.find_element(By.ID, "show-sites").click()  # catalogue markers off: the region is hit
    page.execute_script("IRApp.map.fitBounds(IRApp.regionLayer().getBounds(), "
                        "{animate: false});")
    _click_region(page, row["inside"])
    _wait(page, lambda d: d.find_element(By.ID, "panel-title").text == row["nama"])
    cells = [tr.find_elements(By.TAG_NAME, "td")
             for tr in page.find_elements(By.CSS_SELECTOR, "#figures tr")]
    figures = {label.text: value.text for label, value in cells}
    assert figures["Jumlah"] == _text(row["jml_usaha"])
    share = f"{row['pct_perempuan']:.1f}".replace(".", ",")
    assert figures["Milik perempuan"] == f"{_text(row['jml_perempuan'])} ({share}%)"
    if _null(row["per_1000_pddk"]):  # the demo's kecamatan have no population
        assert "Per 1.000 pddk" not in figures
    else:
        assert figures["Per 1.000 pddk"] == f"{row['per_1000_pddk']:.2f}".replace(".", ",")
    total = page.find_elements(By.CSS_SELECTOR, "#chart tr.total td")
    assert total[-1].text == _text(row["jml_usaha"])
    food = [tr for tr in page.find_elements(By.CSS_SELECTOR, "#chart tr")
            if tr.find_elements(By.TAG_NAME, "td") and tr.find_element(By.TAG_NAME, "td").text
            == "Makanan"]
    assert food[0].find_elements(By.TAG_NAME, "td")[-1].text == _text(row["jml_sektor_makanan"])


def test_catalogue_lists_the_consented_enterprises_and_search_narrows_it(page, published):
    from selenium.webdriver.common.by import By

    consented = [r for r in enterprises(published.gpkg) if yes(r["izin_publikasi"])]
    page.find_element(By.CSS_SELECTOR, "#tabs [data-tab=catalogue]").click()
    assert _count(page, "#cards .card") == len(consented)
    shown = page.execute_script(
        "return Array.from(document.querySelectorAll('#cards .card h4'), e => e.textContent)")
    assert sorted(shown) == sorted(r["nama_usaha"] for r in consented)
    word = "kue"
    expected = sum(1 for r in consented
                   if word in f"{r['nama_usaha']} {r['produk_utama'] or ''}".lower())
    page.find_element(By.ID, "search").send_keys(word.upper())
    _wait(page, lambda d: _count(d, "#cards .card") == expected)
    assert 0 < expected < len(consented)
    _choose(page, "f-stage", "maju")
    expected = sum(1 for r in consented if r["tahap"] == "maju" and
                   word in f"{r['nama_usaha']} {r['produk_utama'] or ''}".lower())
    _wait(page, lambda d: _count(d, "#cards .card") == expected)


def test_english_switch(page):
    from selenium.webdriver.common.by import By

    page.find_element(By.ID, "lang").click()
    assert page.find_element(By.CSS_SELECTOR, "#tabs [data-tab=catalogue]").text == "Catalogue"
    assert page.find_element(By.CSS_SELECTOR, "#figures tr td").text == "Total"
    assert page.execute_script("return document.documentElement.lang") == "en"


def test_screenshots_desktop_and_phone(page, published):
    from selenium.webdriver.common.by import By

    rows = _regions(published.gpkg, "kabupaten")
    row = max(rows, key=lambda r: r["area"])
    page.find_element(By.ID, "show-sites").click()  # off, so the click hits the region
    _click_region(page, row["inside"])
    _wait(page, lambda d: d.find_element(By.ID, "panel-title").text == row["nama"])
    page.find_element(By.ID, "show-sites").click()  # and on again for the picture
    DOCS.mkdir(parents=True, exist_ok=True)
    assert page.save_screenshot(str(DOCS / "webmap.png"))
    page.execute_script("IRApp.map.setView([-2.125, 106.12], 13, {animate: false});")
    page.find_element(By.CSS_SELECTOR, "#tabs [data-tab=catalogue]").click()
    assert _count(page, "path.ir-site") > 0  # the catalogue's points, zoomed in
    assert page.save_screenshot(str(DOCS / "webmap-catalogue.png"))
    page.set_window_size(390, 844)  # a phone
    page.find_element(By.CSS_SELECTOR, "#tabs [data-tab=catalogue]").click()
    page.execute_script("window.scrollTo(0, 0)")
    width = page.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], json.dumps(width)  # nothing scrolls sideways
    assert page.save_screenshot(str(DOCS / "webmap-phone.png"))


def test_online_without_reachable_tiles_falls_back_to_boundaries(published):
    """Online as far as the browser knows, but the tile server cannot be reached (a captive
    or filtered network): the basemap is dropped and the boundaries stay; the only errors
    are the failed tile requests."""
    from selenium.webdriver.common.by import By

    driver = _chromium("--host-resolver-rules=MAP tile.openstreetmap.org ~NOTFOUND")
    try:
        driver.get((published.site / "index.html").as_uri())
        assert driver.execute_script("return navigator.onLine") is True
        _wait(driver, lambda d: not d.find_element(By.ID, "basemap").is_selected())
        assert driver.find_element(By.ID, "offline").is_displayed()
        assert _count(driver, "path.ir-region") == 7
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors and all(m.startswith("https://tile.openstreetmap.org/") for m in errors)
    finally:
        driver.quit()
