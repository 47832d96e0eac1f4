"""The one Streamlit helper module: the sidebar frame, cached readers and shared widgets.

Pages stay thin: they read the frame (`periode_terpilih`), call the cached readers here (which
call `dashboard.*`), and render. The caches are keyed by a data revision (one cheap query per
run), so an import or a settings change by anyone, in any session, shows on every page.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import streamlit as st
from sqlalchemy import func, select

from dashboard import format as fmt
from models.db import database_url, get_engine, session_scope

KUNCI_FRAME = ("kecamatan", "tahun", "triwulan")


# ---------------------------------------------------------------- database and caches

def _engine():
    return get_engine(database_url())  # one engine per URL (lru_cache in models.db)


def mesin():
    """The database engine, for a page that hands it to a `dashboard` function (backup, restore)."""
    return _engine()


def revisi_data() -> tuple:
    """Changes whenever data or settings change (imports, undo, settings, master data)."""
    from models.tables import ImportLog, Kecamatan, Pengaturan, PengaturanLog, Skala

    with session_scope(_engine()) as s:
        return tuple(s.execute(select(
            select(func.max(ImportLog.id)).scalar_subquery(),
            select(func.count(ImportLog.dibatalkan_pada)).scalar_subquery(),
            select(func.max(PengaturanLog.id)).scalar_subquery(),
            select(func.count(Kecamatan.id)).scalar_subquery(),
            select(func.count(Skala.id)).scalar_subquery(),
            select(func.max(Pengaturan.id)).scalar_subquery(),
        )).one())


def hapus_cache() -> None:
    """Call after any write (import, undo, settings): every page reads fresh data."""
    st.cache_data.clear()


def _kunci(rev: tuple) -> str:
    """The database and its revision as a cache-key argument: new data gives new cache entries."""
    return database_url() + "|" + ",".join(map(str, rev))


def kunci() -> str:
    """The cache key of the current data: pass it to every `st.cache_data` reader of a page."""
    return _kunci(revisi_data())


def sesi():
    """A database session (one transaction) for a page's cached reader: `with ui.sesi() as s: ...`."""
    return session_scope(_engine())


def baca_periode(nama: str, tahun: int):
    return _periode(nama, tahun, kunci())


def baca_ringkasan(nama: str, tahun: int, triwulan: int) -> dict:
    return _ringkasan(nama, tahun, triwulan, kunci())


@st.cache_data(show_spinner="Membaca data…", max_entries=64)
def _periode(nama: str, tahun: int, rev: str):
    from dashboard.data import muat_satu

    with session_scope(_engine()) as s:
        return muat_satu(s, nama, tahun)


@st.cache_data(show_spinner=False, max_entries=256)
def _ringkasan(nama: str, tahun: int, triwulan: int, rev: str) -> dict:
    from dashboard.ringkasan import ringkasan as hitung

    return hitung(_periode(nama, tahun, rev), triwulan)


@st.cache_data(show_spinner=False, max_entries=64)
def _kecamatan(rev: str) -> list[dict]:
    from dashboard.data import kecamatan_list

    with session_scope(_engine()) as s:
        return kecamatan_list(s)


@st.cache_data(show_spinner=False, max_entries=256)
def _tahun(kecamatan_id: int, rev: str) -> list[int]:
    from dashboard.data import tahun_tersedia

    with session_scope(_engine()) as s:
        return tahun_tersedia(s, kecamatan_id)


def baca_kecamatan() -> list[dict]:
    return _kecamatan(kunci())


# ---------------------------------------------------------------- the frame

def _dari_url(kunci: str):
    nilai = st.query_params.get(kunci)
    if nilai is None:
        return None
    if kunci == "kecamatan":
        return nilai
    from dashboard.nilai import baca_tahun, baca_triwulan

    return baca_tahun(nilai) if kunci == "tahun" else baca_triwulan(nilai)


