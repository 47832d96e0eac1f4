"""The Pengaturan page's data work: settings in force and their origin, custom scales, master data, the log.

Pure functions on a session (SQLAlchemy Core/ORM, no Streamlit). Every write is logged in
`pengaturan_log`; a value that is not allowed raises `PengaturanError` with an Indonesian message
and writes nothing.
"""

from __future__ import annotations

import json
import math
from datetime import timezone

import pandas as pd
from sqlalchemy import delete, func, select
from sqlmodel import Session

from dashboard import desa as desa_f
from dashboard import format as fmt
from dashboard import skm as skm_f
from dashboard.akun import log_ubah, wajib
from dashboard.data import muat_skala
from dashboard.pengaturan import DEFAULTS, PENJELASAN, PengaturanError
from dashboard.skala import PRESETS, Band, urutkan, validasi
from models.tables import Desa, Kecamatan, Pengaturan, PengaturanLog, Skala

PILIHAN_BATAS_CAPAIAN = {"none": "Tanpa batas (bawaan)", "100": "Dibatasi 100 %", "120": "Dibatasi 120 %"}
PILIHAN_BOBOT = {"1/9": "1/9 (tepat, bawaan)", "0.111": "0,111 (seperti laporan lama)"}
ASAL = {"bawaan": "bawaan aplikasi", "umum": "semua kecamatan", "khusus": "khusus kecamatan ini"}
WARNA_KHUSUS = "#e0b400"  # an override stands out in the table of settings in force
LABEL = {
    "skala_capaian": "Skala kategori capaian IKU",
    "skala_serapan": "Skala kategori serapan anggaran",
    "efisiensi_metode": "Metode efisiensi",
    "bobot_ikm": "Bobot NRR dalam IKM",
    "skema_desa": "Skema status desa",
    "batas_capaian": "Batas capaian saat dirata-ratakan",
    "ambang_indeks_desa_2024": "Ambang status Indeks Desa 2024",
    "ambang_idm_2016": "Ambang status IDM 2016",
    "unsur_label": "Label unsur SKM",
    "unsur_urutan": "Urutan tampil unsur SKM",
    "skm_populasi": "Populasi pengguna layanan (sampel SKM)",
    "ukuran_file_maks_mb": "Ukuran berkas unggahan maksimum",
    "templat_pptx": "Templat PowerPoint kabupaten",
}


def label(kunci: str) -> str:
    return LABEL.get(kunci) or PENJELASAN.get(kunci, kunci)


def baca_batas(teks, apa: str) -> float:
    """A bound typed in an editor (`79,63` or `79.63`); PengaturanError naming `apa` otherwise."""
    from dashboard.nilai import NilaiError, baca_angka, gaya_nilai

    if isinstance(teks, (int, float)) and not _kosong(teks):
        return float(teks)
    try:
        nilai = baca_angka(teks, gaya_nilai(teks) or "id")
    except NilaiError:
        raise PengaturanError(f"{apa}: '{teks}' bukan angka.") from None
    if nilai is None:
        raise PengaturanError(f"{apa} belum diisi.")
    return nilai


# ---------------------------------------------------------------- settings in force

def tersimpan(session: Session, kecamatan_id: int) -> tuple[dict[str, str], dict[str, str]]:
    """The stored common values (kecamatan 0) and the kecamatan's own overrides."""
    rows = session.execute(select(Pengaturan.kecamatan_id, Pengaturan.kunci, Pengaturan.nilai)
                           .where(Pengaturan.kecamatan_id.in_({0, kecamatan_id}),
                                  Pengaturan.kunci.in_(list(DEFAULTS)))).all()
    umum = {k: v for kid, k, v in rows if kid == 0}
    khusus = {k: v for kid, k, v in rows if kid == kecamatan_id and kid != 0}
    return umum, khusus


def asal_nilai(kunci: str, umum: dict[str, str], khusus: dict[str, str]) -> str:
    if kunci in khusus:
        return "khusus"
    return "umum" if kunci in umum else "bawaan"


