"""`anggaran`: budget lines with pagu, realisasi (cumulative as SIPD prints it, or per quarter) and anggaran kas.

Realisasi is stored per quarter. From a cumulative figure for TW n: TW n = the figure − the stored TW
before n; a later stored TW is adjusted so that its cumulative figure stays what it was. Within an import,
a line without a figure spent nothing in that quarter. Parent rows are stored like any line (the tree
recomputes parents from their children and the checks compare). A `%` column is only checked, as are
JUMLAH/TOTAL rows. Money is integer sen throughout.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pandera.pandas as pa
from sqlalchemy import select

from dashboard import format as fmt
from dashboard.anggaran import segmen
from dashboard.impor import baca, sel
from dashboard.impor.dataset import umum
from dashboard.impor.kolom import ROMAWI_TEKS, kunci
from dashboard.impor.siap import (Bingkai, Persiapan, asli, beri_kode, cek, ditandai, jenis_ringkasan,
                                  kecamatan_kolom, kode_dari_nama, periode, peta_unik, rentang, validasi)
from dashboard.impor.tulis import TABEL, Penulis, beda
from dashboard.nilai import NilaiError, baca_sen

TW = (1, 2, 3, 4)
PAGU = ("pagu", "pagu_perubahan", "pagu_murni")
UANG = (*PAGU, *(f"realisasi_tw{n}" for n in TW), *(f"rencana_tw{n}" for n in TW), "realisasi", "rencana")
_KODE = re.compile(r"^[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*$")


def wajib_hilang(b: Bingkai) -> list[str]:
    # Without codes the names number the lines: a flat list (a budget table as other offices print it).
    out = [k for k in ("kode", "uraian") if not b.ada(k) and not (k == "kode" and b.ada("uraian"))]
    if not any(b.ada(k) for k in PAGU):
        out.append("pagu")
    return out


def _normal_kode(v) -> str | None:
    if v is None:
        return None
    t = re.sub(r"\s+", "", str(v)).strip(".")
    return t or None


def _kode_dari_nama(b: Bingkai) -> None:
    """Codes for a budget table without them: each line that has a figure gets one made from its name (a second
    line of the same name its own); JUMLAH rows and headings stay without, as in a coded table."""
    uang = [k for k in UANG if b.ada(k)]
    kali: dict[str, int] = {}
    kode = []
    for i, u in enumerate(b.df["uraian"].tolist()):
        if baca.kosong_sel(u) or jenis_ringkasan(u) or all(baca.kosong_sel(b.df[k].iat[i]) for k in uang):
            kode.append(None)
            continue
        k = kode_dari_nama("TK", u)
        kali[k] = kali.get(k, 0) + 1
        kode.append(k if kali[k] == 1 else f"{k}-{kali[k]}")
    beri_kode(b, kode, "baris anggaran", "Baris dibaca sebagai daftar datar tanpa pohon program; baris JUMLAH "
              "diperiksa terhadap jumlah semua baris.")


def siapkan(b: Bingkai) -> dict:
    ctx = b.ctx
    if not b.ada("kode"):
        _kode_dari_nama(b)
    label_kode = peta_unik(b.df["kode"], lambda v: jenis_ringkasan(v) if isinstance(v, str) else None)
    label_baris = b.jenis_baris()
    kode_kosong = b.kosong("kode")
    uang_ada = [k for k in UANG if b.ada(k)]
    tanpa_angka = np.zeros(len(b.df), dtype=bool)
    for i in np.flatnonzero(kode_kosong):
        tanpa_angka[i] = all(baca.kosong_sel(b.df[k].iat[i]) for k in uang_ada)
    total = ((label_kode == "total") | (kode_kosong & (label_baris == "total")))
    ringkasan = ((label_kode == "ringkasan") | (kode_kosong & (label_baris == "ringkasan")))
    judul = kode_kosong & tanpa_angka & ~total
    baris_total = b.df[total].reset_index(drop=True)
    b.saring(~(total | ringkasan | judul))
    if b.habis("anggaran"):
        return {}
    kecamatan_kolom(b)
    n = len(b.df)
    kode = umum.kolom_teks(b, "kode", maks=100)
    kode_n = [_normal_kode(v) for v in kode.nilai.tolist()]
    for i, k in enumerate(kode_n):
        if k is not None and not _KODE.match(k):
            b.galat(i, "kode", f"'{sel.potong(k)}' bukan kode rekening/program (contoh: 7.01.01.2.01.0001 atau 5.1.02)")
    uraian = umum.kolom_teks(b, "uraian", maks=2000)
    jenis_belanja = umum.kolom_teks(b, "jenis_belanja", maks=200)
    tahun = periode(b, "tahun")
    uang = {k: umum.kolom_angka(b, k, uang=True) for k in UANG}
    persen = umum.kolom_angka(b, "persen", catat=True)
    panjang = b.ada("realisasi") or b.ada("rencana")
    lebar_r = [n_ for n_ in TW if b.ada(f"realisasi_tw{n_}")]
    lebar_c = [n_ for n_ in TW if b.ada(f"rencana_tw{n_}")]
    if (b.ada("realisasi") and lebar_r) or (b.ada("rencana") and lebar_c):
        ctx.galat.tambah(None, None, "Berkas memuat kolom realisasi (atau rencana) tanpa triwulan dan kolom per "
                         "triwulan sekaligus; pakai salah satu bentuk.")
        return {}
    triwulan = periode(b, "triwulan") if panjang else None
    t = pd.DataFrame({"kecamatan_id": b.df["kecamatan_id"], "kecamatan": b.df["kecamatan"],
                      "tahun": tahun if tahun is not None else pd.array([None] * n, dtype="Int64"),
                      "kode": kode_n, "uraian": uraian.nilai,
                      "jenis_belanja": jenis_belanja.nilai if jenis_belanja else pd.Series([None] * n, dtype=object)})
    for k in UANG:
        t[k] = uang[k].nilai if uang[k] else pd.array([None] * n, dtype="Int64")
    t["triwulan"] = triwulan if triwulan is not None else pd.array([None] * n, dtype="Int64")
    non_neg = cek("tidak_negatif", lambda s: s >= 0)
    skema = pa.DataFrameSchema({
        "kode": pa.Column(nullable=False), "uraian": pa.Column(nullable=False),
        "tahun": pa.Column(nullable=False, checks=[rentang("tahun", 1900, 2100)]),
        "triwulan": pa.Column(nullable=True, checks=[rentang("triwulan", 1, 4)]),
        **{k: pa.Column(nullable=True, checks=[non_neg]) for k in UANG if uang[k]},
    })
    sudah = ditandai(("kode", kode), ("uraian", uraian), *[(k, h) for k, h in uang.items() if h])
    sudah |= {(i, "tahun") for i in range(n) if tahun is None or tahun.iat[i] is pd.NA}
    validasi(b, t, skema, sudah=sudah)
    t["baris"] = b.df["baris"].to_numpy()
    if panjang:
        umum.duplikat(b, t[["kecamatan_id", "tahun", "kode", "triwulan"]],
                      lambda r: f"kode '{r[2]}' tahun {r[1]} TW {ROMAWI_TEKS.get(r[3], r[3])}")
    else:
        umum.duplikat(b, t[["kecamatan_id", "tahun", "kode"]], lambda r: f"kode '{r[2]}' tahun {r[1]}")
    garis = _per_baris_anggaran(b, t, panjang)
    tw_file = sorted({int(x) for x in t["triwulan"].dropna().tolist()} if panjang and b.ada("realisasi")
                     else lebar_r)
    if not ctx.galat:
        _cek_total(b, baris_total, garis, uang, tw_file)
        if persen is not None:
            _cek_persen(b, t, persen, tw_file)
    ada = [k for k in ("jenis_belanja", *PAGU) if b.ada(k)] + [f"rencana_tw{n_}" for n_ in TW
                                                                if b.ada(f"rencana_tw{n_}") or (
                                                                    b.ada("rencana") and n_ in set(
                                                                        t["triwulan"].dropna().tolist()))]
    lingkup = set()
    for kid, th in zip(garis["kecamatan_id"].tolist(), garis["tahun"].tolist()):
        if asli(kid) is None or asli(th) is None:
            continue
        lingkup.add((int(kid), int(th), max(tw_file)) if tw_file else (int(kid), int(th)))
    return {"data": garis, "lingkup": [list(x) for x in sorted(lingkup)],
            "tambahan": {"tw": tw_file, "ada": ada, "per_triwulan": ctx.per_triwulan,
                         "triwulan_periksa": max(tw_file) if tw_file else 4}}


def _per_baris_anggaran(b: Bingkai, t: pd.DataFrame, panjang: bool) -> pd.DataFrame:
    """One row per budget line; the long form (a row per triwulan) is folded into per-TW columns."""
    kolom = ["kecamatan_id", "kecamatan", "tahun", "kode", "uraian", "jenis_belanja", *PAGU]
    if not panjang:
        g = t[kolom + [f"realisasi_tw{n}" for n in TW] + [f"rencana_tw{n}" for n in TW] + ["baris"]].copy()
        g["_baris_semua"] = [[x] for x in g["baris"].tolist()]
        return _nama_sen(g)
    out: dict[tuple, dict] = {}
    for i, r in enumerate(umum.rekaman(t, [*kolom, "triwulan", "realisasi", "rencana", "baris"])):
        key = (r["kecamatan_id"], r["tahun"], r["kode"])
        if None in key:
            continue
        g = out.get(key)
        if g is None:
            g = out[key] = {**{k: r[k] for k in kolom}, **{f"realisasi_tw{n}": None for n in TW},
                            **{f"rencana_tw{n}": None for n in TW}, "baris": r["baris"], "_baris_semua": []}
        else:
            for k in ("uraian", *PAGU, "jenis_belanja"):
                if r[k] is not None and g[k] is not None and r[k] != g[k]:
                    b.galat(i, k, f"kode '{r['kode']}' sudah ada di baris {g['baris']} dengan {k} berbeda")
                elif g[k] is None:
                    g[k] = r[k]
        g["_baris_semua"].append(r["baris"])
        tw = r["triwulan"]
        if tw is not None and 1 <= tw <= 4:
            g[f"realisasi_tw{tw}"] = r["realisasi"]
            g[f"rencana_tw{tw}"] = r["rencana"]
    g = pd.DataFrame(list(out.values()))
    if g.empty:
        g = pd.DataFrame(columns=[*kolom, *(f"realisasi_tw{n}" for n in TW), *(f"rencana_tw{n}" for n in TW),
                                  "baris", "_baris_semua"])
    for c in [*PAGU, *(f"realisasi_tw{n}" for n in TW), *(f"rencana_tw{n}" for n in TW)]:
        g[c] = pd.array([asli(v) for v in g[c].tolist()], dtype="Int64")
    return _nama_sen(g)


def _nama_sen(g: pd.DataFrame) -> pd.DataFrame:
    uang = [*PAGU, *(f"realisasi_tw{n}" for n in TW), *(f"rencana_tw{n}" for n in TW)]
    return g.rename(columns={c: f"{c}_sen" for c in uang}).reset_index(drop=True)


# ------------------------------------------------------------------ file-level checks

def _daun(kode: list[str]) -> set[str]:
    semua = set(kode)
    induk = set()
    for k in semua:
        seg = segmen(k)
        for n in range(1, len(seg)):
            p = ".".join(seg[:n])
            if p in semua:
                induk.add(p)
    return semua - induk


def _cek_total(b: Bingkai, baris_total: pd.DataFrame, garis: pd.DataFrame, uang: dict, tw_file: list[int]) -> None:
    if baris_total.empty or garis.empty:
        return
    daun = _daun(garis["kode"].tolist())
    uraian = {kunci(u): k for k, u in zip(garis["kode"].tolist(), garis["uraian"].tolist()) if u}
    # (column of the total row, column of the lines it sums)
    kolom = [(c, c) for c in (*PAGU, *(f"realisasi_tw{n}" for n in TW), *(f"rencana_tw{n}" for n in TW))
             if uang.get(c) is not None]
    if len(tw_file) == 1:
        kolom += [(c, f"{c}_tw{tw_file[0]}") for c in ("realisasi", "rencana") if uang.get(c) is not None]
    if len(set(garis["tahun"].tolist())) > 1:
        return
    tahun = asli(garis["tahun"].iat[0])
    for _, tr in baris_total.iterrows():
        label = str(tr.get("_pertama") or tr.get("kode") or "")
        sisa = re.sub(r"(?i)^\s*(σ|∑|jumlah|total|sub\s*total|grand\s*total)\s*", "", label)
        akar = uraian.get(kunci(sisa)) if sisa.strip() else None
        if akar:
            pilih = [k in daun and (k == akar or k.startswith(akar + ".")) for k in garis["kode"].tolist()]
        else:
            pilih = [k in daun for k in garis["kode"].tolist()]
        for c, c_garis in kolom:
            v = tr.get(c)
            if sel.kosong(v):
                continue
            try:
                cetak = baca_sen(v, uang[c].gaya or b.ctx.gaya_angka)
            except NilaiError:
                continue
            hitung = int(sum(int(x) for x, p in zip(garis[f"{c_garis}_sen"].tolist(), pilih)
                             if p and asli(x) is not None))
            if cetak is None or cetak == hitung:
                continue
            c = c_garis
            tw = int(c[-1]) if c[-1].isdigit() else None
            nama = {"pagu": "Pagu", "pagu_perubahan": "Pagu perubahan", "pagu_murni": "Pagu murni"}.get(
                c, f"{'Realisasi' if c.startswith('realisasi') else 'Rencana'} TW {ROMAWI_TEKS.get(tw, '')}")
            b.ctx.peringatan.append(dict(
                jenis="total_tidak_sesuai",
                pesan=f"{nama} pada baris jumlah '{sel.potong(label, 50)}' tidak sama dengan jumlah rinciannya.",
                lokasi=f"baris {int(tr['baris'])}", diharapkan=fmt.rupiah(hitung / 100),
                ditemukan=fmt.rupiah(cetak / 100), tahun=tahun, **({"triwulan": tw} if tw else {})))


def _cek_persen(b: Bingkai, t: pd.DataFrame, persen: sel.Hasil, tw_file: list[int]) -> None:
    """A printed percentage against realisasi / pagu × 100, within the precision it is printed with."""
    per_tw = b.ctx.per_triwulan
    for i, p in enumerate(persen.nilai.tolist()):
        if p != p or i in persen.salah:
            continue
        pagu = next((asli(t[c].iat[i]) for c in ("pagu_perubahan", "pagu", "pagu_murni")
                     if c in t.columns and asli(t[c].iat[i]) is not None), None)
        if b.ada("realisasi"):
            real = asli(t["realisasi"].iat[i])
        else:
            nilai = [asli(t[f"realisasi_tw{n}"].iat[i]) for n in tw_file]
            nilai = [v for v in nilai if v is not None]
            real = (sum(nilai) if per_tw else nilai[-1]) if nilai else None
        if not pagu or real is None:
            continue
        hitung = real / pagu * 100
        d = persen.desimal.get(i, 2)
        if abs(hitung - p) < 10 ** -d + 1e-9:
            continue
        kode = t["kode"].iat[i]
        b.ctx.peringatan.append(dict(
            jenis="persen_tidak_sesuai",
            pesan=f"Persentase {kode} yang tercetak tidak sama dengan realisasi / pagu × 100.",
            lokasi=f"kode {kode} (baris {b.baris(i)})", diharapkan=fmt.persen(hitung), ditemukan=fmt.persen(p, d),
            tahun=asli(t["tahun"].iat[i]), **({"triwulan": max(tw_file)} if tw_file else {}),
            # in a kabupaten-wide file the warning belongs to the kecamatan of its row
            **({"kecamatan": t["kecamatan"].iat[i]} if "kecamatan" in t.columns and t["kecamatan"].nunique() > 1
               else {})))


# ------------------------------------------------------------------ writing

def _pagu_baru(lama: dict | None, baris: dict, ada: set[str]) -> dict:
    """pagu_murni / pagu_perubahan from the file; a plain `pagu` is the latest pagu (perubahan once murni is known)."""
    out = {}
    if "pagu_murni" in ada and baris["pagu_murni_sen"] is not None:
        out["pagu_murni_sen"] = baris["pagu_murni_sen"]
    if "pagu_perubahan" in ada and baris["pagu_perubahan_sen"] is not None:
        out["pagu_perubahan_sen"] = baris["pagu_perubahan_sen"]
    p = baris["pagu_sen"]
    if "pagu" in ada and p is not None and not out:
        if lama is None or lama["pagu_murni_sen"] is None:
            out["pagu_murni_sen"] = p
        else:
            berlaku = lama["pagu_perubahan_sen"] if lama["pagu_perubahan_sen"] is not None else lama["pagu_murni_sen"]
            if berlaku != p:
                out["pagu_perubahan_sen"] = p
    return out


def per_triwulan_baru(tersimpan: dict[int, int], berkas: dict[int, int | None], tw_file: list[int],
                      kumulatif: bool) -> dict[int, int]:
    """The per-quarter amounts to store for one line (only the quarters that change or are given)."""
    out: dict[int, int] = {}
    if not kumulatif:
        for tw in tw_file:
            out[tw] = berkas.get(tw) or 0
        return out
    lama_kum = baru_kum = 0
    for tw in TW:
        lama = tersimpan.get(tw)
        if tw in tw_file:
            c = berkas.get(tw)
            q = c - baru_kum if c is not None else 0
            out[tw] = q
            baru_kum += q
        elif lama is not None:
            if baru_kum != lama_kum:
                q = lama_kum + lama - baru_kum
                out[tw] = q
                baru_kum += q
            else:
                baru_kum += lama
        lama_kum += lama or 0
    return out


def tulis(p: Persiapan, w: Penulis) -> dict:
    data = p.data
    ada = set(p.tambahan["ada"])
    tw_file = list(p.tambahan["tw"])
    kumulatif = not p.tambahan["per_triwulan"]
    t_ang, t_real = TABEL["anggaran"], TABEL["anggaran_realisasi"]
    kids = sorted({int(k) for k in data["kecamatan_id"].tolist()})
    tahun = sorted({int(x) for x in data["tahun"].tolist()})
    lama = {(r["kecamatan_id"], r["tahun"], r["kode"]): r
            for r in w.muat("anggaran", t_ang.c.kecamatan_id.in_(kids), t_ang.c.tahun.in_(tahun))}
    rencana = [f"rencana_tw{n}" for n in TW if f"rencana_tw{n}" in ada]
    rows = umum.rekaman(data, ["kecamatan_id", "tahun", "kode", "uraian", "jenis_belanja",
                               *(f"{k}_sen" for k in PAGU), *(f"realisasi_tw{n}_sen" for n in TW),
                               *(f"rencana_tw{n}_sen" for n in TW), "_baris_semua"])
    baru, ubah, berubah = [], [], set()
    for r in rows:
        key = (r["kecamatan_id"], r["tahun"], r["kode"])
        l = lama.get(key)
        nilai = {"uraian": r["uraian"], **_pagu_baru(l, r, ada)}
        if "jenis_belanja" in ada:
            nilai["jenis_belanja"] = r["jenis_belanja"]
        for c in rencana:
            nilai[f"{c}_sen"] = r[f"{c}_sen"]
        if l is None:
            baru.append({"kecamatan_id": key[0], "tahun": key[1], "kode": key[2], **nilai})
            continue
        d = beda(l, nilai)
        if d:
            ubah.append((l, d))
            berubah.add(key)
        else:
            w.tetap("anggaran", [l["import_id"]])
    w.ubah("anggaran", ubah)
    w.sisipkan("anggaran", baru)
    ids = {(r.kecamatan_id, r.tahun, r.kode): r.id for r in w.conn.execute(
        select(t_ang.c.id, t_ang.c.kecamatan_id, t_ang.c.tahun, t_ang.c.kode)
        .where(t_ang.c.kecamatan_id.in_(kids), t_ang.c.tahun.in_(tahun)))}
    tersimpan: dict[int, dict[int, dict]] = {}
    if tw_file:
        q = (select(t_real).join(t_ang, t_ang.c.id == t_real.c.anggaran_id)
             .where(t_ang.c.kecamatan_id.in_(kids), t_ang.c.tahun.in_(tahun)))
        for r in w.conn.execute(q):
            tersimpan.setdefault(r.anggaran_id, {})[r.triwulan] = dict(r._mapping)
    baru_r, ubah_r = [], []
    status = []
    for r in rows:
        key = (r["kecamatan_id"], r["tahun"], r["kode"])
        aid = ids[key]
        s = umum.BARU if key not in lama else (umum.BERUBAH if key in berubah else umum.TETAP)
        if tw_file:
            simpan = tersimpan.get(aid, {})
            target = per_triwulan_baru({tw: x["jumlah_sen"] for tw, x in simpan.items()},
                                       {tw: r[f"realisasi_tw{tw}_sen"] for tw in tw_file}, tw_file, kumulatif)
            for tw, jumlah in target.items():
                x = simpan.get(tw)
                if x is None:
                    baru_r.append({"anggaran_id": aid, "triwulan": tw, "jumlah_sen": jumlah})
                    s = max(s, umum.BERUBAH)
                elif x["jumlah_sen"] != jumlah:
                    ubah_r.append((x, {"jumlah_sen": jumlah}))
                    s = max(s, umum.BERUBAH)
                else:
                    w.tetap("anggaran_realisasi", [x["import_id"]])
        status += [(baris, s) for baris in r["_baris_semua"]]
    w.ubah("anggaran_realisasi", ubah_r)
    w.sisipkan("anggaran_realisasi", baru_r)
    return umum.tally(status)
