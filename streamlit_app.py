"""Pantau Triwulan: the entry point. Page config, navigation over pages/, and the sidebar frame."""

import logging
from pathlib import Path

import streamlit as st
from sqlalchemy.exc import OperationalError, ProgrammingError

from dashboard import format as fmt
from dashboard import ui
from dashboard.akun import AksesDitolak
from dashboard.basisdata import pesan_galat

# "auto" with a width: shown on a desktop, collapsed on a phone (the key figures come first there); 260 px
# leaves room for five cards and gauges beside it at 1280 px.
st.set_page_config(page_title="Pantau Triwulan", page_icon="📊", layout="wide", initial_sidebar_state=260)

HALAMAN = {
    "Pemantauan": [
        ("pages/ringkasan.py", "Ringkasan", ":material/dashboard:"),
        ("pages/iku.py", "IKU", ":material/flag:"),
        ("pages/anggaran.py", "Anggaran", ":material/payments:"),
        ("pages/skm.py", "SKM", ":material/sentiment_satisfied:"),
        ("pages/desa.py", "Desa", ":material/holiday_village:"),
        ("pages/kabupaten.py", "Kabupaten", ":material/compare:"),
    ],
    "Laporan dan data": [
        ("pages/laporan.py", "Laporan", ":material/download:"),
        ("pages/unggah.py", "Unggah Data", ":material/upload_file:"),
        ("pages/pengaturan.py", "Pengaturan", ":material/settings:"),
    ],
}
ROOT = Path(__file__).resolve().parent


def boleh_buka(path: str, pelaku) -> bool:
    """The pages a role may use: uploads for admins and operators, settings for admins, the kabupaten
    comparison for whoever reads more than one kecamatan."""
    if path == "pages/unggah.py":
        return pelaku.peran in ("admin", "operator") and not pelaku.tamu
    if path == "pages/pengaturan.py":
        return ui.boleh("pengaturan")
    if path == "pages/kabupaten.py":
        return pelaku.kecamatan is None or len(pelaku.kecamatan) > 1
    return True


try:
    pelaku = ui.gerbang()
except (OperationalError, ProgrammingError) as exc:
    st.error(pesan_galat(exc) or "Basis data belum siap. Jalankan `python -m dashboard db upgrade` (atau `make run`), "
             "lalu muat ulang halaman.", icon=":material/error:")
    st.stop()
if callable(pelaku):
    # Not logged in: the login form (or the first admin's form) is the only page there is, so that no page
    # script can be reached by its address before the login.
    st.navigation([st.Page(pelaku, title="Masuk", icon=":material/login:", url_path="masuk")],
                  position="hidden").run()
    st.stop()

navigasi = {
    bagian: [st.Page(path, title=judul, icon=ikon, default=(path == "pages/ringkasan.py"))
             for path, judul, ikon in daftar if (ROOT / path).exists() and boleh_buka(path, pelaku)]
    for bagian, daftar in HALAMAN.items()
}
halaman = st.navigation({k: v for k, v in navigasi.items() if v})

try:
    ui.frame()
    ui.sidebar_akun(pelaku)
except (OperationalError, ProgrammingError) as exc:
    st.error(pesan_galat(exc) or "Basis data belum siap. Jalankan `python -m dashboard db upgrade` (atau `make run`), "
             "lalu muat ulang halaman.", icon=":material/error:")
    st.stop()

PESAN_GAGAL = "Maaf, halaman ini gagal ditampilkan karena kesalahan di aplikasi."

try:
    halaman.run()
except AksesDitolak as exc:  # refused in dashboard/ (and recorded): the reason, not a traceback
    st.error(fmt.md(str(exc)), icon=":material/block:")
except Exception as exc:  # st.stop() and reruns are BaseException and pass through
    logging.getLogger("pantau").exception("page %s failed", halaman.title)
    if pesan_galat(exc):  # a full disk, a read-only database…: the true cause, not "a bug in the app"
        st.error(pesan_galat(exc), icon=":material/error:")
    else:
        st.error(f"{PESAN_GAGAL} Data Anda tidak berubah. Rincian teknis ({type(exc).__name__}) tercatat di log "
                 "server; laporkan kepada pengelola aplikasi.", icon=":material/error:")