def nilai_lingkup(kunci: str, umum: dict[str, str], khusus: dict[str, str], lingkup_kecamatan: bool) -> str:
    """The value a form shows: for "semua kecamatan" the common one, for a kecamatan the one in force."""
    if lingkup_kecamatan and kunci in khusus:
        return khusus[kunci]
    return umum.get(kunci, DEFAULTS[kunci])


def tampil_nilai(kunci: str, nilai: str | None) -> str:
    """A setting's value as a user reads it."""
    if nilai is None:
        return "—"
    if kunci == "efisiensi_metode":
        from dashboard.efisiensi import METODE

        return METODE.get(nilai, nilai)
    if kunci == "bobot_ikm":
        return PILIHAN_BOBOT.get(nilai, nilai)
    if kunci == "batas_capaian":
        return PILIHAN_BATAS_CAPAIAN.get(nilai, nilai)
    if kunci == "skema_desa":
        return desa_f.SKEMA[nilai][0] if nilai in desa_f.SKEMA else nilai
    if kunci.startswith("ambang_"):
        try:
            return "; ".join(f"{s} {'≥' if i else '>'} {fmt.angka_ringkas(b)}"
                             for b, i, s in json.loads(nilai))
        except (ValueError, TypeError):
            return nilai
    if kunci == "unsur_label":
        try:
            data = json.loads(nilai)
        except ValueError:
            return nilai
        berubah = {u: v for u, v in data.items() if skm_f.LABEL_UNSUR.get(u) != v}
        return "; ".join(f"{u}: {v}" for u, v in berubah.items()) or "label bawaan PermenPANRB 14/2017"
    if kunci == "unsur_urutan":
        try:
            return " · ".join(json.loads(nilai))
        except ValueError:
            return nilai
    if kunci == "skm_populasi":
        return fmt.angka(int(nilai), 0) + " orang" if nilai else "belum diisi"
    if kunci == "ukuran_file_maks_mb":
        return f"{fmt.angka_ringkas(float(nilai))} MB"
    return nilai


def tabel_pengaturan(umum: dict[str, str], khusus: dict[str, str], nama_kecamatan: str) -> pd.DataFrame:
    """Every setting: the value in force for the kecamatan and where it comes from."""
    rows = []
    for kunci in DEFAULTS:
        asal = asal_nilai(kunci, umum, khusus)
        berlaku = khusus.get(kunci, umum.get(kunci, DEFAULTS[kunci]))
        rows.append({"Pengaturan": label(kunci), f"Berlaku untuk {nama_kecamatan}": tampil_nilai(kunci, berlaku),
                     "Asal": f"khusus {nama_kecamatan}" if asal == "khusus" else ASAL[asal],
                     "Nilai semua kecamatan": tampil_nilai(kunci, umum.get(kunci, DEFAULTS[kunci])),
                     "_warna_Asal": WARNA_KHUSUS if asal == "khusus" else None, "_kunci": kunci})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- scales

def daftar_skala(session: Session) -> dict[str, list[Band]]:
    """Every scale by name, highest band first (presets included: they are seeded as data)."""
    return {nama: urutkan(b) for nama, b in sorted(muat_skala(session).items())}


def tabel_skala(bands: list[Band]) -> pd.DataFrame:
    """A scale for reading: one row per band, highest first, the label cell in the band's colour."""
    rows = []
    for b in urutkan(bands):
        rows.append({"Kategori": b.label,
                     "Berlaku untuk nilai": f"{'≥' if b.inklusif else '>'} {fmt.angka_ringkas(b.batas_bawah)}",
                     "_warna": b.warna})
    if rows:
        rows[-1]["Berlaku untuk nilai"] += " (dan di bawahnya)"
    return pd.DataFrame(rows, columns=["Kategori", "Berlaku untuk nilai", "_warna"])


KOLOM_EDITOR = ["batas_bawah", "inklusif", "label", "warna"]


def editor_skala(bands: list[Band]) -> pd.DataFrame:
    """The rows of the scale editor (canonical column names of the `skala` import)."""
    return pd.DataFrame([{"batas_bawah": fmt.angka_ringkas(b.batas_bawah), "inklusif": b.inklusif, "label": b.label,
                          "warna": b.warna} for b in urutkan(bands)], columns=KOLOM_EDITOR)


def _kosong(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip()) \
        or v is pd.NA


