"""Benchmark: pure spreadsheet import (read XLSX/CSV, prepare_import) for N office rows.

XLSX is read and written as the plugin does, through GDAL (``adapters.xlsx``); the pandas +
openpyxl reader it replaced is timed beside it for comparison.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from industri_rumahan_plugin.adapters import xlsx
from industri_rumahan_plugin.core.importing import pipeline, tables, villages

REPO = Path(__file__).resolve().parent.parent


def main(n: int = 20000) -> None:
    table = villages.load_village_table(
        REPO / "data" / "boundaries" / "babel_desa_kelurahan_kode_centroid.csv")
    rng = np.random.default_rng(1)
    pick = table.sample(n, replace=True, random_state=1).reset_index(drop=True)
    has_xy = rng.random(n) < 0.6
    frame = pd.DataFrame({
        "Nama Usaha": [f"Usaha {i}" for i in range(n)],
        "Nama Pemilik": [f"Pemilik {i}" for i in range(n)],
        "NIK": [f"19010141{i:08d}" for i in range(n)],
        "Jenis Kelamin": rng.choice(["P", "Perempuan", "L"], n),
        "Desa/Kelurahan": pick["nama"], "Kecamatan": pick["kec_nama"],
        "Jenis Usaha": rng.choice(["Makanan", "kue", "Tenun", "Kerajinan logam", "batik"], n),
        "Tahap": rng.choice(["IR 1", "Pemula", "IR Maju", "berkembang"], n),
        "Lat": np.where(has_xy, pick["lat"].round(5).astype(str).str.replace(".", ","), ""),
        "Long": np.where(has_xy, pick["lon"].round(5).astype(str).str.replace(".", ","), ""),
        "Omzet per bulan": rng.choice(["Rp 1.500.000", "2,5 juta", "750000"], n),
    })
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".csv", ".xlsx"):
            path = Path(tmp) / f"bench{suffix}"
            t0 = time.perf_counter()
            xlsx.write_table(frame, path)
            t1 = time.perf_counter()
            read, _ = xlsx.read_table(path)
            t2 = time.perf_counter()
            result = pipeline.prepare_import(read, None, table, None, None)
            t3 = time.perf_counter()
            print(f"{suffix}: {n} rows written {t1 - t0:.2f} s, read {t2 - t1:.2f} s, "
                  f"prepared {t3 - t2:.2f} s, {result.counts()}")
            if suffix == ".xlsx":
                t0 = time.perf_counter()
                tables.read_table(path)  # pandas + openpyxl, the former reader
                print(f"  (pandas + openpyxl read: {time.perf_counter() - t0:.2f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
