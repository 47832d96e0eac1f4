"""`desa` as a table of counts (satu-data, BPS *Kecamatan Dalam Angka*): how many desa had each status per year.

No desa names are read or invented: the counts are stored per (kecamatan, tahun, status) and the rasio desa
mandiri of a year without per-desa statuses comes from them. Three shapes, all read the same way once the
header's year columns are spread into rows (`siap.susun`):

- status rows × year columns (`Status Desa | 2022 | 2023 …`, rows Mandiri … Sangat Tertinggal, a JUMLAH row);
- year rows × status columns (`Tahun | Mandiri | Maju | … | Jumlah`), with or without a `kecamatan` column
  (one row per kecamatan of the kabupaten);
- long: `tahun`, `status`, `jumlah`.

A status missing from a year's table has no desa (the year's five counts are written together). Total rows
and a `jumlah` column beside the status columns are checked against the sum, as in the budget files.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from sqlalchemy import func, select

from dashboard import desa as desa_f
from dashboard import format as fmt
from dashboard.impor import sel
from dashboard.impor.dataset import umum
from dashboard.impor.kolom import kunci
from dashboard.impor.siap import Bingkai, Persiapan, asli, jenis_ringkasan, kecamatan_kolom, periode
from dashboard.impor.tulis import TABEL, Penulis, beda
from models.tables import Desa, Kecamatan

KOLOM_STATUS = {"mandiri": "Mandiri", "maju": "Maju", "berkembang": "Berkembang", "tertinggal": "Tertinggal",
                "sangat_tertinggal": "Sangat Tertinggal"}


def bentuk_rekap(b: Bingkai) -> bool:
    """The file is a table of counts: a `jumlah` column (or year columns) or one column per status."""
    return b.ada("jumlah") or any(b.ada(k) for k in KOLOM_STATUS)


def _tahun_kolom(b: Bingkai) -> list[int]:
    return sorted({int(t) for t in b.df["_label_tahun"].dropna().tolist()}) if "_label_tahun" in b.df else []


def _daftar(xs: list, n: int = 4) -> str:
    teks = ", ".join(f"'{sel.potong(x, 30)}'" for x in xs[:n])
    return teks + (f" dan {len(xs) - n} lainnya" if len(xs) > n else "")


def siapkan(b: Bingkai) -> dict:
    ctx = b.ctx
    tahun_kolom = _tahun_kolom(b)
    if b.ada("nama_desa"):
        bentuk = (f"kolom tahun ({', '.join(map(str, tahun_kolom))})" if tahun_kolom
                  else "kolom jumlah desa per status")
        ctx.galat.tambah(None, None, f"Berkas ini tampak sebagai tabel per desa dengan {bentuk}: isi kolom itu tidak "
                         "jelas skor, status atau jumlah. Untuk skor atau status per tahun beri judul kolom seperti "
                         "'Skor 2024' dan 'Status 2024'; untuk rekap tanpa nama desa pakai baris status (Mandiri, "
                         "Maju, Berkembang, Tertinggal, Sangat Tertinggal) dan kolom tahun.")
        return {}
    per_status = [k for k in KOLOM_STATUS if b.ada(k)]
    if per_status:
        return _per_kolom(b, per_status)
    return _per_baris(b, tahun_kolom)


def _buang_baris_kabupaten(b: Bingkai) -> pd.DataFrame:
    """Rows of a kabupaten-wide table whose kecamatan cell names the kabupaten (its total row) are totals."""
    if not b.ada("kecamatan"):
        return b.df.iloc[0:0]
    kab = {kunci(k) for (k,) in b.ctx.session.execute(select(Kecamatan.kabupaten).distinct()).all()}

    def kabupaten(v) -> bool:
        if not isinstance(v, str):
            return False
        t = re.sub(r"(?i)^\s*(kabupaten|kab\.?)\s+", "", v)
        return kunci(t) in kab or t != v
    return b.saring(~np.array([kabupaten(v) for v in b.df["kecamatan"].tolist()], dtype=bool))


def _label(b: Bingkai) -> list:
    """Each row's status label: the status column, else the row's first text cell (an unnamed first column)."""
    return (b.df["status"] if b.ada("status") else b.df["_pertama"]).tolist()


def _status(label: list) -> list[str | None]:
    return [desa_f.normalisasi_status(v) if isinstance(v, str) else None for v in label]


def _per_baris(b: Bingkai, tahun_kolom: list[int]) -> dict:
    """Status rows with their count (year columns spread into rows, or a long table)."""
    ctx = b.ctx
    label = _label(b)
    status = _status(label)
    jenis = b.jenis_baris()
    total = np.array([s is None and (j == "total" or (isinstance(v, str) and jenis_ringkasan(v) == "total"))
                      for v, s, j in zip(label, status, jenis)], dtype=bool)
    kosong = b.kosong("jumlah")
    lain = np.array([s is None for s in status], dtype=bool) & ~total
    if not any(status):
        contoh = list(dict.fromkeys(str(v) for v in label if isinstance(v, str)))
        kolom = f"kolom tahun ({', '.join(map(str, tahun_kolom))})" if tahun_kolom else "kolom jumlah"
        ctx.galat.tambah(None, None, f"Berkas ini tampak sebagai tabel dengan {kolom}, tetapi barisnya "
                         f"({_daftar(contoh) or 'tanpa label'}) bukan status desa. Rekap desa memerlukan baris "
                         "Mandiri, Maju, Berkembang, Tertinggal dan Sangat Tertinggal (atau satu kolom per status).")
        return {}
    for i in np.flatnonzero(lain & ~kosong):
        b.galat(int(i), "status" if b.ada("status") else None,
                f"'{sel.potong(label[i])}' bukan status desa (Mandiri, Maju, Berkembang, Tertinggal, Sangat Tertinggal)")
    if (lain & ~kosong).any():
        return {}
    catatan = list(dict.fromkeys(str(label[i]) for i in np.flatnonzero(lain & kosong) if label[i] is not None))
    if catatan:
        ctx.catatan.append(f"Baris tanpa jumlah desa diabaikan: {_daftar(catatan)}.")
    baris_total = b.saring(~total)
    b.saring([s is not None for s in _status(_label(b))])
    baris_total = pd.concat([baris_total, _buang_baris_kabupaten(b)], ignore_index=True)
    if b.habis("rekap status desa"):
        return {}
    kecamatan_kolom(b)
    jumlah = umum.kolom_bulat(b, "jumlah")
    tahun = periode(b, "tahun")
    t = pd.DataFrame({"kecamatan_id": b.df["kecamatan_id"], "kecamatan": b.df["kecamatan"],
                      "tahun": tahun if tahun is not None else pd.array([None] * len(b.df), dtype="Int64"),
                      "status": _status(_label(b)), "jumlah": jumlah.nilai, "baris": b.df["baris"].to_numpy()})
    _negatif(b, t, "jumlah", jumlah)
    return _hasil(b, t, baris_total)


def _per_kolom(b: Bingkai, per_status: list[str]) -> dict:
    """One row per (kecamatan,) tahun with a column per status (and perhaps a `jumlah` total column)."""
    total = b.jenis_baris() == "total"
    baris_total = b.saring(~total)
    baris_total = pd.concat([baris_total, _buang_baris_kabupaten(b)], ignore_index=True)
    if b.habis("rekap status desa"):
        return {}
    kecamatan_kolom(b)
    tahun = periode(b, "tahun")
    n = len(b.df)
    hasil = {k: umum.kolom_bulat(b, k) for k in per_status}
    jumlah = umum.kolom_bulat(b, "jumlah")
    rows = []
    for i in range(n):
        th = asli(tahun.iat[i]) if tahun is not None else None
        for k, h in hasil.items():
            _negatif_satu(b, i, k, h)
            rows.append({"kecamatan_id": asli(b.df["kecamatan_id"].iat[i]), "kecamatan": b.df["kecamatan"].iat[i],
                         "tahun": th, "status": KOLOM_STATUS[k], "jumlah": asli(h.nilai.iat[i]),
                         "baris": b.baris(i)})
        if jumlah is not None and not b.ctx.galat:
            cetak = asli(jumlah.nilai.iat[i])
            hitung = sum(asli(h.nilai.iat[i]) or 0 for h in hasil.values())
            if cetak is not None and cetak != hitung:
                _peringatan_total(b, f"baris {b.baris(i)}", b.df["kecamatan"].iat[i], th, hitung, cetak)
    t = pd.DataFrame(rows, columns=["kecamatan_id", "kecamatan", "tahun", "status", "jumlah", "baris"])
    if not b.ctx.galat:
        _cek_total_kolom(b, t, baris_total, per_status)
    t["kecamatan_id"] = pd.array(t["kecamatan_id"].tolist(), dtype="Int64")
    t["tahun"] = pd.array(t["tahun"].tolist(), dtype="Int64")
    t["jumlah"] = pd.array(t["jumlah"].tolist(), dtype="Int64")
    return _hasil(b, t, baris_total)


def _cek_total_kolom(b: Bingkai, t: pd.DataFrame, baris_total: pd.DataFrame, per_status: list[str]) -> None:
    """A total row under the rows (JUMLAH, or the kabupaten's row) against each status column's sum."""
    if len(set(t["tahun"].tolist())) > 1:
        return
    for _, r in baris_total.iterrows():
        for k in per_status:
            v = r.get(k)
            if sel.kosong(v):
                continue
            try:
                cetak = int(float(str(v).replace(".", "").replace(",", ".")))
            except ValueError:
                continue
            hitung = int(t.loc[t["status"] == KOLOM_STATUS[k], "jumlah"].fillna(0).sum())
            if cetak != hitung:
                b.ctx.peringatan.append(dict(
                    jenis="total_desa_tidak_sesuai",
                    pesan=f"Jumlah desa {KOLOM_STATUS[k]} pada baris jumlah tidak sama dengan jumlah baris-barisnya.",
                    lokasi=f"baris {int(r['baris'])}", diharapkan=fmt.angka(hitung, 0), ditemukan=fmt.angka(cetak, 0),
                    **({"tahun": asli(t["tahun"].iat[0])} if asli(t["tahun"].iat[0]) else {})))


def _negatif(b: Bingkai, t: pd.DataFrame, kolom: str, h: sel.Hasil | None) -> None:
    for i in range(len(t)):
        _negatif_satu(b, i, kolom, h)


def _negatif_satu(b: Bingkai, i: int, kolom: str, h: sel.Hasil | None) -> None:
    if h is None or i in h.salah:
        return
    v = asli(h.nilai.iat[i])
    if v is not None and v < 0:
        b.galat(i, kolom, f"jumlah desa '{b.mentah(kolom, i)}' tidak boleh negatif")


def _peringatan_total(b: Bingkai, lokasi: str, kecamatan, tahun, hitung: int, cetak: int) -> None:
    b.ctx.peringatan.append(dict(
        jenis="total_desa_tidak_sesuai",
        pesan=f"Jumlah desa{f' {tahun}' if tahun else ''} yang tercetak tidak sama dengan jumlah desa per status.",
        lokasi=lokasi, diharapkan=fmt.angka(hitung, 0), ditemukan=fmt.angka(cetak, 0),
        **({"tahun": tahun} if tahun else {}), **({"kecamatan": kecamatan} if b.ada("kecamatan") else {})))


def _hasil(b: Bingkai, t: pd.DataFrame, baris_total: pd.DataFrame) -> dict:
    ctx = b.ctx
    kosong = t["jumlah"].isna()
    if kosong.all():
        ctx.galat.tambah(None, None, "Rekap status desa tidak berisi satu pun jumlah desa.")
        return {}
    t = t[~kosong].reset_index(drop=True)
    umum.duplikat(b, t[["kecamatan_id", "tahun", "status"]],
                  lambda r: f"status {r[2]} tahun {asli(r[1])}" if r[1] is not None else f"status {r[2]}")
    if not ctx.galat:
        _cek_total(b, t, baris_total)
        _cek_daftar_desa(b, t)
    lingkup = sorted({(int(k), int(th)) for k, th in zip(t["kecamatan_id"], t["tahun"])
                      if asli(k) is not None and asli(th) is not None})
    tahun = sorted({x[1] for x in lingkup})
    ctx.catatan.append(f"Dibaca sebagai rekap jumlah desa per status (tanpa nama desa) untuk "
                       f"{len({x[0] for x in lingkup})} kecamatan, tahun {', '.join(map(str, tahun))}; rasio desa "
                       "mandiri tahun yang tidak punya status per desa dihitung dari rekap ini.")
    return {"data": t, "lingkup": [list(x) for x in lingkup], "tambahan": {"rekap": True, "triwulan_periksa": 4}}


def _cek_total(b: Bingkai, t: pd.DataFrame, baris_total: pd.DataFrame) -> None:
    """A JUMLAH row of a status × year table (its count per year) against the sum of the status rows."""
    if baris_total.empty or "jumlah" not in baris_total.columns or len(set(t["kecamatan_id"].tolist())) > 1:
        return
    for _, r in baris_total.iterrows():
        v = r.get("jumlah")
        if sel.kosong(v):
            continue
        try:
            cetak = int(str(v).replace(".", "").strip())
        except ValueError:
            continue
        th = asli(r.get("_label_tahun")) if not b.ada("tahun") else None
        th = int(th) if th is not None else (asli(t["tahun"].iat[0]) if t["tahun"].nunique() == 1 else None)
        hitung = int(t.loc[t["tahun"] == th, "jumlah"].sum()) if th is not None else int(t["jumlah"].sum())
        if cetak != hitung:
            _peringatan_total(b, f"baris {int(r['baris'])}", t["kecamatan"].iat[0], th, hitung, cetak)


def _cek_daftar_desa(b: Bingkai, t: pd.DataFrame) -> None:
    """The desa a year's counts add up to against the kecamatan's desa list, when it has one."""
    kids = sorted({int(k) for k in t["kecamatan_id"].dropna().tolist()})
    tersimpan = dict(b.ctx.session.execute(
        select(Desa.kecamatan_id, func.count()).where(Desa.kecamatan_id.in_(kids), Desa.jenis == "desa",
                                                      Desa.definitif.is_(True)).group_by(Desa.kecamatan_id)).all())
    for (kid, th), g in t.groupby(["kecamatan_id", "tahun"]):
        lama, di_berkas = tersimpan.get(int(kid)), int(g["jumlah"].sum())
        if lama and lama != di_berkas:
            nama = g["kecamatan"].iat[0]
            b.ctx.peringatan.append(dict(
                jenis="jumlah_desa_berubah",
                pesan=f"Rekap {int(th)} menghitung {di_berkas} desa, sedangkan daftar desa Kecamatan {nama} berisi "
                      f"{lama} desa definitif.",
                lokasi=f"Kecamatan {nama}", diharapkan=str(lama), ditemukan=str(di_berkas), tahun=int(th),
                **({"kecamatan": nama} if b.ada("kecamatan") else {})))


def tulis(p: Persiapan, w: Penulis) -> dict:
    """The five counts of every (kecamatan, tahun) in the file; a status the file leaves out has 0 desa."""
    t = TABEL["desa_rekap"]
    data = p.data
    kids = sorted({int(x[0]) for x in p.lingkup})
    tahun = sorted({int(x[1]) for x in p.lingkup})
    lama = {(r["kecamatan_id"], r["tahun"], r["status"]): r
            for r in w.muat("desa_rekap", t.c.kecamatan_id.in_(kids), t.c.tahun.in_(tahun))}
    berkas = {(r["kecamatan_id"], r["tahun"], r["status"]): r
              for r in umum.rekaman(data, ["kecamatan_id", "tahun", "status", "jumlah", "baris"])}
    baru, ubah, status = [], [], []
    for kid, th in {tuple(x) for x in p.lingkup}:
        for s in desa_f.STATUS:
            key = (kid, th, s)
            r = berkas.get(key)
            jumlah = r["jumlah"] if r else 0
            l = lama.get(key)
            if l is None:
                baru.append({"kecamatan_id": kid, "tahun": th, "status": s, "jumlah": jumlah})
                hasil = umum.BARU
            else:
                d = beda(l, {"jumlah": jumlah})
                if d:
                    ubah.append((l, d))
                else:
                    w.tetap("desa_rekap", [l["import_id"]])
                hasil = umum.BERUBAH if d else umum.TETAP
            if r:
                status.append((r["baris"], hasil))
    w.ubah("desa_rekap", ubah)
    w.sisipkan("desa_rekap", baru)
    return umum.tally(status)
