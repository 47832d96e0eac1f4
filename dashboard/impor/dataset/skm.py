"""`skm`: raw survey responses, one row each; scores 1–4 or questionnaire text answers.

Mode `ganti` (default): the file replaces the responses of each (kecamatan, tahun, triwulan) it holds;
rows already stored unchanged are kept as they are, so importing the same file again changes nothing.
Mode `tambah`: appended; rows whose id_responden is already stored for that quarter are skipped, and a
file already imported for that quarter (same SHA-256) is refused.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

import numpy as np
import pandas as pd
import pandera.pandas as pa
from sqlalchemy import select

from dashboard import format as fmt
from dashboard.impor import sel
from dashboard.impor.dataset import survei, umum
from dashboard.impor.siap import (Bingkai, Persiapan, asli, ditandai, kecamatan_kolom, kolom_asli, periode,
                                  rentang, validasi)
from dashboard.impor.tulis import TABEL, Penulis
from dashboard.nilai import NilaiError, baca_angka
from dashboard.referensi import normal_teks
from dashboard.skm import LABEL_UNSUR, UNSUR
from models.tables import ImportLog, SkmJawaban

SKOR = tuple(u.lower() for u in UNSUR)
PROFIL = ("id_responden", "tanggal", "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan", "saran")
KONTEN = (*SKOR, *PROFIL, "periode")
_DEPAN_ANGKA = re.compile(r"^\s*([1-4])\s*[-.):=]\s*\S")
_ANGKA = re.compile(r"^\s*[+-]?[\d.,]+\s*$")


def wajib_hilang(b: Bingkai) -> list[str]:
    return [k for k in SKOR if not b.ada(k)]


def muat_jawaban(session) -> dict[tuple[str | None, str], int]:
    return {(u, normal_teks(t)): s for u, t, s in session.execute(
        select(SkmJawaban.unsur, SkmJawaban.teks, SkmJawaban.skor)).all()}


def baca_skor(s: pd.Series, unsur: str, jawaban: dict, gaya: str) -> sel.Hasil:
    """Scores of one unsur: numbers, or text answers through the answer table (the unsur's own first)."""
    label = LABEL_UNSUR.get(unsur, unsur)

    def satu(v):
        if sel.kosong(v):
            return None, None
        r = _skor_satu(v, unsur, label, jawaban, gaya)
        return (None, r) if isinstance(r, str) else (r, None)

    out, salah = sel.per_unik(s, satu)
    return sel.Hasil(pd.Series(pd.array(list(out), dtype="Int64"), index=s.index), salah)


def _skor_satu(v, unsur: str, label: str, jawaban: dict, gaya: str):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        x = float(v)
    else:
        t = normal_teks(v)
        if (unsur, t) in jawaban:
            return jawaban[(unsur, t)]
        if (None, t) in jawaban:
            return jawaban[(None, t)]
        m = _DEPAN_ANGKA.match(str(v))
        if m:
            return int(m.group(1))
        if not _ANGKA.match(str(v)):
            return f"jawaban '{sel.potong(v)}' tidak dikenal untuk {unsur} ({label})"
        try:
            x = baca_angka(v, gaya)
        except NilaiError:
            return f"jawaban '{sel.potong(v)}' tidak dikenal untuk {unsur} ({label})"
    if x is None:
        return None
    if not float(x).is_integer():
        return f"skor '{sel.potong(v)}' bukan bilangan bulat 1–4"
    return int(x)


def siapkan(b: Bingkai) -> dict:
    ctx = b.ctx
    ringkas = b.jenis_baris()
    total = ringkas == "total"
    baris_total = b.df[total].reset_index(drop=True)
    b.saring(np.array([r is None for r in ringkas], dtype=bool))
    if b.habis("jawaban responden"):
        return {}
    kecamatan_kolom(b)
    n = len(b.df)
    jawaban = muat_jawaban(ctx.session)
    skor = {}
    for k in SKOR:
        h = baca_skor(b.df[k], k.upper(), jawaban, ctx.gaya_angka)
        b.laporkan(k, h)
        skor[k] = h
    teks = {k: umum.kolom_teks(b, k, maks=m) for k, m in (("id_responden", 100), ("tanggal", 100),
                                                          ("layanan", 200), ("jenis_kelamin", 50),
                                                          ("pendidikan", 100), ("pekerjaan", 100), ("saran", 10_000))}
    umur = umum.kolom_bulat(b, "umur")
    tahun = periode(b, "tahun")
    triwulan, jenis = survei.periode_survei(b)
    kosong = pd.Series([None] * n, dtype=object)
    t = pd.DataFrame({"kecamatan_id": b.df["kecamatan_id"], "kecamatan": b.df["kecamatan"],
                      "tahun": tahun if tahun is not None else pd.array([None] * n, dtype="Int64"),
                      "triwulan": triwulan if triwulan is not None else pd.array([None] * n, dtype="Int64")})
    for k in SKOR:
        t[k] = skor[k].nilai
    for k, h in teks.items():
        t[k] = h.nilai if h else kosong
    t["umur"] = umur.nilai if umur else pd.array([None] * n, dtype="Int64")
    t["periode"] = jenis
    skema = pa.DataFrameSchema({
        "tahun": pa.Column(nullable=True, checks=[rentang("tahun", 1900, 2100)]),
        "triwulan": pa.Column(nullable=True, checks=[rentang("triwulan", 1, 4)]),
        "umur": pa.Column(nullable=True, checks=[rentang("umur", 0, 120)]),
        **{k: pa.Column(nullable=True, checks=[pa.Check.isin([1, 2, 3, 4], error="skor")]) for k in SKOR},
    })
    validasi(b, t, skema, sudah=ditandai(*skor.items()))
    t["baris"] = b.df["baris"].to_numpy()
    umum.duplikat(b, t[["kecamatan_id", "tahun", "triwulan", "id_responden"]],
                  lambda r: f"responden '{r[3]}' ({fmt.triwulan(r[2])} {r[1]})")
    kuartal = sorted({(int(k), int(th), int(tw)) for k, th, tw in t[["kecamatan_id", "tahun", "triwulan"]]
                      .dropna().drop_duplicates().itertuples(index=False, name=None)})
    if ctx.mode == "tambah" and kuartal:
        _tolak_berkas_sama(b, kuartal)
    if not ctx.galat and not baris_total.empty:
        _cek_total(b, t, baris_total)
    return {"data": t, "lingkup": [list(x) for x in kuartal],
            "tambahan": {"mode": ctx.mode, "triwulan_periksa": max((x[2] for x in kuartal), default=None)}}


def _tolak_berkas_sama(b: Bingkai, kuartal: list[tuple]) -> None:
    ctx = b.ctx
    rows = ctx.session.execute(select(ImportLog.id, ImportLog.opsi, ImportLog.waktu).where(
        ImportLog.sha256 == ctx.sha256, ImportLog.dataset == "skm", ImportLog.status == "berhasil")).all()
    kini = {tuple(x) for x in kuartal}
    for iid, opsi, waktu in rows:
        lingkup = {tuple(x) for x in json.loads(opsi or "{}").get("lingkup", [])}
        sama = sorted(kini & lingkup)
        if sama:
            kid, th, tw = sama[0]
            nama = next((k for k, i in zip(b.df["kecamatan"], b.df["kecamatan_id"]) if asli(i) == kid), "")
            ctx.galat.tambah(None, None, f"Berkas yang sama persis sudah diimpor untuk Kecamatan {nama} "
                             f"{fmt.triwulan(tw)} {th} pada impor #{iid} ({fmt.waktu(waktu)}); mode tambah tidak "
                             "mengimpornya lagi.")
            return


def _cek_total(b: Bingkai, t: pd.DataFrame, baris_total: pd.DataFrame) -> None:
    """A JUMLAH / Σ row under the responses: its per-unsur sums against the responses'."""
    for _, tr in baris_total.iterrows():
        beda = []
        for k in SKOR:
            v = tr.get(k)
            if sel.kosong(v):
                continue
            try:
                cetak = baca_angka(v, b.ctx.gaya_angka)
            except NilaiError:
                continue
            hitung = int(t[k].sum())
            if cetak is not None and abs(cetak - hitung) > 1e-9:
                beda.append((k.upper(), hitung, cetak))
        for u, hitung, cetak in beda:
            b.ctx.peringatan.append(dict(
                jenis="total_tidak_sesuai",
                pesan=f"Jumlah nilai {u} pada baris '{sel.potong(tr['_pertama'], 40)}' tidak sama dengan jumlah "
                      "jawaban responden.",
                lokasi=f"baris {int(tr['baris'])}", diharapkan=fmt.angka(hitung, 0), ditemukan=fmt.angka(cetak, 0),
                tahun=asli(t["tahun"].iat[0]), triwulan=asli(t["triwulan"].iat[0])))


def tulis(p: Persiapan, w: Penulis) -> dict:
    data = p.data
    t = TABEL["skm_responden"]
    kuartal = {tuple(x) for x in p.lingkup}
    kids = sorted({x[0] for x in kuartal})
    tahun = sorted({x[1] for x in kuartal})
    # Stored and new rows stay tuples (100 000 responses must fit comfortably in memory).
    kolom_db, simpan = w.muat_tupel("skm_responden", t.c.kecamatan_id.in_(kids), t.c.tahun.in_(tahun))
    pos = {c: k for k, c in enumerate(kolom_db)}
    i_kuartal = [pos["kecamatan_id"], pos["tahun"], pos["triwulan"]]
    i_isi = [pos[c] for c in KONTEN]
    i_id, i_idr, i_imp = pos["id"], pos["id_responden"], pos["import_id"]
    tersimpan: dict[tuple, list[tuple]] = defaultdict(list)
    for r in simpan:
        k = tuple(r[j] for j in i_kuartal)
        if k in kuartal:
            tersimpan[k].append(r)
    del simpan
    kolom = ["kecamatan_id", "tahun", "triwulan", *KONTEN]
    rows = list(zip(*(kolom_asli(data[c]) for c in kolom)))
    j_idr = 3 + KONTEN.index("id_responden")
    per_kuartal: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        per_kuartal[r[:3]].append(i)
    status = [umum.TETAP] * len(rows)
    baru: list[tuple] = []
    ubah, hapus = [], []
    tetap_dari = set()  # the imports of the stored rows the file has unchanged (or, adding, skips)
    for k, idx in per_kuartal.items():
        lama = tersimpan.get(k, [])
        if p.tambahan["mode"] == "tambah":
            ada_id = {r[i_idr]: r[i_imp] for r in lama if r[i_idr] is not None}
            for i in idx:
                if rows[i][j_idr] is not None and rows[i][j_idr] in ada_id:
                    tetap_dari.add(ada_id[rows[i][j_idr]])
                    continue
                baru.append(rows[i])
                status[i] = umum.BARU
            continue
        kolam: dict[tuple, list[tuple]] = defaultdict(list)
        for r in lama:
            kolam[tuple(r[j] for j in i_isi)].append(r)
        sisa = []
        for i in idx:
            daftar = kolam.get(rows[i][3:])
            if daftar:
                tetap_dari.add(daftar.pop()[i_imp])
            else:
                sisa.append(i)
        sisa_lama = [r for daftar in kolam.values() for r in daftar]
        per_id = {r[i_idr]: r for r in sisa_lama if r[i_idr] is not None}
        dipakai = set()
        for i in sisa:
            r_id = rows[i][j_idr]
            lama_r = per_id.get(r_id) if r_id is not None else None
            if lama_r is not None and lama_r[i_id] not in dipakai:
                dipakai.add(lama_r[i_id])
                ubah.append((dict(zip(kolom_db, lama_r)), dict(zip(KONTEN, rows[i][3:]))))
                status[i] = umum.BERUBAH
            else:
                baru.append(rows[i])
                status[i] = umum.BARU
        hapus += [dict(zip(kolom_db, r)) for r in sisa_lama if r[i_id] not in dipakai]
    w.tetap("skm_responden", tetap_dari)
    w.hapus("skm_responden", hapus)
    w.ubah("skm_responden", ubah)
    w.sisipkan_tupel("skm_responden", kolom, baru)
    return umum.tally(zip(data["baris"].tolist(), status))
