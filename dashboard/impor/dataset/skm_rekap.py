"""`skm-rekap`: NRR per unsur per triwulan and the printed IKM, when an office has only the summary.

Long form (unsur, nrr), wide form (u1..u9, ikm per row), or as reports print it: unsur rows with one
`NRR TW I … IV` column each, an `IKM` / `Nilai Hasil IKM` row, a `Jumlah Responden` row. Unsur given by
label are mapped by name (reports order them differently). A composite row (`NRR 9 ruang lingkup`) is
not data and is listed as ignored.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pandera.pandas as pa

from dashboard import format as fmt
from dashboard.impor import sel
from dashboard.impor.dataset import survei, umum
from dashboard.impor.kolom import adalah_komposit, adalah_responden, baca_unsur, daftar_label_unsur
from dashboard.impor.siap import (Bingkai, Persiapan, asli, kecamatan_kolom, periode, rentang, validasi)
from dashboard.impor.tulis import TABEL, Penulis, beda
from dashboard.skm import UNSUR

LEBAR = tuple(u.lower() for u in UNSUR)


def wajib_hilang(b: Bingkai) -> list[str]:
    if any(b.ada(k) for k in (*LEBAR, "ikm")):
        return []
    return [k for k in ("unsur", "nrr") if not b.ada(k)]


def siapkan(b: Bingkai) -> dict:
    if any(b.ada(k) for k in (*LEBAR, "ikm")):
        return _lebar(b)
    return _panjang(b)


def _panjang(b: Bingkai) -> dict:
    ctx = b.ctx
    daftar = daftar_label_unsur(ctx.setelan.unsur_label)
    b.saring(~(b.kosong("unsur") & b.ringkasan()))
    komposit = [isinstance(v, str) and not adalah_responden(v) and baca_unsur(v, daftar) is None
                and adalah_komposit(v) for v in b.df["unsur"].tolist()]
    for baris, v in dict(zip(b.df["baris"][komposit], b.df["unsur"][komposit])).items():
        ctx.catatan.append(f"Baris {baris} ('{sel.potong(v, 50)}') diabaikan: nilai gabungan, bukan unsur.")
    b.saring(~np.asarray(komposit, dtype=bool))
    if b.habis("rekap SKM"):
        return {}
    kecamatan_kolom(b)
    unsur_teks = umum.kolom_teks(b, "unsur", maks=300)
    nilai = umum.kolom_angka(b, "nrr", catat=True)
    responden = umum.kolom_bulat(b, "responden")
    tahun = periode(b, "tahun")
    triwulan, jenis = survei.periode_survei(b)
    layanan = _layanan(b)
    n = len(b.df)
    unsur = [None] * n
    baris_responden = []
    pakai = [True] * n
    for i, v in enumerate(unsur_teks.nilai.tolist()):
        if v is None:
            if i not in unsur_teks.salah:
                b.galat(i, "unsur", "wajib diisi")
            continue
        if adalah_responden(v):
            baris_responden.append(i)
            pakai[i] = False
            continue
        u = baca_unsur(v, daftar)
        if u is None:
            b.galat(i, "unsur", f"'{sel.potong(v)}' bukan unsur SKM yang dikenal (U1..U9, nama unsur, atau IKM)")
            continue
        unsur[i] = u
    t = pd.DataFrame({"kecamatan_id": b.df["kecamatan_id"], "kecamatan": b.df["kecamatan"],
                      "tahun": tahun if tahun is not None else pd.array([None] * n, dtype="Int64"),
                      "triwulan": triwulan if triwulan is not None else pd.array([None] * n, dtype="Int64"),
                      "layanan": layanan, "periode": jenis, "unsur": unsur, "nilai": nilai.nilai,
                      "responden": responden.nilai if responden else pd.array([None] * n, dtype="Int64")})
    # A "Jumlah Responden" row gives the count of its triwulan (its value sits in the NRR column).
    jumlah_tw = {}
    for i in baris_responden:
        x = nilai.nilai.iat[i]
        if x == x and i not in nilai.salah:
            if not float(x).is_integer() or x < 0:
                b.galat(i, "nrr", f"jumlah responden '{b.mentah('nrr', i)}' bukan bilangan bulat")
                continue
            jumlah_tw[(asli(t["kecamatan_id"].iat[i]), asli(t["tahun"].iat[i]), asli(t["triwulan"].iat[i]),
                       t["layanan"].iat[i])] = int(x)
    if jumlah_tw:
        t["responden"] = pd.array([jumlah_tw.get((asli(k), asli(th), asli(tw), lay), asli(r)) for k, th, tw, lay, r in
                                   zip(t["kecamatan_id"], t["tahun"], t["triwulan"], t["layanan"], t["responden"])],
                                  dtype="Int64")
    sudah = {(i, "nrr") for i in nilai.salah}
    _validasi_nilai(b, t, sudah, set(range(n)), nilai)
    t["baris"] = b.df["baris"].to_numpy()
    t = t[np.asarray(pakai, dtype=bool)].reset_index(drop=True)
    posisi = pd.Index([i for i in range(n) if pakai[i]])
    umum.duplikat(b, t[["kecamatan_id", "tahun", "triwulan", "layanan", "unsur"]], _uraian_kunci, posisi=posisi)
    _cek_responden(b, t, [nilai.desimal.get(p) for p in posisi])
    return _hasil(t)


def _layanan(b: Bingkai) -> list[str]:
    """Per row: the layanan of a rekap per layanan ('' = the whole kecamatan)."""
    h = umum.kolom_teks(b, "layanan", maks=200)
    if h is None:
        return [""] * len(b.df)
    return [" ".join(str(v).split()) if v is not None else "" for v in h.nilai.tolist()]


def _uraian_kunci(r) -> str:
    """`U1 TW I 2025` (and the layanan, in a rekap per layanan), for a duplicate's message."""
    lay = f" layanan '{r[3]}'" if r[3] else ""
    return f"{r[4]} {fmt.triwulan(asli(r[2]))} {asli(r[1])}{lay}"