def frame() -> None:
    """The sidebar: kecamatan, tahun, triwulan; kept in session_state and in the URL."""
    ss = st.session_state
    rev = kunci()
    kec = _kecamatan(rev)
    with st.sidebar:
        st.markdown("### Pantau Triwulan")
        if not kec:
            st.info("Belum ada kecamatan. Jalankan `python -m dashboard demo` untuk data contoh, atau "
                    "`python -m dashboard kecamatan add NAMA --kabupaten KAB`.")
            for k in KUNCI_FRAME:
                ss.setdefault(k, None)
            return
        for k in KUNCI_FRAME:
            if k not in ss or ss[k] is None:
                v = _dari_url(k)
                if v is not None:
                    ss[k] = v
        nama_list = [k["nama"] for k in kec]
        if ss.get("kecamatan") not in nama_list:
            ss["kecamatan"] = next((k["nama"] for k in kec if not k["sintetis"]), nama_list[0])
        pilihan = st.selectbox("Kecamatan", nama_list, index=nama_list.index(ss["kecamatan"]),
                               format_func=lambda n: _label_kecamatan(n, kec))
        if pilihan != ss["kecamatan"]:
            ss["kecamatan"] = pilihan
        kid = next(k["id"] for k in kec if k["nama"] == ss["kecamatan"])
        tahun_list = _tahun(kid, rev) or [date.today().year]
        if ss.get("tahun") not in tahun_list:
            ss["tahun"] = tahun_list[0]
        ss["tahun"] = st.selectbox("Tahun", tahun_list, index=tahun_list.index(ss["tahun"]))
        tw_list = [1, 2, 3, 4]
        if ss.get("triwulan") not in tw_list:
            ss["triwulan"] = 4
        ss["triwulan"] = st.selectbox("Triwulan (s.d.)", tw_list, index=tw_list.index(ss["triwulan"]),
                                      format_func=fmt.triwulan)
        kab = next(k["kabupaten"] for k in kec if k["nama"] == ss["kecamatan"])
        st.caption(f"Kabupaten {kab}")
    # A page's own parameters (e.g. `impor` of the upload page) stay in the URL beside the frame.
    lain = {k: v for k, v in st.query_params.to_dict().items() if k not in KUNCI_FRAME}
    st.query_params.from_dict({"kecamatan": ss["kecamatan"], "tahun": str(ss["tahun"]),
                               "triwulan": str(ss["triwulan"]), **lain})


def _label_kecamatan(nama: str, kec: list[dict]) -> str:
    k = next(x for x in kec if x["nama"] == nama)
    return f"{nama} (data sintetis)" if k["sintetis"] else nama


def periode_terpilih() -> tuple[str | None, int | None, int | None]:
    ss = st.session_state
    return ss.get("kecamatan"), ss.get("tahun"), ss.get("triwulan")


# ---------------------------------------------------------------- shared widgets

def judul(teks: str, nama: str | None, tahun: int | None, tw: int | None, sintetis: bool = False) -> None:
    st.title(teks)
    if nama:
        st.caption(f"Kecamatan {nama} · {fmt.triwulan(tw)} {tahun} (kumulatif s.d. {fmt.triwulan(tw)})")
    if sintetis:
        st.warning("Kecamatan ini berisi **data sintetis** untuk contoh, bukan data sebenarnya.", icon=":material/science:")


def kosong(pesan: str, saran: str | None = None) -> None:
    """An empty state that says what is missing and how to add it."""
    st.info(pesan + (f"\n\n{saran}" if saran else ""), icon=":material/info:")


def _pastikan_navigasi() -> None:
    """Run through the entry point even when the very first request of a fresh server is a page URL.

    Streamlit starts in its old pages-directory mode (because `pages/` exists) until a run calls
    `st.navigation`; a first visit straight to `/anggaran` would then run the page file alone, without
    the frame. Leave that mode and rerun: the entry point runs, with the frame, and opens the page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    # Once per session: a rerun drops the run's widget triggers (a button click), and AppTest puts every
    # run back into that mode, so rerunning each time would swallow every click in the page tests.
    if PagesManager.uses_pages_directory and not st.session_state.get("_navigasi_dipulihkan"):
        st.session_state["_navigasi_dipulihkan"] = True
        PagesManager.uses_pages_directory = False
        st.rerun()


def perlu_frame() -> tuple[str, int, int] | None:
    """The frame's choice, or an empty state when there is no kecamatan yet."""
    _pastikan_navigasi()
    nama, tahun, tw = periode_terpilih()
    if not nama:
        kosong("Belum ada kecamatan di basis data.",
               "Muat data contoh dengan `python -m dashboard demo`, atau tambahkan kecamatan lewat baris perintah.")
        return None
    return nama, int(tahun), int(tw)