def bands_dari_editor(df: pd.DataFrame) -> tuple[list[Band], list[str]]:
    """The bands typed in the editor, and every problem with them (Indonesian); blank rows are skipped."""
    bands, masalah = [], []
    for nomor, row in enumerate(df.to_dict("records"), start=1):
        if all(_kosong(row.get(k)) for k in ("batas_bawah", "label", "warna")):
            continue
        try:
            batas = baca_batas(row.get("batas_bawah"), f"Baris {nomor}: batas bawah")
        except PengaturanError as exc:
            masalah.append(f"{exc}")
            continue
        inklusif = row.get("inklusif")
        warna = row.get("warna")
        bands.append(Band(batas, "" if _kosong(row.get("label")) else str(row["label"]).strip(),
                          "" if _kosong(warna) else str(warna).strip(), True if _kosong(inklusif) else bool(inklusif)))
    masalah += validasi(bands)
    masalah += [f"Rentang '{b.label or fmt.angka_ringkas(b.batas_bawah)}' belum diberi warna (contoh: #1b7f3b)."
                for b in bands if not b.warna]
    return bands, masalah


def _json_skala(bands: list[Band]) -> str:
    return json.dumps([[float(b.batas_bawah), bool(b.inklusif), b.label, b.warna] for b in urutkan(bands)],
                      ensure_ascii=False)


def simpan_skala(session: Session, nama: str, bands: list[Band], *, pengguna: str) -> bool:
    """Replace every band of the scale `nama` (a new scale, or the user's own); logged. False: unchanged.

    The presets are reference data and stay as the regulations print them: save a changed copy
    under another name.
    """
    p = wajib(pengguna, "master", session=session)
    nama = (nama or "").strip()
    masalah = []
    if not nama:
        masalah.append("Nama skala belum diisi.")
    elif nama in PRESETS:
        masalah.append(f"Skala '{nama}' adalah skala bawaan dan tidak dapat diubah; simpan dengan nama lain.")
    masalah += validasi(bands)
    masalah += [f"Rentang '{b.label}' belum diberi warna (contoh: #1b7f3b)." for b in bands if not b.warna]
    if masalah:
        raise PengaturanError(" ".join(dict.fromkeys(masalah)))
    lama = [Band(r.batas_bawah, r.label, r.warna or "", r.inklusif) for r in
            session.execute(select(Skala).where(Skala.nama == nama)).scalars()]
    baru = _json_skala(bands)
    if lama and _json_skala(lama) == baru:
        return False
    session.execute(delete(Skala).where(Skala.nama == nama))
    for b in bands:
        session.add(Skala(nama=nama, batas_bawah=b.batas_bawah, inklusif=b.inklusif, label=b.label, warna=b.warna))
    log_ubah(session, p, "master", 0, f"skala:{nama}", _json_skala(lama) if lama else None, baru)
    session.flush()
    return True


# ---------------------------------------------------------------- desa scheme and SKM unsur

def editor_ambang(nilai_json: str) -> pd.DataFrame:
    rows = [{"status": s, "batas_bawah": fmt.angka_ringkas(float(b)), "inklusif": bool(i)}
            for b, i, s in json.loads(nilai_json)]
    return pd.DataFrame(rows, columns=["status", "batas_bawah", "inklusif"])


def ambang_dari_editor(df: pd.DataFrame) -> str:
    """The thresholds as the setting's JSON ([batas, inklusif, status], Mandiri first)."""
    rows = []
    for r in df.to_dict("records"):
        batas = baca_batas(r.get("batas_bawah"), f"Ambang {r.get('status')}")
        rows.append([batas, bool(r.get("inklusif")), str(r["status"])])
    return json.dumps(rows)


def editor_unsur(label_json: str, urutan_json: str) -> pd.DataFrame:
    label = {**skm_f.LABEL_UNSUR, **json.loads(label_json)}
    urutan = json.loads(urutan_json)
    return pd.DataFrame([{"unsur": u, "label": label[u], "urutan": urutan.index(u) + 1} for u in skm_f.UNSUR],
                        columns=["unsur", "label", "urutan"])


