"""`desa`: the desa/kelurahan of a kecamatan and, per year, their index score, dimensions and status.

A desa is found by its code when both sides have one, else by its name (case, spaces and punctuation
ignored). A file with only master columns updates the list; a status is per (desa, tahun). The status
delivered in the file wins; one that disagrees with its score is a warning (the checks), an unknown one
is an error.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from sqlalchemy import func, select

from dashboard import desa as desa_f
from dashboard.impor import sel
from dashboard.impor.dataset import desa_rekap, umum
from dashboard.impor.kolom import kunci
from dashboard.impor.siap import (Bingkai, Persiapan, asli, cek, ditandai, jenis_ringkasan, kecamatan_kolom,
                                  periode, peta_unik, rentang, validasi)
from dashboard.impor.tulis import TABEL, Penulis, beda
from models.tables import Desa

DIMENSI_2024 = ("layanan_dasar", "sosial", "ekonomi", "lingkungan", "aksesibilitas", "tata_kelola")
DIMENSI_IDM = ("iks", "ike", "ikl")
STATUS_KOLOM = ("skor", "status", "skema", *DIMENSI_2024, *DIMENSI_IDM)
JENIS = {"desa": "desa", "kelurahan": "kelurahan", "kel": "kelurahan", "kel.": "kelurahan", "d": "desa",
         "k": "kelurahan", "desa definitif": "desa", "desa persiapan": "desa"}
SKEMA = {"indeks desa 2024": "indeks_desa_2024", "indeks desa": "indeks_desa_2024", "id 2024": "indeks_desa_2024",
         "id": "indeks_desa_2024", "permendesa 9/2024": "indeks_desa_2024", "idm 2016": "idm_2016", "idm": "idm_2016",
         "indeks desa membangun": "idm_2016", "permendesa 2/2016": "idm_2016"}


def wajib_hilang(b: Bingkai) -> list[str]:
    return [] if b.ada("nama_desa") or desa_rekap.bentuk_rekap(b) else ["nama_desa"]


def siapkan(b: Bingkai) -> dict:
    ctx = b.ctx
    if desa_rekap.bentuk_rekap(b):
        return desa_rekap.siapkan(b)
    nama_total = np.array([j is not None for j in peta_unik(
        b.df["nama_desa"], lambda v: jenis_ringkasan(v) if isinstance(v, str) else None)], dtype=bool)
    b.saring(~((b.kosong("nama_desa") & b.ringkasan()) | nama_total))
    if b.habis("desa"):
        return {}
    kecamatan_kolom(b)
    n = len(b.df)
    nama = umum.kolom_teks(b, "nama_desa", maks=200)
    kode = umum.kolom_teks(b, "kode_desa", maks=50)
    jenis = umum.kolom_pilihan(b, "jenis", JENIS, "desa atau kelurahan")
    definitif = umum.kolom_pilihan(b, "definitif", {k: ("ya" if v else "tidak") for k, v in sel.YA_TIDAK.items()},
                                   "ya atau tidak")
    ada_status = any(b.ada(k) for k in STATUS_KOLOM)
    tahun = periode(b, "tahun", wajib=ada_status) if ada_status or b.ada("tahun") else None
    skema_h = umum.kolom_pilihan(b, "skema", SKEMA, "indeks_desa_2024 atau idm_2016")
    skor = umum.kolom_angka(b, "skor")
    dimensi = {k: umum.kolom_angka(b, k) for k in (*DIMENSI_2024, *DIMENSI_IDM)}
    status = [None] * n
    if b.ada("status"):
        for i, v in enumerate(b.df["status"].tolist()):
            if sel.kosong(v):
                continue
            s = desa_f.normalisasi_status(v)
            if s is None:
                b.galat(i, "status", f"status '{sel.potong(v)}' tidak dikenal (Mandiri, Maju, Berkembang, Tertinggal, "
                                     "Sangat Tertinggal)")
            status[i] = s
    # The scheme is stored only where the file names it (a skema column, or the dimensions of one scheme);
    # otherwise the kecamatan's setting decides, also later when it changes.
    if skema_h is None:
        if any(b.ada(k) for k in DIMENSI_IDM):
            bawaan = "idm_2016"
        elif any(b.ada(k) for k in DIMENSI_2024):
            bawaan = "indeks_desa_2024"
        else:
            bawaan = None
        skema = [bawaan] * n
    else:
        skema = [v or None for v in skema_h.nilai.tolist()]
    t = pd.DataFrame({"kecamatan_id": b.df["kecamatan_id"], "kecamatan": b.df["kecamatan"], "nama": nama.nilai,
                      "kode": kode.nilai if kode else pd.Series([None] * n, dtype=object),
                      "jenis": jenis.nilai if jenis else pd.Series([None] * n, dtype=object),
                      "definitif": [None if v is None else v == "ya" for v in definitif.nilai.tolist()]
                      if definitif else [None] * n,
                      "tahun": tahun if tahun is not None else pd.array([None] * n, dtype="Int64"),
                      "skema": skema, "skor": skor.nilai if skor else float("nan"), "status": status})
    for k, h in dimensi.items():
        t[k] = h.nilai if h else float("nan")
    is_idm = pd.Series([(s or ctx.setelan.skema_desa) == "idm_2016" for s in skema])
    t["_skor_2024"] = t["skor"].where(~is_idm)
    t["_skor_idm"] = t["skor"].where(is_idm)
    non_neg = cek("tidak_negatif", lambda s: s >= 0)
    skema_pa = pa.DataFrameSchema({
        "nama": pa.Column(nullable=False),
        "tahun": pa.Column(nullable=True, checks=[rentang("tahun", 1900, 2100)]),
        "_skor_2024": pa.Column(nullable=True, checks=[rentang("skor_indeks_desa_2024", 0, 100)]),
        "_skor_idm": pa.Column(nullable=True, checks=[rentang("skor_idm_2016", 0, 1)]),
        **{k: pa.Column(nullable=True, checks=[non_neg]) for k in dimensi if dimensi[k]},
    })
    b.header[(0, "_skor_2024")] = b.header[(0, "_skor_idm")] = b.header.get((0, "skor"), "skor")
    b.df["_skor_2024"] = b.df["_skor_idm"] = b.df["skor"] if b.ada("skor") else None
    b.header.setdefault((0, "nama"), b.header.get((0, "nama_desa"), "nama_desa"))
    sudah = ditandai(("nama", nama), *[(k, h) for k, h in dimensi.items() if h])
    if skor:
        sudah |= {(i, k) for i in skor.salah for k in ("_skor_2024", "_skor_idm")}
    validasi(b, t, skema_pa, sudah=sudah)
    t = t.drop(columns=["_skor_2024", "_skor_idm"])
    t["_kunci"] = [kunci(v) if v else None for v in t["nama"].tolist()]
    t["baris"] = b.df["baris"].to_numpy()
    if ada_status:
        umum.duplikat(b, t[["kecamatan_id", "_kunci", "tahun"]],
                      lambda r: f"desa '{_nama(t, r[1])}' tahun {asli(r[2])}")
    else:
        umum.duplikat(b, t[["kecamatan_id", "_kunci"]], lambda r: f"desa '{_nama(t, r[1])}'")
    if not ctx.galat:
        _cek_jumlah(b, t)
    lingkup = sorted({(asli(k), asli(th)) for k, th in zip(t["kecamatan_id"], t["tahun"]) if asli(k) is not None},
                     key=lambda x: (x[0], x[1] or 0))
    ada = [k for k in ("kode", "jenis", "definitif") if b.ada({"kode": "kode_desa"}.get(k, k))]
    ada_s = [k for k in STATUS_KOLOM if b.ada(k) and k != "skema"] + ["skema"]
    return {"data": t, "lingkup": [list(x) for x in lingkup],
            "tambahan": {"ada": ada, "ada_status": ada_s if ada_status else [], "triwulan_periksa": 4}}


def _nama(t: pd.DataFrame, k) -> str:
    return str(t.loc[t["_kunci"] == k, "nama"].iat[0])


def _cek_jumlah(b: Bingkai, t: pd.DataFrame) -> None:
    """The number of desa in the file against the number already stored for the kecamatan."""
    kids = sorted({int(k) for k in t["kecamatan_id"].dropna().tolist()})
    if not kids:
        return
    tersimpan = dict(b.ctx.session.execute(select(Desa.kecamatan_id, func.count()).where(
        Desa.kecamatan_id.in_(kids)).group_by(Desa.kecamatan_id)).all())
    for kid in kids:
        lama = tersimpan.get(kid, 0)
        di_berkas = len({k for k, i in zip(t["_kunci"], t["kecamatan_id"]) if asli(i) == kid and k})
        if lama and lama != di_berkas:
            nama = t.loc[t["kecamatan_id"] == kid, "kecamatan"].iat[0]
            tahun = sorted({asli(x) for x in t["tahun"] if asli(x) is not None})
            b.ctx.peringatan.append(dict(
                jenis="jumlah_desa_berubah",
                pesan=f"Berkas memuat {di_berkas} desa/kelurahan, sedangkan Kecamatan {nama} sudah mempunyai {lama}.",
                lokasi=f"Kecamatan {nama}", diharapkan=str(lama), ditemukan=str(di_berkas),
                **({"tahun": tahun[-1]} if tahun else {})))


def tulis(p: Persiapan, w: Penulis) -> dict:
    if p.tambahan.get("rekap"):
        return desa_rekap.tulis(p, w)
    data = p.data
    ada = set(p.tambahan["ada"])
    ada_s = list(p.tambahan["ada_status"])
    t_desa = TABEL["desa"]
    kids = sorted({int(k) for k in data["kecamatan_id"].tolist()})
    lama = w.muat("desa", t_desa.c.kecamatan_id.in_(kids))
    per_kode = {(r["kecamatan_id"], r["kode"]): r for r in lama if r["kode"]}
    per_nama = {(r["kecamatan_id"], kunci(r["nama"])): r for r in lama}
    rows = umum.rekaman(data, ["kecamatan_id", "nama", "kode", "jenis", "definitif", "tahun", "skema", "skor",
                               "status", *DIMENSI_2024, *DIMENSI_IDM, "_kunci", "baris"])
    # The desa list: one entry per desa of the file (the last row of a desa carries its description).
    desa_baru: dict[tuple, dict] = {}
    cocok: dict[tuple, dict] = {}
    for r in rows:
        kid = r["kecamatan_id"]
        d = (per_kode.get((kid, r["kode"])) if r["kode"] else None) or per_nama.get((kid, r["_kunci"]))
        key = (kid, r["_kunci"])
        if d is not None:
            cocok[key] = d
        desa_baru[key] = r
    baru, ubah, berubah = [], [], set()
    for key, r in desa_baru.items():
        d = cocok.get(key)
        nilai = {}
        if "kode" in ada and r["kode"]:
            nilai["kode"] = r["kode"]
        if "jenis" in ada and r["jenis"]:
            nilai["jenis"] = r["jenis"]
        if "definitif" in ada and r["definitif"] is not None:
            nilai["definitif"] = r["definitif"]
        if d is None:
            baru.append({"kecamatan_id": key[0], "nama": r["nama"], "jenis": "desa", "definitif": True, **nilai})
            continue
        if r["kode"] and d["kode"] == r["kode"] and d["nama"] != r["nama"]:
            nilai["nama"] = r["nama"]
        dd = beda(d, nilai)
        if dd:
            ubah.append((d, dd))
            berubah.add(key)
        else:
            w.tetap("desa", [d["import_id"]])
    w.ubah("desa", ubah)
    w.sisipkan("desa", baru)
    ids = {(r.kecamatan_id, kunci(r.nama)): r.id for r in w.conn.execute(
        select(t_desa.c.id, t_desa.c.kecamatan_id, t_desa.c.nama).where(t_desa.c.kecamatan_id.in_(kids)))}
    for key, d in cocok.items():
        ids[key] = d["id"]
    status = []
    if not ada_s:
        for r in rows:
            key = (r["kecamatan_id"], r["_kunci"])
            status.append((r["baris"], umum.BARU if key not in cocok else umum.BERUBAH if key in berubah
                           else umum.TETAP))
        return umum.tally(status)
    t_st = TABEL["desa_status"]
    desa_ids = sorted(set(ids[(r["kecamatan_id"], r["_kunci"])] for r in rows))
    lama_st = {}
    for i in range(0, len(desa_ids), 2000):
        for r in w.muat("desa_status", t_st.c.desa_id.in_(desa_ids[i:i + 2000])):
            lama_st[(r["desa_id"], r["tahun"])] = r
    baru_st, ubah_st = [], []
    for r in rows:
        key = (r["kecamatan_id"], r["_kunci"])
        did = ids[key]
        s = umum.BARU if key not in cocok else umum.BERUBAH if key in berubah else umum.TETAP
        nilai = {k: r[k] for k in ada_s}
        l = lama_st.get((did, r["tahun"]))
        if l is None:
            baru_st.append({"desa_id": did, "tahun": r["tahun"], **nilai})
            s = umum.BARU
        else:
            dd = beda(l, nilai)
            if dd:
                ubah_st.append((l, dd))
                s = max(s, umum.BERUBAH)
            else:
                w.tetap("desa_status", [l["import_id"]])
        status.append((r["baris"], s))
    w.ubah("desa_status", ubah_st)
    w.sisipkan("desa_status", baru_st)
    return umum.tally(status)