def _lebar(b: Bingkai) -> dict:
    b.saring(~b.ringkasan())
    if b.habis("rekap SKM"):
        return {}
    kecamatan_kolom(b)
    tahun = periode(b, "tahun")
    triwulan, jenis = survei.periode_survei(b)
    layanan = _layanan(b)
    responden = umum.kolom_bulat(b, "responden")
    n = len(b.df)
    kolom = [k for k in (*LEBAR, "ikm") if b.ada(k)]
    nilai = {k: umum.kolom_angka(b, k, catat=True) for k in kolom}
    t = pd.DataFrame({k: h.nilai for k, h in nilai.items()})
    skema = pa.DataFrameSchema({k: pa.Column(nullable=True, checks=[
        rentang("ikm", 25, 100) if k == "ikm" else rentang("nrr", 1, 4)]) for k in kolom})
    validasi(b, t, skema, sudah={(i, k) for k, h in nilai.items() for i in h.salah},
             petunjuk={k: h.ambigu for k, h in nilai.items()})
    rows = []
    for i in range(n):
        for k in kolom:
            x = nilai[k].nilai.iat[i]
            if x != x:
                continue
            rows.append(dict(kecamatan_id=b.df["kecamatan_id"].iat[i], kecamatan=b.df["kecamatan"].iat[i],
                             tahun=tahun.iat[i] if tahun is not None else None,
                             triwulan=triwulan.iat[i] if triwulan is not None else None, layanan=layanan[i],
                             periode=jenis[i], unsur=k.upper(), nilai=x,
                             responden=responden.nilai.iat[i] if responden else None, baris=b.baris(i), _pos=i))
    t = pd.DataFrame(rows, columns=["kecamatan_id", "kecamatan", "tahun", "triwulan", "layanan", "periode", "unsur",
                                    "nilai", "responden", "baris", "_pos"])
    posisi = pd.Index(t["_pos"].tolist())
    umum.duplikat(b, t[["kecamatan_id", "tahun", "triwulan", "layanan", "unsur"]], _uraian_kunci, posisi=posisi)
    return _hasil(t.drop(columns=["_pos"]))


