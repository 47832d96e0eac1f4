"""`realisasi`: the value of each indicator per triwulan (long form, or wide tw1..tw4), with its narrative."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from sqlalchemy import select

from dashboard import format as fmt
from dashboard import iku as iku_f
from dashboard.impor import sel
from dashboard.impor.dataset import umum
from dashboard.impor.kolom import ROMAWI_TEKS, kunci
from dashboard.impor.siap import (Bingkai, Persiapan, asli, kecamatan_kolom, periode, peta_unik, rentang,
                                  validasi)
from dashboard.impor.tulis import TABEL, Penulis, beda
from models.tables import Indikator, Realisasi, Target

TEKS = ("keterangan", "faktor_pendorong", "faktor_penghambat", "tindak_lanjut")
LEBAR = ("tw1", "tw2", "tw3", "tw4")


def wajib_hilang(b: Bingkai) -> list[str]:
    out = []
    if not b.ada("kode") and not b.ada("indikator"):
        out.append("kode")
    if not b.ada("realisasi") and not any(b.ada(k) for k in LEBAR):
        out.append("realisasi")
    return out


def siapkan(b: Bingkai) -> dict:
    ctx = b.ctx
    kunci_kolom = "kode" if b.ada("kode") else "indikator"
    b.saring(~(b.kosong(kunci_kolom) & b.ringkasan()))
    # Heading rows (a kegiatan above its indicators, as e-kinerja prints them) name nothing and hold no value.
    kosong = b.kosong(kunci_kolom)
    for k in ("realisasi", *LEBAR):
        kosong &= b.kosong(k)
    b.saring(~kosong)
    if b.habis("realisasi"):
        return {}
    kecamatan_kolom(b)
    lebar = [k for k in LEBAR if b.ada(k)]
    if lebar and b.ada("realisasi"):
        ctx.galat.tambah(None, None, "Berkas memuat kolom realisasi dan kolom per triwulan (TW I … TW IV) sekaligus; "
                         "pakai salah satu bentuk.")
        return {}
    kode = umum.kolom_teks(b, "kode", maks=50)
    nama = umum.kolom_teks(b, "indikator", maks=1000)
    teks = {k: umum.kolom_teks(b, k) for k in TEKS}
    tahun = periode(b, "tahun")
    n = len(b.df)
    if lebar:
        nilai_tw = {k: umum.kolom_angka(b, k) for k in lebar}
        triwulan = None
    else:
        triwulan = periode(b, "triwulan")
        nilai = umum.kolom_angka(b, "realisasi")
    # Find the indicators: by code, else by name.
    kids = sorted({int(k) for k in b.df["kecamatan_id"].dropna().tolist()})
    rows = ctx.session.execute(select(Indikator.id, Indikator.kecamatan_id, Indikator.kode, Indikator.nama)
                               .where(Indikator.kecamatan_id.in_(kids))).all() if kids else []
    per_kode = {(r.kecamatan_id, umum.teks_kunci(r.kode)): (r.id, r.kode) for r in rows}
    per_nama = {(r.kecamatan_id, kunci(r.nama)): (r.id, r.kode) for r in rows}
    ind_id, ind_kode = [None] * n, [None] * n
    sumber = kode if kode is not None else nama
    for i, (v, kid) in enumerate(zip(sumber.nilai.tolist(), b.df["kecamatan_id"].tolist())):
        if v is None or asli(kid) is None:
            if v is None and i not in sumber.salah:
                b.galat(i, kunci_kolom, "wajib diisi")
            continue
        r = (per_kode.get((int(kid), umum.teks_kunci(v))) if kode is not None
             else per_nama.get((int(kid), kunci(v))))
        if r is None:
            apa = "kode" if kode is not None else "nama"
            b.galat(i, kunci_kolom, f"indikator dengan {apa} '{v}' tidak ada di Kecamatan "
                                    f"{b.df['kecamatan'].iat[i]}; impor indikatornya lebih dulu")
            continue
        ind_id[i], ind_kode[i] = r
    dasar = pd.DataFrame({
        "kecamatan_id": b.df["kecamatan_id"], "kecamatan": b.df["kecamatan"], "kode": ind_kode,
        "indikator_id": pd.array(ind_id, dtype="Int64"),
        "tahun": tahun if tahun is not None else pd.array([None] * n, dtype="Int64"),
    })
    for k, h in teks.items():
        dasar[k] = h.nilai if h else pd.Series([None] * n, dtype=object)
    dasar["baris"] = b.df["baris"].to_numpy()
    dasar["_pos"] = np.arange(n)
    if lebar:
        bagian = []
        for k in lebar:
            h = nilai_tw[k]
            ada = ~peta_unik(b.df[k], sel.kosong).astype(bool)
            sub = dasar[ada].copy()
            sub["triwulan"] = pd.array([int(k[-1])] * len(sub), dtype="Int64")
            sub["nilai"] = h.nilai[ada].to_numpy()
            bagian.append(sub)
        t = pd.concat(bagian, ignore_index=True).sort_values(["baris", "triwulan"], kind="stable")
        t = t.reset_index(drop=True)
    else:
        t = dasar.copy()
        t["triwulan"] = triwulan if triwulan is not None else pd.array([None] * n, dtype="Int64")
        t["nilai"] = nilai.nilai.to_numpy()
    skema = pa.DataFrameSchema({
        "tahun": pa.Column(nullable=True, checks=[rentang("tahun", 1900, 2100)]),
        "triwulan": pa.Column(nullable=True, checks=[rentang("triwulan", 1, 4)]),
    })
    posisi = pd.Index(t["_pos"].tolist())
    validasi(_Posisi(b, posisi), t, skema)
    umum.duplikat(b, t[["indikator_id", "tahun", "triwulan"]],
                  lambda r: f"realisasi indikator '{_kode(t, r[0])}' tahun {r[1]} TW {ROMAWI_TEKS.get(r[2], r[2])}",
                  posisi=posisi)
    capaian = umum.kolom_angka(b, "capaian", catat=True)
    if capaian is not None and not ctx.galat:
        if lebar:
            ctx.catatan.append("Kolom capaian tidak diperiksa: berkas berbentuk lebar (TW I … TW IV), jadi capaian itu "
                               "tidak jelas milik triwulan yang mana.")
        else:
            _cek_capaian(b, t, capaian)
    lingkup = sorted({(asli(k), asli(th), asli(tw)) for k, th, tw in zip(t["kecamatan_id"], t["tahun"], t["triwulan"])
                      if None not in (asli(k), asli(th), asli(tw))})
    ada_teks = [k for k in TEKS if b.ada(k)]
    return {"data": t.drop(columns=["_pos"]), "lingkup": [list(x) for x in lingkup],
            "tambahan": {"ada": ada_teks, "triwulan_periksa": max((x[2] for x in lingkup), default=None)}}


def _cek_capaian(b: Bingkai, t: pd.DataFrame, capaian: sel.Hasil) -> None:
    """A printed capaian against the one computed from the stored target and the realisasi, within the precision
    it is printed with (like the budget's printed percentage). Accepted when it fits the TW's own value or the
    value s.d. the TW (the indicator's aggregation, with the file's other TWs)."""
    ctx = b.ctx
    ids = sorted({int(x) for x in t["indikator_id"].dropna().tolist()})
    tahun = sorted({int(x) for x in t["tahun"].dropna().tolist()})
    if not ids or not tahun:
        return
    ind = {r.id: r for r in ctx.session.execute(select(Indikator.id, Indikator.kode, Indikator.polaritas,
                                                       Indikator.agregasi, Indikator.nol_per_nol)
                                                .where(Indikator.id.in_(ids))).all()}
    target: dict[tuple[int, int], Target] = {}
    for r in ctx.session.execute(select(Target).where(Target.indikator_id.in_(ids), Target.tahun.in_(tahun))
                                 .order_by(Target.urutan_versi, Target.id)).scalars():
        target[(r.indikator_id, r.tahun)] = r  # the latest version is the one in force
    nilai: dict[tuple[int, int], dict[int, float | None]] = {}
    for r in ctx.session.execute(select(Realisasi.indikator_id, Realisasi.tahun, Realisasi.triwulan, Realisasi.nilai)
                                 .where(Realisasi.indikator_id.in_(ids), Realisasi.tahun.in_(tahun))).all():
        nilai.setdefault((r.indikator_id, r.tahun), {})[r.triwulan] = r.nilai
    for iid, th, tw, v in zip(t["indikator_id"], t["tahun"], t["triwulan"], t["nilai"]):
        if None not in (asli(iid), asli(th), asli(tw)):
            nilai.setdefault((int(iid), int(th)), {})[int(tw)] = asli(v)
    tanpa_target = []
    for i, cetak in enumerate(capaian.nilai.tolist()):
        iid, th, tw = asli(t["indikator_id"].iat[i]), asli(t["tahun"].iat[i]), asli(t["triwulan"].iat[i])
        if cetak != cetak or i in capaian.salah or None in (iid, th, tw):
            continue
        r, tg = ind[iid], target.get((iid, th))
        if tg is None:
            tanpa_target.append(f"{r.kode} {th}")
            continue
        sd = iku_f.target_sd(tg.target, {1: tg.target_tw1, 2: tg.target_tw2, 3: tg.target_tw3, 4: tg.target_tw4}, tw)
        sendiri = iku_f.capaian(sd, asli(t["nilai"].iat[i]), r.polaritas, r.nol_per_nol)
        kumulatif = iku_f.capaian(sd, iku_f.realisasi_sd(nilai.get((iid, th), {}), tw, r.agregasi), r.polaritas,
                                  r.nol_per_nol)
        calon = [c for c in (sendiri, kumulatif) if c is not None]
        d = capaian.desimal.get(i, 2)
        if not calon or any(abs(c - cetak) < 10 ** -d + 1e-9 for c in calon):
            continue
        harap = fmt.persen(calon[0])
        if len(calon) == 2 and abs(sendiri - kumulatif) >= 0.005:
            harap += f" ({fmt.triwulan(tw)}) atau {fmt.persen(kumulatif)} (s.d. {fmt.triwulan(tw)})"
        ctx.peringatan.append(dict(
            jenis="capaian_tidak_sesuai",
            pesan=f"Capaian {r.kode} {fmt.triwulan(tw)} yang tercetak tidak sama dengan realisasi / target × 100 "
                  "(target dari data indikator).",
            lokasi=f"indikator {r.kode} (baris {int(t['baris'].iat[i])})", diharapkan=harap,
            ditemukan=fmt.persen(cetak, d), tahun=th, triwulan=tw,
            **({"kecamatan": t["kecamatan"].iat[i]} if t["kecamatan"].nunique() > 1 else {})))
    if tanpa_target:
        ctx.catatan.append(f"Capaian tercetak tidak diperiksa untuk {', '.join(dict.fromkeys(tanpa_target))}: target "
                           "tahun itu belum ada (impor indikator dan targetnya).")


def _kode(t: pd.DataFrame, ind_id) -> str:
    return str(t.loc[t["indikator_id"] == ind_id, "kode"].iat[0])


class _Posisi:
    """A view of the frame for validation, where row i of the long table is row posisi[i] of the file."""

    def __init__(self, b: Bingkai, posisi: pd.Index):
        self.b, self.posisi, self.ctx = b, posisi, b.ctx

    def hdr(self, kanonik, pos=None):
        return self.b.hdr(kanonik, self.posisi[pos] if pos is not None else None)

    def mentah(self, kanonik, pos):
        return self.b.mentah(kanonik, self.posisi[pos])

    def galat(self, pos, kanonik, pesan):
        self.b.galat(self.posisi[pos] if pos is not None else None, kanonik, pesan)

    @property
    def df(self):
        return self.b.df


def tulis(p: Persiapan, w: Penulis) -> dict:
    data = p.data
    t = TABEL["realisasi"]
    ada = list(p.tambahan["ada"])
    rows = umum.rekaman(data, ["indikator_id", "tahun", "triwulan", "nilai", *ada, "baris"])
    ids = sorted({r["indikator_id"] for r in rows})
    tahun = sorted({r["tahun"] for r in rows})
    lama = {}
    for i in range(0, len(ids), 2000):
        for r in w.muat("realisasi", t.c.indikator_id.in_(ids[i:i + 2000]), t.c.tahun.in_(tahun)):
            lama[(r["indikator_id"], r["tahun"], r["triwulan"])] = r
    baru, ubah = [], []
    status_baris: dict[int, int] = {}
    for r in rows:
        baris = r.pop("baris")
        key = (r["indikator_id"], r["tahun"], r["triwulan"])
        l = lama.get(key)
        if l is None:
            baru.append(r)
            s = umum.BARU
        else:
            d = beda(l, {k: r[k] for k in ("nilai", *ada)})
            if d:
                ubah.append((l, d))
                s = umum.BERUBAH
            else:
                w.tetap("realisasi", [l["import_id"]])
                s = umum.TETAP
        status_baris[baris] = max(status_baris.get(baris, umum.TETAP), s)
    w.ubah("realisasi", ubah)
    w.sisipkan("realisasi", baru)
    return umum.tally(status_baris.items())
