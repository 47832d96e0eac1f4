"""`indikator`: the IKU and other indicators with their yearly targets (versions kept; the latest import wins)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from sqlalchemy import select

from dashboard.impor import baca
from dashboard.impor.dataset import umum
from dashboard.impor.kolom import kunci
from dashboard.impor.siap import (Bingkai, Persiapan, asli, beri_kode, ditandai, kecamatan_kolom, kode_dari_nama,
                                  periode, rentang, validasi)
from dashboard.impor.tulis import TABEL, Penulis, beda
from models.tables import Indikator

MASTER = ("nama", "sasaran", "satuan", "jenis", "polaritas", "agregasi", "hitung", "nol_per_nol", "urutan")
NILAI_TARGET = ("target", "target_tw1", "target_tw2", "target_tw3", "target_tw4", "target_renstra")
BAWAAN = {"jenis": "iku", "polaritas": "positif", "agregasi": "terakhir"}

JENIS = {"iku": "iku", "ik": "ik", "indikator kinerja utama": "iku", "indikator kinerja": "ik", "pendukung": "ik",
         "utama": "iku"}
POLARITAS = {"positif": "positif", "negatif": "negatif", "makin tinggi makin baik": "positif",
             "makin rendah makin baik": "negatif", "naik": "positif", "turun": "negatif", "maksimal": "positif",
             "minimal": "negatif"}
AGREGASI = {"terakhir": "terakhir", "jumlah": "jumlah", "rata rata": "rata_rata", "ratarata": "rata_rata",
            "rerata": "rata_rata", "akhir": "terakhir", "kumulatif": "jumlah"}
HITUNG = {"ikm": "ikm", "rasio desa mandiri": "rasio_desa_mandiri", "desa mandiri": "rasio_desa_mandiri",
          "tidak": "", "tidak ada": "", "manual": ""}


def tebak_hitung(nama: str | None) -> str | None:
    n = " ".join(str(nama or "").lower().split())
    if "kepuasan masyarakat" in n:
        return "ikm"
    if "desa mandiri" in n:
        return "rasio_desa_mandiri"
    return None


def wajib_hilang(b: Bingkai) -> list[str]:
    # Without codes the names number the indicators (an IKU list as e-kinerja or a satu-data table prints it).
    return [k for k in ("kode", "indikator", "target") if not b.ada(k) and not (k == "kode" and b.ada("indikator"))]


def siapkan(b: Bingkai) -> dict:
    b.saring(~(b.kosong("kode") & b.ringkasan()))
    if not b.ada("kode"):
        # Heading rows (a kegiatan above its indicators) have neither a name nor a target.
        b.saring(~(b.kosong("indikator") & b.kosong("target")))
    if b.habis("indikator"):
        return {}
    kecamatan_kolom(b)
    if not b.ada("kode"):
        _kode_dari_nama(b)
    kode = umum.kolom_teks(b, "kode", maks=50)
    nama = umum.kolom_teks(b, "indikator", maks=1000)
    sasaran = umum.kolom_teks(b, "sasaran", maks=2000)
    satuan = umum.kolom_teks(b, "satuan", maks=50)
    jenis = umum.kolom_pilihan(b, "jenis", JENIS, "iku atau ik")
    polaritas = umum.kolom_pilihan(b, "polaritas", POLARITAS, "positif atau negatif")
    agregasi = umum.kolom_pilihan(b, "agregasi", AGREGASI, "terakhir, jumlah atau rata_rata")
    hitung = umum.kolom_pilihan(b, "hitung", HITUNG, "ikm atau rasio_desa_mandiri (atau kosong)")
    nol = umum.kolom_angka(b, "nol_per_nol")
    urutan = umum.kolom_bulat(b, "urutan")
    versi = umum.kolom_teks(b, "versi", maks=100)
    tahun = periode(b, "tahun")
    nilai = {k: umum.kolom_angka(b, k) for k in NILAI_TARGET}
    n = len(b.df)
    kosong = pd.Series([None] * n, dtype=object)
    t = pd.DataFrame({
        "kecamatan_id": b.df["kecamatan_id"], "kecamatan": b.df["kecamatan"], "kode": kode.nilai,
        "nama": nama.nilai, "tahun": tahun if tahun is not None else pd.array([None] * n, dtype="Int64"),
        "versi": versi.nilai.fillna("") if versi else pd.Series([""] * n, dtype=object),
    })
    for k, h in nilai.items():
        t[k] = h.nilai if h else float("nan")
    t["sasaran"] = sasaran.nilai if sasaran else kosong
    t["satuan"] = satuan.nilai if satuan else kosong
    t["jenis"] = jenis.nilai if jenis else kosong
    t["polaritas"] = polaritas.nilai if polaritas else kosong
    t["agregasi"] = agregasi.nilai if agregasi else kosong
    tebakan = [tebak_hitung(x) for x in t["nama"].tolist()]
    if hitung:
        t["hitung"] = [(v or None) if v is not None else tb for v, tb in zip(hitung.nilai.tolist(), tebakan)]
    else:
        t["hitung"] = tebakan
    t["nol_per_nol"] = nol.nilai if nol else float("nan")
    if urutan:
        t["urutan"] = urutan.nilai
    else:
        pertama = {}
        for k in t["kode"].tolist():
            if k is not None and k not in pertama:
                pertama[k] = len(pertama) + 1
        t["urutan"] = pd.array([pertama.get(k) for k in t["kode"].tolist()], dtype="Int64")
    skema = pa.DataFrameSchema({
        "kode": pa.Column(nullable=False), "nama": pa.Column(nullable=False),
        "tahun": pa.Column(nullable=False, checks=[rentang("tahun", 1900, 2100)]),
    })
    hasil = [("kode", kode), ("nama", nama)]
    sudah = ditandai(*hasil) | {(i, "tahun") for i in range(n) if tahun is None or tahun.iat[i] is pd.NA}
    b.header.setdefault((0, "nama"), b.header.get((0, "indikator"), "indikator"))
    validasi(b, t, skema, sudah=sudah)
    umum.duplikat(b, t[["kecamatan_id", "kode", "tahun", "versi"]],
                  lambda r: f"indikator '{r[1]}' tahun {r[2]}" + (f" versi '{r[3]}'" if r[3] else ""))
    t["baris"] = b.df["baris"].to_numpy()
    ada = [k for k in ("sasaran", "satuan", "jenis", "polaritas", "agregasi", "nol_per_nol", "urutan", "hitung")
           if b.ada(k)] + [k for k in NILAI_TARGET if b.ada(k)]
    lingkup = sorted({(asli(k), asli(th)) for k, th in zip(t["kecamatan_id"], t["tahun"]) if asli(th) is not None
                      and asli(k) is not None})
    return {"data": t, "lingkup": [list(x) for x in lingkup],
            "tambahan": {"ada": ada, "urutan_dari_berkas": not b.ada("urutan")}}


def _kode_dari_nama(b: Bingkai) -> None:
    """Codes for a list without them: an indicator of the kecamatan stored under the same name keeps its code,
    any other gets one made from its name."""
    kids = sorted({int(k) for k in b.df["kecamatan_id"].dropna().tolist()})
    ada = {(r.kecamatan_id, kunci(r.nama)): r.kode for r in b.ctx.session.execute(
        select(Indikator.kecamatan_id, Indikator.kode, Indikator.nama).where(Indikator.kecamatan_id.in_(kids))).all()}
    kode = []
    for kid, nama in zip(b.df["kecamatan_id"].tolist(), b.df["indikator"].tolist()):
        if baca.kosong_sel(nama):
            kode.append(None)
            continue
        kode.append(ada.get((asli(kid), kunci(nama))) or kode_dari_nama("IK", nama))
    beri_kode(b, kode, "indikator", "Indikator yang namanya sudah tersimpan memakai kodenya yang ada.")


def tulis(p: Persiapan, w: Penulis) -> dict:
    data = p.data
    ada = set(p.tambahan["ada"])
    t_ind, t_tgt = TABEL["indikator"], TABEL["target"]
    kids = sorted({int(k) for k in data["kecamatan_id"].tolist()})
    lama = {(r["kecamatan_id"], r["kode"]): r for r in w.muat("indikator", t_ind.c.kecamatan_id.in_(kids))}
    rows = umum.rekaman(data, ["kecamatan_id", "kode", "nama", "tahun", "versi", *MASTER[1:], *NILAI_TARGET])
    # The indicator itself: the last row of a code carries its description.
    master: dict[tuple, dict] = {}
    for r in rows:
        m = {"kecamatan_id": r["kecamatan_id"], "kode": r["kode"], "nama": r["nama"]}
        for k in MASTER[1:]:
            if k in ada or k == "hitung" or (k == "urutan" and p.tambahan["urutan_dari_berkas"]):
                m[k] = r[k]
        master[(r["kecamatan_id"], r["kode"])] = m
    baru, ubah, master_berubah = [], [], set()
    for key, m in master.items():
        r = lama.get(key)
        if r is None:
            baru.append({**BAWAAN, **{k: v for k, v in m.items() if v is not None or k not in BAWAAN},
                         "urutan": m.get("urutan") or 0})
            continue
        if "hitung" not in ada and m.get("hitung") is None:
            m.pop("hitung", None)
        for k in ("jenis", "polaritas", "agregasi"):
            if m.get(k) is None:
                m.pop(k, None)
        if m.get("urutan") is None:
            m.pop("urutan", None)
        d = beda(r, m)
        if d:
            ubah.append((r, d))
            master_berubah.add(key)
        else:
            w.tetap("indikator", [r["import_id"]])
    w.ubah("indikator", ubah)
    w.sisipkan("indikator", baru)
    ids = {(r.kecamatan_id, r.kode): r.id for r in w.conn.execute(
        select(t_ind.c.id, t_ind.c.kecamatan_id, t_ind.c.kode).where(t_ind.c.kecamatan_id.in_(kids)))}
    id_dipakai = sorted({ids[(r["kecamatan_id"], r["kode"])] for r in rows})
    tahun = sorted({r["tahun"] for r in rows})
    target_lama = {}
    urutan_maks: dict[tuple, int] = {}
    for bagian in [id_dipakai[i:i + 2000] for i in range(0, len(id_dipakai), 2000)]:
        for r in w.muat("target", t_tgt.c.indikator_id.in_(bagian), t_tgt.c.tahun.in_(tahun)):
            target_lama[(r["indikator_id"], r["tahun"], r["versi"])] = r
            k = (r["indikator_id"], r["tahun"])
            urutan_maks[k] = max(urutan_maks.get(k, 0), r["urutan_versi"])
    baru_t, ubah_t, status = [], [], []
    kolom_nilai = [k for k in NILAI_TARGET if k in ada]
    for r in rows:
        iid = ids[(r["kecamatan_id"], r["kode"])]
        key = (iid, r["tahun"], r["versi"])
        nilai = {k: r[k] for k in kolom_nilai}
        lama_t = target_lama.get(key)
        k2 = (iid, r["tahun"])
        if lama_t is None:
            urutan_maks[k2] = urutan_maks.get(k2, 0) + 1
            baru_t.append({"indikator_id": iid, "tahun": r["tahun"], "versi": r["versi"],
                           "urutan_versi": urutan_maks[k2], **nilai})
            status.append(umum.BARU)
            continue
        d = beda(lama_t, nilai)
        if d:
            urutan_maks[k2] = urutan_maks.get(k2, 0) + 1
            d["urutan_versi"] = urutan_maks[k2]
            ubah_t.append((lama_t, d))
            status.append(umum.BERUBAH)
        else:
            w.tetap("target", [lama_t["import_id"]])
            status.append(umum.BERUBAH if (r["kecamatan_id"], r["kode"]) in master_berubah else umum.TETAP)
    w.ubah("target", ubah_t)
    w.sisipkan("target", baru_t)
    return umum.tally(zip(data["baris"].tolist(), status))