def buka_halaman(judul_halaman: str):
    """The common start of a monitoring page: the frame's period, its summary and data, and the title.

    Returns (nama, tahun, triwulan, ringkasan, periode); without any kecamatan it shows the empty
    state and stops the page.
    """
    frame = perlu_frame()
    if frame is None:
        st.stop()
    nama, tahun, tw = frame
    data = baca_ringkasan(nama, tahun, tw)
    p = baca_periode(nama, tahun)
    judul(judul_halaman, nama, tahun, tw, p.sintetis)
    return nama, tahun, tw, data, p


def grafik(chart: alt.TopLevelMixin | dict, *, lebar: str = "stretch") -> None:
    """Render an Altair chart or its (cached) Vega-Lite dict. Our builders produce valid specs, so
    Altair's schema validation, half the cost of a chart, is skipped."""
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    st.vega_lite_chart(spec, width=lebar)


@st.cache_data(show_spinner=False, max_entries=1024)
def _spesifikasi(_fungsi, nama_fungsi: str, args: tuple, kwargs: dict) -> dict:
    return _fungsi(*args, **kwargs).to_dict(validate=False)


def grafik_dari(fungsi, *args, lebar: str = "stretch", **kwargs) -> None:
    """Build a chart with a pure builder and render it; the spec is cached by the builder and its
    arguments (data frames and numbers), so a warm page draws its charts without Altair."""
    nama = f"{fungsi.__module__}.{fungsi.__qualname__}"
    grafik(_spesifikasi(fungsi, nama, args, kwargs), lebar=lebar)


def tabel(df, *, tinggi: int | str = "auto", lebar: dict[str, str | int] | None = None,
          sembunyi: tuple[str, ...] = ()) -> None:
    """A table with Indonesian formats and category colours; private `_` columns hidden.

    `lebar` gives some columns a width ("small", "medium", "large" or pixels); `sembunyi` hides public
    columns on screen that the CSV download of the same frame keeps.
    """
    from dashboard.tabel import gaya

    config = {c: None for c in df.columns if str(c).startswith("_") or c in sembunyi}
    for c, w in (lebar or {}).items():
        if c in df.columns and c not in config:
            config[c] = st.column_config.Column(width=w)
    # Numbers stay right-aligned also where a missing value made the column text ("—", see tabel.gaya).
    for c in df.columns:
        if c not in config and df[c].map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)).any():
            config[c] = st.column_config.Column(alignment="right")
    st.dataframe(gaya(df), width="stretch", hide_index=True, column_config=config, height=tinggi)


def ringkasan_sebelumnya(nama: str, tahun: int, tw: int) -> dict | None:
    """The summary s.d. the previous TW (TW IV of last year before TW I), when there is data."""
    if tw > 1:
        return baca_ringkasan(nama, tahun, tw - 1)
    kec = next((k for k in baca_kecamatan() if k["nama"] == nama), None)
    if kec is None or tahun - 1 not in _tahun(kec["id"], kunci()):
        return None
    return baca_ringkasan(nama, tahun - 1, 4)


def label_triwulan_sebelumnya(tahun: int, tw: int) -> str:
    return f"{fmt.triwulan(tw - 1)} {tahun}" if tw > 1 else f"{fmt.triwulan(4)} {tahun - 1}"