def unsur_dari_editor(df: pd.DataFrame) -> tuple[str, str]:
    """(unsur_label JSON, unsur_urutan JSON) from the editor; the order must use 1..9 once each."""
    rows = df.to_dict("records")
    label = {r["unsur"]: ("" if _kosong(r.get("label")) else str(r["label"]).strip()) for r in rows}
    kosong = [u for u, v in label.items() if not v]
    if kosong:
        raise PengaturanError(f"Label unsur {', '.join(kosong)} belum diisi.")
    try:
        nomor = {r["unsur"]: int(r["urutan"]) for r in rows}
    except (TypeError, ValueError):
        raise PengaturanError("Urutan unsur harus diisi angka 1 sampai 9.") from None
    if sorted(nomor.values()) != list(range(1, 10)):
        raise PengaturanError("Urutan unsur harus memakai angka 1 sampai 9, masing-masing tepat sekali.")
    return (json.dumps(label, ensure_ascii=False), json.dumps(sorted(nomor, key=nomor.get)))


# ---------------------------------------------------------------- master data

def _teks_kecamatan(nama: str, kabupaten: str) -> str:
    return f"{nama} (Kabupaten {kabupaten})"


def tambah_kecamatan(session: Session, nama: str, kabupaten: str, *, pengguna: str) -> int:
    p = wajib(pengguna, "master", session=session)
    nama, kabupaten = (nama or "").strip(), (kabupaten or "").strip()
    if not nama or not kabupaten:
        raise PengaturanError("Nama kecamatan dan kabupaten harus diisi.")
    _nama_bebas(session, nama)
    k = Kecamatan(nama=nama, kabupaten=kabupaten)
    session.add(k)
    session.flush()
    log_ubah(session, p, "master", k.id, "kecamatan", None, _teks_kecamatan(nama, kabupaten))
    return k.id


def ubah_kecamatan(session: Session, kecamatan_id: int, nama: str, kabupaten: str, *, pengguna: str) -> bool:
    """Rename a kecamatan or move it to another kabupaten (admins only); logged. False: unchanged."""
    p = wajib(pengguna, "master", session=session)
    nama, kabupaten = (nama or "").strip(), (kabupaten or "").strip()
    if not nama or not kabupaten:
        raise PengaturanError("Nama kecamatan dan kabupaten harus diisi.")
    k = session.get(Kecamatan, kecamatan_id)
    if k is None:
        raise PengaturanError("Kecamatan itu tidak ada lagi di basis data.")
    if (k.nama, k.kabupaten) == (nama, kabupaten):
        return False
    if nama.lower() != k.nama.lower():
        _nama_bebas(session, nama)
    lama = _teks_kecamatan(k.nama, k.kabupaten)
    k.nama, k.kabupaten = nama, kabupaten
    session.add(k)
    log_ubah(session, p, "master", k.id, "kecamatan", lama, _teks_kecamatan(nama, kabupaten))
    session.flush()
    return True


def _nama_bebas(session: Session, nama: str) -> None:
    ada = session.execute(select(Kecamatan.nama, Kecamatan.kabupaten)
                          .where(func.lower(Kecamatan.nama) == nama.lower())).first()
    if ada:
        raise PengaturanError(f"Kecamatan {ada.nama} sudah ada (Kabupaten {ada.kabupaten}).")


def tabel_kecamatan(kecamatan: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{"Kecamatan": k["nama"], "Kabupaten": k["kabupaten"],
                          "Keterangan": "data sintetis" if k["sintetis"] else ""} for k in kecamatan],
                        columns=["Kecamatan", "Kabupaten", "Keterangan"])


KOLOM_DESA = ["nama_desa", "kode_desa", "jenis", "definitif"]


def desa_kecamatan(session: Session, kecamatan_id: int) -> pd.DataFrame:
    """The kecamatan's desa list for the editor (canonical columns of the `desa` import)."""
    rows = session.execute(select(Desa.nama, Desa.kode, Desa.jenis, Desa.definitif)
                           .where(Desa.kecamatan_id == kecamatan_id).order_by(Desa.jenis, Desa.nama)).all()
    return pd.DataFrame([{"nama_desa": r.nama, "kode_desa": r.kode or "", "jenis": r.jenis,
                          "definitif": "ya" if r.definitif else "tidak"} for r in rows], columns=KOLOM_DESA)


