"""Report wording in both languages (the report's language is a choice, not the UI's).

Like the catalogue labels, these are data: a report in Indonesian is printed from an English
QGIS and the other way round.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "report": {"id": "Laporan industri rumahan", "en": "Home industry report"},
    "period_all": {"id": "semua data", "en": "all records"},
    "period_upto": {"id": "s.d. {year}", "en": "up to {year}"},
    "period": {"id": "Periode", "en": "Period"},
    "province": {"id": "Provinsi", "en": "Province"},
    "summary_of": {"id": "Ringkasan", "en": "Summary"},
    "legend": {"id": "Legenda", "en": "Legend"},
    "stage_legend": {"id": "Tahap (warna)", "en": "Stage (colour)"},
    "sector_legend": {"id": "Kelompok sektor (simbol)", "en": "Sector group (symbol)"},
    "services": {"id": "Titik layanan", "en": "Service points"},
    "regions": {"id": "Batas wilayah", "en": "Boundaries"},
    "region_own": {"id": "Wilayah laporan", "en": "Reported region"},
    "region_other": {"id": "Wilayah sekitar", "en": "Neighbouring region"},
    "h_wilayah": {"id": "Usaha per wilayah", "en": "Enterprises per region"},
    "h_ringkasan_wilayah": {"id": "Usaha per wilayah", "en": "Enterprises per region"},
    "h_sektor_tahap": {"id": "Usaha per sektor dan tahap", "en": "Enterprises by sector and stage"},
    "h_ringkasan_sektor": {"id": "Sektor × tahap (provinsi)", "en": "Sector × stage (all regions)"},
    "h_grafik": {"id": "Tahap per sektor", "en": "Stage by sector"},
    "h_ringkasan_grafik": {"id": "Tahap per sektor", "en": "Stage by sector"},
    "h_layanan": {"id": "Kesenjangan layanan (usaha di luar jarak ambang)",
                  "en": "Service gap (enterprises beyond the threshold)"},
    "h_ringkasan_layanan": {"id": "Kesenjangan layanan: bagian usaha di luar {km} km (%)",
                            "en": "Service gap: share of enterprises beyond {km} km (%)"},
    "h_angka": {"id": "Angka kunci", "en": "Key figures"},
    "source": {
        "id": "Sumber: basis data industri rumahan {office}; batas wilayah: {boundaries}. "
              "Dicetak {date}. Angka 1–2 ditulis \"<3\" agar tidak ada usaha yang dapat "
              "dikenali; nama pemilik, NIK dan telepon tidak dimuat. Jarak: geodesik.",
        "en": "Source: home industry database of {office}; boundaries: {boundaries}. "
              "Printed {date}. Counts of 1–2 are shown as \"<3\" so no enterprise can be "
              "singled out; owner names, NIK and phone numbers are not included. "
              "Distances: geodesic.",
    },
    "source_full": {
        "id": "Sumber: basis data industri rumahan {office}; batas wilayah: {boundaries}. "
              "Dicetak {date}. Nama pemilik, NIK dan telepon tidak dimuat. Jarak: geodesik.",
        "en": "Source: home industry database of {office}; boundaries: {boundaries}. "
              "Printed {date}. Owner names, NIK and phone numbers are not included. "
              "Distances: geodesic.",
    },
    "h_naik_transisi": {"id": "Perpindahan tahap: awal periode (baris) → akhir periode (kolom)",
                        "en": "Stage moves: start of the period (rows) → end (columns)"},
    "h_naik_grafik": {"id": "Usaha aktif per tahap (31 Desember)",
                      "en": "Active enterprises by stage (31 December)"},
    "h_naik_kelas": {"id": "Kelas perpindahan", "en": "Classes of move"},
    "h_naik_program": {
        "id": "Naik kelas menurut keikutsertaan program (deskriptif, bukan hubungan sebab-akibat)",
        "en": "Moved up by programme participation (descriptive, not cause and effect)"},
    "naik_subtitle": {"id": "Kenaikan kelas", "en": "Class progression"},
    "naik_period": {"id": "Kenaikan kelas {period}", "en": "Class progression {period}"},
    "all": {"id": "Semua", "en": "All"},
    "start": {"id": "Tahap awal", "en": "Start stage"},
    "end": {"id": "Tahap akhir", "en": "End stage"},
    "women": {"id": "Perempuan", "en": "Women"},
    "men": {"id": "Laki-laki", "en": "Men"},
    "class": {"id": "Kelas", "en": "Class"},
    "moved_up_pct": {"id": "Naik kelas (%)", "en": "Moved up (%)"},
    "programme": {"id": "Program / kegiatan", "en": "Programme / activity"},
    "base_took": {"id": "Ikut: usaha aktif", "en": "Took part: active"},
    "up_took": {"id": "Ikut: naik (%)", "en": "Took part: up (%)"},
    "base_other": {"id": "Tidak ikut: usaha aktif", "en": "Others: active"},
    "up_other": {"id": "Tidak ikut: naik (%)", "en": "Others: up (%)"},
    "any_kind": {"id": "Kegiatan apa pun", "en": "Any activity"},
    "no_services": {"id": "Tidak ada lapisan layanan.", "en": "No service layer."},
}


def text(key: str, lang: str = "id", **values: object) -> str:
    entry = TEXTS[key]
    return entry["en" if lang == "en" else "id"].format(**values)