HALAMAN_BERKAS = {"Ringkasan": "pages/ringkasan.py", "IKU": "pages/iku.py", "Anggaran": "pages/anggaran.py",
                  "SKM": "pages/skm.py", "Desa": "pages/desa.py", "Kabupaten": "pages/kabupaten.py",
                  "Unggah Data": "pages/unggah.py", "Laporan": "pages/laporan.py", "Pengaturan": "pages/pengaturan.py"}


def tautan_sumber(sumber: str) -> None:
    """A link to where a warning comes from: its page, or the import in the upload history."""
    from dashboard.tabel import sumber_label

    jenis, _, nilai = sumber.partition(":")
    halaman = "Unggah Data" if jenis == "impor" else nilai
    path = HALAMAN_BERKAS.get(halaman)
    label = f"{sumber_label(sumber)} → buka halaman {halaman}"
    try:
        st.page_link(path, label=label, icon=":material/arrow_forward:",
                     query_params={"impor": nilai} if jenis == "impor" else None)
    except Exception:  # the page is not in this run's navigation (e.g. a page run on its own)
        st.caption(label)


def unduh_csv(df, nama_file: str, *, key: str, label: str = "Unduh CSV") -> None:
    """A download of a page's table as CSV (`;`, UTF-8 with BOM: Excel in Indonesian locale opens it)."""
    from dashboard.ekspor_csv import csv_bytes

    st.download_button(label, data=csv_bytes(df), file_name=nama_file, mime="text/csv", key=key,
                       icon=":material/download:")


# ---------------------------------------------------------------- the deck template (Pengaturan)

@st.cache_data(show_spinner=False, max_entries=8)
def _info_templat(rev: str):
    from dashboard.ekspor import templat

    with session_scope(_engine()) as s:
        return templat.info(s)


def bagian_templat_pptx(pengguna: str) -> None:
    """The Pengaturan section of the meeting deck's PowerPoint template: the one in use, upload, removal."""
    from dashboard.ekspor import templat

    st.markdown("**Templat presentasi rapat evaluasi (PowerPoint)**")
    st.caption("Satu templat .pptx untuk semua kecamatan. Dek di halaman Laporan memakai tema dan tata letaknya "
               "(tata letak judul dan tata letak 'Judul Saja'); tanpa templat dipakai desain bawaan 16:9.")
    pesan = st.session_state.pop("templat_pptx_pesan", None)
    if pesan:
        st.success(pesan, icon=":material/check_circle:")
    info = _info_templat(kunci())
    if info is None:
        st.info("Belum ada templat: dek memakai desain bawaan.", icon=":material/info:")
    else:
        st.success(f"Templat yang dipakai: {info.ringkas()}.", icon=":material/check_circle:")
    berkas = st.file_uploader("Unggah templat .pptx", type=["pptx"], key="templat_pptx_berkas",
                              max_upload_size=templat.UKURAN_MAKS // (1024 * 1024), help="Tanpa makro.")
    kiri, kanan = st.columns(2)
    if berkas is not None and kiri.button("Pakai templat ini", type="primary", key="templat_pptx_pakai"):
        try:
            with sesi() as s:
                baru = templat.simpan(s, berkas.getvalue(), berkas.name, pengguna=pengguna)
        except templat.TemplatError as exc:
            st.error(f"Templat tidak dipakai: {exc}", icon=":material/error:")
        else:
            hapus_cache()
            st.session_state["templat_pptx_pesan"] = f"Templat {baru.nama_file} disimpan dan dipakai mulai sekarang."
            st.rerun()
    if info is not None and kanan.button("Hapus templat (kembali ke desain bawaan)", key="templat_pptx_hapus"):
        with sesi() as s:
            templat.hapus(s, pengguna=pengguna)
        hapus_cache()
        st.session_state["templat_pptx_pesan"] = "Templat dihapus: dek kembali memakai desain bawaan."
        st.rerun()


def peringatan(daftar: list[dict], nama_file: str, *, key: str) -> None:
    """A page's data warnings as a table, with its CSV download."""
    from dashboard.tabel import tabel_peringatan

    df = tabel_peringatan(daftar)
    st.dataframe(df, width="stretch", hide_index=True)
    unduh_csv(df, nama_file, key=key)
