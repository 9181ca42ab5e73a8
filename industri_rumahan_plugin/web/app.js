/* Industri Rumahan web map. Data come from data/*.js (window.IR), written by the QGIS plugin
   (industrirumahan:publishwebmap); every figure and text is computed there. No network
   requests except the optional OpenStreetMap tiles. Texts from the data are inserted with
   textContent only. */
(function () {
  "use strict";
  var IR = window.IR || {};
  var site = IR.site || {};
  var T = {
    id: {
      level: "Wilayah", indicator: "Peta", showSites: "Katalog di peta (perbesar)", basemap: "Peta dasar OSM",
      offline: "Tanpa koneksi: hanya batas wilayah.", tabRegion: "Wilayah", tabCatalogue: "Katalog",
      tabAbout: "Tentang", clickHint: "Klik wilayah di peta untuk melihat angkanya.",
      chartTitle: "Usaha per sektor dan tahap", gapTitle: "Kesenjangan layanan",
      smallNote: "Jumlah 1–2 usaha ditulis \"<3\" dan persentasenya tidak ditampilkan, agar tidak ada usaha yang dapat dikenali.",
      privacy: "Situs ini tidak memuat NIK, nomor telepon pribadi, alamat atau nama pemilik (kecuali dengan persetujuannya). Katalog hanya memuat usaha yang pemiliknya setuju dipublikasikan; lokasinya ditunjukkan pada tingkat desa kecuali pemilik setuju titik tepatnya ditampilkan.",
      madeWith: "Dibuat dengan plugin QGIS Industri Rumahan.", searchPh: "Cari produk atau nama usaha",
      kabupaten: "Kabupaten/kota", kecamatan: "Kecamatan", province: "Semua wilayah",
      allSectors: "Semua sektor", allRegions: "Semua wilayah", allStages: "Semua tahap",
      count: "{n} usaha", noData: "tidak ada data / disembunyikan (<3)",
      gapLayers: "Kesenjangan layanan", source: "Sumber data", date: "Tanggal data",
      published: "Diterbitkan", office: "Instansi", owner: "Pemilik", contact: "Kontak",
      exact: "lokasi tepat", village: "lokasi tingkat desa", district: "lokasi tingkat kecamatan",
      where: "Lihat di peta", defaultTitle: "Peta Industri Rumahan", other: "English", threshold: "Ambang jarak layanan: {km} km"
    },
    en: {
      level: "Regions", indicator: "Map", showSites: "Catalogue on the map (zoom in)", basemap: "OSM basemap",
      offline: "No connection: boundaries only.", tabRegion: "Region", tabCatalogue: "Catalogue",
      tabAbout: "About", clickHint: "Click a region on the map to see its figures.",
      chartTitle: "Enterprises by sector and stage", gapTitle: "Service gap",
      smallNote: "Counts of 1–2 enterprises are shown as \"<3\" and their shares are hidden, so that no enterprise can be singled out.",
      privacy: "This site holds no NIK, personal phone numbers, addresses or owner names (unless the owner agreed). The catalogue lists only enterprises whose owners agreed to publication; they are located at village level unless the owner agreed to the exact point.",
      madeWith: "Made with the QGIS plugin Industri Rumahan.", searchPh: "Search product or business name",
      kabupaten: "Regencies", kecamatan: "Districts", province: "All regions",
      allSectors: "All sectors", allRegions: "All regions", allStages: "All stages",
      count: "{n} enterprises", noData: "no data / hidden (<3)",
      gapLayers: "Service gap", source: "Data source", date: "Date of the data",
      published: "Published", office: "Office", owner: "Owner", contact: "Contact",
      exact: "exact location", village: "village-level location", district: "district-level location",
      where: "Show on map", defaultTitle: "Home industries map", other: "Bahasa Indonesia", threshold: "Service distance threshold: {km} km"
    }
  };
  var lang = "id";
  var levels = ["kabupaten", "kecamatan"].filter(function (k) { return IR[k]; });
  var state = { level: levels[0], indicator: null, selected: null };
  var labels = site.labels || { sektor: {}, tahap: {}, unfilled: {} };
  var catalogue = IR.katalog || [];
  function $(id) { return document.getElementById(id); }
  function t(key) { return T[lang][key] || key; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function label(kind, code) {
    var entry = labels[kind][code];
    return entry ? entry[lang] : (labels.unfilled[lang] || code || "");
  }

  /* ---- map ---- */
  var map = L.map("map", { zoomControl: true, attributionControl: true });
  map.attributionControl.setPrefix('<a href="vendor/leaflet-1.9.4/LICENSE">Leaflet</a>');
  var regionLayer = null;
  var siteLayer = L.layerGroup();
  var SITE_ZOOM = 10;  // catalogue points from this zoom on: the province view shows the map
  function showSites() {
    var on = $("show-sites").checked && map.getZoom() >= SITE_ZOOM;
    if (on && !map.hasLayer(siteLayer)) { siteLayer.addTo(map); }
    if (!on && map.hasLayer(siteLayer)) { map.removeLayer(siteLayer); }
  }
  map.on("zoomend", showSites);
  var basemap = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 19, attribution: "&copy; OpenStreetMap contributors"
  });
  var tilesLoaded = 0, tileErrors = 0;
  basemap.on("tileload", function () { tilesLoaded += 1; $("offline").hidden = true; });
  basemap.on("tileerror", function () {
    tileErrors += 1;
    if (tileErrors > 6 && tilesLoaded === 0) {  // no connection after all: boundaries alone
      map.removeLayer(basemap);
      $("basemap").checked = false;
      $("offline").hidden = false;
    }
  });
  function setBasemap(on) {
    if (on) { basemap.addTo(map); $("offline").hidden = true; }
    else { map.removeLayer(basemap); $("offline").hidden = navigator.onLine; }
  }
  $("basemap").checked = navigator.onLine;
  $("basemap").addEventListener("change", function (e) { setBasemap(e.target.checked); });

  function data() { return IR[state.level]; }
  function classes() {
    var legend = data().legends[state.indicator];
    return legend ? legend[lang] : [];
  }
  function colour(feature) {
    var c = feature.properties.c[state.indicator];
    var list = classes();
    return (c === null || c === undefined || !list[c]) ? site.no_data : list[c].color;
  }
  function style(feature) {
    var selected = state.selected === feature.properties.kode;
    return { className: "ir-region", color: selected ? "#222" : "#7f7f7f",
             weight: selected ? 2.5 : 0.8, fillColor: colour(feature), fillOpacity: 0.78 };
  }
  function drawRegions(fit) {
    if (regionLayer) { map.removeLayer(regionLayer); }
    regionLayer = L.geoJSON(data(), {
      style: style,
      onEachFeature: function (feature, layer) {
        layer.on("click", function () { selectRegion(feature.properties.kode); });
        layer.bindTooltip(feature.properties.nama, { sticky: true, className: "region-tip" });
      }
    }).addTo(map);
    regionLayer.bringToBack();
    if (fit) { map.fitBounds(regionLayer.getBounds(), { padding: [8, 8] }); }
  }
  function fillIndicators() {
    var select = $("indicator");
    var keep = state.indicator;
    clear(select);
    var gapGroup = null;
    data().indicators.forEach(function (item) {
      var option = el("option", item.label[lang]);
      option.value = item.key;
      if (item.style === "gap_share") {
        if (!gapGroup) { gapGroup = el("optgroup"); gapGroup.label = t("gapLayers"); select.appendChild(gapGroup); }
        gapGroup.appendChild(option);
      } else { select.appendChild(option); }
    });
    var keys = data().indicators.map(function (i) { return i.key; });
    state.indicator = keys.indexOf(keep) >= 0 ? keep : keys[0];
    select.value = state.indicator;
  }
  function drawLegend() {
    var box = $("legend");
    clear(box);
    var item = data().indicators.filter(function (i) { return i.key === state.indicator; })[0];
    if (!item) { return; }
    box.appendChild(el("h3", item.label[lang]));
    classes().concat([{ color: site.no_data, label: t("noData") }]).forEach(function (entry) {
      var row = el("div", null, "legend-row");
      var swatch = el("span", null, "swatch");
      swatch.style.background = entry.color;
      row.appendChild(swatch);
      row.appendChild(el("span", entry.label));
      box.appendChild(row);
    });
  }
  function fillLevels() {
    var select = $("level");
    clear(select);
    levels.forEach(function (k) {
      var option = el("option", t(k));
      option.value = k;
      select.appendChild(option);
    });
    select.value = state.level;
  }

  /* ---- region panel ---- */
  function tableRows(table, rows, header) {
    clear(table);
    rows.forEach(function (cells, i) {
      var tr = el("tr");
      cells.forEach(function (cell) { tr.appendChild(el(header && i === 0 ? "th" : "td", cell)); });
      table.appendChild(tr);
    });
  }
  function showPanel(name, panel) {
    $("panel-title").textContent = name;
    var text = panel[lang];
    tableRows($("figures"), text.figures, false);
    Array.prototype.forEach.call($("figures").rows, function (tr, i) {
      tr.setAttribute("data-row", String(i));
    });
    var chart = $("chart");
    tableRows(chart, text.table, true);
    var rows = chart.rows;
    for (var r = 1; r < rows.length; r++) {
      if (r === rows.length - 1) { rows[r].className = "total"; continue; }
      var shades = panel.shades[r - 1] || [];
      for (var c = 1; c < rows[r].cells.length - 1; c++) {
        var s = shades[c - 1] || 0;
        rows[r].cells[c].style.background = s ? "rgba(197, 27, 138, " + s + ")" : "";
        rows[r].cells[c].style.color = s > 0.6 ? "#fff" : "";
      }
    }
    $("gapbox").hidden = !text.gap.length;
    tableRows($("gap"), text.gap, true);
  }
  function selectRegion(kode, quiet) {
    state.selected = kode;
    var feature = data().features.filter(function (f) { return f.properties.kode === kode; })[0];
    if (regionLayer) { regionLayer.setStyle(style); }
    document.querySelector("#panel .hint").hidden = !!feature;
    if (feature) { showPanel(feature.properties.nama, feature.properties.panel); }
    else if (IR.kabupaten && IR.kabupaten.province) { showPanel(t("province"), IR.kabupaten.province); }
    if (!quiet) { showTab("region"); }
  }

  /* ---- catalogue ---- */
  function stageBadge(code) {
    var entry = labels.tahap[code];
    var badge = el("span", entry ? entry.level + " " + entry[lang] : label("tahap", code), "stage");
    badge.style.background = entry ? entry.color : "#999";
    if (code === "pemula") { badge.className += " light"; }
    return badge;
  }
  function matches(record) {
    var q = $("search").value.trim().toLowerCase();
    if (q && (record.nama_usaha + " " + record.produk_utama).toLowerCase().indexOf(q) < 0) { return false; }
    var sector = $("f-sector").value, stage = $("f-stage").value, region = $("f-region").value;
    if (sector && record.sektor !== sector) { return false; }
    if (stage && record.tahap !== stage) { return false; }
    if (region && record.kode_kab !== region && record.kode_kec !== region) { return false; }
    return true;
  }
  function contact(value) {
    // a web address (with or without https://, e.g. wa.me/62...) becomes a link; only http(s)
    if (/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(value)) {
      var a = el("a", value.replace(/^https?:\/\//i, ""));
      a.href = /^https?:\/\//i.test(value) ? value : "https://" + value;
      a.target = "_blank"; a.rel = "noopener";
      return a;
    }
    return el("span", value);
  }
  function card(record, index) {
    var box = el("article", null, "card");
    box.setAttribute("data-index", String(index));
    if (record.foto) {
      var img = el("img");
      img.src = record.foto; img.alt = record.nama_usaha; img.loading = "lazy";
      box.appendChild(img);
    } else {
      var ph = el("div", (record.nama_usaha || "?").charAt(0).toUpperCase(), "ph");
      var stage = labels.tahap[record.tahap];
      ph.style.background = stage ? stage.color : "#999";
      if (record.tahap === "pemula") { ph.style.color = "#222"; }
      box.appendChild(ph);
    }
    var body = el("div");
    body.appendChild(el("h4", record.nama_usaha));
    var meta = el("div", null, "meta");
    meta.appendChild(stageBadge(record.tahap));
    meta.appendChild(el("span", label("sektor", record.sektor)));
    body.appendChild(meta);
    if (record.produk_utama) { body.appendChild(el("div", record.produk_utama, "meta")); }
    var place = [record.desa, record.kecamatan, record.kabupaten].filter(Boolean).join(", ");
    body.appendChild(el("div", place, "meta"));
    if (record.pemilik) { body.appendChild(el("div", t("owner") + ": " + record.pemilik, "meta")); }
    if (record.kontak_usaha) {
      var line = el("div", t("contact") + ": ", "meta");
      line.appendChild(contact(record.kontak_usaha));
      body.appendChild(line);
    }
    if (record.xy) {
      var where = el("button", t("where") + " (" + t(record.lokasi === "tepat" ? "exact" :
        record.lokasi === "desa" ? "village" : "district") + ")", "where");
      where.type = "button";
      where.addEventListener("click", function () {
        map.setView([record.xy[1], record.xy[0]], record.lokasi === "tepat" ? 16 : 13);
      });
      body.appendChild(where);
    }
    box.appendChild(body);
    return box;
  }
  function drawCatalogue() {
    var cards = $("cards");
    clear(cards);
    siteLayer.clearLayers();
    var shown = 0, places = {};
    catalogue.forEach(function (record, index) {
      if (!matches(record)) { return; }
      shown += 1;
      cards.appendChild(card(record, index));
      if (record.xy) {
        var key = record.xy.join(",");
        (places[key] = places[key] || []).push(record);
      }
    });
    $("count").textContent = t("count").replace("{n}", String(shown));
    showSites();
    Object.keys(places).forEach(function (key) {
      var group = places[key], first = group[0];
      var stage = labels.tahap[first.tahap];
      var marker = L.circleMarker([first.xy[1], first.xy[0]], {
        className: "ir-site", radius: Math.min(5 + 1.5 * group.length, 14), weight: 1,
        color: "#fff", fillColor: stage ? stage.color : "#999", fillOpacity: 0.95
      });
      marker.bindTooltip(group.map(function (r) { return r.nama_usaha; }).join(" · "));
      marker.on("click", function () {
        $("search").value = group.length === 1 ? first.nama_usaha : "";
        showTab("catalogue");
        drawCatalogue();
      });
      siteLayer.addLayer(marker);
    });
  }
  function fillFilters() {
    function fill(select, first, entries) {
      var keep = select.value;
      clear(select);
      var all = el("option", first); all.value = ""; select.appendChild(all);
      entries.forEach(function (entry) {
        if (entry.group) { select.appendChild(entry.group); return; }
        var option = el("option", entry.text); option.value = entry.value; select.appendChild(option);
      });
      select.value = keep;
    }
    var sectors = Object.keys(labels.sektor).filter(function (code) {
      return catalogue.some(function (r) { return r.sektor === code; });
    });
    fill($("f-sector"), t("allSectors"), sectors.map(function (c) { return { value: c, text: label("sektor", c) }; }));
    fill($("f-stage"), t("allStages"), Object.keys(labels.tahap).map(function (c) {
      return { value: c, text: labels.tahap[c].level + " " + labels.tahap[c][lang] };
    }));
    var regions = [];
    levels.forEach(function (k) {
      var group = el("optgroup"); group.label = t(k);
      IR[k].features.forEach(function (f) {
        var option = el("option", f.properties.nama); option.value = f.properties.kode;
        group.appendChild(option);
      });
      regions.push({ group: group });
    });
    fill($("f-region"), t("allRegions"), regions);
  }

  /* ---- page ---- */
  function showTab(name) {
    Array.prototype.forEach.call(document.querySelectorAll("#tabs button"), function (b) {
      b.classList.toggle("active", b.getAttribute("data-tab") === name);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".tab"), function (s) {
      s.classList.toggle("active", s.id === "tab-" + name);
    });
  }
  function fillAbout() {
    var dl = $("about");
    clear(dl);
    [["office", site.office], ["source", site.source], ["date", site.date],
     ["published", site.published]].forEach(function (pair) {
      if (!pair[1]) { return; }
      dl.appendChild(el("dt", t(pair[0])));
      dl.appendChild(el("dd", pair[1]));
    });
    dl.appendChild(el("dt", t("gapTitle")));
    dl.appendChild(el("dd", t("threshold").replace("{km}", String(site.threshold_km))));
  }
  function applyLanguage() {
    document.documentElement.lang = lang;
    $("title").textContent = site.title || t("defaultTitle");
    document.title = $("title").textContent + (site.office ? " – " + site.office : "");
    Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (node) {
      node.textContent = t(node.getAttribute("data-t"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-tp]"), function (node) {
      node.placeholder = t(node.getAttribute("data-tp"));
    });
    $("lang").textContent = t("other");
    $("lang").lang = lang === "id" ? "en" : "id";
    fillLevels(); fillIndicators(); drawLegend(); fillFilters(); fillAbout();
    if (regionLayer) { regionLayer.setStyle(style); }
    selectRegion(state.selected, true);
    drawCatalogue();
  }

  $("office").textContent = [site.office, site.source, site.date].filter(Boolean).join(" · ");
  if (site.logo) { $("logo").src = site.logo; $("logo").alt = site.office || ""; $("logo").hidden = false; }
  $("lang").addEventListener("click", function () { lang = lang === "id" ? "en" : "id"; applyLanguage(); });
  $("level").addEventListener("change", function (e) {
    state.level = e.target.value; state.selected = null;
    fillIndicators(); drawLegend(); drawRegions(false); selectRegion(null, true);
  });
  $("indicator").addEventListener("change", function (e) {
    state.indicator = e.target.value; drawLegend(); regionLayer.setStyle(style);
  });
  ["search", "f-sector", "f-region", "f-stage"].forEach(function (id) {
    $(id).addEventListener(id === "search" ? "input" : "change", drawCatalogue);
  });
  $("show-sites").addEventListener("change", drawCatalogue);
  Array.prototype.forEach.call(document.querySelectorAll("#tabs button"), function (b) {
    b.addEventListener("click", function () { showTab(b.getAttribute("data-tab")); });
  });
  if (levels.length) {
    fillIndicators();
    drawRegions(true);
  }
  setBasemap($("basemap").checked);
  applyLanguage();
  window.IRApp = {
    map: map, selectRegion: selectRegion, state: state,
    regionLayer: function () { return regionLayer; }, language: function () { return lang; }
  };
})();