def desa_berubah(lama: pd.DataFrame, baru: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The rows of the edited desa list that are new or changed (what the manual import has to write),
    and the problems: a listed desa's name is its key and is not renamed here (the import would add a
    second desa)."""
    def teks(r, k):
        return "" if _kosong(r.get(k)) else str(r[k]).strip()

    lama_rows, baru_rows = lama.to_dict("records"), baru.to_dict("records")
    masalah = []
    for nomor, (a, b) in enumerate(zip(lama_rows, baru_rows), start=1):
        if teks(a, "nama_desa") != teks(b, "nama_desa"):
            masalah.append(f"Baris {nomor}: nama desa '{teks(a, 'nama_desa')}' tidak dapat diganti di sini "
                           f"(menjadi '{teks(b, 'nama_desa')}'); impor daftar desa dengan kode desa untuk "
                           "mengganti nama.")
    ada = {tuple(teks(r, k) for k in KOLOM_DESA) for r in lama_rows}
    rows = [r for r in baru_rows if any(teks(r, k) for k in KOLOM_DESA)
            and tuple(teks(r, k) for k in KOLOM_DESA) not in ada]
    return pd.DataFrame(rows, columns=KOLOM_DESA), masalah


# ---------------------------------------------------------------- the log

def log_pengaturan(session: Session, batas: int = 50) -> list[dict]:
    """The latest settings, scale and master-data changes, newest first."""
    rows = session.execute(select(PengaturanLog.waktu, PengaturanLog.pengguna, PengaturanLog.kecamatan_id,
                                  PengaturanLog.kunci, PengaturanLog.nilai_lama, PengaturanLog.nilai_baru,
                                  Kecamatan.nama)
                           .outerjoin(Kecamatan, Kecamatan.id == PengaturanLog.kecamatan_id)
                           .order_by(PengaturanLog.id.desc()).limit(batas)).all()
    return [dict(waktu=r.waktu, pengguna=r.pengguna, kecamatan_id=r.kecamatan_id, kecamatan=r.nama, kunci=r.kunci,
                 nilai_lama=r.nilai_lama, nilai_baru=r.nilai_baru) for r in rows]


def _uraian_log(kunci: str) -> str:
    if kunci.startswith("skala:"):
        return f"Skala {kunci.split(':', 1)[1]}"
    if kunci == "kecamatan":
        return "Data kecamatan"
    return label(kunci)


def _nilai_log(kunci: str, nilai: str | None) -> str:
    if nilai is None:
        return "—"
    if kunci.startswith("skala:"):
        try:
            return "; ".join(f"{lbl} {'≥' if i else '>'} {fmt.angka_ringkas(b)}" for b, i, lbl, _ in json.loads(nilai))
        except (ValueError, TypeError):
            return nilai
    if kunci in DEFAULTS:
        return tampil_nilai(kunci, nilai)
    return nilai


def tabel_log(log: list[dict]) -> pd.DataFrame:
    rows = []
    for r in log:
        waktu = r["waktu"]
        if waktu.tzinfo is None:  # stored in UTC; shown in the server's local time
            waktu = waktu.replace(tzinfo=timezone.utc)
        waktu = waktu.astimezone()
        if r["kunci"] == "kecamatan":
            lingkup = r["kecamatan"] or "—"
        else:
            lingkup = "Semua kecamatan" if not r["kecamatan_id"] else (r["kecamatan"] or f"#{r['kecamatan_id']}")
        aksi = "dihapus (kembali ke nilai umum)" if r["nilai_baru"] is None else ""
        rows.append({"Waktu": fmt.waktu(waktu), "Oleh": r["pengguna"], "Berlaku untuk": lingkup,
                     "Yang diubah": _uraian_log(r["kunci"]), "Nilai lama": _nilai_log(r["kunci"], r["nilai_lama"]),
                     "Nilai baru": aksi or _nilai_log(r["kunci"], r["nilai_baru"])})
    return pd.DataFrame(rows, columns=["Waktu", "Oleh", "Berlaku untuk", "Yang diubah", "Nilai lama", "Nilai baru"])
