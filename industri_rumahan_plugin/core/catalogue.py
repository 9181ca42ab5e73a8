"""Domain catalogue: stages, sectors, market reach, services.

The one place where a stage, sector or service type is defined. Styles, forms, value maps,
lookup tables, demo data and analysis breakdowns are all built from these tuples, so adding a
sector is one entry in ``SECTORS``. Pure Python: no Qt, no QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Label used for a missing category value in every breakdown ("not filled in").
UNFILLED = "tidak_diisi"
UNFILLED_LABELS = {"id": "Tidak diisi", "en": "Not filled in"}


@dataclass(frozen=True)
class Entry:
    """A catalogue entry: a stable code stored in the data and its labels."""

    code: str
    label_id: str
    label_en: str

    def label(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" else self.label_id


@dataclass(frozen=True)
class Stage(Entry):
    """A development stage of an industri rumahan (Permen PPPA 2/2016: IR 1, IR 2, IR 3)."""

    order: int
    level: str
    color: str


@dataclass(frozen=True)
class Sector(Entry):
    """A sector with its KBLI 2020 division and the marker group used by styles."""

    kbli: str
    group: str
    color: str


@dataclass(frozen=True)
class ServiceType(Entry):
    """A service an enterprise may need to reach (training, market, credit, permit...)."""

    color: str


# Ordered, colour-blind-safe (viridis end points and middle).
STAGES: tuple[Stage, ...] = (
    Stage("pemula", "Pemula", "Beginner", 1, "IR 1", "#fde725"),
    Stage("berkembang", "Berkembang", "Developing", 2, "IR 2", "#21918c"),
    Stage("maju", "Maju", "Advanced", 3, "IR 3", "#440154"),
)

# KBLI divisions: the mapping for crafts is an inference documented in shared notes
# (food 10, beverages 11, textiles 13, apparel 14, wood/woven 16, metal 25, other 32).
SECTORS: tuple[Sector, ...] = (
    Sector("makanan", "Makanan", "Food", "10", "pangan", "#e69f00"),
    Sector("minuman", "Minuman", "Beverages", "11", "pangan", "#56b4e9"),
    Sector("tenun_cual", "Tenun cual", "Cual weaving", "13", "tekstil", "#cc79a7"),
    Sector("batik", "Batik", "Batik", "13", "tekstil", "#882255"),
    Sector("rajutan", "Rajutan", "Knitting", "13", "tekstil", "#aa4499"),
    Sector(
        "anyaman",
        "Anyaman & kopiah resam",
        "Woven crafts (bamboo, rattan, resam, pandan)",
        "16",
        "anyaman",
        "#009e73",
    ),
    Sector("pewter", "Pewter & logam", "Pewter & metalwork", "25", "logam", "#7f7f7f"),
    Sector(
        "batu_satam", "Batu satam & perhiasan", "Satam stone & jewellery", "32", "perhiasan",
        "#332288",
    ),
    Sector("konveksi", "Pakaian & konveksi", "Clothing & garments", "14", "tekstil", "#d55e00"),
    Sector("aksesoris", "Aksesoris", "Accessories", "32", "perhiasan", "#ddcc77"),
    Sector("kerajinan_kayu", "Kerajinan kayu", "Woodcraft", "16", "kayu", "#8c510a"),
    Sector("lainnya", "Lainnya", "Other", "32", "lainnya", "#bbbbbb"),
)

MARKET_REACH: tuple[Entry, ...] = (
    Entry("lokal", "Lokal (kecamatan/kabupaten)", "Local"),
    Entry("antar_kabupaten", "Antar-kabupaten", "Between regencies"),
    Entry("nasional", "Nasional", "National"),
    Entry("ekspor", "Ekspor", "Export"),
)

SEX: tuple[Entry, ...] = (
    Entry("P", "Perempuan", "Woman"),
    Entry("L", "Laki-laki", "Man"),
)

GUIDANCE_STATUS: tuple[Entry, ...] = (
    Entry("belum", "Belum dibina", "Not yet assisted"),
    Entry("dibina", "Sedang dibina", "Being assisted"),
    Entry("mandiri", "Mandiri (selesai dibina)", "Graduated"),
)

SERVICE_TYPES: tuple[ServiceType, ...] = (
    ServiceType("pelatihan", "Pelatihan / BLK", "Training centre", "#1b9e77"),
    ServiceType("pasar", "Pasar", "Market", "#d95f02"),
    ServiceType("galeri_dekranasda", "Galeri Dekranasda", "Dekranasda craft gallery", "#7570b3"),
    ServiceType("bank_kur", "Bank / KUR", "Bank (KUR credit)", "#e7298a"),
    ServiceType("plut_kumkm", "PLUT-KUMKM", "PLUT-KUMKM business centre", "#66a61e"),
    ServiceType("pendamping_halal", "Pendamping halal", "Halal certification assistant", "#e6ab02"),
    ServiceType("dinkes_pirt", "Dinas Kesehatan (SPP-IRT)", "Health office (SPP-IRT permit)",
                "#a6761d"),
    ServiceType("pos_logistik", "Pos / logistik", "Post & logistics", "#666666"),
)

PERMITS: tuple[Entry, ...] = (
    Entry("izin_pirt", "SPP-IRT (PIRT)", "Home food permit (SPP-IRT)"),
    Entry("izin_nib", "NIB", "Business ID (NIB)"),
    Entry("izin_halal", "Sertifikat halal", "Halal certificate"),
    Entry("izin_bpom", "Izin edar BPOM", "BPOM registration"),
)

# Programmes an enterprise can take part in (issue 14). Extendable: add an entry; codes are
# stored in ``partisipasi_program.program`` and never change once used.
PROGRAMMES: tuple[Entry, ...] = (
    Entry("p2wkss", "P2WKSS (Peningkatan Peranan Wanita menuju Keluarga Sehat dan Sejahtera)",
          "P2WKSS (women's role for healthy, prosperous families)"),
    Entry("prima", "PRIMA (Perempuan Indonesia Maju Mandiri)",
          "PRIMA (advanced, self-reliant Indonesian women)"),
    Entry("drppa", "DRPPA (Desa Ramah Perempuan dan Peduli Anak)",
          "DRPPA (women- and child-friendly village)"),
    Entry("ir_kemenpppa", "Program Industri Rumahan KemenPPPA",
          "KemenPPPA home-industry programme"),
    Entry("dekranasda", "Dekranasda", "Dekranasda (regional crafts council)"),
    Entry("program_daerah", "Program daerah (kabupaten/kota)", "Regency's own programme"),
    Entry("lainnya", "Lainnya", "Other"),
)

# Kinds of participation: the five services of the planned revision of Permen PPPA 2/2016
# (training, facilities/aid, equipment grants, mentoring, marketing).
PARTICIPATION_KINDS: tuple[Entry, ...] = (
    Entry("pelatihan", "Pelatihan", "Training"),
    Entry("bantuan", "Bantuan", "Aid"),
    Entry("hibah_peralatan", "Hibah peralatan", "Equipment grant"),
    Entry("pendampingan", "Pendampingan", "Mentoring"),
    Entry("pemasaran", "Pameran / kegiatan pemasaran", "Marketing event"),
)

# Where a stage-history row came from.
HISTORY_SOURCES: tuple[Entry, ...] = (
    Entry("survei", "Survei / pendataan", "Survey"),
    Entry("impor", "Impor spreadsheet", "Spreadsheet import"),
    Entry("edit", "Edit (dock/formulir)", "Edit (dock/form)"),
)

#: The stage-history marker for a closed enterprise: not a stage (not in ``STAGES``), so the
#: enterprise's ``tahap`` stays the last real stage; a later stage row reopens it.
CLOSED = "tutup"
CLOSED_LABELS = {"id": "Tutup / berhenti usaha", "en": "Closed"}
#: Values of ``riwayat_tahap.tahap``: the stages, then the closing marker.
HISTORY_STAGES: tuple[Entry, ...] = (*STAGES, Entry(CLOSED, CLOSED_LABELS["id"],
                                                    CLOSED_LABELS["en"]))

#: Every catalogue a field can draw its values from, by name.
CATALOGUES: dict[str, tuple[Entry, ...]] = {
    "tahap": STAGES,
    "sektor": SECTORS,
    "pemasaran": MARKET_REACH,
    "jenis_kelamin": SEX,
    "status_binaan": GUIDANCE_STATUS,
    "jenis_layanan": SERVICE_TYPES,
    "program": PROGRAMMES,
    "jenis_partisipasi": PARTICIPATION_KINDS,
    "sumber_riwayat": HISTORY_SOURCES,
    "tahap_riwayat": HISTORY_STAGES,
}


def codes(catalogue: tuple[Entry, ...]) -> list[str]:
    """Codes in catalogue order (stages come out in development order)."""
    return [entry.code for entry in catalogue]


def by_code(catalogue: tuple[Entry, ...], code: str | None) -> Entry | None:
    """The entry with this code, or ``None`` for an unknown or empty code."""
    for entry in catalogue:
        if entry.code == code:
            return entry
    return None


def label_map(catalogue: tuple[Entry, ...], lang: str = "id") -> dict[str, str]:
    """``{code: label}`` in catalogue order, for value maps and legends."""
    return {entry.code: entry.label(lang) for entry in catalogue}


def unfilled_label(lang: str = "id") -> str:
    return UNFILLED_LABELS["en" if lang == "en" else "id"]