def _validasi_nilai(b: Bingkai, t: pd.DataFrame, sudah: set, baris: set, nilai: sel.Hasil) -> None:
    """NRR of an unsur is 1–4; the printed IKM is 25–100."""
    is_ikm = t["unsur"] == "IKM"
    is_u = t["unsur"].notna() & ~is_ikm
    for maska, nama, bawah, atas in ((is_u, "nrr", 1, 4), (is_ikm, "ikm", 25, 100)):
        sub = pd.DataFrame({"nrr": t["nilai"].where(maska)})
        skema = pa.DataFrameSchema({"nrr": pa.Column(nullable=True, checks=[rentang(nama, bawah, atas)])})
        validasi(b, sub, skema, sudah=sudah, petunjuk={"nrr": nilai.ambigu})
    kosong = t["nilai"].isna() & t["unsur"].notna()
    for i in kosong[kosong].index:
        if (i, "nrr") not in sudah:
            b.galat(int(i), "nrr", "wajib diisi")


def _cek_responden(b: Bingkai, t: pd.DataFrame, desimal: list[int | None]) -> None:
    """An NRR printed to d decimals must be k/n for some whole k when n respondents answered."""
    for j, (u, x, n, baris) in enumerate(zip(t["unsur"], t["nilai"], t["responden"], t["baris"])):
        n, x = asli(n), asli(x)
        if u == "IKM" or not n or x is None or not 1 <= x <= 4:
            continue
        d = desimal[j]
        if not d or d < 2:
            continue
        langkah = 10 ** -d
        k_bawah, k_atas = math.floor((x - langkah) * n), math.ceil((x + langkah) * n)
        if any(abs(k / n - x) <= langkah / 2 + 1e-9 or 0 <= k / n - x < langkah for k in range(k_bawah, k_atas + 1)):
            continue
        b.ctx.peringatan.append(dict(
            jenis="responden_tidak_sesuai",
            pesan=f"NRR {u} {fmt.triwulan(asli(t['triwulan'].iat[j]))} ({fmt.angka(x, d)}) tidak mungkin dihasilkan "
                  f"oleh {n} responden dengan skor bulat.",
            lokasi=f"baris {int(baris)}", diharapkan=f"kelipatan 1/{n}", ditemukan=fmt.angka(x, d),
            tahun=asli(t["tahun"].iat[j]), triwulan=asli(t["triwulan"].iat[j])))


def _hasil(t: pd.DataFrame) -> dict:
    lingkup = sorted({(asli(k), asli(th), asli(tw)) for k, th, tw in zip(t["kecamatan_id"], t["tahun"],
                                                                          t["triwulan"])
                      if None not in (asli(k), asli(th), asli(tw))})
    return {"data": t, "lingkup": [list(x) for x in lingkup],
            "tambahan": {"triwulan_periksa": max((x[2] for x in lingkup), default=None)}}


def tulis(p: Persiapan, w: Penulis) -> dict:
    data = p.data
    t = TABEL["skm_rekap"]
    kids = sorted({int(x[0]) for x in p.lingkup})
    tahun = sorted({int(x[1]) for x in p.lingkup})
    lama = {(r["kecamatan_id"], r["tahun"], r["triwulan"], r["layanan"], r["unsur"]): r
            for r in w.muat("skm_rekap", t.c.kecamatan_id.in_(kids), t.c.tahun.in_(tahun))}
    ada_responden = data["responden"].notna().any()
    baru, ubah = [], []
    status: dict[int, int] = {}
    for r in umum.rekaman(data, ["kecamatan_id", "tahun", "triwulan", "layanan", "periode", "unsur", "nilai",
                                 "responden", "baris"]):
        baris = r.pop("baris")
        if not ada_responden:
            r.pop("responden")
        key = (r["kecamatan_id"], r["tahun"], r["triwulan"], r["layanan"], r["unsur"])
        l = lama.get(key)
        if l is None:
            baru.append(r)
            s = umum.BARU
        else:
            d = beda(l, {k: v for k, v in r.items() if k in ("nilai", "responden", "periode")})
            s = umum.BERUBAH if d else umum.TETAP
            if d:
                ubah.append((l, d))
            else:
                w.tetap("skm_rekap", [l["import_id"]])
        status[baris] = max(status.get(baris, umum.TETAP), s)
    w.ubah("skm_rekap", ubah)
    w.sisipkan("skm_rekap", baru)
    return umum.tally(status.items())
