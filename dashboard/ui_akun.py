"""Pengaturan › Pengguna and Pengaturan › Audit (admins only): accounts, access settings and the audit trail.

Every write goes through `dashboard.akun`, which checks the acting user again and records the change.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pandas as pd
import streamlit as st

from dashboard import akun
from dashboard import format as fmt
from dashboard import ui

SEMUA = "(semua)"


def _baca_pengguna() -> list[dict]:
    with ui.sesi() as s:
        return akun.daftar_pengguna(s)


def tabel_pengguna(daftar: list[dict]) -> pd.DataFrame:
    from dashboard.unggah import waktu_lokal

    sekarang = datetime.now(timezone.utc)
    rows = [{"Nama pengguna": u["nama"], "Peran": akun.PERAN.get(u["peran"], u["peran"]),
             "Kecamatan": ", ".join(u["kecamatan"]) or ("semua" if u["peran"] != "operator" else fmt.KOSONG),
             "Status": ("nonaktif" if not u["aktif"] else
                        f"terkunci s.d. {waktu_lokal(u['terkunci_sampai'])}"
                        if u["terkunci_sampai"] and u["terkunci_sampai"] > sekarang else "aktif"),
             "E-mail": u["email"] or "", "Dibuat": waktu_lokal(u["dibuat"])} for u in daftar]
    return pd.DataFrame(rows, columns=["Nama pengguna", "Peran", "Kecamatan", "Status", "E-mail", "Dibuat"])


def bagian_pengguna(tulis, nama_kecamatan: list[str]) -> None:
    """Accounts: the list, add, change role/kecamatan/status, new password; and the access settings."""
    p = ui.pelaku()
    daftar = _baca_pengguna()
    st.caption("Admin: pengguna, pengaturan, data induk, templat, semua kecamatan. Operator: impor, pembatalan impor, "
               "isian manual dan faktor untuk kecamatan yang ditugaskan. Pimpinan: membaca dan mengunduh laporan "
               "kecamatan yang ditugaskan (tanpa kecamatan: seluruh kabupaten). Setiap perubahan tercatat di Audit.")
    ui.tabel(tabel_pengguna(daftar))
    kunci = akun.KUNCI_TULIS
    kiri, kanan = st.columns(2)
    with kiri, st.form("akun_tambah", clear_on_submit=True):
        st.markdown("**Tambah pengguna**")
        nama = st.text_input("Nama pengguna", placeholder="mis. operator.bajuin", key="akun_tambah_nama")
        peran = st.selectbox("Peran", list(akun.PERAN), format_func=akun.PERAN.get, key="akun_tambah_peran")
        kec = st.multiselect("Kecamatan", nama_kecamatan, key="akun_tambah_kec",
                             help="Wajib untuk operator. Pimpinan tanpa kecamatan melihat semua kecamatan; "
                                  "admin selalu semua.")
        email = st.text_input("E-mail (opsional)", key="akun_tambah_email")
        sandi = st.text_input("Kata sandi awal", type="password", autocomplete="new-password",
                              help=f"Minimal {akun.SANDI_MIN} karakter.")
        ulang = st.text_input("Ulangi kata sandi", type="password", autocomplete="new-password")
        if st.form_submit_button("Tambah pengguna", type="primary", icon=":material/person_add:",
                                 key="akun_tambah_kirim"):
            if sandi != ulang:
                st.error("Kedua kata sandi tidak sama.")
            else:
                tulis(lambda s: akun.tambah_pengguna(s, nama, sandi, peran, kec, email=email, pengguna=p),
                      f"Pengguna {fmt.md(nama.strip())} ditambahkan.", kunci=kunci)
    with kanan:
        if not daftar:
            return
        nama_list = [u["nama"] for u in daftar]
        pilih = st.selectbox("Pengguna yang diubah", nama_list, key="akun_ubah_pilih")
        u = next(x for x in daftar if x["nama"] == pilih)
        with st.form(f"akun_ubah_{pilih}"):
            st.markdown(f"**Ubah {fmt.md(pilih)}**")
            peran_baru = st.selectbox("Peran", list(akun.PERAN), index=list(akun.PERAN).index(u["peran"]),
                                      format_func=akun.PERAN.get)
            kec_baru = st.multiselect("Kecamatan", nama_kecamatan,
                                      default=[k for k in u["kecamatan"] if k in nama_kecamatan])
            aktif = st.checkbox("Aktif (boleh masuk)", value=u["aktif"])
            if st.form_submit_button("Simpan perubahan", icon=":material/save:"):
                tulis(lambda s: akun.ubah_pengguna(s, pilih, peran=peran_baru, kecamatan=kec_baru, aktif=aktif,
                                                   pengguna=p), f"Pengguna {fmt.md(pilih)} diubah.", kunci=kunci)
        with st.form(f"akun_sandi_{pilih}", clear_on_submit=True):
            st.markdown(f"**Kata sandi baru untuk {fmt.md(pilih)}**")
            sandi = st.text_input("Kata sandi baru", type="password", autocomplete="new-password")
            ulang = st.text_input("Ulangi kata sandi baru", type="password", autocomplete="new-password")
            if st.form_submit_button("Ganti kata sandi", icon=":material/key:"):
                if sandi != ulang:
                    st.error("Kedua kata sandi tidak sama.")
                else:
                    tulis(lambda s: akun.ubah_sandi(s, pilih, sandi, pengguna=p),
                          f"Kata sandi {fmt.md(pilih)} diganti; login-nya yang lama berakhir dan kuncinya dibuka.",
                          kunci=kunci)
    bagian_akses(tulis)


def bagian_akses(tulis) -> None:
    with ui.sesi() as s:
        nilai = akun.setelan(s)
    p = ui.pelaku()
    st.markdown("**Akses**")
    with st.form("akun_akses"):
        bebas = st.checkbox(akun.LABEL_SETELAN["akses_baca_tanpa_login"],
                            value=nilai["akses_baca_tanpa_login"] == "1",
                            help="Bila dicentang, siapa pun yang membuka alamat server dapat membaca semua kecamatan "
                                 "(tanpa mengubah apa pun). Bawaan: tidak.")
        menit = st.number_input(akun.LABEL_SETELAN["sesi_menganggur_menit"], min_value=5, max_value=1440, step=5,
                                value=int(nilai["sesi_menganggur_menit"]))
        if st.form_submit_button("Simpan akses", icon=":material/save:"):
            def simpan(s):
                a = akun.simpan_setelan(s, "akses_baca_tanpa_login", "1" if bebas else "0", pengguna=p)
                b = akun.simpan_setelan(s, "sesi_menganggur_menit", str(int(menit)), pengguna=p)
                return (a, b) != (nilai["akses_baca_tanpa_login"], nilai["sesi_menganggur_menit"])
            tulis(simpan, "Pengaturan akses disimpan.")


# ---------------------------------------------------------------- the audit trail

@st.cache_data(show_spinner=False, max_entries=16)
def _baca_audit(dari: date, sampai: date, pengguna: str | None, kecamatan_id: int | None, jenis: str | None,
                kunci: str) -> list[dict]:
    sejak = datetime.combine(dari, time.min).astimezone(timezone.utc)
    hingga = datetime.combine(sampai + timedelta(days=1), time.min).astimezone(timezone.utc)
    with ui.sesi() as s:
        return akun.baca_audit(s, sejak=sejak, sampai=hingga, pengguna=pengguna, kecamatan_id=kecamatan_id,
                               jenis=jenis)


@st.cache_data(show_spinner=False, max_entries=4)
def _nama_audit(kunci: str) -> list[str]:
    from sqlalchemy import select

    from models.tables import Audit

    with ui.sesi() as s:
        return sorted(s.execute(select(Audit.pengguna).distinct()).scalars())


def tabel_audit(rows: list[dict]) -> pd.DataFrame:
    from dashboard.unggah import waktu_lokal

    out = [{"Waktu": waktu_lokal(r["waktu"]), "Pengguna": r["pengguna"], "Peran": {**akun.PERAN, "sistem": "Sistem"}.get(r["peran"] or "", r["peran"] or ""),
            "Alamat": r["alamat"] or "", "Jenis": akun.JENIS_AUDIT.get(r["jenis"], r["jenis"]),
            "Hasil": r["hasil"], "Kecamatan": r.get("kecamatan") or "", "Uraian": r["uraian"],
            "Sebelum": r["sebelum"] or "", "Sesudah": r["sesudah"] or ""} for r in rows]
    return pd.DataFrame(out, columns=["Waktu", "Pengguna", "Peran", "Alamat", "Jenis", "Hasil", "Kecamatan",
                                      "Uraian", "Sebelum", "Sesudah"])


def bagian_audit(kec: list[dict]) -> None:
    """Who did what, when, from where: filter by user, kecamatan, kind and date; CSV download."""
    from sqlalchemy import func, select

    from models.tables import Audit

    with ui.sesi() as s:  # the newest row is the cache key: a login or a refusal shows at once
        kunci = str(s.execute(select(func.max(Audit.id))).scalar())
    st.caption("Setiap impor, pembatalan, isian, perubahan pengaturan dan data induk, templat, masuk, gagal masuk, "
               "keluar, penguncian dan perubahan pengguna, dengan nilai sebelum dan sesudahnya. Catatan ini tidak "
               "dapat diubah atau dihapus dari aplikasi. Dari baris perintah: "
               "`python -m dashboard audit --since 2026-01-01 --json`.")
    hari_ini = date.today()
    a, b, c, d = st.columns([2, 2, 2, 3])
    nama = a.selectbox("Pengguna", [SEMUA, *_nama_audit(kunci)], key="audit_pengguna")
    nama_kec = b.selectbox("Kecamatan", [SEMUA, *[k["nama"] for k in kec]], key="audit_kecamatan")
    jenis = c.selectbox("Jenis", [SEMUA, *akun.JENIS_AUDIT], key="audit_jenis",
                        format_func=lambda j: akun.JENIS_AUDIT.get(j, j))
    rentang = d.date_input("Tanggal", value=(hari_ini - timedelta(days=30), hari_ini), format="DD/MM/YYYY",
                           key="audit_tanggal")
    if not isinstance(rentang, (tuple, list)) or len(rentang) != 2:
        st.info("Pilih tanggal awal dan akhir.", icon=":material/date_range:")
        return
    kid = next((k["id"] for k in kec if k["nama"] == nama_kec), None)
    rows = _baca_audit(rentang[0], rentang[1], None if nama == SEMUA else nama, kid,
                       None if jenis == SEMUA else jenis, kunci)
    if not rows:
        ui.kosong("Tidak ada catatan audit untuk pilihan ini.")
        return
    df = tabel_audit(rows)
    st.caption(f"{fmt.angka(len(df), 0)} catatan, yang terbaru di atas.")
    ui.tabel(df.head(2000), lebar={"Uraian": "large"})
    if len(df) > 2000:
        st.caption("Tabel menampilkan 2.000 catatan terbaru; unduhan CSV memuat semuanya.")
    ui.unduh_csv(df, f"audit_{rentang[0].isoformat()}_{rentang[1].isoformat()}.csv", key="audit_unduh",
                 label="Unduh CSV audit")
