"""`skala`: bands of a category scale; importing a scale's name again replaces all its bands."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from dashboard.impor import sel
from dashboard.impor.dataset import umum
from dashboard.impor.siap import Bingkai, Persiapan, ditandai, validasi
from dashboard.impor.tulis import TABEL, Penulis, beda

_WARNA = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def wajib_hilang(b: Bingkai) -> list[str]:
    return [k for k in ("nama", "batas_bawah", "label") if not b.ada(k)]


def siapkan(b: Bingkai) -> dict:
    nama = umum.kolom_teks(b, "nama", maks=200)
    batas = umum.kolom_angka(b, "batas_bawah")
    label = umum.kolom_teks(b, "label", maks=200)
    warna = umum.kolom_teks(b, "warna", maks=50)
    inklusif = umum.kolom_pilihan(b, "inklusif", {k: ("ya" if v else "tidak") for k, v in sel.YA_TIDAK.items()},
                                  "ya atau tidak")
    n = len(b.df)
    t = pd.DataFrame({
        "nama": nama.nilai, "batas_bawah": batas.nilai, "label": label.nilai,
        "warna": warna.nilai if warna else pd.Series([None] * n, dtype=object),
    })
    skema = pa.DataFrameSchema({
        "nama": pa.Column(nullable=False), "batas_bawah": pa.Column(nullable=False), "label": pa.Column(nullable=False),
        "warna": pa.Column(nullable=True, checks=[pa.Check(lambda s: s.map(lambda v: bool(_WARNA.match(str(v)))),
                                                           element_wise=False, error="warna", ignore_na=True)]),
    })
    hasil = [("nama", nama), ("batas_bawah", batas), ("label", label)] + ([("warna", warna)] if warna else [])
    validasi(b, t, skema, sudah=ditandai(*hasil))
    umum.duplikat(b, t[["nama", "batas_bawah"]],
                  lambda r: f"rentang skala '{r[0]}' dengan batas bawah {_angka(r[1])}")
    t["inklusif"] = [v != "tidak" for v in inklusif.nilai.tolist()] if inklusif else True
    t["baris"] = b.df["baris"].to_numpy()
    t["_ada_warna"] = warna is not None
    return {"data": t, "lingkup": []}


def _angka(x) -> str:
    return f"{x:g}".replace(".", ",")


def tulis(p: Persiapan, w: Penulis) -> dict:
    data = p.data
    ada_warna = bool(data["_ada_warna"].iat[0]) if len(data) else False
    status = []
    for nama in dict.fromkeys(data["nama"].tolist()):
        bagian = data[data["nama"] == nama]
        lama = {r["batas_bawah"]: r for r in w.muat("skala", TABEL["skala"].c.nama == nama)}
        baru, ubah = [], []
        dipakai = set()
        for row, baris in zip(umum.rekaman(bagian, ["nama", "batas_bawah", "inklusif", "label", "warna"]),
                              bagian["baris"].tolist()):
            if not ada_warna:
                row["warna"] = lama[row["batas_bawah"]]["warna"] if row["batas_bawah"] in lama else None
            r = lama.get(row["batas_bawah"])
            if r is None:
                baru.append(row)
                status.append((baris, umum.BARU))
                continue
            dipakai.add(row["batas_bawah"])
            d = beda(r, row)
            if d:
                ubah.append((r, d))
                status.append((baris, umum.BERUBAH))
            else:
                w.tetap("skala", [r["import_id"]])
                status.append((baris, umum.TETAP))
        hapus = [r for k, r in lama.items() if k not in dipakai]
        w.hapus("skala", hapus)
        w.ubah("skala", ubah)
        w.sisipkan("skala", baru)
    return umum.tally(status)
